"""The site's URLs plus a minimal Django view: the yardstick for every figure."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from home.serving import without_site


@without_site
def minimal(request):
    """The least a Django view can do: no database, no template, no site."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal", minimal), *site_urlpatterns]
