"""The admin in a real browser: drawing a wijk boundary on the map (Beheer gemeente), the
read-only map (Redactie) and the opening-hour exception fields that follow the kind chosen."""

import json

import pytest

from tests.browser.support import new_context

pytestmark = pytest.mark.browser

PASSWORD = "browsertest-beheer-2026"
WIJK_SLUG = "thamerdal"
LOKET_SLUG = "pop-up-loket-de-kuyper"


@pytest.fixture(scope="module")
def accounts(site, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.access import BEHEER_GROUP, REDACTIE_GROUP

    with django_db_blocker.unblock():
        for username, group in (("beheer-bt", BEHEER_GROUP), ("redactie-bt", REDACTIE_GROUP)):
            user, _ = get_user_model().objects.get_or_create(username=username)
            user.set_password(PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=group)])
    return {"beheer": "beheer-bt", "redactie": "redactie-bt"}


def _admin_page(browser, site, username):
    context = new_context(browser, site, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto("/beheer/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/beheer/")
    return context, page


def _pk(model_path, slug, django_db_blocker):
    from django.apps import apps

    with django_db_blocker.unblock():
        # The Dutch page: the English demo (test_english_pages) has the same slug.
        model = apps.get_model(model_path)
        return model.objects.get(slug=slug, locale__language_code="nl").pk


def _boundary(pk, django_db_blocker):
    from cms.models import WijkPage

    with django_db_blocker.unblock():
        return WijkPage.objects.get(pk=pk).boundary


def _publish_boundary(pk, boundary, django_db_blocker):
    """Publish the wijk with this boundary again, as an editor would (places follow)."""
    from cms.models import WijkPage

    with django_db_blocker.unblock():
        wijk = WijkPage.objects.get(pk=pk)
        wijk.boundary = boundary
        wijk.save_revision().publish()


def test_beheer_redraws_a_wijk_boundary_on_the_map(browser, site, accounts, django_db_blocker):
    pk = _pk("cms.WijkPage", WIJK_SLUG, django_db_blocker)
    original = _boundary(pk, django_db_blocker)
    context, page = _admin_page(browser, site, accounts["beheer"])
    try:
        page.goto(f"/beheer/pages/{pk}/edit/")
        root = page.locator("[data-boundary-map][data-editable=true]")
        root.locator("path.leaflet-interactive").first.wait_for()
        assert not root.locator("textarea").is_visible()  # the map replaces the text box
        assert root.locator(".leaflet-pm-toolbar").count() > 0

        # Remove the old boundary, then draw a new square.
        root.locator(".leaflet-pm-icon-delete").first.click()
        root.locator("path.leaflet-interactive").first.click()
        assert root.locator("textarea").input_value() == ""
        root.locator(".leaflet-pm-icon-polygon").first.click()
        box = root.locator(".boundary-map__map").bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        corners = [(x - 80, y - 60), (x - 80, y + 60), (x + 80, y + 60), (x + 80, y - 60)]
        for cx, cy in corners:
            page.mouse.click(cx, cy)
            page.wait_for_timeout(150)
        page.mouse.click(*corners[0])  # close the ring on the first point
        drawn = json.loads(root.locator("textarea").input_value())
        assert drawn["type"] == "Polygon" and len(drawn["coordinates"][0]) == 5

        with page.expect_navigation():  # published: Wagtail goes back to the list of wijken
            page.locator("button[name=action-publish]").first.click()
        assert "is gepubliceerd" in page.locator(".messages").inner_text()
        stored = _boundary(pk, django_db_blocker)
        ring = stored["coordinates"][0]
        area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))
        assert area > 0  # stored counter-clockwise (RFC 7946), whatever way it was drawn
        lons = sorted({round(lon, 5) for lon, _ in ring})
        assert len(lons) == 2  # the square that was drawn
    finally:
        context.close()
        # The demo catalogue is shared by the whole browser session: give the wijk back.
        _publish_boundary(pk, original, django_db_blocker)


def test_redactie_sees_the_boundary_without_tools_or_text_box(
    browser, site, accounts, django_db_blocker
):
    pk = _pk("cms.WijkPage", WIJK_SLUG, django_db_blocker)
    context, page = _admin_page(browser, site, accounts["redactie"])
    try:
        page.goto(f"/beheer/pages/{pk}/edit/")
        root = page.locator("[data-boundary-map][data-editable=false]")
        root.locator("path.leaflet-interactive").first.wait_for()
        assert root.locator(".leaflet-pm-toolbar").count() == 0
        assert page.locator("textarea[name=boundary]").count() == 0
    finally:
        context.close()


def _row(page, index):
    return page.locator(f"#inline_child_schedule_exceptions-{index}")


def _shown(row, field, index):
    """Whether the field (its label and input, or a chooser) is on screen."""
    named = row.page.locator(f"[name='schedule_exceptions-{index}-{field}']")
    return row.locator(".w-field__wrapper").filter(has=named).last.is_visible()


def test_exception_fields_follow_the_kind(browser, site, accounts, django_db_blocker):
    pk = _pk("cms.ServicePage", LOKET_SLUG, django_db_blocker)
    context, page = _admin_page(browser, site, accounts["redactie"])
    try:
        page.goto(f"/beheer/pages/{pk}/edit/#tab-openingstijden")
        page.locator("[name='schedule_exceptions-0-kind']").wait_for(state="attached")
        kinds = {
            i: page.locator(f"[name='schedule_exceptions-{i}-kind']").input_value()
            for i in range(
                page.locator("select[name$='-kind'][name^='schedule_exceptions']").count()
            )
        }
        closed = next(i for i, kind in kinds.items() if kind == "closed")
        extra = next(i for i, kind in kinds.items() if kind == "extra")
        closed_row, extra_row = _row(page, closed), _row(page, extra)

        # Closed for the whole day: no times, no place; a box for "only part of the day".
        assert not _shown(closed_row, "start_time", closed)
        assert not _shown(closed_row, "place", closed)
        assert _shown(closed_row, "reason", closed)
        part = closed_row.get_by_label("Alleen een deel van de dag dicht")
        part.check()
        assert _shown(closed_row, "start_time", closed) and _shown(closed_row, "end_time", closed)

        # Extra: times and place.
        assert _shown(extra_row, "start_time", extra) and _shown(extra_row, "place", extra)

        # Switching "gesloten" to "andere tijd" shows the new times and the place.
        closed_row.locator(f"[name='schedule_exceptions-{closed}-kind']").select_option("changed")
        assert _shown(closed_row, "start_time", closed) and _shown(closed_row, "place", closed)
        assert not part.is_visible()

        # A new exception shows only date and kind until a kind is chosen.
        page.locator("#id_schedule_exceptions-ADD").click()
        new = len(kinds)
        new_row = _row(page, new)
        new_row.locator(f"[name='schedule_exceptions-{new}-kind']").wait_for()
        assert not _shown(new_row, "start_time", new) and not _shown(new_row, "reason", new)
        new_row.locator(f"[name='schedule_exceptions-{new}-kind']").select_option("extra")
        assert _shown(new_row, "start_time", new) and _shown(new_row, "place", new)
    finally:
        context.close()
