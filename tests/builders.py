"""Tiny builders so tests create only the content they need."""

import datetime
import itertools

from cms.models import (
    OrganisationIndexPage,
    OrganisationPage,
    Place,
    ServiceIndexPage,
    ServiceOpeningRule,
    ServicePage,
    ServicePhrase,
    ServiceScheduleException,
    Sleutelpersoon,
    TargetGroup,
    Theme,
    WijkIndexPage,
    WijkPage,
)

_counter = itertools.count(1)

# A square around the centre of Uithoorn, and one around De Kwakel.
UITHOORN_SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[4.815, 52.230], [4.840, 52.230], [4.840, 52.245], [4.815, 52.245], [4.815, 52.230]]
    ],
}
KWAKEL_SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[4.785, 52.225], [4.805, 52.225], [4.805, 52.240], [4.785, 52.240], [4.785, 52.225]]
    ],
}


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class Builder:
    def __init__(self, home):
        self.home = home

    def theme(self, slug="geld", name="Geld en schulden", **kw):
        return Theme.objects.get_or_create(slug=slug, defaults={"name": name, **kw})[0]

    def target_group(self, slug="ouderen", name="Ouderen"):
        return TargetGroup.objects.get_or_create(slug=slug, defaults={"name": name})[0]

    def wijk(self, slug="centrum", name="Centrum", boundary=None, **kw):
        wijk = WijkPage(
            title=name,
            slug=slug,
            intro=kw.pop("intro", f"De wijk {name}."),
            boundary=boundary or UITHOORN_SQUARE,
            **kw,
        )
        wijk.sleutelpersonen.add(
            Sleutelpersoon(
                name=f"Sleutelpersoon {name}",
                helps_with="Vragen over de wijk.",
                how_to_reach="Bel of loop binnen.",
                phone="0297 000 050",
            )
        )
        return _publish(WijkIndexPage.objects.get(), wijk)

    def place(self, slug=None, name="Gemeentehuis", lat=52.2346, lon=4.8270, **kw):
        slug = slug or f"plek-{next(_counter)}"
        defaults = {
            "street": "Laan van Meerwijk",
            "number": "16",
            "postcode": "1422 AA",
            "town": "Uithoorn",
        }
        place = Place(slug=slug, name=name, latitude=lat, longitude=lon, **{**defaults, **kw})
        place.save()
        return place

    def organisation(self, slug="gemeente-uithoorn", name="Gemeente Uithoorn"):
        existing = OrganisationPage.objects.filter(slug=slug).first()
        if existing:
            return existing
        page = OrganisationPage(title=name, slug=slug, description=f"{name} helpt inwoners.")
        return _publish(OrganisationIndexPage.objects.get(), page)

    def service(
        self,
        slug=None,
        title="Hulp bij schulden",
        *,
        phrases=(),
        themes=(),
        places=(),
        wijken=(),
        rules=(),
        exceptions=(),
        organisation=None,
        publish=True,
        **kw,
    ):
        slug = slug or f"dienst-{next(_counter)}"
        kw.setdefault("summary", f"{title}: een korte uitleg.")
        kw.setdefault("last_checked", datetime.date(2026, 10, 1))
        page = ServicePage(
            title=title, slug=slug, organisation=organisation or self.organisation(), **kw
        )
        page.themes = list(themes)
        page.places = list(places)
        page.wijken = list(wijken)
        for order, text in enumerate(phrases):
            page.phrases.add(ServicePhrase(text=text, sort_order=order))
        for rule in rules:
            page.opening_rules.add(ServiceOpeningRule(**rule))
        for exc in exceptions:
            page.schedule_exceptions.add(ServiceScheduleException(**exc))
        parent = ServiceIndexPage.objects.get()
        if not publish:
            page.live = False
            parent.add_child(instance=page)
            page.save_revision()
            return page
        return _publish(parent, page)
