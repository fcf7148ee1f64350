"""URL map: language-independent endpoints, then the page tree per language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community import views as community_views
from home.serving import page_urlpatterns
from home.views import healthz
from search import views as search_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
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
    path("community/", include("community.urls")),
    # Wagtail's URLs, its page view remembering routes (home/serving.py).
    path("", include(page_urlpatterns(wagtail_urls))),
)
