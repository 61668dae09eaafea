"""Themes (leefgebieden) and target groups (doelgroepen): shared labels without their own page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .in_language import ShownInLanguage


class Theme(ShownInLanguage, index.Indexed, models.Model):
    name = models.CharField(_("naam"), max_length=80, unique=True)
    name_en = models.CharField(_("naam in het Engels"), max_length=80, blank=True)
    slug = models.SlugField(
        _("korte naam in de link"),
        max_length=80,
        unique=True,
        help_text=_("Wordt gebruikt in het webadres, bijvoorbeeld 'geld'."),
    )
    description = models.TextField(
        _("uitleg"), blank=True, help_text=_("Eén of twee korte zinnen over dit leefgebied.")
    )
    description_en = models.TextField(_("uitleg in het Engels"), blank=True)
    icon = models.CharField(
        _("pictogram"),
        max_length=30,
        blank=True,
        help_text=_("Naam van het pictogram op de tegel, bijvoorbeeld 'euro' of 'huis'."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("icon"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thema (leefgebied)")
        verbose_name_plural = _("thema's (leefgebieden)")

    def __str__(self):
        return self.name


class TargetGroup(ShownInLanguage, index.Indexed, models.Model):
    name = models.CharField(_("naam"), max_length=80, unique=True)
    name_en = models.CharField(_("naam in het Engels"), max_length=80, blank=True)
    slug = models.SlugField(_("korte naam in de link"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self):
        return self.name
