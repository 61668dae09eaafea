"""Count the wegwijzer's results anonymously: only the day, the theme and the wijk.

No IP address, no cookie, no postcode and no answers are stored, only a counter per
(day, theme, wijk); the Inzicht page of the gemeente and the Redactie reads these counters.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import ChoiceCount

log = logging.getLogger(__name__)


def record(theme: str, wijk: str = "") -> None:
    if not theme:
        return
    key = {"day": timezone.localdate(), "theme": theme[:80], "wijk": (wijk or "")[:80]}
    try:
        with transaction.atomic():
            if not ChoiceCount.objects.filter(**key).update(count=F("count") + 1):
                with transaction.atomic():
                    ChoiceCount.objects.create(**key, count=1)
    except IntegrityError:  # counted at the same moment in another request
        ChoiceCount.objects.filter(**key).update(count=F("count") + 1)
    except DatabaseError:
        log.exception("Could not count a wegwijzer choice")
