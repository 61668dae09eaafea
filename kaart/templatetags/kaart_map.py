"""Template helpers for the maps: configuration, shared query strings and wijk boundaries."""

from django import template

from kaart import config, features

register = template.Library()

# Parameters that belong to one page of the list, not to the shared map/list state.
PAGE_ONLY = ("pagina",)


@register.simple_tag
def map_config():
    return config.map_config()


@register.simple_tag(takes_context=True)
def shared_query(context, *drop):
    """The current query string without paging (and without `drop`): the state the map and
    the list share. Used as `?{% shared_query %}`."""
    request = context.get("request")
    if request is None:
        return ""
    data = request.GET.copy()
    for name in (*PAGE_ONLY, *drop):
        data.pop(name, None)
    return data.urlencode()


@register.simple_tag
def wijk_boundary(wijk):
    return features.wijken_collection([wijk])
