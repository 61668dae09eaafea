from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEV_USERS = (
    # username, password, superuser
    ("beheer", "beheer-demo", True),
)


class Command(BaseCommand):
    help = "Create the documented demo accounts. Only works in development (DEBUG on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-accounts bestaan alleen in de ontwikkelomgeving (DEBUG).")
        User = get_user_model()
        for username, password, superuser in DEV_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User(
                username=username,
                email=f"{username}@example.org",
                is_staff=superuser,
                is_superuser=superuser,
            )
            user.set_password(password)
            user.save()
            self.stdout.write(f"Demo-account aangemaakt: {username} / {password}")
