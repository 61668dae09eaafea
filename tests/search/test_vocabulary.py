import pytest
from django.core.management import call_command

from search import analysis, expansion, synonyms
from search.synonyms import Rule, Synonym, SynonymMap


def test_every_vocabulary_file_parses():
    rules = synonyms.file_rules()
    assert len(rules) > 50
    files = {rule.source.split(":")[0] for rule in rules}
    assert {"geld-en-schulden.txt", "ontmoeten-en-welzijn.txt", "mantelzorg.txt"} <= files


def test_no_phrase_collapses_into_a_single_unrelated_word():
    """A phrase like 'hulp nodig' would, after stop words, turn every 'hulp' into a synonym."""
    problems = []
    for rule in synonyms.file_rules():
        phrases = (*rule.lhs, *rule.rhs)
        single = {tuple(analysis.stems(p)) for p in phrases if len(analysis.words(p)) == 1}
        for phrase in phrases:
            stems = analysis.stems(phrase)
            if not stems:
                problems.append((rule.source, phrase, "only stop words"))
            elif len(analysis.words(phrase)) > 1 and len(stems) == 1 and tuple(stems) not in single:
                problems.append((rule.source, phrase, stems))
    assert problems == []


def test_solr_format_rules():
    rule = Rule.parse("huur, deurwaarder => schulden")
    assert rule.lhs == ("huur", "deurwaarder") and rule.rhs == ("schulden",)
    assert rule.solr(keep_original=True) == "huur, deurwaarder => huur, deurwaarder, schulden"
    assert Rule.parse("eenzaam, alleen").solr() == "eenzaam, alleen"
    with pytest.raises(ValueError):
        Rule.parse("huur =>")


def test_everyday_words_expand_to_service_terms():
    vocabulary = SynonymMap.compile(list(synonyms.file_rules()))
    expanded = expansion.expand("ik kan de huur niet betalen", vocabulary)
    assert "schuld" in expanded.terms
    lonely = expansion.expand("ik ben alleen", vocabulary)
    assert "eenzaam" in lonely.terms


@pytest.mark.django_db
def test_editor_synonyms_take_effect_without_a_restart():
    before = synonyms.current_map()
    assert not before.lookup(("kroko",))
    Synonym.objects.create(words="krokodil, kroko", means="schulden")
    after = synonyms.current_map()
    assert ("schuld",) in after.lookup(("kroko",))
    Synonym.objects.all().delete()
    assert not synonyms.current_map().lookup(("kroko",))


@pytest.mark.django_db
def test_synonym_form_validation():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Synonym(words="de, het", means="").full_clean()
    with pytest.raises(ValidationError):
        Synonym(words="huur => schuld").full_clean()
    Synonym(words="huurachterstand", means="schulden").full_clean()


@pytest.mark.django_db
def test_export_writes_editor_synonyms_as_a_vocabulary_file(tmp_path, build):
    Synonym.objects.create(words="aanmaning", means="schulden", leefgebied=build.theme())
    Synonym.objects.create(words="buurvrouw, buurman")
    target = tmp_path / "redactie.txt"
    call_command("export_synonyms", output=str(target))
    text = target.read_text(encoding="utf-8")
    assert "# Geld en schulden\naanmaning => schulden" in text
    assert "buurvrouw, buurman" in text
    rules = [Rule.parse(line) for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rules) == 2
