"""Who the question is for: "mijn moeder van 84", "zoon van 15", "baby", "ik kom uit Syrië".

The result is a preference for target groups (the slugs of the CMS's target groups); ages
are claimed (they are no search words), the nouns stay in the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import Words, wordset

OLDER = "ouderen"
YOUNG = "jongeren"
FAMILIES = "ouders-en-kinderen"
NEWCOMERS = "nieuwkomers"
CARERS = "mantelzorgers"
DISABILITY = "mensen-met-een-beperking"

GROUP_WORDS = {
    OLDER: (
        "oma opa grootmoeder grootvader grootouders bejaard bejaarde bejaarden hoogbejaard "
        "senior senioren oudere ouderen gepensioneerd gepensioneerde pensioen aow 65plus "
        "65plusser 65plussers elderly pensioner pensioners retired grandma grandpa grandmother "
        "grandfather grandparents"
    ),
    FAMILIES: (
        "baby babys babies peuter peuters kleuter kleuters dreumes zuigeling pasgeboren "
        "kindje kindjes kind kinderen kids child children toddler toddlers infant newborn "
        "zwanger pregnant"
    ),
    YOUNG: "tiener tieners puber pubers jongere jongeren teenager teenagers teen teens youth",
    NEWCOMERS: (
        "nieuwkomer nieuwkomers statushouder statushouders vluchteling vluchtelingen "
        "asielzoeker asielzoekers gevlucht refugee refugees newcomer newcomers asylum"
    ),
    CARERS: "mantelzorger mantelzorgers carer carers caregiver caregivers",
    DISABILITY: "gehandicapt gehandicapte handicap beperking beperkingen disabled disability",
}
_BY_WORD = {w: group for group, words in GROUP_WORDS.items() for w in words.split()}
RELATIVES = wordset(
    "moeder vader ouders schoonmoeder schoonvader oom tante buurman buurvrouw man vrouw "
    "partner zoon dochter kind kleinkind kleinzoon kleindochter broer zus mother father mum "
    "mom dad son daughter husband wife neighbour neighbor"
)
COUNTRIES = wordset(
    "syrie eritrea afghanistan oekraine ukraine turkije turkey marokko morocco irak iraq iran "
    "somalie somalia ethiopie ethiopia soedan sudan jemen yemen polen poland syria"
)
ARRIVAL = (("kom", "uit"), ("kwam", "uit"), ("kom", "van"), ("gevlucht", "uit"),
           ("am", "from"), ("come", "from"), ("from",), ("uit",))  # fmt: skip
_NUMBER = re.compile(r"[0-9]{1,3}")
AGE_AFTER = ("jaar", "jarig", "jarige", "jaren", "jr", "years", "year", "yo")
AGE_BEFORE = ("van", "is", "aged", "age", "of", "wordt")
NAMES = {OLDER: "ouderen", YOUNG: "jongeren", FAMILIES: "ouders en kinderen",
         NEWCOMERS: "nieuwkomers", CARERS: "mantelzorgers",
         DISABILITY: "mensen met een beperking"}  # fmt: skip


@dataclass(frozen=True)
class PersonHit:
    groups: tuple[str, ...]
    age: int | None = None

    def to_dict(self) -> dict:
        return {"target_groups": list(self.groups), "age": self.age}


def groups_for_age(age: int) -> tuple[str, ...]:
    if age >= 65:
        return (OLDER,)
    if age >= 18:
        return (YOUNG,) if age <= 23 else ()
    if age >= 12:
        return (YOUNG, FAMILIES)
    return (FAMILIES,)


def _age(words: Words) -> int | None:
    for i, word in enumerate(words.words):
        if not words.free(i) or not _NUMBER.fullmatch(word) or not 0 < int(word) < 110:
            continue
        after = words.words[i + 1] if i + 1 < len(words) else ""
        before = words.words[i - 1] if i > 0 else ""
        near_person = any(w in RELATIVES or w in _BY_WORD for w in words.words[max(0, i - 3) : i])
        if after in AGE_AFTER or (before in AGE_BEFORE and near_person):
            words.claim(i)
            if after in AGE_AFTER:
                words.claim(i + 1)
            if before in AGE_BEFORE and near_person:
                words.claim(i - 1)
            return int(word)
    return None


POSSESSIVE = ("mijn", "onze", "my", "our", "m'n", "mn")
PARENTS = wordset(
    "moeder vader ouders schoonmoeder schoonvader oma opa mother father parents mum mom dad "
    "grandma grandpa grandmother grandfather"
)
CHILDREN = wordset("zoon dochter kind kinderen zoontje dochtertje son daughter child children")


def _relatives(words: Words, age: int | None) -> list[str]:
    """ "mijn moeder" (without an age that says otherwise): older; "mijn zoon": a family.
    The relative word is claimed: it says for whom, not what."""
    found = []
    for i, word in enumerate(words.words):
        if not words.free(i) or i == 0 or words.words[i - 1] not in POSSESSIVE:
            continue
        if word in CHILDREN:
            if age is None:
                found.append(FAMILIES)
            continue  # "kind" is also what the services write about: it stays a search word
        if word in PARENTS and age is None:
            found.append(OLDER)
        elif word not in RELATIVES or age is None:
            continue
        words.claim(i, i - 1)
    return found


def recognise(words: Words) -> PersonHit | None:
    found: list[str] = []
    age = _age(words)
    if age is not None:
        found.extend(groups_for_age(age))
    found.extend(_relatives(words, age))
    for i, word in enumerate(words.words):
        group = _BY_WORD.get(word)
        if group and words.free(i):
            found.append(group)
    for phrase in ARRIVAL:
        for start in words.find(phrase):
            after = start + len(phrase)
            if words.free(after) and words.words[after] in COUNTRIES:
                words.claim(*range(start, after + 1))
                found.append(NEWCOMERS)
    groups = tuple(dict.fromkeys(found))
    return PersonHit(groups, age) if groups else None
