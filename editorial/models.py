"""Editorial data: Aanbieder accounts, public corrections and feedback, review reminders.

Nothing here stores an IP address. Feedback is anonymous and keeps only the day it was given;
a reporter's e-mail address is erased as soon as the reply has been sent.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel


class ProviderAccount(models.Model):
    """Links a user in the Aanbieder group to the one organisation whose services it edits."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="provider_account",
    )
    organisation = models.ForeignKey(
        "cms.OrganisationPage",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="provider_accounts",
    )

    panels = [
        HelpPanel(
            _(
                "Zet de gebruiker ook in de groep 'Aanbieder'. Dan kan deze persoon alleen de "
                "voorzieningen van deze organisatie aanpassen. De redactie controleert elke "
                "wijziging voordat die op de site komt."
            )
        ),
        FieldPanel("user"),
        FieldPanel("organisation"),
    ]

    class Meta:
        verbose_name = _("account van een aanbieder")
        verbose_name_plural = _("accounts van aanbieders")

    def __str__(self):
        return f"{self.user} – {self.organisation}"


class CorrectionKind(models.TextChoices):
    OPENING_HOURS = "opening_hours", _("De openingstijden kloppen niet")
    CONTACT = "contact", _("De contactgegevens kloppen niet")
    GONE = "gone", _("Dit bestaat niet meer")
    OTHER = "other", _("Iets anders")


class ReportStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    RESOLVED = "resolved", _("Opgelost")
    DISMISSED = "dismissed", _("Afgewezen")


class CorrectionReport(models.Model):
    """A resident's "Klopt er iets niet?" report about a service: an item in "Meldingen"."""

    service = models.ForeignKey(
        "cms.ServicePage",
        verbose_name=_("voorziening"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="correction_reports",
    )
    service_title = models.CharField(_("naam van de voorziening"), max_length=255)
    kind = models.CharField(_("wat klopt er niet?"), max_length=20, choices=CorrectionKind.choices)
    explanation = models.TextField(_("uitleg van de melder"), blank=True)
    email = models.EmailField(
        _("e-mail van de melder"),
        blank=True,
        help_text=_("Wordt gewist zodra de melder antwoord heeft gekregen."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    reply = models.TextField(
        _("bericht aan de melder"),
        blank=True,
        help_text=_(
            "Komt in de e-mail aan de melder, als die een e-mailadres heeft gegeven. "
            "Schrijf kort en in eenvoudige woorden."
        ),
    )
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reporter_notified = models.BooleanField(_("melder heeft antwoord gekregen"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self):
        return f"{self.service_title}: {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == ReportStatus.NEW

    @property
    def wants_reply(self) -> bool:
        return bool(self.email)


class FeedbackSource(models.TextChoices):
    PAGE = "page", _("pagina")
    SEARCH = "search", _("zoekresultaten")


class PageFeedback(models.Model):
    """An anonymous "Heeft deze informatie u geholpen?" answer. Only the day is kept."""

    source = models.CharField(
        _("waar"), max_length=10, choices=FeedbackSource.choices, default=FeedbackSource.PAGE
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    query = models.CharField(_("zoekvraag"), max_length=200, blank=True)
    helpful = models.BooleanField(_("geholpen"))
    missing = models.TextField(_("wat miste u?"), blank=True)
    created_on = models.DateField(
        _("datum"), default=timezone.localdate, editable=False, db_index=True
    )

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("reactie: heeft dit geholpen?")
        verbose_name_plural = _("reacties: heeft dit geholpen?")

    def __str__(self):
        return f"{self.created_on}: {'ja' if self.helpful else 'nee'}"


class ReviewReminder(models.Model):
    """When the last "please check this service" e-mail went out, to avoid daily repeats."""

    service = models.OneToOneField(
        "cms.ServicePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="review_reminder",
    )
    sent_on = models.DateField()

    class Meta:
        verbose_name = _("herinnering om te controleren")
        verbose_name_plural = _("herinneringen om te controleren")

    def __str__(self):
        return f"{self.service_id}: {self.sent_on}"
