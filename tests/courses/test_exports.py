"""Course exports: the offline pack and the SCORM 1.2 package, unpacked and read."""

import io
import re
import zipfile
from xml.etree import ElementTree

from django.template.defaultfilters import filesizeformat
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from PIL import Image as PILImage

from tests.factories.courses import catalogue, course, exportable_course
from tests.factories.learning import learner
from tests.factories.staff import trainer

NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "imsmd": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
}
SCORMTYPE = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype"
# What would give a knowledge check's right answers away.
ANSWER_TRACES = ("is_correct", "Feedback on", "is-right", "is-wrong", "data-correct")
LINKS = re.compile(r'\s(?:href|src)="([^"]*)"')


@pytest.fixture
def module(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return exportable_course(catalogue(site["lv"]))


def offline_url(page_id, language="en"):
    return f"/{language}/exports/courses/{page_id}/offline.zip"


def scorm_url(page_id, language="en"):
    return f"/{language}/exports/courses/{page_id}/scorm.zip"


def unzip(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def html_files(archive):
    return {
        name: archive.read(name).decode()
        for name in archive.namelist()
        if name.endswith(".html")
    }


def assert_no_answers_given_away(archive):
    """No page, script or manifest marks an answer (the stylesheet names classes)."""
    for name in archive.namelist():
        if not name.endswith((".html", ".js", ".xml")):
            continue
        text = archive.read(name).decode(errors="replace")
        for trace in ANSWER_TRACES:
            assert trace not in text, (name, trace)
        assert "<input" not in text and "<form" not in text, name


def assert_links_stay_in_the_pack_or_go_to_the_site(archive):
    """Relative links name files in the zip; the rest are absolute site URLs."""
    names = set(archive.namelist())
    for name, html in html_files(archive).items():
        for link in LINKS.findall(html):
            assert not link.startswith("/"), (name, link)
            if link.startswith("http://localhost/"):
                continue
            path = link.split("#")[0]  # "#main" stays on the page
            assert not path or path in names, (name, link)


@pytest.mark.django_db
def test_anyone_downloads_the_offline_pack_of_a_public_course(client, module):
    archive = unzip(client.get(offline_url(module.pk)))
    names = set(archive.namelist())
    assert {"index.html", "css/libri.css"} <= names
    assert {"lesson-01.html", "lesson-02.html", "lesson-03.html"} <= names
    assert not any(name.endswith((".mp4", ".webm", ".pdf", ".js")) for name in names)
    assert b"@media print" in archive.read("css/libri.css")

    index = archive.read("index.html").decode()
    assert "Sagatavot diagnostikas pārskatu" in index  # a learning outcome
    assert '<a href="lesson-02.html">Intervijas</a>' in index

    (picture,) = [name for name in names if name.startswith("images/")]
    with PILImage.open(io.BytesIO(archive.read(picture))) as image:
        assert image.format == "WEBP"
        assert image.width == 800  # the original is 1200 px wide
    first = archive.read("lesson-01.html").decode()
    assert f'<img src="{picture}"' in first
    assert 'alt="Lasītava ar apmeklētājiem"' in first
    assert 'href="http://localhost/documents/' in first  # the download, on the site

    second = archive.read("lesson-02.html").decode()
    assert "Stenogramma: mēs runājam par lasītājiem." in second
    assert "<video" not in second and "<iframe" not in second
    assert "Ar ko sākas diagnostika?" in second  # the question is shown...
    assert re.search(r'href="http://localhost/lv/[^"]+/#check-[0-9a-f-]{36}"', second)
    assert_no_answers_given_away(archive)  # ...its right answer is not
    assert_links_stay_in_the_pack_or_go_to_the_site(archive)
    for html in html_files(archive).values():
        assert "<script" not in html
        assert "/static/" not in html and "/media/" not in html


@pytest.mark.django_db
def test_course_page_links_to_the_pack_with_its_size(client, module):
    html = client.get(module.url).content.decode()
    content = client.get(offline_url(module.pk)).content
    assert f'href="{offline_url(module.pk, "lv")}"' in html
    with translation.override("lv"):
        size = filesizeformat(len(content))
    assert re.search(rf'offline\.zip" download>[^<]+</a> <span>\(ZIP[^)]*{size}', html)


@pytest.mark.django_db
def test_the_pack_follows_what_is_published(client, module):
    first = client.get(offline_url(module.pk)).content
    assert client.get(offline_url(module.pk)).content == first  # kept, not rebuilt
    lesson = module.get_children().first().specific
    lesson.title = "Kāpēc vietējā diagnostika"
    lesson.save_revision().publish()
    archive = unzip(client.get(offline_url(module.pk)))
    assert "Kāpēc vietējā diagnostika" in archive.read("index.html").decode()


@pytest.mark.django_db
def test_no_offline_pack_of_an_unpublished_or_private_course(client, module):
    hidden = course(module.get_parent(), title="Melnraksts")
    hidden.unpublish()
    client.force_login(learner())
    response = client.get(offline_url(hidden.pk))
    assert response.status_code == 404
    assert "not published" in response.content.decode()
    PageViewRestriction.objects.create(page=module, restriction_type="login")
    response = client.get(offline_url(module.pk))
    assert response.status_code == 404
    assert "not public" in response.content.decode()
    assert "/offline.zip" not in client.get(module.url).content.decode()


@pytest.mark.django_db
def test_offline_pack_of_an_unknown_page_or_a_lesson_is_refused(client, module):
    for unknown in (999_999, 10**30):  # the second is beyond any database integer
        response = client.get(offline_url(unknown))
        assert response.status_code == 404
        assert "There is no such course." in response.content.decode()
    lesson = module.get_children().first()
    response = client.get(offline_url(lesson.pk))
    assert response.status_code == 404
    assert "This page is not a course." in response.content.decode()
    assert client.post(offline_url(module.pk)).status_code == 405


@pytest.mark.django_db
def test_scorm_export_is_for_trainers(client, module):
    response = client.get(scorm_url(module.pk))
    assert response.status_code == 403
    assert "Sign in as a trainer" in response.content.decode()
    client.force_login(learner())
    response = client.get(scorm_url(module.pk))
    assert response.status_code == 403
    assert "Only trainers can export" in response.content.decode()
    client.force_login(trainer())
    unzip(client.get(scorm_url(module.pk)))


def manifest_of(archive):
    # The manifest the site itself wrote, not untrusted input.
    return ElementTree.fromstring(archive.read("imsmanifest.xml"))  # noqa: S314


@pytest.mark.django_db
def test_scorm_package_has_one_sco_listing_every_file(client, module):
    client.force_login(trainer())
    archive = unzip(client.get(scorm_url(module.pk)))
    manifest = manifest_of(archive)
    assert manifest.tag == f"{{{NS['cp']}}}manifest"
    assert manifest.find("cp:metadata/cp:schema", NS).text == "ADL SCORM"
    assert manifest.find("cp:metadata/cp:schemaversion", NS).text == "1.2"
    title = manifest.find(
        "cp:metadata/imsmd:lom/imsmd:general/imsmd:title/imsmd:langstring", NS
    )
    assert title.text == module.title

    organizations = manifest.find("cp:organizations", NS)
    (organization,) = organizations.findall("cp:organization", NS)
    assert organizations.get("default") == organization.get("identifier")
    assert organization.find("cp:title", NS).text == module.title
    (item,) = organization.findall(".//cp:item", NS)
    (resource,) = manifest.findall("cp:resources/cp:resource", NS)
    assert item.get("identifierref") == resource.get("identifier")
    assert resource.get(SCORMTYPE) == "sco"
    assert resource.get("type") == "webcontent"
    assert resource.get("href") == "launch.html"

    listed = [file.get("href") for file in resource.findall("cp:file", NS)]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(archive.namelist()) - {"imsmanifest.xml"}
    assert {"launch.html", "scorm.js", "lesson.js", "lesson-03.html"} <= set(listed)
    assert any(name.startswith("images/") for name in listed)


@pytest.mark.django_db
def test_scorm_pages_report_to_the_lms_and_give_no_answers_away(client, module):
    client.force_login(trainer())
    archive = unzip(client.get(scorm_url(module.pk)))
    launch = archive.read("launch.html").decode()
    assert '<script src="scorm.js"></script>' in launch
    assert 'src="index.html"' in launch
    script = archive.read("scorm.js").decode()
    for call in ("LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish"):
        assert call in script
    last = archive.read("lesson-03.html").decode()
    assert 'data-lesson="3" data-lessons="3"' in last
    assert '<script src="lesson.js"></script>' in last
    assert_no_answers_given_away(archive)
    assert_links_stay_in_the_pack_or_go_to_the_site(archive)


@pytest.mark.django_db
def test_scorm_export_of_an_unpublished_or_empty_course_is_refused(client, module):
    client.force_login(trainer())
    draft = course(module.get_parent(), title="Melnraksts")
    response = client.get(scorm_url(draft.pk))
    assert response.status_code == 409
    assert "has no published lessons" in response.content.decode()
    draft.unpublish()
    response = client.get(scorm_url(draft.pk))
    assert response.status_code == 409
    assert "Publish the course first" in response.content.decode()


@pytest.mark.django_db
def test_scorm_export_of_an_unknown_page_or_a_lesson_is_refused(client, module):
    client.force_login(trainer())
    response = client.get(scorm_url(999_999))
    assert response.status_code == 404
    assert "There is no such course." in response.content.decode()
    lesson = module.get_children().first()
    response = client.get(scorm_url(lesson.pk))
    assert response.status_code == 404
    assert "This page is not a course." in response.content.decode()


@pytest.mark.django_db
def test_trainer_finds_the_scorm_export_in_the_admin(client, module):
    client.force_login(trainer())
    export = f"/exports/courses/{module.pk}/scorm.zip"
    edit = client.get(f"/admin/pages/{module.pk}/edit/").content.decode()
    assert export in edit
    assert "Eksportēt SCORM 1.2 formātā" in edit  # the admin speaks Latvian here
    listing = client.get(f"/admin/pages/{module.get_parent().pk}/").content.decode()
    assert export in listing
    lesson = module.get_children().first()
    lesson_edit = client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert "scorm.zip" not in lesson_edit


@pytest.mark.django_db
def test_a_lost_image_file_leaves_its_caption_and_the_rest_of_the_pack(client, module):
    from wagtail.images import get_image_model

    picture = get_image_model().objects.get()
    picture.file.storage.delete(picture.file.name)
    archive = unzip(client.get(offline_url(module.pk)))
    assert not any(name.startswith("images/") for name in archive.namelist())
    first = archive.read("lesson-01.html").decode()
    assert "<figcaption>Lasītava Ogrē</figcaption>" in first
    assert "<img" not in first
