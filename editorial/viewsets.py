"""Admin screens for 'Meldingen' (the corrections inbox) and for Aanbieder accounts."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from .corrections import handle_report, open_reports_count
from .models import CorrectionReport, ProviderAccount


class InboxPermissionPolicy(ModelPermissionPolicy):
    """Reports only come in through the public form: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ReportIndexView(IndexView):
    """Every row opens the report; open reports get a visible "Beantwoorden" button."""

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        edit_url = self.get_edit_url(instance)
        if edit_url and instance.is_open:
            label = _("Beantwoorden")
            buttons.insert(0, ListingButton(label, url=edit_url, icon_name="mail", priority=1))
        return buttons


class ReportEditView(EditView):
    """The answer form: choose 'Opgelost' or 'Afgewezen', write a message, save."""

    page_title = _("Melding beantwoorden")
    submit_button_label = _("Opslaan en beantwoorden")
    success_message = _("De melding is bijgewerkt.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.object.reporter_notified and "reply" in form.fields:
            # The message was e-mailed: it stays as sent, so the record tells the truth.
            form.fields["reply"].disabled = True
            form.fields["reply"].help_text = _("Dit bericht is verstuurd en blijft zo bewaard.")
        return form

    def save_instance(self):
        previous_status = CorrectionReport.objects.get(pk=self.object.pk).status
        report = super().save_instance()
        if handle_report(report, user=self.request.user, previous_status=previous_status):
            self.success_message = _("De melding is bijgewerkt. De melder krijgt een e-mail.")
        return report


class ReportsMenuItem(MenuItem):
    """'Meldingen (3)': the number of reports nobody has answered yet."""

    def is_shown(self, request):
        return request.user.has_perm("editorial.change_correctionreport")

    def render_component(self, request):
        component = super().render_component(request)
        count = open_reports_count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


class CorrectionReportViewSet(ModelViewSet):
    model = CorrectionReport
    icon = "warning"
    menu_label = _("Meldingen")
    menu_order = 150
    menu_item_class = ReportsMenuItem
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = ReportIndexView
    edit_view_class = ReportEditView
    list_filter = ["status", "kind"]
    list_display = [
        "service_title",
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
