"""schema.org JSON-LD on service, organisation and loket pages: extracted from the rendered
page with extruct (as a search engine would) and checked against the schema.org vocabulary."""

import datetime

import extruct
import pytest

from tests.opendata.schemaorg_vocabulary import problems

pytestmark = pytest.mark.django_db


def json_ld(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    found = extruct.extract(
        response.content.decode(), base_url="http://testserver", syntaxes=["json-ld"]
    )
    documents = found["json-ld"]
    assert len(documents) == 1, documents
    return documents[0]


def test_vocabulary_check_catches_mistakes():
    assert problems({"@type": "Service", "name": "x"}) == []
    assert problems({"@type": "Servise"}) == ["$: unknown type 'Servise'"]
    assert problems({"@type": "Service", "openingHours": "Mo 9-12"})  # a Place property
    assert problems({"@type": "Service", "provider": {"@type": "Place", "name": "x"}})
    assert problems({"@type": "Place", "colour": "red"})
    assert problems(
        {"@type": "Place", "openingHoursSpecification": {"@type": "OpeningHoursSpecification",
                                                          "dayOfWeek": {"@type": "Person"}}}
    )  # fmt: skip


@pytest.fixture
def loket(build):
    organisation = build.organisation("gemeente-uithoorn", "Gemeente Uithoorn")
    place = build.place(slug="de-kuyper", name="De Kuyper", lat=52.24, lon=4.83, postcode="1421AB")
    return build.service(
        "pop-up-loket",
        "Pop-up loket",
        places=[place],
        access="walk_in",
        rules=[
            {"weekday": 3, "start_time": datetime.time(9), "end_time": datetime.time(12)},
            {
                "weekday": 1,
                "start_time": datetime.time(14),
                "end_time": datetime.time(16),
                "frequency": "monthly",
                "week_of_month": 1,
            },
        ],
        organisation=organisation,
    )


def test_service_page_has_a_valid_service_with_provider_place_and_hours(client, loket):
    document = json_ld(client, loket.url)
    assert document["@context"] == "https://schema.org"
    assert problems(document) == []
    assert document["@type"] == "GovernmentService"  # provided by Gemeente Uithoorn
    assert document["provider"]["@type"] == "GovernmentOrganization"
    place = document["availableChannel"]["serviceLocation"][0]
    assert place["address"]["postalCode"] == "1421 AB"
    weekly = place["openingHoursSpecification"]
    assert weekly == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Thursday",
            "opens": "09:00",
            "closes": "12:00",
        }
    ]
    special = place["specialOpeningHoursSpecification"]
    # The monthly Tuesday session is a special day; so is any Thursday holiday (closed).
    assert any(s["opens"] == "14:00" and s["validFrom"] == s["validThrough"] for s in special)
    for spec in special:
        day = datetime.date.fromisoformat(spec["validFrom"])
        assert (day.weekday(), spec["opens"]) in {(1, "14:00"), (3, "00:00"), (3, "09:00")}


def test_closed_day_is_a_special_day_with_no_hours(client, build):
    today = datetime.date.today()
    thursday = today + datetime.timedelta(days=(3 - today.weekday()) % 7 + 7)
    service = build.service(
        "loket-dicht",
        "Loket",
        places=[build.place(slug="plek", name="Plek")],
        rules=[{"weekday": 3, "start_time": datetime.time(9), "end_time": datetime.time(12)}],
        exceptions=[{"date": thursday, "kind": "closed", "reason": "Teamdag"}],
    )
    place = json_ld(client, service.url)["availableChannel"]["serviceLocation"][0]
    assert {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": thursday.isoformat(),
        "validThrough": thursday.isoformat(),
    } in place["specialOpeningHoursSpecification"]


def test_demo_pages_service_organisation_and_loket_overview_are_valid(client, demo):
    from cms.models import LoketOverviewPage, OrganisationPage, ServicePage

    pages = list(ServicePage.objects.live()) + list(OrganisationPage.objects.live())
    pages.append(LoketOverviewPage.objects.live().first())
    types = set()
    for page in pages:
        document = json_ld(client, page.url)
        assert problems(document) == [], page.url
        types.add(document["@type"])
    assert {
        "Service",
        "GovernmentService",
        "Organization",
        "GovernmentOrganization",
        "ItemList",
    } <= types
