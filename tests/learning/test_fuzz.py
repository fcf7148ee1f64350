"""Free input to the progress and answer endpoints: a 4xx or success, never more."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning.attempt_tokens import FIELD_NAME
from learning.models import CheckAttempt, Enrolment, LessonCompletion
from tests.factories.learning import learner
from tests.learning.conftest import answer_form, form_token

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
text = st.text(max_size=30)


def others_untouched(other):
    return not (
        LessonCompletion.objects.filter(user=other).exists()
        or CheckAttempt.objects.filter(user=other).exists()
        or Enrolment.objects.filter(user=other).exists()
    )


@FUZZ
@given(
    page_id=st.integers(min_value=0, max_value=2**31 - 1),
    fields=st.dictionaries(text, st.lists(text, max_size=3), max_size=5),
)
def test_completion_endpoint_takes_any_post(signed_in, anna, module, page_id, fields):
    other = boris()
    lesson_ids = {page.pk for page in module["lv"]["lessons"]}
    if page_id % 3 == 0:
        page_id = min(lesson_ids)
    before = LessonCompletion.objects.filter(user=anna).count()
    response = signed_in.post(
        reverse("learning:complete_lesson", args=[page_id]),
        urlencode(fields, doseq=True),
        content_type="application/x-www-form-urlencoded",
    )
    after = LessonCompletion.objects.filter(user=anna).count()
    assert response.status_code in (302, 404, 409)
    if response.status_code == 302:
        assert page_id in lesson_ids and after == before + 1
    else:
        assert after == before
        assert response.context["reason"]
    assert others_untouched(other)


def boris():
    """Another learner, made once across Hypothesis's examples."""
    user = get_user_model().objects.filter(email="boris@biblioteka.lv").first()
    return user or learner("boris@biblioteka.lv")


def spent_token(client, lesson_page):
    """A token the learner's form carried and their answer used already."""
    token = form_token(client, lesson_page)
    data = {**answer_form(lesson_page, False), FIELD_NAME: token}
    assert client.post(lesson_page.url, data).status_code == 200
    return token


@FUZZ
@given(data=st.data())
def test_answer_endpoint_stores_an_attempt_only_when_it_scores(
    signed_in, anna, module, data
):
    lesson_page = module["lv"]["lessons"][0]
    check = next(b for b in lesson_page.body if b.block_type == "knowledge_check")
    questions = {
        q.id: [a.id for a in q.value["answers"].bound_blocks]
        for q in check.value["questions"].bound_blocks
    }
    question_ids = st.sampled_from([*questions, "unknown"])
    answer_ids = st.sampled_from(
        [a for answers in questions.values() for a in answers] + ["nope"]
    )
    fields = [("check", data.draw(st.sampled_from([check.id, "other", ""])))]
    for question_id in data.draw(st.lists(question_ids, max_size=4)):
        for answer_id in data.draw(st.lists(answer_ids, max_size=3)):
            fields.append((f"q-{question_id}", answer_id))
    fields += data.draw(st.lists(st.tuples(text, text), max_size=3))
    token_kind = data.draw(st.sampled_from(["fresh", "spent", "none", "free text"]))
    if token_kind == "fresh":
        fields.append((FIELD_NAME, form_token(signed_in, lesson_page)))
    elif token_kind == "spent":
        fields.append((FIELD_NAME, spent_token(signed_in, lesson_page)))
    elif token_kind == "free text":
        fields.append((FIELD_NAME, data.draw(text)))
    before = CheckAttempt.objects.count()
    response = signed_in.post(
        lesson_page.url,
        urlencode(fields),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 400, 409)
    if token_kind != "fresh":
        assert response.status_code != 200
    expected = before + (1 if response.status_code == 200 else 0)
    assert CheckAttempt.objects.count() == expected
    assert not CheckAttempt.objects.exclude(user=anna).exists()
