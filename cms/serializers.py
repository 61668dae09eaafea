"""Plain-dict serialisation of CMS content for the JSON API, GeoJSON and search.

This is the one place that decides which service fields are public. Professional-only
fields are added only when ``include_professional`` is true.
"""

from django.http import HttpRequest
from django.utils import timezone

from agenda import schedules
from cms import blocks
from places import geo


def organisation_ref(organisation) -> dict | None:
    if organisation is None:
        return None
    return {"slug": organisation.slug, "name": organisation.title}


def organisation_public_data(organisation) -> dict:
    """The public fields of an organisation (no people, only the organisation itself)."""
    logo = organisation.logo
    return {
        "slug": organisation.slug,
        "name": organisation.title,
        "description": organisation.description,
        "website": organisation.website,
        "phone": organisation.phone,
        "email": organisation.email,
        "logo": logo.get_rendition("max-240x120").url if logo else None,
    }


def place_data(place) -> dict:
    return {
        "slug": place.slug,
        "name": place.name,
        "address": f"{place.street} {place.number}",
        "postcode": place.postcode,
        "town": place.town,
        "lat": place.latitude,
        "lon": place.longitude,
        "wheelchair_accessible": place.wheelchair_accessible,
        "wijk": place.wijk.slug if place.wijk_id else None,
    }


def session_data(session: schedules.Session) -> dict:
    return {
        "start": session.start.isoformat(),
        "end": session.end.isoformat(),
        "place": session.place,
        "extra": session.extra,
    }


def url_cache() -> HttpRequest:
    """For ``urls=``: remembers Wagtail's site root paths over many pages (one cache lookup,
    a database query in production, instead of one per page). Names no current site, so
    the URLs are those of ``page.url``. Make a new one for each batch of work."""
    request = HttpRequest()
    request._wagtail_site = None  # what Site.find_for_request caches: no current site
    return request


def service_summary(service, *, urls: HttpRequest | None = None) -> dict:
    """The fields shown in lists."""
    return {
        "slug": service.slug,
        "title": service.title,
        "summary": service.summary,
        "url": service.get_url(urls),
        "organisation": organisation_ref(service.organisation),
        "themes": [{"slug": t.slug, "name": t.name} for t in service.themes.all()],
        "target_groups": [{"slug": t.slug, "name": t.name} for t in service.target_groups.all()],
        "places": [place_data(p) for p in service.places.all()],
        "wijken": [{"slug": w.slug, "name": w.title} for w in service.wijken.all()],
        "whole_municipality": service.whole_municipality,
        "last_checked": service.last_checked.isoformat(),
    }


def _body(service, plain: bool) -> str:
    if plain:
        return blocks.plain_text(service.body)
    return str(service.body.render_as_block()) if service.body else ""


def public_texts(service, *, urls: HttpRequest | None = None, plain_body: bool = False) -> dict:
    """The public texts of a service that differ per language (for a translation's record).
    ``plain_body``: the body as the words a reader sees (``blocks.plain_text``), not HTML."""
    return {
        "title": service.title,
        "summary": service.summary,
        "url": service.get_url(urls),
        "helps_with": [phrase.text for phrase in service.phrases.all()],
        "body": _body(service, plain_body),
    }


def public_service(
    service,
    *,
    labels: bool = True,
    urls: HttpRequest | None = None,
    plain_body: bool = False,
) -> dict:
    """Every public field of a service that does not depend on the time of asking.

    The public record of search (``search.record``) is made from this dict only; it asks
    ``labels=False``: without the translated cost and access labels, which it does not keep
    (looking them up was a tenth of a full rebuild), and ``plain_body``: the body's words,
    not its rendered HTML.
    """
    data = service_summary(service, urls=urls)
    data["helps_with"] = [phrase.text for phrase in service.phrases.all()]
    data["cost"] = service.cost
    if labels:
        data["cost_label"] = service.get_cost_display()
    data["access"] = service.access
    if labels:
        data["access_label"] = service.get_access_display()
    data.update(
        {
            "languages": service.languages,
            "accessibility": {
                "wheelchair_accessible": service.wheelchair_accessible,
                "hearing_loop": service.hearing_loop,
                "notes": service.accessibility_notes,
            },
            "at_home": service.at_home,
            "by_phone_or_online": service.by_phone_or_online,
            "contact": {"phone": service.phone, "email": service.email, "website": service.website},
            "body": _body(service, plain_body),
        }
    )
    return data


def service_detail(service, *, include_professional: bool = False, now=None) -> dict:
    now = now or timezone.now()
    data = public_service(service)
    data["open_now"] = service.is_open(now)
    data["next_sessions"] = [session_data(s) for s in service.next_sessions(count=5, now=now)]
    if include_professional:
        data["professional"] = {
            name: getattr(service, name) for name in service.PROFESSIONAL_FIELDS
        }
    return data


def sleutelpersoon_data(person) -> dict:
    photo = person.public_photo
    return {
        "name": person.name,
        "role": person.role,
        "helps_with": person.helps_with,
        "how_to_reach": person.how_to_reach,
        "when": person.when,
        "phone": person.phone,
        "email": person.email,
        "photo": photo.get_rendition("fill-200x200").url if photo else None,
    }


def wijk_data(wijk) -> dict:
    return {
        "slug": wijk.slug,
        "name": wijk.title,
        "town": wijk.town,
        "url": wijk.url,
        "geometry": geo.rewind(wijk.boundary),
        "sleutelpersonen": [sleutelpersoon_data(p) for p in wijk.sleutelpersonen.all()],
    }


def loket_data(service, *, now=None, count: int = 5) -> dict:
    now = now or timezone.now()
    schedule = service.schedule()
    return {
        "slug": service.slug,
        "name": service.title,
        "url": service.url,
        "open_now": schedules.is_open(schedule, now),
        "next_sessions": [
            session_data(s) for s in schedules.next_sessions(schedule, now, count=count)
        ],
        "ical": service.ical_url,
    }
