"""RSS 2.0 and Atom feeds of the latest news, of an index or of one of its topics."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_ITEMS = 20
RIGA = ZoneInfo("Europe/Riga")


class NewsRssFeed(Feed):
    """The latest news items of ``index``, only those on ``topic`` if given."""

    feed_type = Rss201rev2Feed

    def __init__(self, index, topic=None):
        super().__init__()
        self.index = index
        self.topic = topic

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        if self.topic is None:
            return f"{index.title} | LIBRI"
        return f"{index.title}: {self.topic.label} | LIBRI"

    def link(self, index):
        return index.get_url(request=self.request)

    def description(self, index):
        return index.intro or _("News of the LIBRI project.")

    def items(self, index):
        items = index.news()
        if self.topic is not None:
            items = items.filter(topic_items__tag=self.topic)
        return items.select_related("locale")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return datetime.combine(item.date, time(9, 0), RIGA)

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
