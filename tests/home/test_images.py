"""Images on the public site are responsive renditions: AVIF and WebP sources, a
srcset for every width, and the width and height that keep the layout still."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PillowImage

from tests.factories.courses import catalogue, course, lesson
from tests.factories.pages import build_site, content_page

pytestmark = pytest.mark.django_db

WIDTHS = {"400w", "800w", "1200w"}


@pytest.fixture
def photo(settings, tmp_path):
    """A 1600 x 1000 JPEG photograph in the image library."""
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 1000), (11, 79, 108)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title="Sarunu klubs", file=ImageFile(buffer, name="sarunu-klubs.jpg")
    )


def figure(image, alt_text="Bibliotekāre vada sarunu klubu"):
    value = {"image": image, "alt_text": alt_text, "decorative": False}
    return ("figure", {"image": value, "caption": "Ogres bibliotēka"})


def images_in_main(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main.find_all("img")


def srcset_widths(srcset):
    return {candidate.split()[-1] for candidate in srcset.split(",")}


def test_every_image_on_a_page_is_a_picture_of_modern_formats(client, photo):
    homes = build_site()
    about = content_page(homes["lv"], body=[figure(photo)])
    module = course(catalogue(homes["lv"]))
    first_lesson = lesson(
        module, body=[figure(photo), figure(photo, "Grāmatu plaukts")]
    )

    images = images_in_main(client, about) + images_in_main(client, first_lesson)
    assert len(images) == 3
    for img in images:
        assert img.parent.name == "picture"
        sources = {s["type"]: s for s in img.parent.find_all("source")}
        assert set(sources) == {"image/avif", "image/webp"}
        for source in sources.values():
            assert srcset_widths(source["srcset"]) == WIDTHS
            assert source["sizes"] == img["sizes"]
        assert srcset_widths(img["srcset"]) == WIDTHS
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        assert int(img["width"]) * 1000 == int(img["height"]) * 1600
        assert img["alt"]


def test_renditions_are_encoded_in_the_format_they_are_served_as(client, photo):
    homes = build_site()
    client.get(content_page(homes["lv"], body=[figure(photo)]).url)
    formats = {}
    for rendition in photo.renditions.all():
        with rendition.file.open() as file:
            formats[rendition.filter_spec] = PillowImage.open(file).format
    assert formats["format-avif|width-800"] == "AVIF"
    assert formats["format-webp|width-800"] == "WEBP"
    assert formats["format-jpeg|width-800"] == "JPEG"
    assert len(formats) == 9
