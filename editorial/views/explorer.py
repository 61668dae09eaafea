"""The page tree opens the page: a page without sub-pages goes straight to its edit screen.

Wagtail's page explorer (the sidebar tree and the breadcrumbs) links every page to the list
of its sub-pages. For a service or a wijk that list is empty, which puzzles volunteers, so
this view sends them to the edit screen instead. Pages with sub-pages keep their list.
"""

from django.shortcuts import redirect
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

_explore = page_viewset_registry.as_view("index", parent_page_id_kwarg="parent_page_id")


@require_admin_access
def explore_or_edit(request, parent_page_id):
    user = request.user
    if not request.GET:
        page = Page.objects.filter(pk=parent_page_id).first()
        if (
            page is not None
            and not page.is_root()
            and page.is_leaf()
            and page.permissions_for_user(user).can_edit()
        ):
            return redirect("wagtailadmin_pages:edit", page.pk)
    return _explore(request, parent_page_id=parent_page_id)
