"""The dashboard shortcuts for volunteers: the four things they do most, with counts."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from cms.access import is_editor, is_restricted_provider
from cms.models import WijkIndexPage
from editorial import freshness
from editorial.corrections import open_reports_count


@dataclass(frozen=True)
class Shortcut:
    label: str
    url: str
    icon: str
    count: int | None = None

    @property
    def text(self) -> str:
        return self.label if self.count is None else f"{self.label} ({self.count})"


def shortcuts_for(user) -> list[Shortcut]:
    """Only what the user may open; an Aanbieder sees its own services to check."""
    if not (is_editor(user) or is_restricted_provider(user)):
        return []
    items = [
        Shortcut(_("Openingstijden aanpassen"), reverse("editorial_admin:opening_hours"), "time")
    ]
    wijken = WijkIndexPage.objects.first()
    if is_editor(user) and wijken is not None:
        url = reverse("wagtailadmin_explore", args=[wijken.pk])
        items.append(Shortcut(_("Sleutelpersonen"), url, "group"))
    items.append(
        Shortcut(
            _("Te controleren"),
            reverse("editorial_admin:due_list"),
            "calendar-check",
            len(freshness.due_services(user)),
        )
    )
    if user.has_perm("editorial.change_correctionreport"):
        url = reverse("meldingen:index") + "?status=new"
        items.append(Shortcut(_("Meldingen"), url, "warning", open_reports_count()))
    return items


class ShortcutsPanel(Component):
    name = "snel_naar"
    template_name = "editorial/admin/shortcuts_panel.html"
    order = 50

    def __init__(self, shortcuts: list[Shortcut]):
        self.shortcuts = shortcuts

    def get_context_data(self, parent_context):
        return {"shortcuts": self.shortcuts}
