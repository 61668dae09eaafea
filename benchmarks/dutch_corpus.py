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


LINKS = ("themes", "target_groups", "places")


def generate_services(count: int, seed: int = 42, batch: int = 2000) -> int:
    """Add ``count`` live services under the service index; returns the number added.

    The services are written in bulk, ``batch`` at a time: the tree positions (treebeard's
    materialised paths) are computed here, the page rows and the service rows go in with a few
    multi-row INSERTs per batch, then the phrases, opening times and the theme, target group and
    place links.
    No revisions, no signals (build the search indexes afterwards).
    """
    from django.db import transaction
    from wagtail.models import Locale

    from cms.models import OrganisationPage, Place, ServiceIndexPage, TargetGroup, Theme

    rng = random.Random(seed)
    # The Dutch tree: with the English demo loaded there is a second (English) service index.
    locale = Locale.get_default()
    index = ServiceIndexPage.objects.get(locale=locale)
    organisations = list(OrganisationPage.objects.live().filter(locale=locale))
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = list(TargetGroup.objects.all())
    places = list(Place.objects.all())
    with transaction.atomic():
        places.extend(_places(rng))
        tree = _TreeSlots(index)
        made = 0
        while made < count:
            size = min(batch, count - made)
            services = [
                _service(rng, made + i, organisations, themes, groups, places) for i in range(size)
            ]
            _insert(index, tree, services)
            made += size
        tree.close()
    return made


def _places(rng: random.Random) -> list:
    """Sixty community centres to hold the services (saved one by one: each finds its wijk)."""
    from cms.models import Place

    places = []
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
    return places


def _service(rng: random.Random, number: int, organisations, themes, groups, places):
    """One unsaved service with its phrases, opening times and links, drawn from ``rng`` in
    the same order as when the services were added one by one."""
    from cms.models import ServiceOpeningRule, ServicePage, ServicePhrase

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
    links = {
        "themes": [themes[theme_slug]] + rng.sample(list(themes.values()), 1),
        "target_groups": rng.sample(groups, 2),
        "places": rng.sample(places, rng.choice([0, 1, 1, 2])),
    }
    phrases = [
        ServicePhrase(
            text=_text(rng, rng.choice(PHRASES), rng.choice(TOPICS[theme_slug])), sort_order=order
        )
        for order in range(rng.randint(3, 6))
    ]
    rules = []
    if rng.random() < 0.3:
        rules.append(
            ServiceOpeningRule(
                weekday=rng.randint(0, 4),
                start_time=datetime.time(9),
                end_time=datetime.time(12),
                sort_order=0,
            )
        )
    return page, links, phrases, rules


class _TreeSlots:
    """Hands out the materialised paths of new last children of ``parent`` (what treebeard's
    ``add_child`` computes one page at a time) and adds them to the parent's ``numchild``."""

    def __init__(self, parent):
        from wagtail.models import Page

        self.parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = self.parent.get_last_child()
        self.next = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.added = 0

    def take(self) -> tuple[str, int]:
        from wagtail.models import Page

        path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next)
        if len(path) != len(self.parent.path) + Page.steplen:
            from treebeard.exceptions import PathOverflow

            raise PathOverflow(f"No room for more children under {self.parent.url_path}")
        self.next += 1
        self.added += 1
        return path, self.parent.depth + 1

    def close(self) -> None:
        from django.db.models import F
        from wagtail.models import Page

        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.added)


def _insert(index, tree: _TreeSlots, services) -> None:
    """Write one batch: page rows, service rows, then what hangs off each service."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    from cms.models import ServiceOpeningRule, ServicePage, ServicePhrase

    content_type = ContentType.objects.get_for_model(ServicePage)
    pages = [page for page, _, _, _ in services]
    for page in pages:
        page.path, page.depth = tree.take()
        page.numchild = 0
        page.content_type = content_type
        page.locale_id = index.locale_id
        page.draft_title = page.title
        page.url_path = f"{index.url_path}{page.slug}/"
        page.last_published_at = page.first_published_at
    # Page rows first (Django's bulk_create refuses a multi-table child, but the base manager
    # writes the Page columns of the very same objects and returns their ids) ...
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    # ... then the ServicePage rows: the child's own columns, as Model.save does per object.
    fields = ServicePage._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
    for start in range(0, len(pages), size):
        ServicePage._base_manager._insert(pages[start : start + size], fields=fields)

    phrase_locale = _has_field(ServicePhrase, "locale")
    phrases, rules = [], []
    m2m = {name: ServicePage._meta.get_field(name) for name in LINKS}
    links = {name: [] for name in m2m}
    for page, page_links, page_phrases, page_rules in services:
        for phrase in page_phrases:
            phrase.page_id = page.id
            if phrase_locale:
                phrase.locale_id = index.locale_id
        phrases.extend(page_phrases)
        for rule in page_rules:
            rule.page_id = page.id
        rules.extend(page_rules)
        for name, targets in page_links.items():
            field = m2m[name]
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            links[name].extend(  # a theme drawn twice is linked once, as the setter does
                field.remote_field.through(**{source: page.id, target: pk})
                for pk in dict.fromkeys(other.pk for other in targets)
            )
    ServicePhrase.objects.bulk_create(phrases)
    ServiceOpeningRule.objects.bulk_create(rules)
    for name, rows in links.items():
        m2m[name].remote_field.through.objects.bulk_create(rows)


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())
