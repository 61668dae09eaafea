"""Organisations (aanbieders) that offer services."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms import translations


class OrganisationIndexPage(Page):
    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.OrganisationPage"]
    max_count = 1
    template = "cms/organisation_index_page.html"

    class Meta:
        verbose_name = _("overzicht van aanbieders")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = translations.source_of(self)
        organisations = OrganisationPage.objects.child_of(source).live().order_by("title")
        context["organisations"] = translations.localized(organisations)
        return context


class OrganisationPage(Page):
    description = models.TextField(
        _("wat doet deze organisatie?"),
        help_text=_("Twee tot vier korte zinnen in eenvoudige woorden (taalniveau B1)."),
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    places = ParentalManyToManyField("cms.Place", verbose_name=_("locaties"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]), FieldPanel("website")],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
        FieldPanel("places"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]
    parent_page_types = ["cms.OrganisationIndexPage"]
    subpage_types = []
    template = "cms/organisation_page.html"

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")

    def live_services(self):
        """The Dutch services of this organisation (also asked of its translation)."""
        return (
            translations.source_pages(translations.source_of(self).services.live())
            .select_related("organisation")
            .prefetch_related("places")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from .services import ServicePage

        context = super().get_context(request, *args, **kwargs)
        context["services"] = translations.localized(
            self.live_services(),
            within=ServicePage.objects.live()
            .select_related("organisation")
            .prefetch_related("places"),
        )
        return context
