"""The look of the site an editor can change: name, logo and the two brand colours.

The colours reach the page through ``/huisstijl.css`` (custom properties), never through
inline styles, so a strict Content Security Policy keeps working.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms import colours

DEFAULT_NAME = "Sociale kaart Uithoorn"
DEFAULT_PRIMARY = "#1d5a7a"
DEFAULT_ACCENT = "#b8500f"


def _check_accent(value: str) -> None:
    colours.check_on_white(value, colours.GRAPHIC_CONTRAST)


CHECKS = (("primary_colour", colours.check_primary), ("accent_colour", _check_accent))


@register_setting(icon="image")
class BrandSettings(BaseSiteSetting):
    site_name = models.CharField(
        _("naam van de site"),
        max_length=60,
        default=DEFAULT_NAME,
        help_text=_("Staat bovenaan elke pagina en in de titel van het browsertabblad."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo (SVG)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Een SVG-bestand. Leeg laten: dan staat er een eenvoudig beeldmerk."),
    )
    primary_colour = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        help_text=_(
            "Voor de balk bovenaan, knoppen en links, met witte tekst erop. "
            "Schrijf als #1d5a7a. Moet donker genoeg zijn (contrast 4,5 : 1 met wit)."
        ),
    )
    accent_colour = models.CharField(
        _("accentkleur"),
        max_length=7,
        default=DEFAULT_ACCENT,
        help_text=_(
            "Voor lijnen en kleine accenten. Schrijf als #b8500f. "
            "Moet goed zichtbaar zijn op wit (contrast 3 : 1)."
        ),
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("primary_colour"), FieldPanel("accent_colour")],
            heading=_("Kleuren"),
        ),
    ]

    class Meta:
        verbose_name = _("huisstijl")

    def clean(self):
        super().clean()
        errors = {}
        for name, check in CHECKS:
            value = (getattr(self, name) or "").strip().lower()
            setattr(self, name, value)
            try:
                check(value)
            except colours.ColourError as error:
                errors[name] = str(error)
        if self.logo_id and not self.logo.filename.lower().endswith(".svg"):
            errors["logo"] = _("Kies een logo als SVG-bestand. Dat blijft scherp op elk scherm.")
        if errors:
            raise ValidationError(errors)

    def custom_properties(self) -> dict[str, str]:
        """CSS custom properties of the theme (static/css/uithoorn-theme.css uses them)."""
        primary, accent = self.safe_colours()
        return {
            "--uithoorn-brand-primary": primary,
            "--uithoorn-brand-primary-hover": colours.mix(primary, "#000000", 0.25),
            "--uithoorn-brand-primary-soft": colours.soft(primary),
            "--uithoorn-brand-accent": accent,
        }

    def safe_colours(self) -> tuple[str, str]:
        """The stored colours, or the defaults if one is unusable (e.g. edited in the DB)."""
        result = []
        for (name, check), default in zip(CHECKS, (DEFAULT_PRIMARY, DEFAULT_ACCENT), strict=True):
            value = (getattr(self, name) or "").strip().lower()
            try:
                check(value)
            except colours.ColourError:
                value = default
            result.append(value)
        return result[0], result[1]

    @property
    def version(self) -> str:
        """Changes whenever the colours do, so browsers fetch the new /huisstijl.css."""
        return hashlib.sha256("".join(self.safe_colours()).encode()).hexdigest()[:10]
