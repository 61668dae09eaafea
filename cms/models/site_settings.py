"""Site-wide contact data and the example-data banner."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    sociaal_loket_phone = models.CharField(
        _("telefoon sociaal loket"), max_length=20, default="0297 000 001"
    )
    sociaal_loket_address = models.CharField(
        _("adres sociaal loket"),
        max_length=200,
        default="Gemeentehuis, Laan van Meerwijk 16, Uithoorn",
    )
    welfare_phone = models.CharField(
        _("telefoon Uithoorn voor Elkaar"), max_length=20, default="0297 000 010"
    )
    welfare_address = models.CharField(
        _("adres Loket Waterlinie"),
        max_length=200,
        default="Gezondheidscentrum Waterlinie, Uithoorn",
    )
    sociaal_loket_hours = models.ForeignKey(
        "cms.ServicePage",
        verbose_name=_("openingstijden sociaal loket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "De voorziening met de tijden waarop het sociaal loket open en te bellen is. "
            "De wegwijzer zegt daarmee wanneer iemand met haast terecht kan."
        ),
    )
    example_data = models.BooleanField(
        _("toon dat dit voorbeeldgegevens zijn"),
        default=True,
        help_text=_("Zet dit uit zodra de voorbeeldgegevens vervangen zijn door echte gegevens."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("sociaal_loket_phone"),
                FieldPanel("sociaal_loket_address"),
                FieldPanel("sociaal_loket_hours"),
            ],
            heading=_("Sociaal loket"),
        ),
        MultiFieldPanel(
            [FieldPanel("welfare_phone"), FieldPanel("welfare_address")],
            heading=_("Uithoorn voor Elkaar"),
        ),
        FieldPanel("example_data"),
    ]

    class Meta:
        verbose_name = _("contactgegevens en instellingen")
