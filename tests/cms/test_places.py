import pytest
from django.core.exceptions import ValidationError

from cms.models import Place
from tests.builders import KWAKEL_SQUARE


def make_place(**kw):
    fields = {
        "name": "Buurthuis",
        "slug": "buurthuis",
        "street": "Dorpsstraat",
        "number": "1",
        "postcode": "1421 AB",
        "town": "Uithoorn",
        "latitude": 52.238,
        "longitude": 4.83,
    }
    fields.update(kw)
    return Place(**fields)


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["1422aa", "1422 AA", " 1422  aa "])
def test_postcode_is_stored_normalised(typed):
    place = make_place(postcode=typed)
    place.full_clean(exclude=["wijk"])
    place.save()
    assert Place.objects.get(pk=place.pk).postcode == "1422 AA"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["0422 AA", "1422 SA", "14221 AA", "1422", "abcd ef", ""])
def test_invalid_postcode_gets_a_dutch_message_and_nothing_is_saved(typed):
    place = make_place(postcode=typed)
    with pytest.raises(ValidationError) as caught:
        place.full_clean(exclude=["wijk"])
    assert "postcode" in caught.value.message_dict
    assert "1422 AA" in caught.value.message_dict["postcode"][0]
    assert not Place.objects.exists()


@pytest.mark.django_db
def test_coordinates_outside_the_netherlands_are_refused():
    place = make_place(latitude=48.8566, longitude=2.3522)  # Paris
    with pytest.raises(ValidationError) as caught:
        place.full_clean(exclude=["wijk"])
    assert "Nederland" in caught.value.message_dict["latitude"][0]


def test_wijk_is_derived_from_coordinates(build):
    centrum = build.wijk("centrum", "Centrum")
    kwakel = build.wijk("de-kwakel", "De Kwakel", boundary=KWAKEL_SQUARE, town="De Kwakel")
    in_centrum = build.place(name="Gemeentehuis", lat=52.2346, lon=4.8270)
    in_kwakel = build.place(name="Dorpshuis", lat=52.2330, lon=4.7980, postcode="1424 AA")
    outside = build.place(name="Amstelveen", lat=52.30, lon=4.86, postcode="1181 AA")
    assert in_centrum.wijk == centrum
    assert in_kwakel.wijk == kwakel
    assert outside.wijk is None


def test_moving_a_wijk_boundary_reassigns_places(build):
    wijk = build.wijk("centrum", "Centrum")
    place = build.place(lat=52.2346, lon=4.8270)
    assert place.wijk == wijk
    wijk.boundary = KWAKEL_SQUARE
    wijk.save_revision().publish()
    place.refresh_from_db()
    assert place.wijk is None
