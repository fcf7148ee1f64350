"""Learner URLs, under /<language>/learning/ beside the page tree."""

from django.urls import path

from . import certificate_views, record_views, views

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
    path(
        "courses/<int:page_id>/certificate.pdf",
        certificate_views.course_certificate,
        {"kind": "pdf"},
        name="course_certificate_pdf",
    ),
    path(
        "courses/<int:page_id>/badge.jwt",
        certificate_views.course_certificate,
        {"kind": "badge"},
        name="course_certificate_badge",
    ),
    path(
        "certificates/<str:code>/certificate.pdf",
        certificate_views.certificate_pdf,
        name="certificate_pdf",
    ),
    path(
        "certificates/<str:code>/badge.jwt",
        certificate_views.certificate_badge,
        name="certificate_badge",
    ),
    path("profile/", views.profile, name="profile"),
    path("my-data/", views.export_data, name="export"),
    path("delete-account/", views.delete_account, name="delete_account"),
]
