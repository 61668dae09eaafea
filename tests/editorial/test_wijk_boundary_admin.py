"""The wijk boundary in the admin: Beheer gemeente draws on a map, the Redactie only looks."""

import json
import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import WijkPage

CLOCKWISE = {  # as a drawing tool may hand it over: exterior ring clockwise
    "type": "Polygon",
    "coordinates": [
        [[4.815, 52.230], [4.815, 52.245], [4.840, 52.245], [4.840, 52.230], [4.815, 52.230]]
    ],
}


@pytest.fixture
def wijk(build):
    return build.wijk("centrum", "Centrum")


def _form(wijk, **changes):
    person = wijk.sleutelpersonen.get()
    data = {
        "title": wijk.title,
        "slug": wijk.slug,
        "town": wijk.town,
        "intro": wijk.intro,
        "sleutelpersonen": inline_formset(
            [
                {
                    "id": person.pk,
                    "name": person.name,
                    "role": "",
                    "helps_with": person.helps_with,
                    "how_to_reach": person.how_to_reach,
                    "when": "",
                    "phone": person.phone,
                    "email": "",
                    "photo": "",
                    "photo_consent_date": "",
                }
            ],
            initial=1,
            min=1,
        ),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_beheer_draws_the_boundary_on_a_map(client, make_user, wijk):
    client.force_login(make_user("beheer"))
    url = f"/beheer/pages/{wijk.pk}/edit/"
    html = client.get(url).content.decode()
    assert 'data-boundary-map data-editable="true"' in html
    assert "vendor/geoman/leaflet-geoman.min.js" in html and "leaflet/leaflet.js" in html
    assert "js/admin/boundary_map.js" in html

    response = client.post(
        url,
        {**_form(wijk, boundary=json.dumps(CLOCKWISE), cbs_code="WK045101"), "action-publish": "1"},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    stored = WijkPage.objects.get(pk=wijk.pk)
    ring = stored.boundary["coordinates"][0]
    assert ring == list(reversed(CLOCKWISE["coordinates"][0]))  # counter-clockwise (RFC 7946)
    assert stored.cbs_code == "WK045101"


def test_a_broken_drawing_gets_a_dutch_message_and_keeps_the_old_boundary(client, make_user, wijk):
    client.force_login(make_user("beheer"))
    old = WijkPage.objects.get(pk=wijk.pk).boundary
    line = '{"type": "LineString", "coordinates": [[4.8, 52.2], [4.81, 52.21]]}'
    response = client.post(
        f"/beheer/pages/{wijk.pk}/edit/", {**_form(wijk, boundary=line), "action-publish": "1"}
    )
    assert response.status_code == 200
    assert "geen punt of lijn" in response.content.decode()
    assert WijkPage.objects.get(pk=wijk.pk).boundary == old


def test_redactie_sees_the_map_but_never_the_text_box(client, make_user, wijk):
    client.force_login(make_user("redactie"))
    url = f"/beheer/pages/{wijk.pk}/edit/"
    html = client.get(url).content.decode()
    assert 'data-boundary-map data-editable="false"' in html
    assert not re.search(r'<textarea[^>]*name="boundary"', html)
    assert "leaflet-geoman" in html  # same map script, without the drawing tools
    old = WijkPage.objects.get(pk=wijk.pk).boundary

    # Posting a boundary anyway changes nothing: the field is not in the Redactie's form.
    response = client.post(
        url,
        {
            **_form(wijk, intro="Nieuwe inleiding.", boundary='{"type": "Point"}'),
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    stored = WijkPage.objects.get(pk=wijk.pk)
    assert stored.intro == "Nieuwe inleiding." and stored.boundary == old
