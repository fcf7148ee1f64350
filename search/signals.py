"""Publishing, unpublishing and deleting a page update its search entry."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .indexing import index_page


@receiver(page_published)
@receiver(page_unpublished)
def reindex_page(sender, instance, **kwargs):
    """Bring the page's entry in line with its new state, in the same transaction."""
    index_page(instance)
