"""'Openingstijden aanpassen': every service with opening hours, one click to change them."""

from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from editorial import schedule_overview
from editorial.views.guarded import Guarded


class OpeningHoursListView(Guarded, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Openingstijden aanpassen")
    header_icon = "time"
    template_name = "editorial/admin/opening_hours.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = schedule_overview.rows_for(self.request.user)
        return context
