"""Keep derived data in step: a place's wijk follows the wijk boundaries."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import Place, WijkPage


def reassign_place_wijken():
    for place in Place.objects.all():
        wijk = place.derive_wijk()
        if wijk != place.wijk:
            Place.objects.filter(pk=place.pk).update(wijk=wijk)


@receiver(page_published, sender=WijkPage)
@receiver(page_unpublished, sender=WijkPage)
def wijk_boundary_changed(sender, **kwargs):
    reassign_place_wijken()
