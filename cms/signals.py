"""Keep derived data in step: a place's wijk follows the wijk boundaries.

Connected in ``CmsConfig.ready`` (every app wires its receivers the same way). After
reassigning, ``places_moved`` tells other apps which places now lie in another wijk, so
they can update exactly what depends on them, whatever order the receivers run in.
"""

from django.dispatch import Signal
from wagtail.signals import page_published, page_unpublished

from .models import Place, WijkPage

UID = "cms-wijken"

# Sent with ``place_ids``: the places whose wijk changed.
places_moved = Signal()


def reassign_place_wijken() -> list[int]:
    moved = []
    for place in Place.objects.select_related("wijk"):
        wijk = place.derive_wijk()
        if wijk != place.wijk:
            Place.objects.filter(pk=place.pk).update(wijk=wijk)
            moved.append(place.pk)
    if moved:
        places_moved.send(sender=Place, place_ids=moved)
    return moved


def wijk_boundary_changed(sender, **kwargs):
    reassign_place_wijken()


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(wijk_boundary_changed, sender=WijkPage, dispatch_uid=f"{UID}-{id(signal)}")
