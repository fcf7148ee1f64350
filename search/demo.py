"""Demo search set-up: the index filled, and a trainer's promoted result."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from .indexing import rebuild

# A trainer points people searching for hackathons straight at the chapter.
PROMOTIONS = [
    {
        "query": "hakatons",
        "title": "Hakatoni",
        "language": "lv",
        "description": "Kā sarīkot hakatonu ar vietējiem partneriem, soli pa solim.",
    },
    {
        "query": "hackathon",
        "title": "Hackathons",
        "language": "en",
        "description": "How to run a hackathon with local partners, step by step.",
    },
]


def load():
    """Index every live page, then add the promotions whose page exists."""
    rebuild()
    for promotion in PROMOTIONS:
        page = (
            Page.objects.live()
            .filter(
                title=promotion["title"],
                locale__language_code=promotion["language"],
            )
            .first()
        )
        if page is None:
            continue
        SearchPromotion.objects.get_or_create(
            query=Query.get(promotion["query"]),
            page=page,
            defaults={"description": promotion["description"]},
        )
