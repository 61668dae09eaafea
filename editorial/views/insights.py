"""Admin view 'Inzicht' for Beheer gemeente and the Redactie. Thin: the period comes from the
GET form, the report from editorial.insights."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from cms.access import is_editor
from editorial.insights import report, tables
from editorial.insights.period import read_period
from editorial.views.guarded import Guarded

DATE_FORMAT = "%d-%m-%Y"  # what the Dutch date picker shows and an editor types


def may_view_insights(user) -> bool:
    return is_editor(user)


def date_picker(name: str) -> AdminDateInput:
    attrs = {"id": f"inzicht-{name}", "aria-describedby": "inzicht-datum-uitleg"}
    return AdminDateInput(attrs=attrs, format=DATE_FORMAT)


class InsightsView(Guarded, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Inzicht")
    header_icon = "view"
    template_name = "editorial/admin/insights.html"

    allowed = staticmethod(may_view_insights)

    def get(self, request, *args, **kwargs):
        self.period, self.errors = read_period(request.GET, timezone.localdate())
        self.report = report.build(self.period)
        if request.GET.get("formaat") == "csv":
            return self.csv(request.GET.get("tabel", ""))
        return super().get(request, *args, **kwargs)

    def csv(self, key: str) -> HttpResponse:
        table = self.report.table(key)
        if table is None:
            raise Http404("Deze tabel bestaat niet.")
        response = HttpResponse(tables.to_csv(table), content_type="text/csv; charset=utf-8")
        filename = f"inzicht-{key}-{self.period.start:%Y%m%d}-{self.period.end:%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("editorial_insights"), "label": _("Inzicht")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dates = {"van": f"{self.period.start:%d-%m-%Y}", "tot": f"{self.period.end:%d-%m-%Y}"}
        start, end = date_picker("van"), date_picker("tot")
        context.update(
            {
                "start_input": start.render("van", self.period.start),
                "end_input": end.render("tot", self.period.end),
                "media": start.media,
                "period": self.period,
                "errors": self.errors,
                "report": self.report,
                "dates": dates,
                "csv_base": urlencode({**dates, "formaat": "csv"}),
            }
        )
        return context
