"""Generate many services with realistic Dutch text, for benchmarks only.

Texts are built from B1-level sentence templates per leefgebied, so the vocabulary,
sentence length and the mix of titles, summaries, "helps with" phrases and body text look
like the real catalogue. Pages are added straight into the tree (no revisions, no publish
signals); build the search indexes afterwards.
"""

from __future__ import annotations

import datetime
import random

TOPICS = {
    "geld": [
        "schulden", "geldzorgen", "rekeningen", "de huur", "toeslagen", "uw belastingaangifte",
        "een laag inkomen", "kwijtschelding", "de energierekening", "uw administratie",
        "een betalingsregeling", "post en brieven",
    ],
    "wonen": [
        "een aanpassing in huis", "verhuizen", "een huurwoning", "problemen met de buren",
        "vocht en schimmel", "een traplift", "langer thuis wonen",
    ],
    "zorg-en-gezondheid": [
        "hulp in het huishouden", "een rolstoel", "een scootmobiel", "dementie",
        "vervoer naar de dokter", "gezond eten", "bewegen", "medicijnen", "slecht slapen",
    ],
    "contact-en-ontmoeting": [
        "eenzaamheid", "nieuwe mensen ontmoeten", "samen koken", "een praatje",
        "spelletjes", "een wandelgroep", "koffie in de buurt", "rouw en verlies",
    ],
    "opvoeden-en-opgroeien": [
        "de opvoeding", "pubers", "huiswerk", "ruzie thuis", "een oppas", "scheiden met kinderen",
        "pesten op school", "jongeren in de wijk",
    ],
    "werk-en-dagbesteding": [
        "werk zoeken", "een sollicitatie", "werkervaring", "een opleiding", "dagbesteding",
        "vrijwilligerswerk", "een uitkering", "re-integratie",
    ],
    "zorgen-voor-een-ander": [
        "mantelzorg", "zorgen voor uw ouders", "even vrij van de zorg", "een zieke partner",
        "respijtzorg",
    ],
    "taal-en-meedoen": [
        "Nederlands leren", "lezen en schrijven", "inburgering", "digitale vaardigheden",
        "meedenken met de gemeente", "formulieren op internet",
    ],
}  # fmt: skip
KINDS = [
    "Spreekuur over {t}", "Hulp bij {t}", "Inloop: {t}", "Cursus {t}", "Advies over {t}",
    "Groep voor {t}", "Vrijwilligers helpen met {t}", "Informatiepunt {t}",
]  # fmt: skip
WHO = ["ouderen", "jongeren", "ouders", "mantelzorgers", "nieuwkomers", "iedereen",
       "mensen met een beperking", "mensen met een laag inkomen", "werkzoekenden"]  # fmt: skip
SUMMARIES = [
    "Heeft u vragen over {t}? Wij helpen u gratis en zonder afspraak.",
    "Voor {w} in Uithoorn en De Kwakel. Samen zoeken we uit wat u nodig heeft bij {t}.",
    "Een vrijwilliger denkt met u mee over {t}. U kunt bellen of langskomen.",
    "Wij geven uitleg over {t} en helpen u op weg. Het kost niets.",
]  # fmt: skip
PHRASES = [
    "ik heb vragen over {t}", "ik wil hulp bij {t}", "ik weet niet wat ik moet doen met {t}",
    "wie kan mij helpen met {t}", "ik maak me zorgen over {t}", "ik zoek informatie over {t}",
    "ik wil iemand spreken over {t}",
]  # fmt: skip
BODY = [
    "U kunt zonder afspraak binnenlopen. Een medewerker luistert naar uw vraag.",
    "Soms regelen we het meteen. Soms maken we een afspraak voor een langer gesprek.",
    "Neem brieven en papieren mee die over uw vraag gaan.",
    "Wilt u liever thuis praten? Dan komen we bij u langs.",
    "De hulp is gratis. Wat u vertelt, blijft tussen ons.",
    "Wij werken samen met het sociaal loket en met Uithoorn voor Elkaar.",
    "U mag iemand meenemen, bijvoorbeeld een familielid of een buurvrouw.",
    "Spreekt u nog niet goed Nederlands? Dan zoeken we samen een oplossing.",
    "Heeft u een vraag over {t}? Bel ons of stuur een e-mail.",
    "Veel mensen vinden het moeilijk om hulp te vragen. Dat is niet nodig: we helpen graag.",
]  # fmt: skip
WIJKEN = ["Thamerdal", "Zijdelwaard", "Meerwijk", "Legmeer", "Europarei", "De Kwakel",
          "het Dorpscentrum"]  # fmt: skip


def _text(rng: random.Random, template: str, topic: str) -> str:
    return template.format(t=topic, w=rng.choice(WHO))


def generate_services(count: int, seed: int = 42) -> int:
    """Add ``count`` live services under the service index; returns the number added."""
    from django.db import transaction

    from cms.models import (
        OrganisationPage,
        Place,
        ServiceIndexPage,
        ServiceOpeningRule,
        ServicePage,
        ServicePhrase,
        TargetGroup,
        Theme,
    )

    rng = random.Random(seed)
    index = ServiceIndexPage.objects.get()
    organisations = list(OrganisationPage.objects.live())
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = list(TargetGroup.objects.all())
    places = list(Place.objects.all())
    for number in range(60):
        place = Place(
            slug=f"bench-plek-{number}",
            name=f"Buurthuis {rng.choice(WIJKEN)} {number}",
            street="Voorbeeldstraat",
            number=str(number + 1),
            postcode="1421 AB",
            latitude=52.215 + rng.random() * 0.035,
            longitude=4.78 + rng.random() * 0.06,
        )
        place.save()
        places.append(place)
    made = 0
    with transaction.atomic():
        for number in range(count):
            theme_slug = rng.choice([s for s in TOPICS if s in themes] or list(themes))
            topic = rng.choice(TOPICS.get(theme_slug, ["hulp"]))
            title = f"{_text(rng, rng.choice(KINDS), topic)} in {rng.choice(WIJKEN)}"
            page = ServicePage(
                title=title[:250],
                slug=f"bench-{number}",
                live=True,
                organisation=rng.choice(organisations),
                summary=_text(rng, rng.choice(SUMMARIES), topic)[:300],
                body=[
                    ("paragraph", f"<p>{_text(rng, rng.choice(BODY), topic)}</p>")
                    for _ in range(rng.randint(2, 5))
                ],
                cost=rng.choice(["free", "free", "small_contribution", "own_contribution"]),
                access=rng.choice(["walk_in", "sign_up", "via_gp"]),
                at_home=rng.random() < 0.2,
                by_phone_or_online=rng.random() < 0.3,
                last_checked=datetime.date(2026, 1, 1) + datetime.timedelta(rng.randint(0, 300)),
                first_published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            )
            page.themes = [themes[theme_slug]] + rng.sample(list(themes.values()), 1)
            page.target_groups = rng.sample(groups, 2)
            page.places = rng.sample(places, rng.choice([0, 1, 1, 2]))
            for order in range(rng.randint(3, 6)):
                phrase = _text(rng, rng.choice(PHRASES), rng.choice(TOPICS[theme_slug]))
                page.phrases.add(ServicePhrase(text=phrase, sort_order=order))
            if rng.random() < 0.3:
                page.opening_rules.add(
                    ServiceOpeningRule(
                        weekday=rng.randint(0, 4),
                        start_time=datetime.time(9),
                        end_time=datetime.time(12),
                    )
                )
            index.add_child(instance=page)
            made += 1
    return made
