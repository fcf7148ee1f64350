"""Learner URLs, under /<language>/learning/ beside the page tree."""

from django.urls import path

from . import record_views, views

app_name = "learning"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<int:page_id>/enrol/", views.enrol_view, name="enrol"),
    path(
        "lessons/<int:page_id>/complete/",
        views.complete_lesson_view,
        name="complete_lesson",
    ),
    path(
        "webinars/<int:page_id>/followed/",
        record_views.mark_followed_view,
        name="mark_webinar_followed",
    ),
    path("record.csv", record_views.training_record_csv, name="record_csv"),
    path("record.pdf", record_views.training_record_pdf, name="record_pdf"),
    path("profile/", views.profile, name="profile"),
    path("my-data/", views.export_data, name="export"),
    path("delete-account/", views.delete_account, name="delete_account"),
]
