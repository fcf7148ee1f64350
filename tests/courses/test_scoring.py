"""Scoring a knowledge check without HTTP, and the rules editors must follow."""

from django.http import QueryDict

import pytest

from courses.blocks import KnowledgeCheckBlock, QuestionBlock
from courses.scoring import InvalidSubmission, read_submission, score
from tests.factories.courses import answers, knowledge_check_value


@pytest.fixture
def check():
    """The factory's check as a block value, with ids as a saved page has them."""
    block = KnowledgeCheckBlock()
    value = block.to_python(
        block.get_prep_value(block.normalize(knowledge_check_value()))
    )
    questions = {}
    for question in value["questions"].bound_blocks:
        questions[question.value["kind"]] = (
            question.id,
            {a.value["text"]: a.id for a in question.value["answers"].bound_blocks},
        )
    return value, questions


def test_all_right(check):
    value, q = check
    result = score(
        value,
        {
            q["single"][0]: [q["single"][1]["Mobility"]],
            q["multiple"][0]: [
                q["multiple"][1]["Interviews"],
                q["multiple"][1]["Focus groups"],
            ],
            q["true_false"][0]: [q["true_false"][1]["True"]],
        },
    )
    assert (result.correct, result.total, result.score) == (3, 3, 100)
    assert result.passed(70) and result.passed(100)
    chosen = result.questions[q["single"][0]].chosen
    assert [(a.is_correct, a.feedback) for a in chosen.values()] == [
        (True, "Feedback on Mobility")
    ]


def test_partly_right_and_unanswered(check):
    value, q = check
    result = score(
        value,
        {
            q["single"][0]: [q["single"][1]["Hackathon"]],
            q["true_false"][0]: [q["true_false"][1]["True"]],
        },
    )
    assert (result.correct, result.score) == (1, 33)
    assert not result.passed(70) and result.passed(33)
    assert not result.questions[q["single"][0]].correct
    assert not result.questions[q["multiple"][0]].answered
    assert result.questions[q["true_false"][0]].correct


def test_multiple_choice_partly_right_counts_as_wrong(check):
    value, q = check
    question_id, ids = q["multiple"]
    partial = score(value, {question_id: [ids["Interviews"]]})
    with_wrong = score(
        value, {question_id: [ids["Interviews"], ids["Focus groups"], ids["Guessing"]]}
    )
    exact = score(value, {question_id: [ids["Interviews"], ids["Focus groups"]]})
    assert not partial.questions[question_id].correct
    assert not with_wrong.questions[question_id].correct
    assert exact.questions[question_id].correct
    assert [
        a.is_correct for a in with_wrong.questions[question_id].chosen.values()
    ] == [
        True,
        True,
        False,
    ]


def test_true_false(check):
    value, q = check
    question_id, ids = q["true_false"]
    assert score(value, {question_id: [ids["True"]]}).questions[question_id].correct
    wrong = score(value, {question_id: [ids["False"]]}).questions[question_id]
    assert not wrong.correct
    assert wrong.chosen[ids["False"]].feedback == "Feedback on False"


def test_scoring_follows_ids_not_positions(check):
    value, q = check
    value["questions"].bound_blocks.reverse()  # an editor reorders the questions
    for question in value["questions"].bound_blocks:
        question.value["answers"].bound_blocks.reverse()
    result = score(value, {q["single"][0]: [q["single"][1]["Mobility"]]})
    assert result.questions[q["single"][0]].correct


@pytest.mark.parametrize(
    "make_submission",
    [
        lambda q: {},
        lambda q: {q["single"][0]: []},
        lambda q: {"no-such-question": [q["single"][1]["Mobility"]]},
        lambda q: {q["single"][0]: [q["multiple"][1]["Interviews"]]},
        lambda q: {q["single"][0]: list(q["single"][1].values())},
        lambda q: {q["true_false"][0]: list(q["true_false"][1].values())},
    ],
    ids=[
        "empty",
        "no-answer",
        "unknown-question",
        "answer-of-another-question",
        "two-answers-to-single-choice",
        "two-answers-to-true-false",
    ],
)
def test_bad_submissions_are_refused(check, make_submission):
    value, q = check
    with pytest.raises(InvalidSubmission):
        score(value, make_submission(q))


def test_read_submission_collects_answers_per_question():
    data = QueryDict("check=c1&q-a=1&q-b=2&q-b=3&csrfmiddlewaretoken=x&other=y")
    assert read_submission(data) == ("c1", {"a": ["1"], "b": ["2", "3"]})


@pytest.mark.parametrize(
    "query",
    [
        "q-a=1",
        "check=c1&check=c2&q-a=1",
        "check=c1&" + "&".join(f"q-{n}=1" for n in range(60)),
        "check=c1&q-a=" + "x" * 500,
        "check=c1&" + "&".join("q-a=1" for _ in range(300)),
    ],
    ids=["no-check", "two-checks", "many-fields", "long-value", "many-values"],
)
def test_read_submission_refuses_malformed_or_huge_data(query):
    with pytest.raises(InvalidSubmission):
        read_submission(QueryDict(query))


def question(kind, *correct_flags):
    block = QuestionBlock()
    return block.normalize(
        {
            "kind": kind,
            "text": "?",
            "answers": answers(*((f"A{i}", c) for i, c in enumerate(correct_flags))),
        }
    )


@pytest.mark.parametrize(
    ("kind", "flags", "valid"),
    [
        ("single", (True, False, False), True),
        ("single", (True, True, False), False),
        ("single", (False, False), False),
        ("multiple", (True, True, False), True),
        ("multiple", (False, False, False), False),
        ("true_false", (False, True), True),
        ("true_false", (True, False, False), False),
        ("true_false", (True, True), False),
    ],
)
def test_editors_must_mark_correct_answers_to_suit_the_kind(kind, flags, valid):
    from django.core.exceptions import ValidationError

    block = QuestionBlock()
    if valid:
        block.clean(question(kind, *flags))
    else:
        with pytest.raises(ValidationError):
            block.clean(question(kind, *flags))
