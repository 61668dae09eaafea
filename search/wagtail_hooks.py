from wagtail.snippets.models import register_snippet

from .admin_views import SearchGroup

register_snippet(SearchGroup)
