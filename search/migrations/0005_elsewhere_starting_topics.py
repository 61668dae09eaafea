"""Starting topics for "Dit regelt u ergens anders". Frozen here on purpose: editors change
them afterwards in the CMS (Zoeken -> Ergens anders geregeld); this migration never runs
again and imports no application code."""

from django.db import migrations

GEMEENTE_URL = "https://www.uithoorn.nl"
GEMEENTE_TEXT = (
    "Dit regelt u bij de gemeente Uithoorn. Kijk op de website van de gemeente. "
    "Of ga naar de balie in het gemeentehuis, Laan van Meerwijk 16. "
    "Voor de balie maakt u meestal eerst een afspraak."
)

TOPICS = [
    {
        "title": "Paspoort of ID-kaart",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": GEMEENTE_TEXT + " Neem een pasfoto en uw oude paspoort of ID-kaart mee.",
        "triggers": "paspoort, id-kaart, id kaart, identiteitskaart, identiteitsbewijs, "
        "reisdocument, reispas, passport, identity card, id card",
        "context": "verlengen, vernieuwen, aanvragen, kwijt, verloren, pasfoto, foto, kind, "
        "afspraak, ophalen, renewal, renew, lost",
    },
    {
        "title": "Rijbewijs",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": GEMEENTE_TEXT + " Bent u 75 jaar of ouder? Dan heeft u eerst een "
        "gezondheidsverklaring nodig.",
        "triggers": "rijbewijs, rijbewijzen, driving licence, driving license, drivers license",
        "context": "verlengen, vernieuwen, verlopen, kwijt, keuring, gezondheidsverklaring, "
        "cbr, aanvragen, renew, lost, expired",
    },
    {
        "title": "Parkeervergunning of parkeerkaart",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": GEMEENTE_TEXT + " Ook een parkeerkaart voor mensen met een beperking "
        "(gehandicaptenparkeerkaart) vraagt u aan bij de gemeente.",
        "triggers": "parkeervergunning, parkeerkaart, gehandicaptenparkeerkaart, "
        "invalidenparkeerkaart, parkeerplaats, parking permit",
        "context": "parkeren, auto, bezoekers, aanvragen, straat, eigen, parking, car",
    },
    {
        "title": "Grofvuil en afval",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": "Grofvuil laat u ophalen via de website van de gemeente. U kunt het ook zelf "
        "naar het afvalbrengstation brengen. Is uw container niet geleegd of kapot? "
        "Meld het bij de gemeente.",
        "triggers": "grofvuil, grof vuil, afval, vuilnis, huisvuil, container, kliko, "
        "afvalpas, milieustraat, afvalbrengstation, oud papier, bulky waste, rubbish, "
        "garbage, bin",
        "context": "ophalen, legen, geleegd, kapot, vol, vergeten, weg, straat, bank, matras, "
        "kast, meubels, brengen, collection, collect",
    },
    {
        "title": "Vergunning om te bouwen of te verbouwen (omgevingsvergunning)",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": "Wilt u bouwen, verbouwen of een boom kappen? Soms heeft u daarvoor een "
        "vergunning nodig (omgevingsvergunning). Op de website van de gemeente leest u "
        "of dat zo is en hoe u hem aanvraagt.",
        "triggers": "omgevingsvergunning, bouwvergunning, kapvergunning, vergunning, "
        "verbouwen, verbouwing, aanbouw, uitbouw, dakkapel, schutting, boom kappen, "
        "building permit",
        "context": "bouwen, huis, tuin, boom, dak, garage, schuur, aanvragen, build",
    },
    {
        "title": "Verhuizing doorgeven",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": "Gaat u verhuizen? Geef uw nieuwe adres door aan de gemeente. Dat kan op de "
        "website met uw DigiD, vanaf vier weken voor de verhuizing. Lukt het niet met "
        "DigiD? De bibliotheek helpt u gratis.",
        "triggers": "verhuizing, verhuizen, adreswijziging, nieuw adres, inschrijven "
        "gemeente, uitschrijven, brp, basisregistratie, uittreksel, change of address, "
        "moving house",
        "context": "doorgeven, adres, inschrijving, gemeente, nieuwe, aanvragen, register",
    },
    {
        "title": "Geboorte, trouwen en overlijden",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": "De aangifte van een geboorte of een overlijden doet u bij de gemeente. Ook "
        "voor trouwen of een geregistreerd partnerschap gaat u naar de gemeente. Op de "
        "website staat wat u moet meenemen.",
        "triggers": "geboorteaangifte, aangifte geboorte, geboorte, trouwen, huwelijk, "
        "partnerschap, overlijden, overleden, overlijdensakte, begrafenis, "
        "birth registration, marriage, wedding, death",
        "context": "aangifte, akte, gemeentehuis, ceremonie, baby, kind, kwijt, register",
    },
    {
        "title": "Stempas en verkiezingen",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": "Uw stempas krijgt u thuis van de gemeente. Is hij kwijt of kapot? Vraag dan "
        "bij de gemeente een nieuwe aan. Dat moet een paar dagen voor de verkiezingen.",
        "triggers": "stempas, stembiljet, stembureau, verkiezingen, volmacht, voting pass",
        "context": "kwijt, stemmen, nieuwe, aanvragen, vote, voting, election",
    },
    {
        "title": "Hondenbelasting",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": "Heeft u een hond? Meld hem aan bij de gemeente voor de hondenbelasting. Heeft "
        "u geen hond meer? Meld hem dan af. Dat kan op de website van de gemeente.",
        "triggers": "hondenbelasting, hond aanmelden, hond afmelden, dog tax",
        "context": "hond, honden, belasting, aanslag, dog",
    },
    {
        "title": "Melding over de straat: kapotte lantaarn, losse tegel, zwerfafval",
        "kind": "gemeente",
        "url": GEMEENTE_URL,
        "phone": "",
        "text": "Ziet u iets kapot of vies op straat? Bijvoorbeeld een lantaarnpaal die niet "
        "brandt, een losse stoeptegel of zwerfafval. Meld het bij de gemeente via de "
        "website of de app. Is het gevaarlijk? Bel dan de gemeente.",
        "triggers": "straatlantaarn, lantaarnpaal, lantaarn, straatverlichting, kuil, gat "
        "in de weg, losse tegel, stoeptegel, losliggende tegel, zwerfafval, zwerfvuil, "
        "hondenpoep, graffiti, omgevallen boom, verstopte put, riool, pothole, streetlight, "
        "street light",
        "context": "kapot, straat, weg, stoep, fietspad, melden, gevaarlijk, brandt, uit, "
        "broken, street",
    },
    {
        "title": "Spoed bij de huisarts of tandarts",
        "kind": "huisartsenpost",
        "url": "https://www.thuisarts.nl",
        "phone": "",
        "text": "Bel eerst uw eigen huisarts. 's Avonds, 's nachts en in het weekend hoort u "
        "dan het nummer van de huisartsenpost. Voor de tandarts is het net zo: bel uw eigen "
        "tandarts, dan hoort u wie er dienst heeft. Is er levensgevaar? Bel 112.",
        "triggers": "huisartsenpost, spoedpost, dokterspost, tandarts spoed, spoedtandarts, "
        "kiespijn, huisarts weekend, huisarts nacht, huisarts avond, huisarts zondag, "
        "huisarts zaterdag, dokter weekend, dokter nacht, dokter avond, dokter zondag, "
        "dokter zaterdag, tandarts nacht, tandarts weekend, tandarts zondag, koorts, "
        "out of hours, after hours, emergency dentist, gp weekend, doctor weekend",
        "context": "spoed, dringend, ziek, kind, baby, hoog, pijn, nodig, nacht, weekend, "
        "avond, zondag, zaterdag, dokter, huisarts, tandarts, arts, doctor, gp, dentist",
    },
    {
        "title": "Levensgevaar, brand of ongeluk: bel 112",
        "kind": "112",
        "url": "",
        "phone": "112",
        "text": "Is er gevaar voor iemands leven, is er brand of een ernstig ongeluk? Bel "
        "meteen 112. Zeg waar u bent en wat er is gebeurd. Blijf aan de lijn.",
        "triggers": "112, levensgevaar, bewusteloos, reanimeren, reanimatie, hartaanval, "
        "hartstilstand, beroerte, brand, brandweer, ambulance, ongeluk, ongeval, "
        "verdrinken, noodgeval, heart attack, unconscious, fire, stroke, emergency",
        "context": "straat, huis, weg, iemand, ademt, niet, rook, snel, hulp, someone, "
        "street, help",
    },
    {
        "title": "Politie: aangifte of melding",
        "kind": "politie",
        "url": "https://www.politie.nl",
        "phone": "0900 8844",
        "text": "Voor aangifte van diefstal, inbraak of een ander misdrijf gaat u naar de "
        "politie. Dat kan vaak online, of bel 0900 8844. Is er nu gevaar? Bel 112.",
        "triggers": "politie, aangifte, gestolen, diefstal, inbraak, ingebroken, beroofd, "
        "overval, vandalisme, wijkagent, stolen, theft, burglary, police, robbed",
        "context": "fiets, auto, telefoon, portemonnee, tas, scooter, huis, melden, "
        "gisteren, bike, car, phone, wallet, bag",
    },
    {
        "title": "Storing van gas of stroom",
        "kind": "other",
        "url": "",
        "phone": "0800 9009",
        "text": "Ruikt u gas? Open ramen en deuren, gebruik geen vuur en geen lichtknopjes, en "
        "ga naar buiten. Bel dan het storingsnummer voor gas en stroom: 0800 9009 (gratis). "
        "Is er brand of gevaar? Bel 112.",
        "triggers": "gaslucht, gaslek, gas ruiken, gasstoring, stroomstoring, storing gas, "
        "storing stroom, geen stroom, power cut, gas leak, smell gas",
        "context": "huis, thuis, keuken, straat, ruik, storing, electricity",
    },
    {
        "title": "Verkeersboete (CJIB)",
        "kind": "other",
        "url": "https://www.cjib.nl",
        "phone": "",
        "text": "Een verkeersboete betaalt u aan het CJIB (Centraal Justitieel "
        "Incassobureau). Op de website van het CJIB kunt u ook vragen om in delen te "
        "betalen. Heeft u veel schulden? Zoek dan hier op 'schulden'.",
        "triggers": "verkeersboete, bekeuring, flitsboete, parkeerboete, snelheidsboete, "
        "cjib, traffic fine, speeding ticket, parking ticket",
        "context": "betalen, boete, termijnen, brief, auto, fine",
    },
]


def add_topics(apps, schema_editor):
    topic_model = apps.get_model("search", "ElsewhereTopic")
    for order, item in enumerate(TOPICS):
        if topic_model.objects.filter(title=item["title"]).exists():
            continue
        topic_model.objects.create(
            title=item["title"],
            kind=item["kind"],
            url=item["url"],
            phone=item["phone"],
            text=item["text"],
            triggers=item["triggers"],
            context_words=item["context"],
            sort_order=order,
        )


def remove_topics(apps, schema_editor):
    topic_model = apps.get_model("search", "ElsewhereTopic")
    topic_model.objects.filter(title__in=[t["title"] for t in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_elsewhere_topic")]

    operations = [migrations.RunPython(add_topics, remove_topics)]
