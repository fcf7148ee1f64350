"""URL map: language-independent endpoints, then the page tree per language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community import views as community_views
from home import sitemaps
from home import views as home_views
from home.serving import page_urlpatterns
from learning import certificate_views
from search import views as search_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path(
        "sitemap-<str:section>.xml",
        sitemaps.language_sitemap,
        name="sitemap_language",
    ),
    # The key that checks learners' Open Badges, and the issuer it belongs to.
    path(".well-known/jwks.json", certificate_views.jwks, name="credentials_jwks"),
    path(
        "credentials/issuer.json", certificate_views.issuer, name="credentials_issuer"
    ),
    path(
        "unsubscribe/<str:token>/",
        community_views.unsubscribe,
        name="unsubscribe",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path(
        "search/autocomplete/",
        search_views.autocomplete_view,
        name="search_autocomplete",
    ),
    path("community/", include("community.urls")),
    path("accessibility/", home_views.accessibility_statement, name="accessibility"),
    path("privacy/", home_views.privacy_notice, name="privacy"),
    # Learner accounts and progress, in the reader's language like the pages.
    path("accounts/", include("allauth.urls")),
    path("learning/", include("learning.urls")),
    # Course downloads: the offline pack and the SCORM package.
    path("exports/", include("courses.urls")),
    path("certificates/", certificate_views.verify_form, name="certificate_lookup"),
    path(
        "certificates/<str:code>/",
        certificate_views.verify,
        name="certificate_verify",
    ),
    # Wagtail's URLs, its page view remembering routes (home/serving.py).
    path("", include(page_urlpatterns(wagtail_urls))),
)

handler500 = "home.views.server_error"
