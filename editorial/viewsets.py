"""Admin screens for 'Meldingen' (the corrections inbox) and for Aanbieder accounts."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .corrections import handle_report
from .models import CorrectionReport, ProviderAccount, ReportStatus


class InboxPermissionPolicy(ModelPermissionPolicy):
    """Reports only come in through the public form: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ReportEditView(EditView):
    success_message = _("De melding is bijgewerkt.")

    def save_instance(self):
        previous_status = CorrectionReport.objects.get(pk=self.object.pk).status
        report = super().save_instance()
        if handle_report(report, user=self.request.user, previous_status=previous_status):
            self.success_message = _("De melding is bijgewerkt. De melder krijgt een e-mail.")
        return report


class CorrectionReportViewSet(ModelViewSet):
    model = CorrectionReport
    icon = "warning"
    menu_label = _("Meldingen")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = ReportEditView
    list_filter = ["status", "kind"]
    list_display = [
        Column("service_title", label=_("Voorziening")),
        Column("kind", label=_("Wat klopt er niet?"), accessor="get_kind_display"),
        StatusTagColumn("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Ontvangen")),
    ]
    ordering = ["-created_at"]
    panels = [
        HelpPanel(heading=_("Melding"), template="editorial/admin/report_panel.html"),
        FieldPanel("status", widget=forms.RadioSelect),
        FieldPanel("reply"),
    ]


class ProviderAccountViewSet(ModelViewSet):
    model = ProviderAccount
    icon = "user"
    menu_label = _("Accounts van aanbieders")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["user", "organisation"]
    form_fields = ["user", "organisation"]


corrections_viewset = CorrectionReportViewSet("meldingen")
provider_accounts_viewset = ProviderAccountViewSet("aanbieder-accounts")


def open_reports_count() -> int:
    return CorrectionReport.objects.filter(status=ReportStatus.NEW).count()
