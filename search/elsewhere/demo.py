"""The demo's "ergens anders" contacts. The starting topics (search/migrations/0005) point
to the gemeente's website without a phone number; in the demo the topics the gemeente
arranges get the demo gemeente's own phone and website (fake, from the catalogue), and the
doctor topic a (fake) huisartsenpost number next to 112 on the emergency topic. Runs when the
demo catalogue is loaded (``cms.demo.demo_loaded``); a number or website an editor filled in
is kept."""

from __future__ import annotations

from .models import ElsewhereTopic, Kind

GEMEENTE_SLUG = "gemeente-uithoorn"
STARTING_GEMEENTE_URL = "https://www.uithoorn.nl"  # what migration 0005 put in
HUISARTSENPOST_PHONE = "0297 000 056"  # fake, in the catalogue's range, used nowhere else


def apply_demo_contacts(sender=None, data: dict | None = None, **kwargs) -> int:
    """Fill in the demo contacts; returns how many topics changed."""
    organisations = (data or {}).get("organisations", [])
    gemeente = next((o for o in organisations if o.get("slug") == GEMEENTE_SLUG), {})
    wanted = {
        Kind.GEMEENTE: (gemeente.get("phone") or "", gemeente.get("website") or ""),
        Kind.HUISARTSENPOST: (HUISARTSENPOST_PHONE, ""),
    }
    changed = 0
    for topic in ElsewhereTopic.objects.filter(kind__in=list(wanted)):
        phone, url = wanted[topic.kind]
        before = (topic.phone, topic.url)
        if phone and not topic.phone:
            topic.phone = phone
        if url and topic.url in ("", STARTING_GEMEENTE_URL):
            topic.url = url
        if (topic.phone, topic.url) != before:
            topic.save()  # bumps updated_at, so the matcher's cache sees the change
            changed += 1
    return changed


def connect() -> None:
    from cms.demo import demo_loaded

    demo_loaded.connect(apply_demo_contacts, dispatch_uid="search.elsewhere.demo")
