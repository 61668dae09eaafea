"""Elasticsearch analysis equivalent to ``search.analysis``, built from the same data files.

index analyzer ``nl_index``:   standard tokenizer -> lowercase -> asciifolding -> stop words
                               -> compound parts -> stemmer overrides -> Dutch stemmer
search analyzer ``nl_search``: the same without compound splitting (the index already holds
                               the parts), then the synonym set.

Stemmer: the embedded engine pins Snowball's ``dutch_porter`` algorithm. Elasticsearch 8.x
(Lucene 9) calls that very algorithm ``dutch``: its Snowball predates Snowball 3.0, which
renamed the classic algorithm to ``dutch_porter`` and gave the name ``dutch`` to a new
Porter/Kraaij-Pohlmann hybrid. We do not use that new ``dutch`` anywhere: it over-stems
("gemeente" -> "meen"), mixing up unrelated words. On a cluster whose Lucene ships Snowball 3
set ``STEMMER_LANGUAGE`` to "dutch_porter"; the live test ``test_stemmer_parity`` checks that
Elasticsearch and ``search.analysis`` stem a sample of words identically.

Compounds: ``dictionary_decompounder`` adds every listed sub-word found inside a word, while
``search.analysis`` only splits words that the parts cover completely. The difference only
adds a few extra sub-word tokens in Elasticsearch.

Synonyms live in a synonyms set (``PUT _synonyms/<set>``, filled by ``elastic.push_synonyms``
from the same files plus the editors' synonyms). Elasticsearch reloads the search analyzer
when the set changes, so editors' changes need no reindex. OpenSearch has no synonyms API:
``transport`` puts the same rules inline into this filter instead. The synonym
filter comes after the stemmer, so the rules are stemmed like the text, as in the embedded engine.
"""

from __future__ import annotations

import functools

from django.conf import settings
from elasticsearch_dsl import analyzer, token_filter

from search import analysis

STEMMER_LANGUAGE = "dutch"  # = Snowball dutch_porter on Elasticsearch 8.x; see above


def synonym_set_name() -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}-synonyms"


@functools.cache
def _common_filters():
    stop = token_filter("nl_stop", "stop", stopwords=sorted(analysis.stopwords()), ignore_case=True)
    overrides = token_filter(
        "nl_stemmer_override",
        "stemmer_override",
        rules=[f"{word} => {stem}" for word, stem in sorted(analysis.stemmer_overrides().items())],
    )
    stemmer = token_filter("nl_stemmer", "stemmer", language=STEMMER_LANGUAGE)
    return stop, overrides, stemmer


def index_analyzer():
    stop, overrides, stemmer = _common_filters()
    compounds = token_filter(
        "nl_compounds",
        "dictionary_decompounder",
        word_list=sorted(analysis.compound_parts()),
        min_word_size=analysis.MIN_COMPOUND_LENGTH,
        min_subword_size=analysis.MIN_PART_LENGTH,
        only_longest_match=False,
    )
    return analyzer(
        "nl_index",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", stop, compounds, overrides, stemmer],
    )


def search_analyzer():
    stop, overrides, stemmer = _common_filters()
    synonyms = token_filter(
        "nl_synonyms",
        "synonym_graph",
        synonyms_set=synonym_set_name(),
        updateable=True,
        lenient=True,
    )
    return analyzer(
        "nl_search",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", stop, overrides, stemmer, synonyms],
    )


def english_analyzer():
    """For the English translation's texts (index and search alike), as ``search.english``:
    folded words, English stop words, the Snowball English (porter2) stemmer. No synonyms:
    the English vocabulary maps English questions onto the Dutch fields instead."""
    stop = token_filter("en_stop", "stop", stopwords="_english_", ignore_case=True)
    stemmer = token_filter("en_stemmer", "stemmer", language="english")
    return analyzer(
        "en_text", tokenizer="standard", filter=["lowercase", "asciifolding", stop, stemmer]
    )


def suggest_analyzer():
    """For the completion field: folded words, no stemming, so prefixes stay prefixes."""
    return analyzer("nl_suggest", tokenizer="standard", filter=["lowercase", "asciifolding"])


def spelling_analyzer():
    """For did-you-mean (term suggester): whole words as typed, only lower-cased and folded."""
    stop, _overrides, _stemmer = _common_filters()
    return analyzer("nl_spelling", tokenizer="standard", filter=["lowercase", "asciifolding", stop])
