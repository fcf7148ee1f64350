from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or reset the demo administrator and print its login (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="libri-demo")

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_admin only runs with DEBUG on: a known password has no place "
                "on a production site. Use createsuperuser there."
            )
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Site: http://127.0.0.1:8000/  Admin: http://127.0.0.1:8000/admin/  "
                f"username {username!r}, password {password!r}"
            )
        )
