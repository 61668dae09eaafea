"""The wegwijzer's questions (step 2), editable by editors as snippets."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from .blocks import KEY_RE, AnswerBlock

# Keys already used by the flow itself in the web address.
RESERVED_KEYS = frozenset({"thema", "postcode", "q"})


class Question(models.Model):
    key = models.SlugField(
        _("korte naam in het webadres"),
        max_length=30,
        unique=True,
        help_text=_(
            "Bijvoorbeeld 'voor-wie'. Verander dit liever niet: oude links werken dan niet."
        ),
    )
    text = models.CharField(_("vraag"), max_length=120)
    help_text = models.CharField(_("uitleg bij de vraag"), max_length=200, blank=True)
    answers = StreamField([("answer", AnswerBlock())], verbose_name=_("antwoorden"), min_num=2)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("deze vraag stellen"), default=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("answers"),
        FieldPanel("key"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("vraag van de wegwijzer")
        verbose_name_plural = _("vragen van de wegwijzer")

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.key in RESERVED_KEYS:
            raise ValidationError({"key": _("Deze korte naam is al in gebruik. Kies een andere.")})
        keys = [child.value["key"] for child in self.answers]
        if not all(KEY_RE.match(key or "") for key in keys):
            raise ValidationError(
                {"answers": _("Gebruik in de korte namen alleen kleine letters, cijfers en -.")}
            )
        if len(keys) != len(set(keys)):
            raise ValidationError(
                {"answers": _("Twee antwoorden hebben dezelfde korte naam. Maak ze verschillend.")}
            )


class ChoiceCount(models.Model):
    """How often residents reached a wegwijzer result, per day, theme and wijk.

    Anonymous: only these counters; no IP address, no cookie, no postcode, no answers."""

    day = models.DateField(_("dag"))
    theme = models.CharField(_("thema (slug)"), max_length=80)
    wijk = models.CharField(_("wijk (slug)"), max_length=80, blank=True)
    count = models.PositiveIntegerField(_("aantal keer"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "theme", "wijk"], name="wegwijzer_choice_unique")
        ]
        indexes = [models.Index(fields=["day"], name="wegwijzer_choice_day")]
        verbose_name = _("keuze in de wegwijzer per dag")
        verbose_name_plural = _("keuzes in de wegwijzer per dag")

    def __str__(self):
        return f"{self.day} {self.theme} {self.wijk or '-'}: {self.count}"
