"""'Vandaag nog': who a resident can reach now. The sociaal loket only when it is open (else
when it opens), the walk-in loket likewise, and lines that are open day and night."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from agenda import wording


@dataclass(frozen=True)
class AlwaysOpen:
    name: str
    phone: str
    what: str


# National lines that answer day and night, free or at local rates.
ALWAYS_OPEN = (
    AlwaysOpen(
        "Veilig Thuis", "0800 2000", _("bij huiselijk geweld of kindermishandeling, gratis")
    ),
    AlwaysOpen("113 Zelfmoordpreventie", "0800 0113", _("als u aan zelfmoord denkt, gratis")),
    AlwaysOpen("De Luisterlijn", "088 0767 000", _("als u met iemand wilt praten")),
)


@dataclass(frozen=True)
class UrgentHelp:
    phone: str  # the sociaal loket
    state: wording.OpeningState | None  # None: its hours are not set
    always_open: tuple[AlwaysOpen, ...] = ALWAYS_OPEN

    @property
    def call_now(self) -> bool:
        """Only tell someone to call now when we know it is open."""
        return self.state is not None and self.state.open


def urgent_help(site_settings, now: datetime.datetime) -> UrgentHelp:
    """``site_settings``: cms.SiteSettings (phone and the service with the loket's hours)."""
    hours = site_settings.sociaal_loket_hours
    state = None
    if hours is not None and hours.live and hours.specific.has_schedule:
        state = wording.opening_state(hours.specific.schedule(), now)
    return UrgentHelp(phone=site_settings.sociaal_loket_phone, state=state)
