"""Courses as trainers build them: a catalogue, courses, lessons with checks."""

from courses.blocks import MULTIPLE_CHOICE, SINGLE_CHOICE, TRUE_FALSE
from courses.models import CourseIndexPage, CoursePage, LessonPage
from tests.factories.pages import publish, translate


def answers(*items):
    """Answer values from (text, is_correct) pairs; the feedback names the answer."""
    return [
        {"text": text, "is_correct": correct, "feedback": f"Feedback on {text}"}
        for text, correct in items
    ]


def knowledge_check_value(title="Pārbaudi sevi"):
    """A check with a question of each kind; the first answers are the right ones."""
    return {
        "title": title,
        "introduction": "",
        "questions": [
            {
                "kind": SINGLE_CHOICE,
                "text": "Ar ko sākas diagnostika?",
                "answers": answers(("Mobility", True), ("Hackathon", False)),
            },
            {
                "kind": MULTIPLE_CHOICE,
                "text": "Kuras ir datu ieguves metodes?",
                "answers": answers(
                    ("Interviews", True),
                    ("Focus groups", True),
                    ("Guessing", False),
                ),
            },
            {
                "kind": TRUE_FALSE,
                "text": "Pārskats ir stratēģijas pamats.",
                "answers": answers(("True", True), ("False", False)),
            },
        ],
    }


def catalogue(home, title="Mācību moduļi", **fields):
    page = home.add_child(
        instance=CourseIndexPage(title=title, locale=home.locale, **fields)
    )
    return publish(page)


def course(parent, title="Vietējā diagnostika", **fields):
    fields.setdefault("summary", f"Kopsavilkums: {title}")
    page = parent.add_child(
        instance=CoursePage(title=title, locale=parent.locale, **fields)
    )
    return publish(page)


def lesson(parent, title="Diagnostikas pārskats", check=True, **fields):
    body = [("paragraph", "<p>Diagnostikas pārskats apkopo atziņas.</p>")]
    if check:
        body.append(("knowledge_check", knowledge_check_value()))
    fields.setdefault("body", body)
    page = parent.add_child(
        instance=LessonPage(title=title, locale=parent.locale, **fields)
    )
    return publish(page)


def translated_course_tree(homes):
    """A catalogue, a course and a lesson under each home, as translations.

    Returns {"catalogue": {code: page}, "course": {...}, "lesson": {...}}.
    """
    tree = {"catalogue": {"lv": catalogue(homes["lv"])}}
    tree["course"] = {"lv": course(tree["catalogue"]["lv"])}
    tree["lesson"] = {"lv": lesson(tree["course"]["lv"])}
    for code, home in homes.items():
        if code == "lv":
            continue
        for kind in ("catalogue", "course", "lesson"):
            source = tree[kind]["lv"]
            fields = {}
            if kind == "course":
                fields["summary"] = f"Summary {code}"
            if kind == "lesson":
                fields["body"] = list(source.body.raw_data)
            tree[kind][code] = translate(source, home.locale, **fields)
    return tree


def check_ids(lesson_page):
    """(check id, {question text: (question id, {answer text: answer id})})."""
    check = next(b for b in lesson_page.body if b.block_type == "knowledge_check")
    questions = {}
    for question in check.value["questions"].bound_blocks:
        questions[question.value["text"]] = (
            question.id,
            {a.value["text"]: a.id for a in question.value["answers"].bound_blocks},
        )
    return check.id, questions


def image(title="Bibliotēkas lasītava", size=(1200, 800), colour=(11, 79, 108)):
    """A real PNG image in the media library (wider than the exports' renditions)."""
    from io import BytesIO

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="lasitava.png")
    )


def document(title="Intervijas vadlīnijas", name="intervija.pdf"):
    """A small document in the media library."""
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=name)
    )


def exportable_course(parent, title="Vietējā diagnostika"):
    """A course as a module exports it: outcomes, and three lessons with a figure,
    a video with its transcript, a download, a link to another page and checks."""
    page = course(
        parent,
        title=title,
        learning_outcomes=[
            ("outcome", "Sagatavot diagnostikas pārskatu"),
            ("outcome", "Vadīt fokusgrupu"),
        ],
    )
    picture, guide = image(), document()
    lesson(
        page,
        title="Kāpēc diagnostika",
        body=[
            ("paragraph", f'<p>Sāc ar <a linktype="page" id="{page.pk}">šo</a>.</p>'),
            (
                "figure",
                {
                    "image": {
                        "image": picture,
                        "alt_text": "Lasītava ar apmeklētājiem",
                        "decorative": False,
                    },
                    "caption": "Lasītava Ogrē",
                },
            ),
            ("download", {"document": guide, "label": "Intervijas vadlīnijas"}),
        ],
    )
    lesson(
        page,
        title="Intervijas",
        body=[
            (
                "video",
                {
                    "title": "Intervija ar bibliotekāri",
                    "embed": None,
                    "document": guide,
                    "transcript": "<p>Stenogramma: mēs runājam par lasītājiem.</p>",
                },
            ),
            ("knowledge_check", knowledge_check_value()),
        ],
    )
    lesson(page, title="Pārskats")
    return page
