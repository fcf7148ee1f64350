"""Learner URLs, under /<language>/learning/ beside the page tree."""

from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<int:page_id>/enrol/", views.enrol_view, name="enrol"),
    path(
        "lessons/<int:page_id>/complete/",
        views.complete_lesson_view,
        name="complete_lesson",
    ),
    path("profile/", views.profile, name="profile"),
    path("my-data/", views.export_data, name="export"),
    path("delete-account/", views.delete_account, name="delete_account"),
]
