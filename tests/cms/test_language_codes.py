"""Languages as ISO 639-1 codes: names in Dutch, clear messages, old text converted."""

import importlib

import pytest

from cms import languages

migration = importlib.import_module("cms.migrations.0002_service_language_codes")


def test_codes_are_named_in_dutch():
    assert languages.name("ar") == "Arabisch" and languages.name("tr") == "Turks"
    assert languages.choices()[:2] == [("nl", "Nederlands"), ("en", "Engels")]


def test_unknown_codes_get_a_clear_dutch_message():
    assert languages.normalise([" NL", "ar", "nl", ""]) == ["nl", "ar"]
    with pytest.raises(ValueError, match="geen taalcode"):
        languages.normalise(["nederlands"])


def test_the_migration_turns_dutch_names_into_codes(capsys):
    assert migration.to_codes("Nederlands, Engels", "x") == ["nl", "en"]
    assert migration.to_codes("Nederlands, Engels, Arabisch, Tigrinya (met tolk)", "x") == [
        "nl",
        "en",
        "ar",
        "ti",
    ]
    assert migration.to_codes("Nederlands en Klingon", "Taalcafé") == ["nl"]
    assert "Klingon" in capsys.readouterr().out
