from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create or reset the demo administrator, trainer and moderator and print "
        "their logins (DEBUG only)."
    )
    # Demo staff in the groups made by home's migrations: username, group.
    staff = [("trainer", "Trainers"), ("moderator", "Moderators")]

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
        for name, group in self.staff:
            self.reset_staff_user(name, group, password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Site: http://127.0.0.1:8000/  Admin: http://127.0.0.1:8000/admin/  "
                f"username {username!r}, password {password!r}; trainer and "
                f"moderator: usernames 'trainer' and 'moderator', same password"
            )
        )

    def reset_staff_user(self, username, group, password):
        """A non-superuser demo account in ``group``, with ``password``."""
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = False
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=group)])
