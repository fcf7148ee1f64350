"""StreamField blocks of a lesson: text, media, reflection and knowledge checks."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from home.blocks import FigureBlock, HeadingBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

SINGLE_CHOICE = "single"
MULTIPLE_CHOICE = "multiple"
TRUE_FALSE = "true_false"
QUESTION_KINDS = [
    (SINGLE_CHOICE, _("Single choice (one correct answer)")),
    (MULTIPLE_CHOICE, _("Multiple choice (one or more correct answers)")),
    (TRUE_FALSE, _("True or false")),
]
MAX_QUESTIONS = 20
MAX_ANSWERS = 10


class VideoBlock(blocks.StructBlock):
    """A recording, from a video site or uploaded, always with its transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    embed = EmbedBlock(
        label=_("Video address"),
        required=False,
        help_text=_(
            "A YouTube or Vimeo address. Leave empty if you upload the recording."
        ),
    )
    document = DocumentChooserBlock(
        label=_("Uploaded recording"),
        required=False,
        help_text=_("Use instead of a video address for a recording you upload."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Everything said and shown in the video, for those who cannot watch "
            "or hear it."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("embed")) == bool(value.get("document")):
            raise StructBlockValidationError(
                non_block_errors=ErrorList(
                    [_("Give either a video address or an uploaded recording.")]
                )
            )
        return value


class DownloadBlock(blocks.StructBlock):
    """A document learners can download, such as a template or a checklist."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        help_text=_("Say what the document is, e.g. “Interview guide (template)”."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "courses/blocks/download_block.html"


class ReflectionBlock(blocks.StructBlock):
    """A question for learners to think over in their own library's context."""

    question = blocks.TextBlock(
        label=_("Question"),
        max_length=600,
        help_text=_("An open question; learners' answers are not collected."),
    )

    class Meta:
        icon = "comment"
        label = _("Reflection prompt")
        template = "courses/blocks/reflection_block.html"


class AnswerBlock(blocks.StructBlock):
    """One answer option of a question, with feedback shown once it is chosen."""

    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        max_length=600,
        required=False,
        help_text=_("Shown to a learner who chose this answer: say why."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    """A question of a knowledge check, with its answers."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=QUESTION_KINDS, default=SINGLE_CHOICE
    )
    text = blocks.TextBlock(label=_("Question"), max_length=600)
    answers = blocks.ListBlock(
        AnswerBlock(),
        label=_("Answers"),
        min_num=2,
        max_num=MAX_ANSWERS,
        help_text=_(
            "True or false: exactly two answers, e.g. “True” and “False”, one correct."
        ),
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        problem = question_problem(value["kind"], value["answers"])
        if problem:
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError(problem)}
            )
        return value


def question_problem(kind, answers):
    """Why the answers do not suit the question's kind, or None if they do."""
    correct = sum(1 for answer in answers if answer["is_correct"])
    if kind == TRUE_FALSE and len(answers) != 2:
        return _("A true-or-false question has exactly two answers.")
    if kind in (SINGLE_CHOICE, TRUE_FALSE) and correct != 1:
        return _("Mark exactly one answer as correct.")
    if kind == MULTIPLE_CHOICE and correct < 1:
        return _("Mark at least one answer as correct.")
    return None


class KnowledgeCheckBlock(blocks.StructBlock):
    """Questions learners answer to check what they learnt, scored on the server."""

    title = blocks.CharBlock(
        label=_("Title"), max_length=200, default=_("Check your knowledge")
    )
    introduction = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = blocks.ListBlock(
        QuestionBlock(), label=_("Questions"), min_num=1, max_num=MAX_QUESTIONS
    )

    class Meta:
        icon = "tasks"
        label = _("Knowledge check")
        template = "courses/blocks/knowledge_check_block.html"

    def get_context(self, value, parent_context=None):
        """The questions as the learner may see them: no correct flags, no feedback
        except for the answers just given.

        The lesson passes the stream block's id as ``block_id`` and, after a
        submission, ``check_results`` keyed by that id.
        """
        context = super().get_context(value, parent_context=parent_context)
        check_id = context.get("block_id", "")
        result = (context.get("check_results") or {}).get(check_id)
        context["check_id"] = check_id
        context["result"] = result
        context["passed"] = bool(result) and result.passed(context.get("pass_mark", 70))
        context["questions"] = [
            present_question(child.id, child.value, result)
            for child in value["questions"].bound_blocks
        ]
        return context

    def get_searchable_content(self, value):
        # Only the questions: answers' feedback would give the right answers away.
        return [value["title"], *(question["text"] for question in value["questions"])]


def present_question(question_id, question, result):
    """A question for the template, with a result only for the answers given."""
    question_result = result.questions.get(question_id) if result else None
    chosen = question_result.chosen if question_result else {}
    return {
        "id": question_id,
        "text": question["text"],
        "multiple": question["kind"] == MULTIPLE_CHOICE,
        "result": question_result,
        "answers": [
            {
                "id": child.id,
                "text": child.value["text"],
                "result": chosen.get(child.id),
            }
            for child in question["answers"].bound_blocks
        ],
    }


class LessonBodyBlock(blocks.StreamBlock):
    """The body of a lesson: text, images, video, downloads, prompts and checks."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    video = VideoBlock()
    download = DownloadBlock()
    reflection = ReflectionBlock()
    knowledge_check = KnowledgeCheckBlock()
