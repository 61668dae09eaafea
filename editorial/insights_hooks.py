"""Wagtail hooks for Inzicht, in their own module so they stay apart from the other editorial
hooks (imported at the end of editorial/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.views import insights


@hooks.register("register_admin_urls")
def register_insights_url():
    return [path("inzicht/", insights.InsightsView.as_view(), name="editorial_insights")]


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return insights.may_view_insights(request.user)


@hooks.register("register_admin_menu_item")
def register_insights_menu_item():
    return InsightsMenuItem(
        _("Inzicht"), reverse("editorial_insights"), icon_name="view", order=170
    )
