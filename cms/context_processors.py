from django.conf import settings


def site_context(request):
    """What every public template needs: whether the user may see professional fields."""
    user = getattr(request, "user", None)
    return {
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
        "MAP_MAX_ZOOM": settings.MAP_MAX_ZOOM,
        "is_professional": bool(user and user.is_authenticated and _is_professional(user)),
    }


def _is_professional(user) -> bool:
    from cms.access import can_see_professional_fields

    return can_see_professional_fields(user)
