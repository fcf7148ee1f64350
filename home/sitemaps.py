"""One sitemap per language, each URL listing its translations (xhtml:link)."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale

from .alternates import alternates, live_translations


class LanguageSitemap(Sitemap):
    """The live, public pages of one language of the request's site."""

    def __init__(self, request, language):
        super().__init__(request)
        self.language = language

    def items(self):
        root = self.get_wagtail_site().root_page
        home = root.get_translation_or_none(
            Locale.objects.get(language_code=self.language)
        )
        if home is None:
            return []
        return (
            home.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

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
    """{language code: sitemap} for the languages the site has a locale for."""
    codes = set(Locale.objects.values_list("language_code", flat=True))
    return {
        code: LanguageSitemap(request, code)
        for code, _name in settings.LANGUAGES
        if code in codes
    }


def index(request):
    """/sitemap.xml: the index of the per-language sitemaps."""
    return sitemap_views.index(
        request, language_sitemaps(request), sitemap_url_name="sitemap_language"
    )


def language_sitemap(request, section):
    """/sitemap-<language>.xml: the pages of one language."""
    return sitemap_views.sitemap(request, language_sitemaps(request), section=section)
