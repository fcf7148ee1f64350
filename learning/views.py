"""The learner's side: enrol, complete lessons, dashboard, profile, data, deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Page, PageViewRestriction

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
    page = model.objects.filter(pk=page_id).first()
    if page is None:
        raise ProgressRefused(_("There is no such page."), 404)
    if not page.live or view_restricted(page):
        raise ProgressRefused(_("This page is not published."), 404)
    return page


def view_restricted(page):
    """Whether a view restriction applies to ``page``, in one query.

    What ``page.get_view_restrictions().exists()`` says in two (the ancestors,
    then their restrictions): the ancestors' paths are prefixes of the page's,
    and an alias among them counts with its source's restrictions, not its own.
    Aliases of aliases are followed one step further.
    """
    paths = [
        page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)
    ]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths)
        | Q(page__aliases__path__in=paths)
        | Q(page__aliases__aliases__path__in=paths),
        page__alias_of__isnull=True,
    ).exists()


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
