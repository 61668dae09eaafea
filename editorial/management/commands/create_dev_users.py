from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from cms.access import BEHEER_GROUP, PROFESSIONAL_GROUP, PROVIDER_GROUP, REDACTIE_GROUP

# username, password, group (None: superuser), organisation slug for an Aanbieder account
DEV_USERS = (
    ("beheer", "beheer-demo", None, None),
    ("gemeente", "gemeente-demo", BEHEER_GROUP, None),
    ("redactie", "redactie-demo", REDACTIE_GROUP, None),
    ("aanbieder", "aanbieder-demo", PROVIDER_GROUP, "buurtgezinnen"),
    ("professional", "professional-demo", PROFESSIONAL_GROUP, None),
)


class Command(BaseCommand):
    help = "Create the documented demo accounts, one per role. Only in development (DEBUG on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-accounts bestaan alleen in de ontwikkelomgeving (DEBUG).")
        User = get_user_model()
        for username, password, group_name, organisation_slug in DEV_USERS:
            if User.objects.filter(username=username).exists():
                continue
            superuser = group_name is None
            user = User(
                username=username,
                email=f"{username}@example.org",
                is_staff=superuser,
                is_superuser=superuser,
            )
            user.set_password(password)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            if organisation_slug:
                self._link_organisation(user, organisation_slug)
            self.stdout.write(f"Demo-account aangemaakt: {username} / {password}")

    def _link_organisation(self, user, slug):
        from cms.models import OrganisationPage
        from cms.translations import source_pages
        from editorial.models import ProviderAccount

        organisation = source_pages(OrganisationPage.objects.filter(slug=slug)).first()
        if organisation:
            ProviderAccount.objects.get_or_create(
                user=user, defaults={"organisation": organisation}
            )
