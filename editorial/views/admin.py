"""Admin views: 'Te controleren', the weekly feedback overview, CSV import and export."""

import datetime

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from cms.access import can_see_professional_fields
from cms.models import ServiceIndexPage, ServicePage
from cms.translations import source_pages
from editorial import feedback, freshness, importer, service_csv
from editorial.forms import ImportForm
from editorial.views.guarded import Guarded

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def may_bulk_edit(user) -> bool:
    """Who may create and publish services (and see professional fields) may import/export."""
    index = source_pages(ServiceIndexPage.objects.all()).first()
    if index is None or not can_see_professional_fields(user):
        return False
    perms = index.permissions_for_user(user)
    return perms.can_add_subpage() and perms.can_publish_subpage()


def may_view_feedback(user) -> bool:
    return user.has_perm("editorial.view_pagefeedback")


# Freshness --------------------------------------------------------------------------------


@require_POST
def mark_checked(request, pk):
    service = get_object_or_404(ServicePage, pk=pk)
    if not service.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    freshness.mark_checked(service, request.user)
    service.refresh_from_db()
    messages.success(
        request,
        _("'%(title)s' is gecontroleerd. De volgende controle is op %(date)s.")
        % {"title": service.title, "date": service.review_due_date.strftime("%d-%m-%Y")},
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("wagtailadmin_home")
    return HttpResponseRedirect(target)


class DueListView(Guarded, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Te controleren")
    header_icon = "time"
    template_name = "editorial/admin/due_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = due_rows(self.request.user)
        context["next"] = self.request.get_full_path()
        return context


def due_rows(user, limit=None):
    """(DueService, may mark as checked) for the user, the longest overdue first."""
    items = freshness.due_services(user)
    if limit is not None:
        items = items[:limit]
    return [(item, item.service.permissions_for_user(user).can_publish()) for item in items]


# Feedback ---------------------------------------------------------------------------------


class FeedbackReportView(Guarded, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Heeft dit geholpen?")
    header_icon = "help"
    template_name = "editorial/admin/feedback_report.html"

    allowed = staticmethod(may_view_feedback)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        try:
            monday = feedback.parse_week(self.request.GET.get("week"), today)
        except feedback.InvalidWeek as error:
            raise BadRequest(str(error)) from None
        context.update(
            {
                "monday": monday,
                "sunday": monday + datetime.timedelta(days=6),
                "week": _week_param(monday),
                "previous_week": _week_param(monday - datetime.timedelta(days=7)),
                "next_week": _week_param(monday + datetime.timedelta(days=7))
                if monday < feedback.week_start(today)
                else "",
                "rows": feedback.weekly_overview(monday),
            }
        )
        return context


def _week_param(monday) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


# Import and export ------------------------------------------------------------------------


class ImportView(Guarded, WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Voorzieningen importeren en exporteren")
    header_icon = "download"
    template_name = "editorial/admin/import.html"
    form_class = ImportForm

    allowed = staticmethod(may_bulk_edit)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = service_csv.COLUMNS
        context["required_columns"] = service_csv.REQUIRED_COLUMNS
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error("file", _("Het bestand is te groot (meer dan 5 MB)."))
            return self.form_invalid(form)
        dry_run = form.cleaned_data["dry_run"]
        plan = importer.run_import(upload.read(), user=self.request.user, dry_run=dry_run)
        return self.render_to_response(self.get_context_data(form=form, plan=plan, dry_run=dry_run))


def export_csv(request):
    if not may_bulk_edit(request.user):
        raise PermissionDenied
    response = HttpResponse(service_csv.export_services(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="voorzieningen-{stamp}.csv"'
    return response
