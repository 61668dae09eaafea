import pytest
import snowballstemmer

from search import analysis


def test_the_stemmer_is_the_pinned_dutch_porter_algorithm():
    assert analysis.STEMMER_ALGORITHM == "dutch_porter"
    # The newer Snowball "dutch" would turn gemeente into "meen"; ours keeps it apart.
    assert snowballstemmer.stemmer("dutch").stemWord("gemeente") == "meen"
    assert analysis.stem("gemeente") == "gemeent"


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        (["schuld", "schulden"], "schuld"),
        (["kind", "kinderen"], "kind"),
        (["eenzaam", "eenzame", "eenzaamheid"], "eenzaam"),
        (["sociaal", "sociale"], "sociaal"),
        (["financieel", "financiele", "financiële"], "financieel"),
        (["uitkering", "uitkeringen"], "uitkering"),
    ],
)
def test_forms_of_a_word_share_one_stem(words, stem):
    assert {analysis.analyse_word(analysis.normalise(w)).stem for w in words} == {stem}


def test_stemmer_overrides_keep_parents_and_elderly_apart():
    assert analysis.stem("ouders") == "ouder"
    assert analysis.stem("ouderen") == "ouderen"
    assert analysis.stem("weet") != analysis.stem("wet")  # the porter stemmer merges them


def test_compounds_are_split_into_their_parts():
    assert set(analysis.split_compound("schuldhulpverlening")) >= {"schuld", "hulp", "verlening"}
    assert analysis.split_compound("betalingsachterstand") == ("betaling", "achterstand")
    assert analysis.split_compound("vrijwilligerswerk")[-1] == "werk"


@pytest.mark.parametrize("word", ["huisarts", "plaatsen", "postcode", "schulden", "hulp"])
def test_words_that_the_parts_do_not_cover_stay_whole(word):
    assert analysis.split_compound(word) == ()


def test_normalise_folds_accents_and_drops_control_characters():
    assert analysis.normalise("Café\x00 FINANCIËLE\tzorgen") == "cafe  financiele zorgen"


def test_stop_words_go_but_meaningful_small_words_stay():
    assert analysis.content_words("Ik voel me alleen en heb geen werk") == [
        "voel",
        "alleen",
        "geen",
        "werk",
    ]


def test_only_letters_and_digits_survive():
    assert analysis.words('"schuld*" OR (huur) NEAR/2 ^3 <script>😀') == [
        "schuld",
        "or",
        "huur",
        "near",
        "2",
        "3",
        "script",
    ]
    assert all(analysis.is_safe_term(t) for t in analysis.words("a'b\"c;DROP TABLE x;--"))


def test_index_stream_keeps_sentences_apart_and_appends_compound_parts():
    stream = analysis.index_stream(["Ik kan de huur niet betalen", "Hulp bij schuldhulpverlening"])
    sequence, terms = analysis.parse_stream(stream)
    assert sequence[:3] == ["huur", "betal", analysis.BOUNDARY]
    assert "schuldhulpverlen" in terms and "schuld" in terms and "verlening" in terms
    assert analysis.BOUNDARY not in terms
