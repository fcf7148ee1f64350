"""What a learner does: enrolments, completed lessons, check attempts, profiles.

Progress is keyed by Wagtail's ``translation_key`` of the course and the lesson, so
that it belongs to the course as one thing in every language: a learner who switches
from Latvian to Ukrainian keeps every completed lesson. When an account is deleted
its rows stay with ``user`` set to NULL, as anonymous statistics.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LearnerProfile(models.Model):
    """A learner's preferred language and organisation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="learner_profile",
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The site opens in this language when you sign in."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Your library or organisation, for your trainers' reports."),
    )
    full_name = models.CharField(
        _("name on certificates"),
        max_length=200,
        blank=True,
        help_text=_("Your full name as your certificates show it."),
    )

    class Meta:
        verbose_name = _("learner profile")

    def __str__(self):
        return str(self.user)


class Enrolment(models.Model):
    """A learner taking a course, in whichever language; completed once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="enrolments",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    last_lesson_key = models.UUIDField(_("last lesson"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        permissions = [("view_learning_report", _("Can view learners' progress"))]
        # The report's learners active most recently and those stuck longest.
        indexes = [
            models.Index(
                fields=["course_key", "last_activity_at"], name="enrolment_by_activity"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="one_enrolment_per_course"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.course_key}"


class LessonCompletion(models.Model):
    """A lesson a learner has completed: one row however often they say so."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="lesson_completions",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"))
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key"], name="one_completion_per_lesson"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson_key}"


class CheckAttempt(models.Model):
    """One scored try at a knowledge check; every try is kept, the best counts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="check_attempts",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"))
    check_id = models.CharField(_("knowledge check"), max_length=100)
    # Translations of a lesson may give their checks and questions other block
    # ids; their order is what the language versions share.
    check_number = models.PositiveSmallIntegerField(_("knowledge check number"))
    score = models.PositiveSmallIntegerField(_("score (%)"))
    correct = models.PositiveSmallIntegerField(_("questions right"))
    total = models.PositiveSmallIntegerField(_("questions"))
    passed = models.BooleanField(_("passed"))
    answers = models.JSONField(_("answers"), default=dict)
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)
    # The one-time token's nonce the answer came with (learning/attempt_tokens.py);
    # empty for attempts recorded without a form.
    nonce = models.CharField(_("form token"), max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("knowledge-check attempt")
        indexes = [models.Index(fields=["user", "lesson_key"])]
        constraints = [
            models.UniqueConstraint(
                fields=["nonce"],
                condition=~models.Q(nonce=""),
                name="one_attempt_per_form_token",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.check_id}: {self.score}%"


class QuestionResponse(models.Model):
    """Whether one question of an attempt was answered right, for success rates."""

    attempt = models.ForeignKey(
        CheckAttempt, on_delete=models.CASCADE, related_name="responses"
    )
    question_id = models.CharField(_("question"), max_length=100)
    question_number = models.PositiveSmallIntegerField(_("question number"))
    correct = models.BooleanField(_("correct"))

    class Meta:
        verbose_name = _("question response")

    def __str__(self):
        return f"{self.question_id}: {self.correct}"


class WebinarAttendance(models.Model):
    """A webinar in a learner's training record: followed as a recording or live.

    ``at`` is when the learner followed it: the moment they said so for a
    recording, the webinar's start for live attendance a trainer records.
    """

    FOLLOWED_RECORDING = "recording"
    ATTENDED_LIVE = "live"
    HOW_CHOICES = [
        (FOLLOWED_RECORDING, _("followed the recording")),
        (ATTENDED_LIVE, _("attended live")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="webinar_attendances",
    )
    webinar_key = models.UUIDField(_("webinar"), db_index=True)
    how = models.CharField(_("how"), max_length=10, choices=HOW_CHOICES)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("followed on"))

    class Meta:
        verbose_name = _("webinar attendance")
        permissions = [
            ("record_webinar_attendance", _("Can record attendance of webinars"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "webinar_key"], name="one_attendance_per_webinar"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.webinar_key}"


class Certificate(models.Model):
    """Proof that a learner completed a course: issued once, verifiable by its code.

    Names and titles are copied when it is issued, so that the certificate keeps
    saying what it said even after the course or the account changes.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificates",
    )
    course_key = models.UUIDField(_("course"))
    # Stored without dashes, in upper case; shown grouped (ABCD-EFGH-JKMN).
    code = models.CharField(_("code"), max_length=12, unique=True)
    learner_name = models.CharField(_("learner"), max_length=200)
    course_title = models.CharField(_("course title"), max_length=255)
    trainer_organisation = models.CharField(_("trainer organisation"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    issued_at = models.DateTimeField(_("issued"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        permissions = [("revoke_certificate", _("Can revoke certificates"))]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="one_certificate_per_course"
            )
        ]

    def __str__(self):
        return f"{self.display_code} – {self.learner_name}"

    @property
    def display_code(self):
        """The code in groups of four, as people read and type it."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    display_code.fget.short_description = _("code")  # the admin list's heading

    @property
    def is_revoked(self):
        return self.revoked_at is not None
