"""Who may see what. The one decision point for professional-only content."""

PROFESSIONAL_GROUPS = ("Professional", "Redactie Uithoorn voor Elkaar", "Beheer gemeente")


def can_see_professional_fields(user) -> bool:
    if not user or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=PROFESSIONAL_GROUPS).exists()
