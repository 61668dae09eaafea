"""Opening hours stored per service: recurring rules plus exceptions.

The rules are stored here; every computation (open now, next sessions, iCal) lives in the
plain module ``agenda.schedules``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from agenda import schedules, wording


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class Frequency(models.TextChoices):
    WEEKLY = schedules.Frequency.WEEKLY.value, _("elke week")
    EVERY_N_WEEKS = schedules.Frequency.EVERY_N_WEEKS.value, _("om de zoveel weken")
    MONTHLY = schedules.Frequency.MONTHLY.value, _("één keer per maand")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("eerste")
    SECOND = 2, _("tweede")
    THIRD = 3, _("derde")
    FOURTH = 4, _("vierde")
    LAST = -1, _("laatste")


class ExceptionKind(models.TextChoices):
    CLOSED = schedules.ExceptionKind.CLOSED.value, _("gesloten")
    CHANGED = schedules.ExceptionKind.CHANGED.value, _("andere tijd")
    EXTRA = schedules.ExceptionKind.EXTRA.value, _("extra spreekuur")


# Which fields apply to which kind; the admin script shows only these (exception_fields.js).
FIELDS_PER_KIND = {
    ExceptionKind.CLOSED: ("start_time", "end_time", "reason"),
    ExceptionKind.CHANGED: ("start_time", "end_time", "reason", "place"),
    ExceptionKind.EXTRA: ("start_time", "end_time", "reason", "place"),
}


def _raise_as_validation_error(check, value, field="end_time"):
    try:
        check(value)
    except schedules.ScheduleError as error:
        raise ValidationError({field: str(error)}) from None


class OpeningRule(models.Model):
    """A recurring session, e.g. every Thursday 09:30-12:00. Subclassed per owner page."""

    frequency = models.CharField(
        _("hoe vaak"), max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    start_time = models.TimeField(_("van"))
    end_time = models.TimeField(_("tot"))
    interval = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"),
        default=1,
        help_text=_("Alleen bij 'om de zoveel weken'. Bijvoorbeeld 2 voor om de week."),
    )
    week_of_month = models.SmallIntegerField(
        _("welke in de maand"),
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text=_("Alleen bij 'één keer per maand', bijvoorbeeld de eerste maandag."),
    )
    valid_from = models.DateField(
        _("geldig vanaf"),
        null=True,
        blank=True,
        help_text=_("Bij 'om de zoveel weken' telt de week van deze datum als eerste week."),
    )
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    place = models.ForeignKey(
        "cms.Place",
        verbose_name=_("locatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("weekday")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("interval"), FieldPanel("week_of_month")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("place"),
    ]

    class Meta:
        abstract = True

    def to_rule(self, default_place: str = "") -> schedules.Rule:
        return schedules.Rule(
            weekday=self.weekday,
            start=self.start_time,
            end=self.end_time,
            frequency=schedules.Frequency(self.frequency),
            interval=self.interval or 1,
            week_of_month=self.week_of_month,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            place=self.place.name if self.place_id else default_place,
        )

    def clean(self):
        super().clean()
        if None in (self.start_time, self.end_time, self.weekday):
            return
        if self.frequency == Frequency.EVERY_N_WEEKS and not self.valid_from:
            raise ValidationError(
                {"valid_from": _("Vul een startdatum in. Vanaf die week tellen we de weken.")}
            )
        if self.frequency == Frequency.MONTHLY and self.week_of_month is None:
            raise ValidationError(
                {"week_of_month": _("Kies welke dag in de maand, bijvoorbeeld de eerste.")}
            )
        _raise_as_validation_error(schedules.validate_rule, self.to_rule())

    def describe(self) -> str:
        return wording.describe_rule(self.to_rule())


class ScheduleException(models.Model):
    """One day that differs: closed, other times ("andere tijd") or an extra session."""

    date = models.DateField(_("datum"))
    kind = models.CharField(
        _("wat is er anders?"),
        max_length=10,
        choices=ExceptionKind.choices,
        help_text=_(
            "Gesloten: er is geen spreekuur. Andere tijd: het spreekuur is op een andere tijd "
            "dan normaal. Extra: een spreekuur bovenop de vaste tijden."
        ),
    )
    start_time = models.TimeField(
        _("van"),
        null=True,
        blank=True,
        help_text=_(
            "Bij 'andere tijd' en 'extra': de nieuwe tijd. Bij 'gesloten': alleen invullen "
            "als het een deel van de dag dicht is."
        ),
    )
    end_time = models.TimeField(_("tot"), null=True, blank=True)
    reason = models.CharField(
        _("reden"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld 'Koningsdag' of 'Teamdag'. Inwoners zien dit."),
    )
    place = models.ForeignKey(
        "cms.Place",
        verbose_name=_("locatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Alleen als het ergens anders is dan normaal."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("reason"),
        FieldPanel("place"),
    ]

    class Meta:
        abstract = True

    def to_exception(self, default_place: str = "") -> schedules.ScheduleException:
        return schedules.ScheduleException(
            date=self.date,
            kind=schedules.ExceptionKind(self.kind),
            start=self.start_time,
            end=self.end_time,
            reason=self.reason,
            place=self.place.name if self.place_id else default_place,
        )

    def clean(self):
        super().clean()
        if self.date is None or not self.kind:
            return
        if self.kind == ExceptionKind.CLOSED:
            self.place = None  # a closed day happens nowhere
        needs_times = self.kind in (ExceptionKind.CHANGED, ExceptionKind.EXTRA)
        missing = [name for name in ("start_time", "end_time") if getattr(self, name) is None]
        if needs_times and missing:
            raise ValidationError(dict.fromkeys(missing, _("Vul de nieuwe tijd in.")))
        if len(missing) == 1:
            message = _(
                "Vul allebei de tijden in. Of laat allebei leeg als het de hele dag dicht is."
            )
            raise ValidationError(dict.fromkeys(missing, message))
        _raise_as_validation_error(schedules.validate_exception, self.to_exception())
