"""The cluster's Dutch analysis against our Python analyser (search.analysis), word by word.

Live (marker ``cluster``). Each word of WORDS goes through the cluster's ``_analyze`` API
with ``nl_index`` (documents) and ``nl_search`` (questions) and through the embedded engine's
``analysis.analyse`` / ``expansion.expand``. Tokens are the same except for two differences,
both checked here word by word, so a new one fails the test:

1. Documents: the cluster indexes MORE sub-words. Its ``dictionary_decompounder`` adds every
   listed sub-word found inside a word ("ouderen" -> "ouder", "huurachterstand" -> "uur"),
   while the Python analyser splits only when the parts cover the word completely. Every
   extra token must be the stem of a sub-word from compounds.txt that occurs in the word.
2. Questions: the embedded engine splits a compound in the question too and adds the parts'
   synonyms ("huurachterstand" -> huur, achterstand, schulden, ...). The cluster's search
   analyzer does not: the documents' compounds are split at index time instead. Every token
   the cluster lacks must come from the word's compound parts.
"""

import pytest

from search import analysis, expansion, indexing, synonyms
from search.engines.cluster import engine as elastic

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]

WORDS = [
    # stop words
    "de", "het", "een", "niet", "ik", "geen", "wij", "zijn",
    # stems, stemmer overrides, accents and case
    "gemeente", "schulden", "uitkeringen", "vrijwilligers", "ouderen", "kinderen", "betalen",
    "eenzaamheid", "opvoeding", "mantelzorgers", "formulieren", "financiële", "Café",
    # compounds
    "schuldhulpverlening", "betalingsachterstand", "huurachterstand", "buurthuis",
    "taalcafe", "thuiszorg", "mantelzorgondersteuning", "jongerenwerk", "rolstoel",
    "energierekening",
    # synonyms (two-way and one-way rules)
    "huur", "blut", "toeslag", "eenzaam", "dementie", "vervoer", "boodschappen",
]  # fmt: skip


def _subword_stems(word: str) -> set[str]:
    folded = analysis.normalise(word)
    parts = analysis.compound_parts()
    return {analysis.stem(p) for p in parts if p in folded and len(p) >= analysis.MIN_PART_LENGTH}


def _part_terms(word: str, synonym_map) -> set[str]:
    """Terms the embedded engine adds for a question word because it is a compound."""
    token = analysis.analyse_word(analysis.normalise(word))
    terms = set(token.parts)
    for part in token.parts:
        for target in synonym_map.lookup((part,)):
            terms.update(target)
    return terms


def test_dutch_analysis_matches_the_python_analyser(cluster, build):
    build.service("shv", "Hulp bij schulden")
    indexing.rebuild(elastic=True)
    alias = elastic.alias_name()
    synonym_map = synonyms.current_map()
    report, unexplained = [], []
    for word in WORDS:
        python_index = {t for tok in analysis.analyse(word) for t in (tok.stem, *tok.parts)}
        cluster_index = set(cluster.analyze(alias, "nl_index", word))
        python_search = expansion.expand(word, synonym_map).terms
        cluster_search = set(cluster.analyze(alias, "nl_search", word))

        extra = cluster_index - python_index
        if python_index - cluster_index or not extra <= _subword_stems(word):
            unexplained.append(("index", word, sorted(python_index), sorted(cluster_index)))
        missing = python_search - cluster_search
        if cluster_search - python_search or not missing <= _part_terms(word, synonym_map):
            unexplained.append(("search", word, sorted(python_search), sorted(cluster_search)))
        if extra or missing:
            report.append(f"{word}: index +{sorted(extra)} search -{sorted(missing)}")
    print("\n".join(["differences (explained in the module docstring):", *report]))
    assert unexplained == []
    # the word list does exercise both differences and plain agreement
    assert any("+[]" not in line for line in report) and any("-[]" not in line for line in report)
    assert len(report) < len(WORDS)
