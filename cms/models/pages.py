"""Home, the loket overview and plain content pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from agenda import schedules
from cms.blocks import BaseStreamBlock
from cms.translations import localized, localized_page, source_pages

from .taxonomy import Theme


class HomePage(Page):
    question = models.CharField(
        _("vraag boven het zoekveld"), max_length=120, default="Waar zoekt u hulp bij?"
    )
    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("question"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        from .services import ServiceIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["themes"] = Theme.objects.all()
        context["service_index"] = localized_page(
            source_pages(ServiceIndexPage.objects.live()).first()
        )
        context["loketten_today"] = loketten_today()
        context["loket_overview"] = localized_page(
            source_pages(LoketOverviewPage.objects.live()).first()
        )
        return context


def loket_services():
    """Live services that have opening hours, alphabetically (the Dutch sources: a
    translation is shown in their place with ``cms.translations.localized``)."""
    return source_pages(loket_services_in_every_language())


def loket_services_in_every_language():
    from .services import ServicePage

    return (
        ServicePage.objects.live()
        .filter(models.Q(opening_rules__isnull=False) | models.Q(schedule_exceptions__isnull=False))
        .distinct()
        .order_by("title")
        .prefetch_related("places", "opening_rules", "schedule_exceptions")
    )


def walk_in_services():
    """Live walk-in services (loketten, pop-up loketten) that have opening hours."""
    from .services import Access

    return (
        loket_services()
        .filter(access=Access.WALK_IN)
        .prefetch_related(
            "organisation",
            "places__wijk",
            "wijken",
            "opening_rules__place",
            "schedule_exceptions__place",
            # what the page's JSON-LD reads of each service (cms.serializers.service_detail)
            "themes",
            "target_groups",
            "phrases",
        )
    )


def loketten_today(now=None):
    """(service, sessions today) for every loket with a session later today; the service in
    the active language when it is translated (the hours are the Dutch source's)."""
    now = now or timezone.now()
    local = now.astimezone(schedules.TIMEZONE)
    today = local.date()
    # A session later today needs a rule on today's weekday that ends later, or an exception
    # dated today (see agenda.schedules._expand_day): only those lokets' hours are expanded
    # (at 5,000 services the home page expanded 512 schedules, 134 ms, to list a handful).
    could_open = models.Q(
        opening_rules__weekday=today.weekday(), opening_rules__end_time__gt=local.time()
    ) | models.Q(schedule_exceptions__date=today)
    result = []
    for service in loket_services().filter(could_open, access="walk_in"):
        sessions = [s for s in schedules.sessions_on(service.schedule(), today) if s.end > now]
        if sessions:
            result.append((service, sessions))
    shown = localized([service for service, _sessions in result])
    return [(page, sessions) for page, (_service, sessions) in zip(shown, result, strict=True)]


class LoketOverviewPage(Page):
    """'Loketten en spreekuren': open now, next sessions and closures of every loket."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1
    template = "cms/loket_overview_page.html"

    class Meta:
        verbose_name = _("loketten en spreekuren")

    def get_context(self, request, *args, **kwargs):
        from cms import walk_in

        context = super().get_context(request, *args, **kwargs)
        found = walk_in.walk_in_list(
            walk_in_services(), timezone.now(), request.GET.get("postcode", "")
        )
        found = walk_in.with_services(found, localized(p.service for p in found.points))
        context["walk_in"] = found
        context["loketten"] = found.points
        return context


class StandardPage(Page):
    """A plain page, e.g. the toegankelijkheidsverklaring or privacy statement."""

    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("gewone pagina")
