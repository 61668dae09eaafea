from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Place, TargetGroup, Theme
from .models.schedules import FIELDS_PER_KIND


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Locaties")
    list_display = ["name", "address", "wijk", "wheelchair_accessible"]
    list_filter = ["town", "wheelchair_accessible"]
    search_fields = ["name", "street"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug", "sort_order"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Doelgroepen")
    list_display = ["name", "slug"]


class SocialeKaartGroup(SnippetViewSetGroup):
    menu_label = _("Sociale kaart")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (PlaceViewSet, ThemeViewSet, TargetGroupViewSet)


register_snippet(SocialeKaartGroup)


@hooks.register("insert_editor_js")
def exception_fields_script():
    """Opening-hour exceptions: show only the fields that apply (static/js/admin/)."""
    settings = {
        "fields": {str(kind): list(fields) for kind, fields in FIELDS_PER_KIND.items()},
        "partOfDay": str(_("Alleen een deel van de dag dicht")),
    }
    return format_html(
        '{}<script defer src="{}"></script>',
        json_script(settings, "exception-fields-per-kind"),
        static("js/admin/exception_fields.js"),
    )
