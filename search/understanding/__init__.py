"""Query understanding, before matching: where, when and for whom the question is.

``understand(params)`` reads place words (wijk and village names, streets of the catalogue's
places, postcodes), time words ("vandaag", "nu open", weekdays, "ochtend", "weekend") and
person words ("moeder van 84", "zoon van 15", "baby") from the question. The words it
claims leave the text that is matched; what they mean becomes preferences for ranking
(distance from the place, the wijk, sessions in the time window, the target groups). The
visitor sees what was understood and can undo each part (``ignore``: "plaats", "wanneer",
"voor").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .. import analysis
from ..types import SearchParams
from . import people, places, times
from .words import Words

PLACE, TIME, PERSON = "plaats", "wanneer", "voor"
PARTS = (PLACE, TIME, PERSON)


@dataclass(frozen=True)
class Part:
    key: str  # "plaats", "wanneer", "voor": the value of ?negeer= that undoes it
    label: str  # "in de buurt van De Kwakel"


@dataclass(frozen=True)
class Understood:
    text: str
    rest: str
    place: places.PlaceHit | None = None
    time: times.TimeHit | None = None
    person: people.PersonHit | None = None
    group_names: tuple[str, ...] = ()

    @property
    def anything(self) -> bool:
        return bool(self.place or self.time or self.person)

    def parts(self) -> list[Part]:
        found = []
        if self.place and self.place.point is not None:
            found.append(Part(PLACE, _("in de buurt van %(place)s") % {"place": self.place.name}))
        if self.person:
            names = _(" en voor ").join(self.group_names)
            found.append(Part(PERSON, _("voor %(groups)s") % {"groups": names}))
        if self.time:
            found.append(Part(TIME, self.time.label))
        return found

    def apply(self, params: SearchParams) -> SearchParams:
        """The parameters the engine gets: the rest of the text plus the preferences."""
        # Nothing left but small words ("ik kom uit Syrië"): browse by the preferences.
        empty = self.anything and not analysis.content_words(self.rest)
        changes: dict = {"q": "" if empty else self.rest}
        if self.place and self.place.point is not None and params.origin is None:
            changes["origin"] = self.place.point
        if self.place:
            changes["prefer_wijken"] = self.place.wijken
        if self.person:
            changes["prefer_groups"] = self.person.groups
        if self.time:
            changes["prefer_windows"] = self.time.windows
        return dataclasses.replace(params, **changes)

    def to_dict(self) -> dict | None:
        if not self.anything:
            return None
        return {
            "text": self.rest,
            "place": self.place.to_dict() if self.place else None,
            "time": self.time.to_dict() if self.time else None,
            "target_groups": [
                {"slug": slug, "name": name}
                for slug, name in zip(self.person.groups, self.group_names, strict=False)
            ]
            if self.person
            else [],
            "parts": [{"key": p.key, "label": p.label} for p in self.parts()],
        }


def _known_groups(slugs: tuple[str, ...]) -> dict[str, str]:
    """The target groups of the CMS among ``slugs``, with their names (in that order)."""
    from cms.models import TargetGroup

    names = {g.slug: g.shown_name for g in TargetGroup.objects.filter(slug__in=slugs)}
    return {s: names[s].lower() for s in slugs if s in names}


def understand(params: SearchParams) -> Understood:
    words = Words(params.q)
    if not words.words:
        return Understood(text=params.q, rest=params.q)
    place = places.recognise(words) if PLACE not in params.ignore else None
    now = params.now or timezone.now()
    time = times.recognise(words, now) if TIME not in params.ignore else None
    person = people.recognise(words) if PERSON not in params.ignore else None
    known: dict[str, str] = {}
    if person:
        known = _known_groups(person.groups)
        person = people.PersonHit(tuple(known), person.age) if known else None
    if not (place or time or person):
        return Understood(text=params.q, rest=params.q)
    return Understood(
        text=params.q,
        rest=words.rest(),
        place=place,
        time=time,
        person=person,
        group_names=tuple(known.values()),
    )


def reset() -> None:
    places.reset()
