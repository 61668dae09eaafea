"""The interface catalogues: English complete and consistent, the sentences built in Python
(opening times, weekdays, months) in both languages, and CSS ready for right-to-left."""

import datetime
import re
from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

from agenda.schedules import TIMEZONE, Rule, Schedule
from agenda.wording import describe_rule, format_date, opening_sentence

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def test_english_catalogue_has_no_untranslated_or_fuzzy_entries():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert len(catalogue) > 900


def test_english_translations_keep_every_placeholder():
    wrong = []
    for entry in polib.pofile(str(CATALOGUE)):
        targets = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for target in targets:
            if sorted(set(PLACEHOLDER.findall(entry.msgid))) != sorted(
                set(PLACEHOLDER.findall(target))
            ):
                wrong.append((entry.msgid, target))
    assert not wrong, wrong[:5]


TEMPLATE_STRING = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.+?)\1""")


def test_every_template_string_is_in_the_english_catalogue():
    """A new {% translate "..." %} without running makemessages fails here."""
    known = {entry.msgid for entry in polib.pofile(str(CATALOGUE))}
    missing = set()
    for template in (ROOT / "templates").rglob("*.html"):
        for _quote, text in TEMPLATE_STRING.findall(template.read_text(encoding="utf-8")):
            if text not in known:
                missing.add((template.relative_to(ROOT).as_posix(), text))
    assert not missing, sorted(missing)[:10]


MORNINGS = Schedule(rules=(Rule(weekday=0, start=datetime.time(9), end=datetime.time(12, 30)),))


def at(day, hour):
    return datetime.datetime(2026, 3, day, hour, tzinfo=TIMEZONE)  # 2026-03-02 is a Monday


def test_opening_sentences_in_dutch_and_english():
    with translation.override("nl"):
        assert opening_sentence(MORNINGS, at(2, 10)) == "Nu open tot 12:30"
        assert opening_sentence(MORNINGS, at(1, 20)) == "Gesloten · opent morgen om 09:00"
        assert describe_rule(MORNINGS.rules[0]) == "Elke maandag van 09:00 tot 12:30"
        assert format_date(datetime.date(2026, 5, 1)) == "1 mei 2026"
    with translation.override("en"):
        assert opening_sentence(MORNINGS, at(2, 10)) == "Open now until 12:30"
        assert opening_sentence(MORNINGS, at(1, 20)) == "Closed · opens tomorrow at 09:00"
        assert opening_sentence(MORNINGS, at(4, 10)) == "Closed · opens Monday at 09:00"
        assert describe_rule(MORNINGS.rules[0]) == "Every Monday from 09:00 to 12:30"
        assert format_date(datetime.date(2026, 5, 1)) == "1 May 2026"


# Physical directions that would not flip for a right-to-left language.
PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\b"
    r"|\b(?:float|clear|text-align)\s*:\s*(?:left|right)\b"
    r"|(?:^|[;{\s])(?:left|right)\s*:"
)
FOUR_VALUES = re.compile(
    r"\b(?:margin|padding)\s*:\s*([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s*(?:[;}]|$)"
)


def test_our_css_uses_logical_properties():
    """margin-inline-start, not margin-left: Arabic (rtl) can come by translation alone."""
    found = []
    for sheet in (ROOT / "static" / "css").rglob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for number, line in enumerate(text.splitlines(), 1):
            if PHYSICAL.search(line):
                found.append(f"{sheet.name}:{number}: {line.strip()}")
            for match in FOUR_VALUES.finditer(line):
                if match.group(2) != match.group(4):  # right differs from left
                    found.append(f"{sheet.name}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
