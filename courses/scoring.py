"""Scoring a knowledge check on the server, from the learner's chosen answer ids.

Questions and answers are identified by the ids Wagtail gives every ListBlock item,
which survive an editor's reordering, so a submission can never be scored against
the wrong question. Scoring stores nothing: learning/ keeps a learner's attempts.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .blocks import SINGLE_CHOICE, TRUE_FALSE

QUESTION_PREFIX = "q-"
CHECK_FIELD = "check"
IGNORED_FIELDS = {"csrfmiddlewaretoken"}
MAX_FIELDS = 50
MAX_VALUES = 250
MAX_VALUE_LENGTH = 100


class InvalidSubmission(ValueError):
    """A submission that cannot be scored or kept; ``reason`` says why, for the
    learner, and ``status`` is the response's (409 for one already kept)."""

    def __init__(self, reason, status=400):
        super().__init__(str(reason))
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class AnswerResult:
    """A chosen answer: whether it is right, and the feedback the trainer wrote."""

    id: str
    is_correct: bool
    feedback: str


@dataclass(frozen=True)
class QuestionResult:
    """How one question was answered."""

    id: str
    correct: bool
    chosen: dict = field(default_factory=dict)  # answer id -> AnswerResult

    @property
    def answered(self):
        return bool(self.chosen)


@dataclass(frozen=True)
class CheckResult:
    """The result of a whole knowledge check."""

    questions: dict  # question id -> QuestionResult, in the check's order

    @property
    def total(self):
        return len(self.questions)

    @property
    def correct(self):
        return sum(1 for result in self.questions.values() if result.correct)

    @property
    def score(self):
        """The share of questions answered correctly, in whole percent."""
        return round(100 * self.correct / self.total) if self.total else 0

    def passed(self, pass_mark):
        """Whether the score reaches ``pass_mark`` percent, compared exactly."""
        return self.total > 0 and 100 * self.correct >= pass_mark * self.total


def read_submission(data):
    """The check id and {question id: [answer ids]} from posted form data.

    ``data`` is a QueryDict (or any mapping with ``lists()``). Fields other than the
    check id and the answers are ignored, but not in unbounded numbers.
    """
    fields = list(data.lists())
    if len(fields) > MAX_FIELDS or sum(len(v) for _k, v in fields) > MAX_VALUES:
        raise InvalidSubmission(_("The submission is too large."))
    check_id = None
    answers = {}
    for key, values in fields:
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            raise InvalidSubmission(_("The submission is too large."))
        if key == CHECK_FIELD:
            if len(values) != 1:
                raise InvalidSubmission(_("The submission names no single check."))
            check_id = values[0]
        elif key.startswith(QUESTION_PREFIX):
            answers[key.removeprefix(QUESTION_PREFIX)] = values
        elif key not in IGNORED_FIELDS and len(key) > MAX_VALUE_LENGTH:
            raise InvalidSubmission(_("The submission is too large."))
    if not check_id:
        raise InvalidSubmission(_("The submission names no knowledge check."))
    return check_id, answers


def score(check, submitted):
    """Score ``submitted`` ({question id: answer ids}) against a knowledge check.

    ``check`` is the value of a KnowledgeCheckBlock. A multiple-choice question is
    right only when exactly its correct answers are chosen; an unanswered question
    is wrong. Raises InvalidSubmission for an empty submission, an unknown question
    or answer id, or several answers to a question that takes one.
    """
    if not any(submitted.values()):
        raise InvalidSubmission(_("Choose an answer to at least one question."))
    questions = {child.id: child.value for child in check["questions"].bound_blocks}
    unknown = set(submitted) - set(questions)
    if unknown:
        raise InvalidSubmission(_("The submission contains an unknown question."))
    results = {}
    for question_id, question in questions.items():
        answers = {child.id: child.value for child in question["answers"].bound_blocks}
        chosen_ids = set(submitted.get(question_id, ()))
        if chosen_ids - set(answers):
            raise InvalidSubmission(_("The submission contains an unknown answer."))
        if question["kind"] in (SINGLE_CHOICE, TRUE_FALSE) and len(chosen_ids) > 1:
            raise InvalidSubmission(
                _("Choose only one answer to a single-choice question.")
            )
        correct_ids = {id_ for id_, answer in answers.items() if answer["is_correct"]}
        results[question_id] = QuestionResult(
            id=question_id,
            correct=bool(chosen_ids) and chosen_ids == correct_ids,
            chosen={
                id_: AnswerResult(
                    id=id_,
                    is_correct=bool(answers[id_]["is_correct"]),
                    feedback=answers[id_]["feedback"],
                )
                for id_ in answers
                if id_ in chosen_ids
            },
        )
    return CheckResult(questions=results)
