"""Publishing, unpublishing and deleting a page update its search entry."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .indexing import index_page, index_subtree


@receiver(page_published)
@receiver(page_unpublished)
def reindex_page(sender, instance, **kwargs):
    """Bring the page's entry in line with its new state, in the same transaction."""
    index_page(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    """A section made private leaves the search; made public again, it returns."""
    index_subtree(instance.page)
