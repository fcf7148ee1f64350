"""Rebuild the site search index from the live pages."""

from django.core.management.base import BaseCommand

from search.indexing import rebuild, vacuum


class Command(BaseCommand):
    help = "Index every live page for the site search again."

    def handle(self, *args, **options):
        count = rebuild()
        vacuum()
        self.stdout.write(f"Indexed {count} pages.")
