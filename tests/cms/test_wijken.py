import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.models import Sleutelpersoon, WijkPage


def test_wijk_boundary_must_be_a_valid_polygon(home):
    wijk = WijkPage(
        title="Fout",
        slug="fout",
        intro="x",
        boundary={"type": "Polygon", "coordinates": [[[4.8, 52.2], [4.81, 52.2]]]},
    )
    with pytest.raises(ValidationError) as caught:
        wijk.full_clean()
    assert "boundary" in caught.value.message_dict


def test_wijk_boundary_as_broken_json_text_gets_a_clear_message(home):
    wijk = WijkPage(title="Fout", slug="fout", intro="x", boundary='{"type": "Polygon", ')
    with pytest.raises(ValidationError) as caught:
        wijk.full_clean()
    assert "GeoJSON" in caught.value.message_dict["boundary"][0]


def test_sleutelpersoon_photo_needs_recorded_consent(build):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="foto", file=get_test_image_file())
    wijk = build.wijk()
    person = Sleutelpersoon(
        wijk=wijk, name="Sleutelpersoon", helps_with="x", how_to_reach="y", photo=image
    )
    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    assert "toestemming" in caught.value.message_dict["photo_consent_date"][0]
    assert person.public_photo is None
    person.photo_consent_date = datetime.date(2026, 1, 5)
    person.full_clean()
    assert person.public_photo == image


CLOCKWISE = {
    "type": "Polygon",
    "coordinates": [[[4.80, 52.22], [4.80, 52.25], [4.84, 52.25], [4.84, 52.22], [4.80, 52.22]]],
}


def _area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def test_clockwise_boundary_is_stored_and_served_counter_clockwise(build, client):
    wijk = build.wijk("thamerdal", "Thamerdal", boundary=CLOCKWISE)
    wijk.refresh_from_db()
    assert _area(wijk.boundary["coordinates"][0]) > 0
    # Even a boundary written past save() (e.g. by a raw update) leaves every output rewound.
    WijkPage.objects.filter(pk=wijk.pk).update(boundary=CLOCKWISE)
    api = client.get("/api/wijken/").json()["results"][0]["geometry"]
    geojson = client.get("/api/kaart/wijken.geojson").json()["features"][0]["geometry"]
    for geometry in (api, geojson):
        assert _area(geometry["coordinates"][0]) > 0
