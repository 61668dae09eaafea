"""Wagtail admin: the editors' synonyms and the list of questions without (many) results."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from cms.spreadsheet import safe_cell

from .elsewhere.models import ElsewhereTopic
from .models import UnansweredQuery
from .synonyms import Synonym

REPORT_PERMISSIONS = ("search.view_unansweredquery", "search.add_synonym")


def can_see_report(user) -> bool:
    return any(user.has_perm(permission) for permission in REPORT_PERMISSIONS)


class SynonymCreateView(CreateView):
    """The add form, prefilled with ?words=... (the report links here)."""

    def get_initial(self):
        initial = super().get_initial()
        words = " ".join(self.request.GET.get("words", "").split())[:255]
        if words:
            initial["words"] = words
        return initial


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Synoniemen")
    add_view_class = SynonymCreateView
    list_display = ["words", "means", "leefgebied", "updated_at"]
    list_filter = ["leefgebied"]
    search_fields = ["words", "means"]


class ElsewhereTopicViewSet(SnippetViewSet):
    model = ElsewhereTopic
    icon = "redirect"
    menu_label = _("Ergens anders geregeld")
    list_display = ["title", "kind", "url", "phone", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["title", "triggers"]


class ActionsColumn(Column):
    cell_template_name = "search/admin/actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        add_synonym = reverse(SynonymViewSet().get_url_name("add"))
        context["synonym_url"] = f"{add_synonym}?{urlencode({'words': instance.text})}"
        context["services_url"] = _services_explorer_url()
        return context


def _services_explorer_url() -> str:
    from cms.models import ServiceIndexPage
    from cms.translations import source_pages

    index = source_pages(ServiceIndexPage.objects.all()).first()
    return reverse("wagtailadmin_explore", args=[index.pk]) if index else ""


class UnansweredQueriesView(ReportView):
    page_title = _("Zoekvragen zonder resultaat")
    header_icon = "search"
    index_url_name = "search_unanswered:index"
    index_results_url_name = "search_unanswered:results"
    results_template_name = "search/admin/unanswered_results.html"
    paginate_by = 50
    list_export = ["text", "times", "result_count", "last_asked"]
    # What residents typed is never run as a formula in a spreadsheet.
    custom_field_preprocess = {"text": {"csv": safe_cell, "xlsx": safe_cell}}
    export_headings = {
        "text": _("Zoekvraag"),
        "times": _("Aantal keer"),
        "result_count": _("Resultaten"),
        "last_asked": _("Laatste keer"),
    }
    columns = [
        Column("text", label=_("Zoekvraag")),
        Column("times", label=_("Aantal keer")),
        Column("result_count", label=_("Resultaten")),
        DateColumn("last_asked", label=_("Laatste keer")),
        ActionsColumn("actions", label=_("Wat kunt u doen?")),
    ]

    def dispatch(self, request, *args, **kwargs):
        from django.core.exceptions import PermissionDenied

        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return UnansweredQuery.objects.order_by("-times", "-last_asked")


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


class UnansweredQueriesViewSet(ViewSet):
    name = "search_unanswered"
    icon = "search"
    menu_label = _("Zoekvragen zonder resultaat")
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        view = UnansweredQueriesView.as_view()
        results = UnansweredQueriesView.as_view(results_only=True)
        return [path("", view, name="index"), path("results/", results, name="results")]


class SearchGroup(ViewSetGroup):
    menu_label = _("Zoekwoorden")
    menu_icon = "search"
    menu_order = 210
    items = (SynonymViewSet, ElsewhereTopicViewSet, UnansweredQueriesViewSet)
