"""The topics that are arranged elsewhere, as editors maintain them (a Wagtail snippet)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    HUISARTSENPOST = "huisartsenpost", _("Huisarts, tandarts of huisartsenpost")
    EMERGENCY = "112", _("112 (spoed)")
    POLICE = "politie", _("Politie")
    OTHER = "other", _("Andere organisatie")


class ElsewhereTopic(models.Model):
    title = models.CharField(
        _("titel"),
        max_length=120,
        help_text=_("Wat de inwoner wil regelen. Bijvoorbeeld: Paspoort of ID-kaart"),
    )
    text = models.TextField(
        _("uitleg"),
        help_text=_("Kort en in gewone woorden: waar regelt de inwoner dit, en hoe?"),
    )
    kind = models.CharField(_("waar"), max_length=20, choices=Kind.choices)
    url = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    triggers = models.TextField(
        _("zoekwoorden"),
        help_text=_(
            "Woorden en woordgroepen waaraan u dit onderwerp herkent, gescheiden door komma's. "
            "Een woordgroep telt als alle woorden in de vraag staan, in elke volgorde. "
            "Bijvoorbeeld: paspoort, id-kaart, identiteitskaart"
        ),
    )
    context_words = models.TextField(
        _("woorden die er ook bij horen"),
        blank=True,
        help_text=_(
            "Andere woorden die inwoners bij dit onderwerp typen, gescheiden door komma's. "
            "Staat er in de vraag nog een ander woord waarvoor wij hulp kennen, dan tonen we "
            "gewoon de zoekresultaten."
        ),
    )
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("onderwerp dat ergens anders geregeld wordt")
        verbose_name_plural = _("ergens anders geregeld")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not split(self.triggers):
            raise ValidationError({"triggers": _("Vul minstens één zoekwoord in.")})
        if not (self.url or self.phone):
            raise ValidationError({"url": _("Vul een website of een telefoonnummer in.")})

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "text": self.text,
            "url": self.url,
            "phone": self.phone,
            "kind": self.kind,
        }


def split(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]
