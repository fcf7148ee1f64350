"""Background work of the site search."""

from wagtail.contrib.search_promotions.models import Query

from celery import shared_task


@shared_task
def log_query(query_string):
    """Count one search for ``query_string`` today, for the admin's search terms."""
    Query.get(query_string).add_hit()
