from django.core.management.base import BaseCommand

from wagtail.models import Page

from community import demo as community_demo
from courses import demo as courses_demo
from home import demo
from resources import demo as resources_demo
from resources import demo_library as resources_demo_library
from resources import demo_map as resources_map_demo
from search import demo as search_demo


class Command(BaseCommand):
    help = (
        "Build the demo site from the seed documents' facts. Idempotent: what exists "
        "is left alone, what is missing is created."
    )

    # Each app with demo content adds its loader here, in dependency order.
    loaders = [
        demo.load,
        courses_demo.load,
        resources_demo.load,
        resources_demo_library.load,
        resources_map_demo.load,
        community_demo.load,
        search_demo.load,
    ]

    def handle(self, *args, **options):
        for load in self.loaders:
            load()
        demo.link_offers()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {Page.objects.count()} pages.")
        )
