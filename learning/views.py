"""The learner's side: enrol, complete lessons, dashboard, profile, data, deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from courses.models import CourseIndexPage, CoursePage, LessonPage

from .dashboard import learner_courses
from .export import learner_data
from .forms import DeleteAccountForm, LearnerProfileForm
from .models import LearnerProfile
from .progress import ProgressRefused, complete_lesson, enrol


def refused(request, reason, status, heading=None):
    """A 4xx page that says why nothing was changed."""
    context = {"reason": reason, "heading": heading}
    return TemplateResponse(request, "learning/refused.html", context, status=status)


def progress_page(request, page_id, model):
    """The live, public page of ``model`` a progress POST names, or ProgressRefused."""
    if request.method != "POST":
        raise ProgressRefused(_("Progress is saved with the page's button."), 405)
    if not request.user.is_authenticated:
        raise ProgressRefused(_("Sign in to save your progress."), 403)
    page = find_progress_page(model, page_id)
    if page is None:
        raise ProgressRefused(_("There is no such page."), 404)
    if not page.live or page.restricted:
        raise ProgressRefused(_("This page is not published."), 404)
    return page


# The page with what progress needs of it (its place in the tree, URL and
# translation key) and whether a view restriction applies to it, as Wagtail's
# get_view_restrictions() says: one on the page or an ancestor (their paths are
# prefixes of the page's), where an alias among them counts with its source's
# restrictions, not its own. Aliases of aliases are followed one step further.
# Wagtail's paths are digits and capitals, so they need no escaping in LIKE.
PROGRESS_PAGE = """
    SELECT page.id, page.id AS page_ptr_id, page.path, page.depth, page.live,
        page.translation_key, page.url_path, page.locale_id,
        EXISTS (
            SELECT FROM wagtailcore_pageviewrestriction restriction
            JOIN wagtailcore_page source ON source.id = restriction.page_id
            LEFT JOIN wagtailcore_page alias ON alias.alias_of_id = source.id
            LEFT JOIN wagtailcore_page alias_of_alias
                ON alias_of_alias.alias_of_id = alias.id
            WHERE source.alias_of_id IS NULL AND (
                page.path LIKE source.path || '%%'
                OR page.path LIKE alias.path || '%%'
                OR page.path LIKE alias_of_alias.path || '%%'
            )
        ) AS restricted
    FROM wagtailcore_page page
    JOIN {table} specific ON specific.page_ptr_id = page.id
    WHERE page.id = %s
"""


def find_progress_page(model, page_id):
    """The page of ``model`` with ``page_id`` and its ``restricted``, or None.

    One query in plain SQL: Django took longer to build the queries for the
    page and its restrictions than PostgreSQL to answer them.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    pages = model.objects.raw(PROGRESS_PAGE.format(table=table), [page_id])
    return next(iter(pages), None)


def progress_view(model, action, done_message):
    """A POST-only view applying ``action`` to the named page, then back to it."""

    def view(request, page_id):
        try:
            page = progress_page(request, page_id, model)
            action(request.user, page)
        except ProgressRefused as error:
            response = refused(request, error.reason, error.status)
            if error.status == 405:
                response["Allow"] = "POST"
            return response
        messages.success(request, done_message())
        # The site's root paths are cached; get_url(request) would look the
        # request's site up in the database as well.
        return redirect(page.url, permanent=False)

    return view


enrol_view = progress_view(
    CoursePage, enrol, lambda: _("You are enrolled. Your progress is saved.")
)
complete_lesson_view = progress_view(
    LessonPage, complete_lesson, lambda: _("Lesson marked as complete.")
)


@login_required
@require_GET
def dashboard(request):
    """My learning: every course the learner is enrolled in, with progress."""
    courses = learner_courses(request.user, request)
    context = {
        "in_progress": [c for c in courses if not c.completed_at],
        "completed": [c for c in courses if c.completed_at],
        "catalogue": catalogue_page(),
    }
    return TemplateResponse(request, "learning/dashboard.html", context)


def catalogue_page():
    """The course catalogue in the reader's language, if there is one."""
    catalogues = CourseIndexPage.objects.live().public()
    return catalogues.filter(locale__language_code=get_language()).first() or (
        catalogues.first()
    )


@login_required
def profile(request):
    """The learner's organisation and preferred language."""
    instance, _created = LearnerProfile.objects.get_or_create(user=request.user)
    form = LearnerProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("learning:profile")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "learning/profile.html", {"form": form}, status=status
    )


@login_required
@require_GET
def export_data(request):
    """Everything the platform holds about the learner, as a JSON download."""
    body = json.dumps(learner_data(request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="libri-my-data.json"'
    return response


@login_required
def delete_account(request):
    """Delete the account after the password; progress stays, anonymously."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, _("Your account is deleted."))
        return redirect("/")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "learning/delete_account.html", {"form": form}, status=status
    )
