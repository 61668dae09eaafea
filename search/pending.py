"""The services whose index entry waits for the background worker (``search.queue``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingReindex(models.Model):
    """One row per service page id whose record must be rebuilt; a second change to the same
    service before the worker ran adds nothing. A plain id, no foreign key: a page that is
    gone by then must still leave the index."""

    page_id = models.IntegerField(primary_key=True)
    queued_at = models.DateTimeField(_("sinds"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("wachtende zoekindex-wijziging")
        verbose_name_plural = _("wachtende zoekindex-wijzigingen")

    def __str__(self):
        return f"page {self.page_id}"
