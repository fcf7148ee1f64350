"""Course downloads, under /<language>/exports/ beside the page tree."""

from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path(
        "courses/<int:page_id>/offline.zip",
        views.offline_pack_view,
        name="offline_pack",
    ),
    path("courses/<int:page_id>/scorm.zip", views.scorm_view, name="scorm"),
]
