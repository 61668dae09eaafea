from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from cms.access import is_editor, is_restricted_provider

from .dashboard import ShortcutsPanel, shortcuts_for
from .models import CorrectionReport
from .views import admin as admin_views
from .views.opening_hours import OpeningHoursListView
from .viewsets import InboxPermissionPolicy, corrections_viewset, provider_accounts_viewset

# Before the viewset is registered, so it uses this policy.
register_permission_policy(CorrectionReport, InboxPermissionPolicy(CorrectionReport))

PANEL_LIMIT = 10


def may_check_services(user) -> bool:
    return is_editor(user) or is_restricted_provider(user)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [corrections_viewset, provider_accounts_viewset]


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("te-controleren/", admin_views.DueListView.as_view(), name="due_list"),
        path(
            "te-controleren/<int:pk>/gecontroleerd/",
            admin_views.mark_checked,
            name="mark_checked",
        ),
        path("openingstijden/", OpeningHoursListView.as_view(), name="opening_hours"),
        path("feedback/", admin_views.FeedbackReportView.as_view(), name="feedback_report"),
        path("import/", admin_views.ImportView.as_view(), name="import"),
        path("export/", admin_views.export_csv, name="export"),
    ]
    return [path("redactie/", include((urls, "editorial_admin"), namespace="editorial_admin"))]


class DueForReviewPanel(Component):
    """Dashboard: 'Te controleren', the longest overdue first."""

    name = "te_controleren"
    template_name = "editorial/admin/due_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        rows = admin_views.due_rows(request.user)
        return {
            "items": rows[:PANEL_LIMIT],
            "more": max(0, len(rows) - PANEL_LIMIT),
            "next": reverse("wagtailadmin_home"),
            "request": request,
            "csrf_token": parent_context["csrf_token"],
        }


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    shortcuts = shortcuts_for(request.user)
    if shortcuts:
        panels.append(ShortcutsPanel(shortcuts))
    if may_check_services(request.user):
        panels.append(DueForReviewPanel())


@hooks.register("construct_page_action_menu")
def publish_is_the_main_action(menu_items, request, context):
    """For editors who may publish, 'Publiceren' is the big button, not hidden behind an arrow."""
    if not is_editor(request.user):
        return
    for index, item in enumerate(menu_items):
        if item.name == "action-publish":
            menu_items.insert(0, menu_items.pop(index))
            break


class CheckMenuItem(MenuItem):
    def is_shown(self, request):
        return may_check_services(request.user)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_bulk_edit(request.user)


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_feedback(request.user)


@hooks.register("register_admin_menu_item")
def register_due_menu_item():
    return CheckMenuItem(
        _("Te controleren"),
        reverse("editorial_admin:due_list"),
        icon_name="time",
        order=160,
    )


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import en export"),
        reverse("editorial_admin:import"),
        icon_name="download",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackMenuItem(
        _("Heeft dit geholpen?"),
        reverse("editorial_admin:feedback_report"),
        icon_name="help",
        order=50,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("editorial.checked", _("Gecontroleerd"), _("Gecontroleerd, klopt nog"))
    actions.register_action(
        "editorial.report_resolved", _("Melding opgelost"), _("Melding van een inwoner opgelost")
    )
    actions.register_action(
        "editorial.report_dismissed",
        _("Melding afgewezen"),
        _("Melding van een inwoner afgewezen"),
    )


# Inzicht (its own module) ------------------------------------------------------------------
from editorial import insights_hooks  # noqa: E402, F401
