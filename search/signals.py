"""Publishing, unpublishing, moving and (un)restricting pages update the search."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import index_page, index_subtree


@receiver(page_published)
@receiver(page_unpublished)
def reindex_page(sender, instance, **kwargs):
    """Bring the page's entry in line with its new state, in the same transaction."""
    index_page(instance)


@receiver(post_page_move)
def reindex_moved_subtree(
    sender, instance, parent_page_before, parent_page_after, **kwargs
):
    """A page moved into a private section leaves the search; moved out, it returns.

    A reorder under the same parent changes no one's privacy.
    """
    if parent_page_before.pk != parent_page_after.pk:
        index_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    """A section made private leaves the search at once."""
    index_subtree(instance.page)


@receiver(post_delete, sender=PageViewRestriction)
def reindex_opened_subtree(sender, instance, **kwargs):
    """A section made public again returns to the search once the change commits.

    Not sooner: a restriction is also deleted along with its page, part-way through
    that page's deletion, when the section can no longer be read. After the commit
    such a page is gone, and its entries went with it.
    """
    transaction.on_commit(partial(reindex_subtree_of, instance.page_id))


def reindex_subtree_of(page_id):
    """Re-index the page with this id and its descendants, if it still exists."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        index_subtree(page)
