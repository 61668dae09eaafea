from search.spelling import Corrector, edit_distance


def test_edit_distance_counts_swaps_as_one():
    assert edit_distance("schulden", "schudlen", 2) == 1
    assert edit_distance("schuldhulpverlengg", "schuldhulpverlening", 2) == 2
    assert edit_distance("abc", "xyzxyz", 2) == 3  # over the limit: limit + 1


def test_corrects_to_the_closest_and_most_common_word():
    corrector = Corrector({"schulden": 5, "scholen": 1, "schuldhulpverlening": 3, "huur": 4})
    assert corrector.correct("schudlen") == "schulden"
    assert corrector.correct("schuldhulpverlengg") == "schuldhulpverlening"
    assert corrector.correct("schulden") is None  # known
    assert corrector.correct("huu") is None  # too short to guess
    assert corrector.correct("fietsenmaker") is None  # nothing close
