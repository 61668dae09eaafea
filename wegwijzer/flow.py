"""Read the wegwijzer's steps from the query string into typed choices.

Every step is a plain link or GET form, so the whole state is in the URL. Wrong input never
fails: an unknown theme sends people back to step 1, an unknown answer is skipped and an
unknown postcode is ignored, each with a short, kind message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from places import geo
from places.postcodes import PostcodeLocation, UnknownPostcode, locate_postcode

_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_POSTCODE_LENGTH = 20


@dataclass(frozen=True)
class Answer:
    key: str
    text: str
    target_groups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    urgent: bool = False


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    help_text: str
    answers: tuple[Answer, ...]

    def answer(self, key: str) -> Answer | None:
        return next((a for a in self.answers if a.key == key), None)


def questions() -> list[Question]:
    """The active questions, in the editors' order."""
    from .models import Question as QuestionModel

    found = []
    for row in QuestionModel.objects.filter(active=True):
        answers = tuple(
            Answer(
                key=child.value["key"],
                text=_translated(child.value["text"]),
                target_groups=tuple(child.value.get("target_groups") or ()),
                themes=tuple(child.value.get("themes") or ()),
                urgent=bool(child.value.get("urgent")),
            )
            for child in row.answers
            if child.block_type == "answer"
        )
        if answers:
            found.append(
                Question(row.key, _translated(row.text), _translated(row.help_text), answers)
            )
    return found


def _translated(text: str) -> str:
    """An editor's text in the active language when the catalogue has it (the default
    questions are marked in defaults.py); otherwise the editor's own Dutch."""
    return _(text) if text else ""


@dataclass(frozen=True)
class Choices:
    theme: object | None  # cms.models.Theme
    answers: tuple[tuple[Question, Answer], ...] = ()
    postcode: str = ""
    location: PostcodeLocation | None = None
    notices: tuple[str, ...] = field(default_factory=tuple)
    theme_given: bool = False

    @property
    def urgent(self) -> bool:
        return any(answer.urgent for _question, answer in self.answers)

    @property
    def themes(self) -> tuple[str, ...]:
        slugs = [self.theme.slug] if self.theme else []
        slugs += [slug for _q, answer in self.answers for slug in answer.themes]
        return tuple(dict.fromkeys(slugs))

    @property
    def target_groups(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(slug for _q, answer in self.answers for slug in answer.target_groups)
        )

    def answer_key(self, question_key: str) -> str:
        return next((a.key for q, a in self.answers if q.key == question_key), "")

    def query(self, **extra) -> str:
        """The query string of these choices, e.g. for the result URL."""
        data: list[tuple[str, str]] = []
        if self.theme:
            data.append(("thema", self.theme.slug))
        data += [(question.key, answer.key) for question, answer in self.answers]
        if self.postcode:
            data.append(("postcode", self.postcode))
        data += [(key, value) for key, value in extra.items() if value]
        return urlencode(data)


def _theme(data, notices: list[str]):
    from cms.models import Theme

    slug = (data.get("thema") or "").strip().lower()
    if not slug:
        return None
    theme = Theme.objects.filter(slug=slug).first() if _SLUG_RE.match(slug) else None
    if theme is None:
        notices.append(_("Dit onderwerp kennen we niet. Kies hieronder een onderwerp."))
    return theme


def _answers(data, notices: list[str]) -> tuple[tuple[Question, Answer], ...]:
    chosen = []
    skipped = False
    for question in questions():
        key = (data.get(question.key) or "").strip().lower()
        if not key:
            continue
        answer = question.answer(key)
        if answer is None:
            skipped = True
        else:
            chosen.append((question, answer))
    if skipped:
        notices.append(_("Eén antwoord kenden we niet. Dat hebben we overgeslagen."))
    return tuple(chosen)


def _postcode(data, notices: list[str]) -> tuple[str, PostcodeLocation | None]:
    typed = " ".join((data.get("postcode") or "").split())[:MAX_POSTCODE_LENGTH]
    if not typed:
        return "", None
    try:
        location = locate_postcode(typed)
    except UnknownPostcode as error:
        notices.append(str(error))
        return typed, None
    except geo.GeoError:
        notices.append(_("Dit is geen postcode. Een postcode is bijvoorbeeld 1422 AA."))
        return typed, None
    return location.postcode, location


def read_choices(data) -> Choices:
    """``data``: request.GET. Never raises for what someone typed or changed in the URL."""
    notices: list[str] = []
    theme = _theme(data, notices)
    answers = _answers(data, notices)
    postcode, location = _postcode(data, notices)
    return Choices(
        theme=theme,
        answers=answers,
        postcode=postcode,
        location=location,
        notices=tuple(notices),
        theme_given=bool((data.get("thema") or "").strip()),
    )
