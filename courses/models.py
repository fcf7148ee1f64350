"""The training modules: a catalogue, a course per project stage, and its lessons."""

from collections import Counter

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http.multipartparser import MultiPartParserError
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField

from home.caching import memoized, memoized_for_page, public
from home.models import TopicItemBase

from .blocks import LessonBodyBlock
from .scoring import InvalidSubmission, read_submission, score
from .signals import check_scored

LEVELS = [
    ("introductory", _("Introductory")),
    ("intermediate", _("Intermediate")),
    ("advanced", _("Advanced")),
]

# Courses are given by the project's partnership unless a course names its trainer.
DEFAULT_TRAINER_ORGANISATION = "LIBRI project partnership"


class CourseIndexPage(Page):
    """The catalogue of training modules in one language."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Shown above the list of courses: who the modules are for."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Remembered per catalogue for the content generation (a preview's afresh).
        context["courses"] = memoized_for_page(
            request, self, "courses", lambda: self.courses(request)
        )
        return context

    def courses(self, request=None):
        """Live courses in tree order, each with ``lesson_count`` of live lessons.

        Two queries however many courses and lessons there are.
        """
        courses = list(
            public(CoursePage.objects.child_of(self).live(), request).only(
                "id",
                "title",
                "url_path",
                "locale_id",
                "path",
                "summary",
                "level",
                "estimated_minutes",
            )
        )
        course_depth_length = len(self.path) + CoursePage.steplen
        # Restricted lessons still count: they are part of the course.
        lesson_paths = (
            LessonPage.objects.descendant_of(self).live().values_list("path", flat=True)
        )
        counts = Counter(path[:course_depth_length] for path in lesson_paths)
        for course in courses:
            course.lesson_count = counts[course.path]
        return courses


class CoursePageTopic(TopicItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="topic_items"
    )


class CoursePage(Page):
    """A self-paced training module for one project stage, taken lesson by lesson."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("What the course is about, shown under the title and in the list."),
    )
    learning_outcomes = StreamField(
        [
            (
                "outcome",
                blocks.CharBlock(label=_("Learning outcome"), max_length=300),
            )
        ],
        verbose_name=_("learning outcomes"),
        blank=True,
        help_text=_("What a learner can do after the course; one per line."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text=_("How long the whole course takes, in minutes."),
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=LEVELS,
        default="introductory",
        help_text=_("How much experience the course expects."),
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisites"),
        help_text=_("Courses to take first; shown in the reader's language."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The share of right answers a knowledge check needs, 1–100."),
    )
    trainer_organisation = models.CharField(
        _("trainer organisation"),
        max_length=200,
        default=DEFAULT_TRAINER_ORGANISATION,
        help_text=_("Who trains and certifies: named on the course's certificates."),
    )
    topics = ClusterTaggableManager(
        through=CoursePageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics from the shared vocabulary."),
    )

    parent_page_types = ["courses.CourseIndexPage"]
    digest_group = _("Courses and lessons")
    subpage_types = ["courses.LessonPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("estimated_minutes")]),
                FieldPanel("pass_mark"),
                FieldPanel("prerequisites"),
                FieldPanel("trainer_organisation"),
            ],
            heading=_("Course details"),
        ),
        FieldPanel("topics"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
    ]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = memoized_for_page(
            request, self, "lessons", lambda: list(self.lessons(request))
        )
        context["translations"] = self.languages(request)
        context["required_courses"] = memoized_for_page(
            request,
            self,
            "required courses",
            lambda: list(self.required_courses(request)),
        )
        return context

    def lessons(self, request=None):
        """The course's live lessons in order."""
        return public(LessonPage.objects.child_of(self).live(), request).only(
            "id",
            "title",
            "url_path",
            "locale_id",
            "translation_key",
            "summary",
            "estimated_minutes",
        )

    def languages(self, request):
        """(page id, language code, URL) of this course in each language it is
        published in, in the site's order.

        Remembered for the content generation, like the language switcher's links.
        """
        site = Site.find_for_request(request)
        key = ("course languages", site.pk if site else None, self.translation_key)
        return memoized(
            request,
            key,
            lambda: [
                (page.pk, page.locale.language_code, page.get_url(request))
                for page in self.translations_in_order()
            ],
        )

    def translations_in_order(self):
        """This course in each language it is published in, in the site's order."""
        order = [code for code, _name in settings.LANGUAGES]
        translations = (
            self.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .only("id", "url_path", "locale__language_code")
        )
        return sorted(
            translations,
            key=lambda page: (
                order.index(page.locale.language_code)
                if page.locale.language_code in order
                else len(order)
            ),
        )

    def required_courses(self, request=None):
        """The prerequisites in this course's language, where they are translated.

        Pages rather than courses, and the links as plain subqueries: the list
        needs only titles and URLs, and the query plans in half the time.
        """
        links = CoursePage.prerequisites.through.objects.filter(from_coursepage=self)
        translation_keys = Page.objects.filter(
            pk__in=links.values("to_coursepage_id")
        ).values("translation_key")
        return (
            public(Page.objects.live(), request)
            .filter(locale_id=self.locale_id, translation_key__in=translation_keys)
            .only("id", "title", "url_path", "locale_id")
        )


class LessonPage(Page):
    """One lesson of a course: reading, media, reflection and knowledge checks."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences, shown in the course's list of lessons."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("How long the lesson takes, in minutes."),
    )
    body = StreamField(
        LessonBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Videos need a transcript; knowledge checks are scored on the site."
        ),
    )

    parent_page_types = ["courses.CoursePage"]
    digest_group = _("Courses and lessons")
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("lesson")

    @cached_property
    def course(self):
        """The course this lesson belongs to, its parent, in one query, with what
        progress needs of it (its translation key, its place in the tree)."""
        return (
            CoursePage.objects.filter(path=self.path[: -self.steplen])
            .only(
                "id",
                "path",
                "depth",
                "title",
                "url_path",
                "locale_id",
                "translation_key",
                "pass_mark",
            )
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        siblings = memoized_for_page(
            request, self, "sibling lessons", lambda: self.siblings(request)
        )
        position = next(
            (i for i, sibling in enumerate(siblings) if sibling.pk == self.pk), None
        )
        if position is not None:
            context["lesson_number"] = position + 1
            context["lesson_total"] = len(siblings)
            context["previous_lesson"] = siblings[position - 1] if position else None
            context["next_lesson"] = (
                siblings[position + 1] if position + 1 < len(siblings) else None
            )
        course = memoized_for_page(request, self, "course", lambda: self.course)
        context["course"] = course
        context["pass_mark"] = course.pass_mark if course else 70
        context.setdefault("check_results", {})
        return context

    def siblings(self, request=None):
        """The course's live lessons in order, this one among them."""
        return list(
            public(LessonPage.objects.sibling_of(self).live(), request).only(
                "id", "title", "url_path", "locale_id"
            )
        )

    def knowledge_checks(self):
        """{stream block id: knowledge-check value} for the checks in the body."""
        return {
            child.id: child.value
            for child in self.body
            if child.block_type == "knowledge_check"
        }

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_check(request)
        return super().serve(request, *args, **kwargs)

    def serve_check(self, request):
        """Score a knowledge check and show the lesson with the feedback.

        Anything that cannot be scored gets the lesson back with the reason and
        status 400 and nothing is stored; a scored check is announced with
        ``check_scored`` (learning/ keeps a signed-in learner's attempt, or
        refuses a replayed one with 409).
        """
        check_id = None
        try:
            try:
                check_id, answers = read_submission(request.POST)
            except (RequestDataTooBig, TooManyFieldsSent) as error:
                raise InvalidSubmission(_("The submission is too large.")) from error
            except MultiPartParserError as error:
                raise InvalidSubmission(
                    _("The submission could not be read.")
                ) from error
            check = self.knowledge_checks().get(check_id)
            if check is None:
                raise InvalidSubmission(_("The submission names an unknown check."))
            result = score(check, answers)
            check_scored.send(
                sender=type(self),
                request=request,
                lesson=self,
                check_id=check_id,
                answers=answers,
                result=result,
            )
        except InvalidSubmission as error:
            context = self.get_context(request)
            context["submission_error"] = error.reason
            # Shown inside the check the learner sent, where the form's anchor
            # lands; at the top of the lesson if no such check exists.
            if check_id in self.knowledge_checks():
                context["error_check_id"] = check_id
            return TemplateResponse(
                request, self.get_template(request), context, status=error.status
            )
        context = self.get_context(request)
        context["check_results"] = {check_id: result}
        return TemplateResponse(request, self.get_template(request), context)
