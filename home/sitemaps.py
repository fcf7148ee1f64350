"""One sitemap per language, each URL listing its translations (xhtml:link)."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Coalesce

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from .alternates import alternates, live_translations
from .caching import public


class LanguageSitemap(Sitemap):
    """The live, public pages of one language's home page and below."""

    def __init__(self, request, home):
        super().__init__(request)
        self.home = home

    def pages(self):
        """The language's live, public pages, not yet specific."""
        pages = self.home.get_descendants(inclusive=True).live()
        return public(pages, self.request)

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        """When a page was last published, for the index: one query.

        Django's default asks each page in turn, loading every page of the
        language for every request of /sitemap.xml.
        """
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return self.pages().aggregate(latest=Max(latest))["latest"]

    def _urls(self, page, protocol, domain):
        """Wagtail's URLs of this sitemap page, each with its alternates."""
        items = list(self.paginator.page(page).object_list)
        translations = live_translations(item.translation_key for item in items)
        urls = []
        for item in items:
            links = alternates(translations.get(item.translation_key, {}), self.request)
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = [
                    {"lang_code": code, "location": url} for code, url in links
                ]
                urls.append(url_info)
        return urls


def language_sitemaps(request):
    """{language code: sitemap} for the languages the site's home is in: one query."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = Page.objects.filter(
        translation_key=site.root_page.translation_key
    ).select_related("locale")
    by_language = {home.locale.language_code: home for home in homes}
    return {
        code: LanguageSitemap(request, by_language[code])
        for code, _name in settings.LANGUAGES
        if code in by_language
    }


def index(request):
    """/sitemap.xml: the index of the per-language sitemaps."""
    return sitemap_views.index(
        request, language_sitemaps(request), sitemap_url_name="sitemap_language"
    )


def language_sitemap(request, section):
    """/sitemap-<language>.xml: the pages of one language."""
    return sitemap_views.sitemap(request, language_sitemaps(request), section=section)
