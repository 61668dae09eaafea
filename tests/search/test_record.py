"""One record for every engine: FIELDS drives columns, mapping, facets and results."""

from html import unescape

import pytest
from django.utils.html import strip_tags
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.models import ServicePage
from search import query
from search.engines.cluster import bodies
from search.engines.cluster.documents import ServiceDocument
from search.models import SearchEntry
from search.record import FACETS, FIELDS, STORED, TEXT_CLASSES, build_record
from search.types import FILTERS, SearchParams


def test_every_facet_of_the_record_is_a_filter_of_the_search_interface():
    assert set(FACETS) == set(FILTERS)


def test_no_professional_field_can_enter_the_record():
    assert not {f.name for f in FIELDS} & set(ServicePage.PROFESSIONAL_FIELDS)


def test_columns_and_mapping_follow_the_fields_table():
    columns = {f.name for f in SearchEntry._meta.get_fields()}
    assert {f.name for f in STORED} <= columns
    assert {c.column for c in TEXT_CLASSES} <= columns
    mapping = ServiceDocument._doc_type.mapping.to_dict()["properties"]
    assert {f.name for f in FIELDS} | {c.name for c in TEXT_CLASSES} <= set(mapping)
    assert set(bodies.SOURCE) == {f.name for f in STORED}


@pytest.mark.django_db
def test_a_new_field_reaches_search_results_filters_and_the_api(build, client):
    place = build.place("buurthuis", "Buurthuis De Kuyper", lat=52.2365, lon=4.8325)
    build.service("taalhulp", "Taalhulp", places=[place], languages=["nl", "ar", "ti"])
    build.service("schuldhulp", "Schuldhulp", languages=["nl"])
    result = query.run(SearchParams(languages=("ar",)), record=False)
    assert [r.slug for r in result.results] == ["taalhulp"]
    (item,) = result.results
    assert item.languages == ["nl", "ar", "ti"]
    assert item.locations[0]["lat"] == 52.2365 and item.locations[0]["address"]
    taal = {v.value: (v.label, v.count) for v in result.facets["taal"]}
    assert taal["ar"] == ("Arabisch", 1) and taal["nl"] == ("Nederlands", 2)
    body = client.get("/api/zoeken/", {"taal": "ti"}).json()
    assert [r["slug"] for r in body["results"]] == ["taalhulp"]
    assert [v["value"] for v in body["facets"]["taal"] if v["selected"]] == ["ti"]
    assert client.get("/api/voorzieningen/taalhulp/").json()["languages"] == ["nl", "ar", "ti"]
    page = client.get("/voorzieningen/taalhulp/").content.decode()
    assert "Nederlands, Arabisch, Tigrinya" in page


@pytest.mark.django_db
def test_the_record_holds_public_place_data_with_coordinates(build):
    place = build.place("kuyper", "De Kuyper", lat=52.24, lon=4.83)
    record = build_record(build.service("shv", "Hulp bij schulden", places=[place]))
    assert record.places[0]["name"] == "De Kuyper" and record.places[0]["lon"] == 4.83
    assert record.texts("extra")[-1] == "De Kuyper"


def test_the_cluster_suggests_corrections_itself():
    response = {
        "suggest": {
            "spelling": [
                {"text": "schuldn", "offset": 0, "length": 7, "options": [{"text": "schulden"}]},
                {"text": "hulp", "offset": 8, "length": 4, "options": []},
            ]
        }
    }
    assert bodies.did_you_mean("schuldn hulp", response) == "schulden hulp"
    assert bodies.did_you_mean("schulden", {"suggest": {"spelling": []}}) is None


@pytest.mark.django_db
def test_the_record_holds_the_words_of_every_kind_of_body_block_but_no_alt_text(build, client):
    image = Image.objects.create(title="foto", file=get_test_image_file())
    body = [
        ("heading", {"text": "Wat kost het & wie betaalt?"}),
        (
            "paragraph",
            '<p>Kom langs bij de <a linktype="page" id="3">balie</a>.</p>'
            "<ul><li>Gratis</li><li>Zonder&nbsp;afspraak</li></ul>",
        ),  # fmt: skip
        ("callout", {"title": "Neem dit mee", "text": "<p>Uw <b>identiteitsbewijs</b>.</p>"}),
        ("image", {"image": image, "alt": "Een zonnebloemveld", "caption": "De kantine"}),
    ]
    service = build.service("balie", "Balie", body=body)
    record = build_record(service)
    words = record.body.split()
    for seen in ("Wat", "kost", "&", "betaalt?", "balie", "identiteitsbewijs", "kantine"):
        assert seen in " ".join(words)
    assert "zonnebloemveld" not in record.body and "<" not in record.body
    # The same words, in the same order, as the rendered page body shows.
    page = client.get(service.url).content.decode()
    assert "Een zonnebloemveld" in page  # the alt text is on the page, as an attribute
    rendered = unescape(strip_tags(str(service.body.render_as_block()))).split()
    assert words == rendered
    assert [r.slug for r in query.run(SearchParams(q="kantine"), record=False).results] == ["balie"]
