"""Place words in a question: wijk and village names, streets of the catalogue's places,
postcodes. They become a point to measure distance from and, for a wijk, a wijk preference.

The gazetteer is read from the CMS (live wijken, places) and rebuilt when those change.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils.translation import gettext as _

from places import geo
from places.postcodes import UnknownPostcode, locate_postcode

from .. import analysis
from .words import Words, wordset

# Words around a place name that only say "near": "in de buurt van", "omgeving", "near".
NEAR_WORDS = wordset(
    "in bij buurt omgeving rond rondom dichtbij vlakbij nabij van de het te near around "
    "close to at the neighbourhood area"
)
TOWN_ONLY = ("uithoorn",)  # the whole municipality: understood, but no preference
_POSTCODE_RE = re.compile(r"\b([1-9][0-9]{3})(?:\s?([a-z]{2}))?\b")


@dataclass(frozen=True)
class PlaceHit:
    name: str
    kind: str  # "wijk", "straat", "postcode", "plaats"
    point: geo.Point | None
    wijken: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "lat": round(self.point.lat, 5) if self.point else None,
            "lon": round(self.point.lon, 5) if self.point else None,
            "wijken": list(self.wijken),
        }


def _mean(points: list[geo.Point]) -> geo.Point:
    return geo.Point(
        sum(p.lat for p in points) / len(points), sum(p.lon for p in points) / len(points)
    )


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", analysis.normalise(text)))


def build_gazetteer() -> dict[tuple[str, ...], PlaceHit]:
    from cms.models import Place, WijkPage
    from cms.translations import source_pages

    entries: dict[tuple[str, ...], list[tuple[str, str, geo.Point, str]]] = {}

    def add(phrase, name, kind, point, wijk=""):
        if phrase and not (len(phrase) == 1 and phrase[0] in analysis.stopwords()):
            entries.setdefault(phrase, []).append((name, kind, point, wijk))

    for wijk in source_pages(WijkPage.objects.live()).only("title", "slug", "town", "boundary"):
        if not wijk.boundary:
            continue
        point = geo.centroid(wijk.boundary)
        add(_phrase(wijk.title), wijk.title, "wijk", point, wijk.slug)
        for part in re.split(r"\s+en\s+|,", wijk.title):
            words = _phrase(part)
            add(words, wijk.title, "wijk", point, wijk.slug)
            if len(words) > 1 and words[0] not in analysis.stopwords():
                add(words[:1], words[0].capitalize(), "wijk", point, wijk.slug)  # "Meerwijk"
            if words and words[0] == "de" and len(words) == 2:
                add(words[1:], part.strip(), "wijk", point, wijk.slug)  # "Kwakel"
    for place in Place.objects.exclude(latitude=None).only("street", "latitude", "longitude"):
        add(_phrase(place.street), place.street, "straat", place.point)
    gazetteer: dict[tuple[str, ...], PlaceHit] = {}
    for phrase, hits in entries.items():
        kinds = {h[1] for h in hits}
        kind = "wijk" if "wijk" in kinds else hits[0][1]
        chosen = [h for h in hits if h[1] == kind]
        names = list(dict.fromkeys(h[0] for h in chosen))
        name = names[0] if len(names) == 1 else " ".join(w.capitalize() for w in phrase)
        wijken = tuple(dict.fromkeys(h[3] for h in chosen if h[3]))
        gazetteer[phrase] = PlaceHit(name, kind, _mean([h[2] for h in chosen]), wijken)
    return gazetteer


_lock = threading.Lock()
_cache: dict = {"key": None, "gazetteer": {}}


def _version() -> tuple:
    from wagtail.models import Page

    from cms.models import Place, WijkPage
    from cms.translations import source_pages

    # Driven from the (small) wijk table: joined the other way round, SQLite walks every
    # Dutch page first (9 ms per search at 20,000 services instead of about 1).
    wijk_pages = Page.objects.filter(pk__in=WijkPage.objects.values("pk"), live=True)
    wijken = source_pages(wijk_pages).aggregate(n=Count("pk"), at=Max("last_published_at"))
    places = Place.objects.aggregate(n=Count("pk"), top=Max("pk"))
    return (*wijken.values(), *places.values())


def gazetteer() -> dict[tuple[str, ...], PlaceHit]:
    key = _version()
    with _lock:
        if _cache["key"] != key:
            _cache.update(key=key, gazetteer=build_gazetteer())
        return _cache["gazetteer"]


def reset() -> None:
    with _lock:
        _cache.update(key=None, gazetteer={})


def _claim_near_words(words: Words, start: int, end: int) -> None:
    i = start - 1
    while words.free(i) and words.words[i] in NEAR_WORDS:
        words.claim(i)
        i -= 1


def _postcode(words: Words) -> PlaceHit | None:
    for i, word in enumerate(words.words):
        if not words.free(i) or not re.fullmatch(r"[1-9][0-9]{3}", word):
            continue
        letters = words.words[i + 1] if words.free(i + 1) else ""
        candidates = [f"{word} {letters}", word] if re.fullmatch(r"[a-z]{2}", letters) else [word]
        for candidate in candidates:
            try:
                location = locate_postcode(candidate)
            except (UnknownPostcode, geo.GeoError):
                continue
            words.claim(i, i + 1 if candidate != word else i)
            _claim_near_words(words, i, i)
            name = _("postcode %(postcode)s") % {"postcode": location.postcode}
            return PlaceHit(name, "postcode", location.point)
    return None


def recognise(words: Words) -> PlaceHit | None:
    """The first place named in the question (longest name first), its words claimed."""
    hit = _postcode(words)
    if hit:
        return hit
    places = gazetteer()
    for size in sorted({len(p) for p in places}, reverse=True):
        for phrase, place in places.items():
            if len(phrase) != size:
                continue
            for start in words.find(phrase):
                words.claim(*range(start, start + size))
                _claim_near_words(words, start, start + size)
                return place
    for town in TOWN_ONLY:
        for start in words.find((town,)):
            words.claim(start)
            _claim_near_words(words, start, start + 1)
            return PlaceHit("Uithoorn", "plaats", None)
    return None
