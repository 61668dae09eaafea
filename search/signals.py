"""Signal receivers that keep the search indexes current. Connected in ``SearchConfig.ready``.

``cms`` knows nothing about search: everything is subscribed from here. A change to one
service is indexed at once; a change that reaches several services is queued for the
background worker (``search.queue``), so the editor's save returns at once.
"""

from __future__ import annotations

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.models import OrganisationPage, Place, ServicePage, TargetGroup, Theme, WijkPage
from cms.signals import places_moved as places_moved_signal

from . import indexing, queue
from .synonyms import Synonym

UID = "search-index"


def _services_below(page):
    return ServicePage.objects.descendant_of(page, inclusive=True)


def _later(services) -> None:
    queue.reindex_later(services.values_list("pk", flat=True))


def page_changed(sender, instance, **kwargs):
    """Published or unpublished: the page itself, or the services that show its data."""
    if isinstance(instance, ServicePage):
        indexing.index_page(instance)
    elif isinstance(instance, OrganisationPage):
        _later(instance.services.all())
    elif isinstance(instance, WijkPage):
        # Its name shows with the services that name it or have a place in it. Places that
        # moved to another wijk arrive through ``places_moved``, in whatever order.
        _later(ServicePage.objects.filter(Q(wijken=instance) | Q(places__wijk=instance)))


def places_moved(sender, place_ids, **kwargs):
    _later(ServicePage.objects.filter(places__in=place_ids))


def urls_changed(sender, instance, **kwargs):
    """Moved, or a slug above changed: every service below has a new URL."""
    _later(_services_below(instance))


def service_deleted(sender, instance, **kwargs):
    indexing.remove_pages([instance.pk])
    source = indexing.source_of(instance)
    if source.pk != instance.pk:  # a translation went: its source's record loses its texts
        indexing.index_page(source)


def _related_services(instance):
    if isinstance(instance, Place):
        return ServicePage.objects.filter(places=instance)
    if isinstance(instance, Theme):
        return ServicePage.objects.filter(themes=instance)
    if isinstance(instance, TargetGroup):
        return ServicePage.objects.filter(target_groups=instance)
    return ServicePage.objects.none()


def snippet_saved(sender, instance, **kwargs):
    _later(_related_services(instance))


def snippet_deleting(sender, instance, **kwargs):
    instance._search_page_ids = list(_related_services(instance).values_list("pk", flat=True))


def snippet_deleted(sender, instance, **kwargs):
    queue.reindex_later(getattr(instance, "_search_page_ids", []))


def restriction_changed(sender, instance, signal, **kwargs):
    """A restriction added or changed takes the services below out of search at once (they
    may have become private); the worker puts back those still public."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    ids = list(_services_below(page).values_list("pk", flat=True))
    if signal is post_save:
        indexing.remove_pages(ids)
    queue.reindex_later(ids)


def synonyms_changed(sender, instance, **kwargs):
    """The embedded engine notices by itself; the cluster gets the new synonyms."""
    if indexing._elastic_enabled():
        from .engines.cluster import engine as elastic

        indexing._after_commit(elastic.push_synonyms)


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid=f"{UID}-published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{UID}-unpublished")
    post_page_move.connect(urls_changed, dispatch_uid=f"{UID}-moved")
    page_slug_changed.connect(urls_changed, dispatch_uid=f"{UID}-slug")
    places_moved_signal.connect(places_moved, dispatch_uid=f"{UID}-places-moved")
    post_delete.connect(service_deleted, sender=ServicePage, dispatch_uid=f"{UID}-deleted")
    for model in (Place, Theme, TargetGroup):
        post_save.connect(snippet_saved, sender=model, dispatch_uid=f"{UID}-{model.__name__}")
        pre_delete.connect(
            snippet_deleting, sender=model, dispatch_uid=f"{UID}-pre-{model.__name__}"
        )
        post_delete.connect(
            snippet_deleted, sender=model, dispatch_uid=f"{UID}-del-{model.__name__}"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{UID}-pvr-{id(signal)}"
        )
        signal.connect(synonyms_changed, sender=Synonym, dispatch_uid=f"{UID}-syn-{id(signal)}")
