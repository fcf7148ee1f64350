"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3, since the page title is the only h1."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"

    def get_searchable_content(self, value):
        """The heading's words only: the label of its level is not content."""
        return self.child_blocks["text"].get_searchable_content(value["text"])


class FigureBlock(blocks.StructBlock):
    """An image with alternative text (or marked decorative) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure_block.html"


class OfferBlock(blocks.StructBlock):
    """One thing the platform offers, as a card on the home page."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Short description"), max_length=300)
    page = blocks.PageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_("Where the card leads; leave empty while the section is new."),
    )

    class Meta:
        icon = "pick"
        label = _("Offer")
        template = "blocks/offer_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of a content page: headings, rich text, images and quotes."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    quote = blocks.BlockQuoteBlock(label=_("Quote"), template="blocks/quote_block.html")
