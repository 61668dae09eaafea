from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Wegwijzer")
    menu_name = "wegwijzer"
    add_to_admin_menu = True
    list_display = ["text", "key", "sort_order", "active"]
    ordering = ["sort_order"]


register_snippet(QuestionViewSet)
