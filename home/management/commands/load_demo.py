from django.core.management.base import BaseCommand

from wagtail.models import Page

from home import demo


class Command(BaseCommand):
    help = (
        "Build the demo site from the seed documents' facts. Idempotent: what exists "
        "is left alone, what is missing is created."
    )

    # Each app with demo content adds its loader here, in dependency order.
    loaders = [demo.load]

    def handle(self, *args, **options):
        for load in self.loaders:
            load()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {Page.objects.count()} pages.")
        )
