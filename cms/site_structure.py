"""Create the fixed page tree (home and its index pages) once, idempotently."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from cms.models import (
    HomePage,
    LoketOverviewPage,
    OrganisationIndexPage,
    ServiceIndexPage,
    StandardPage,
    WijkIndexPage,
)

INDEX_PAGES = (
    (
        ServiceIndexPage,
        "voorzieningen",
        "Sociale kaart: alle hulp en activiteiten",
        "Hier vindt u alle hulp, loketten en activiteiten in Uithoorn en De Kwakel.",
    ),
    (
        OrganisationIndexPage,
        "aanbieders",
        "Organisaties",
        "Deze organisaties helpen inwoners van Uithoorn en De Kwakel.",
    ),
    (WijkIndexPage, "wijken", "Wijken", ""),
    (
        LoketOverviewPage,
        "loketten",
        "Loketten en spreekuren",
        "Hier kunt u binnenlopen met een vraag. U hoeft geen afspraak te maken.",
    ),
)


STANDARD_PAGES = (
    (
        "toegankelijkheid",
        "Toegankelijkheid",
        "Iedereen moet deze website kunnen gebruiken. Ook als u slecht ziet, niet goed kunt "
        "lezen of geen muis gebruikt.",
        [
            ("heading", {"text": "Wat wij doen"}),
            (
                "paragraph",
                "<p>Wij bouwen de website volgens de regels van WCAG 2.1, niveau AA. "
                "Dat is de norm voor websites van de overheid.</p>"
                "<ul><li>U kunt alles bedienen met het toetsenbord.</li>"
                "<li>De website werkt met een schermlezer.</li>"
                "<li>Met de knop ‘Lees voor’ hoort u de tekst van de pagina. "
                "Uw eigen browser leest de tekst voor, met zijn eigen stem.</li>"
                "<li>U kunt de tekst groter maken zonder dat er iets wegvalt.</li>"
                "<li>U kunt de kaart ook met het toetsenbord gebruiken. "
                "Ga met Tab naar een punt op de kaart. Met Enter opent u het. "
                "Met Escape sluit u het weer. "
                "Dezelfde informatie staat altijd ook in de lijst bij de kaart.</li>"
                "<li>De website werkt ook zonder JavaScript. De kaart is een extra.</li>"
                "<li>Wij schrijven in eenvoudige woorden (taalniveau B1).</li></ul>",
            ),
            ("heading", {"text": "Werkt iets niet goed?"}),
            (
                "paragraph",
                "<p>Laat het ons weten. Bel het sociaal loket: 0297 000 001. "
                "Of mail naar toegankelijkheid@example.org. Wij antwoorden binnen vijf werkdagen."
                "</p>",
            ),
            ("heading", {"text": "Uw privacy"}),
            (
                "paragraph",
                "<p>Wij volgen u niet. Deze website gebruikt geen cookies om te meten "
                "of te volgen. Wat u zoekt, bewaren wij zonder uw naam of IP-adres.</p>",
            ),
        ],
    ),
)


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


@transaction.atomic
def ensure_site_structure(hostname="localhost", port=80) -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration creates a plain welcome page; ours replaces it.
        for page in root.get_children().filter(slug="home"):
            if not isinstance(page.specific, HomePage):
                Site.objects.filter(root_page=page).delete()
                page.delete()
        home = HomePage(
            title="Sociale kaart Uithoorn",
            slug="home",
            question="Waar zoekt u hulp bij?",
            intro="Zoek hulp, een loket of een activiteit in Uithoorn en De Kwakel.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Sociale kaart Uithoorn",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()

    for model, slug, title, intro in INDEX_PAGES:
        if _child(home, model, slug) is None:
            page = model(title=title, slug=slug, intro=intro)
            if model is WijkIndexPage:
                page.intro = (
                    "<p>Iedere wijk heeft vaste gezichten: mensen die u kunt aanspreken.</p>"
                )
            home.add_child(instance=page)
            page.save_revision().publish()
    for slug, title, intro, body in STANDARD_PAGES:
        if _child(home, StandardPage, slug) is None:
            page = StandardPage(title=title, slug=slug, intro=intro, body=body)
            home.add_child(instance=page)
            page.save_revision().publish()
    return home


def get_index(model):
    """The live Dutch index page of ``model`` (its translations are not a second index)."""
    return model.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
