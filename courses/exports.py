"""Courses to take away: an offline pack per module and a SCORM 1.2 package.

Both are zips of static HTML rendered from the live, public lessons, in the
course's language: relative links between the files, the site's stylesheet (with
its print rules) and compressed image renditions inside, videos replaced by their
transcripts, documents and knowledge checks linked back to the site by absolute
URL. Knowledge checks show their questions only: answers are scored on the site.
"""

import io
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.images.models import SourceImageIOError

from .models import LessonPage

IMAGE_FILTER = "width-800|format-webp|webpquality-70"
STYLESHEET = "css/libri.css"
SCORM_SCRIPTS = {
    "scorm.js": "courses/scorm/scorm.js",
    "lesson.js": "courses/scorm/lesson.js",
    "scorm.css": "courses/scorm/scorm.css",
}
PACK_CACHE_SECONDS = 24 * 60 * 60
# A link or source the site would serve from its own root: "/static/...", "/lv/...".
ROOT_RELATIVE = re.compile(r'(\s(?:href|src))="/(?!/)')

CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD_NS = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def lesson_filename(number):
    """The file of the lesson at ``number`` (from 1); ASCII whatever the title."""
    return f"lesson-{number:02d}.html"


def export_lessons(course):
    """The lessons a reader of the site sees: live, public, in order, with bodies."""
    return list(LessonPage.objects.child_of(course).live().public().order_by("path"))


class CourseFiles:
    """The course's pages and what they need, gathered as {file name: bytes}."""

    def __init__(self, course, scorm=False):
        self.course = course
        self.scorm = scorm
        self.lessons = export_lessons(course)
        self.site_root = course.get_site().root_url
        self.files = {}

    def build(self):
        """Render every page in the course's language; return the files."""
        with translation.override(self.course.locale.language_code):
            self.add_static(STYLESHEET, STYLESHEET)
            self.add_page("index.html", "courses/exports/index.html", {})
            for number, lesson in enumerate(self.lessons, start=1):
                self.add_page(
                    lesson_filename(number),
                    "courses/exports/lesson.html",
                    self.lesson_context(number, lesson),
                )
            if self.scorm:
                for name, static_path in SCORM_SCRIPTS.items():
                    self.add_static(name, static_path)
                self.add_page("launch.html", "courses/exports/scorm_launch.html", {})
        return self.files

    def add_static(self, name, static_path):
        self.files[name] = Path(finders.find(static_path)).read_bytes()

    def add_page(self, name, template, context):
        context = {
            "course": self.course,
            "course_url": self.course.get_full_url(),
            "course_address": unquote(self.course.get_full_url()),
            "lessons": [self.listed(n) for n in range(1, len(self.lessons) + 1)],
            "scorm": self.scorm,
            "exported_at": timezone.now(),
            **context,
        }
        html = render_to_string(template, context)
        # Whatever still points at the site's root (rich-text links to pages and
        # documents) goes to the site itself: from disk, "/" is the file system.
        html = ROOT_RELATIVE.sub(rf'\1="{self.site_root}/', html)
        self.files[name] = html.encode()

    def lesson_context(self, number, lesson):
        total = len(self.lessons)
        return {
            "lesson": lesson,
            "lesson_url": lesson.get_full_url(),
            "lesson_address": unquote(lesson.get_full_url()),
            "number": number,
            "total": total,
            "previous": self.listed(number - 1) if number > 1 else None,
            "next": self.listed(number + 1) if number < total else None,
            "parts": [self.part(block) for block in lesson.body],
        }

    def listed(self, number):
        """The lesson at ``number`` (from 1) with its file, as pages link to it."""
        return {"file": lesson_filename(number), "page": self.lessons[number - 1]}

    def part(self, block):
        """A body block with, for a figure, its image's file in the package."""
        if block.block_type != "figure":
            return {"block": block}
        image = block.value["image"]
        try:
            rendition = image.get_rendition(IMAGE_FILTER)
        except SourceImageIOError:
            # The original file is gone: the pack shows the caption alone, as a
            # missing picture should not cost the learner the whole pack.
            return {"block": block}
        # The image's id keeps apart two uploads that share a file name.
        name = f"images/{image.pk}-{posixpath.basename(rendition.file.name)}"
        if name not in self.files:
            with rendition.file.open("rb") as stored:
                self.files[name] = stored.read()
        return {"block": block, "image": image, "rendition": rendition, "src": name}


def zip_files(files):
    """The files as zip bytes, in a stable order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(name, files[name])
    return buffer.getvalue()


def offline_pack(course):
    """The offline pack of ``course`` as zip bytes."""
    return zip_files(CourseFiles(course).build())


def pack_cache_keys(course, generation):
    base = f"courses:offline-pack:{course.pk}:{generation}"
    return base, f"{base}:size"


def cached_offline_pack(course, generation):
    """The offline pack, built once per course and content generation.

    Any publication bumps the generation (home/caching.py), so a pack never
    outlives the content it was built from; without a cache it is built anew.
    """
    if generation is None:
        return offline_pack(course)
    key, size_key = pack_cache_keys(course, generation)
    content = cache.get(key)
    if content is None:
        content = offline_pack(course)
        cache.set_many({key: content, size_key: len(content)}, PACK_CACHE_SECONDS)
    return content


def offline_pack_size(course, generation):
    """The pack's size in bytes; built now if this generation has none yet."""
    if generation is not None:
        size = cache.get(pack_cache_keys(course, generation)[1])
        if size is not None:
            return size
    return len(cached_offline_pack(course, generation))


def scorm_package(course):
    """The SCORM 1.2 package of ``course`` as zip bytes: one SCO, its manifest."""
    files = CourseFiles(course, scorm=True).build()
    files["imsmanifest.xml"] = scorm_manifest(course, sorted(files))
    return zip_files(files)


def scorm_manifest(course, file_names):
    """imsmanifest.xml (ADL SCORM 1.2 CAM): metadata, one item, one SCO resource."""
    ElementTree.register_namespace("", CP_NS)
    ElementTree.register_namespace("adlcp", ADLCP_NS)
    ElementTree.register_namespace("imsmd", IMSMD_NS)
    manifest = ElementTree.Element(
        f"{{{CP_NS}}}manifest",
        {"identifier": f"libri-course-{course.pk}", "version": "1.0"},
    )
    metadata = sub(manifest, "metadata")
    sub(metadata, "schema", "ADL SCORM")
    sub(metadata, "schemaversion", "1.2")
    metadata.append(lom(course))
    organizations = sub(manifest, "organizations", default="libri-organization")
    organization = sub(organizations, "organization", identifier="libri-organization")
    sub(organization, "title", course.title)
    item = sub(
        organization,
        "item",
        identifier="libri-item",
        identifierref="libri-sco",
        isvisible="true",
    )
    sub(item, "title", course.title)
    resources = sub(manifest, "resources")
    resource = sub(
        resources,
        "resource",
        identifier="libri-sco",
        type="webcontent",
        href="launch.html",
        **{f"{{{ADLCP_NS}}}scormtype": "sco"},
    )
    for name in file_names:
        sub(resource, "file", href=name)
    ElementTree.indent(manifest)
    return ElementTree.tostring(manifest, encoding="utf-8", xml_declaration=True)


def sub(parent, tag, text=None, namespace=CP_NS, **attributes):
    """A child element in ``namespace``, with its text and attributes."""
    element = ElementTree.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def lom(course):
    """IMS LOM metadata of the course: title, description and language."""
    language = course.locale.language_code
    root = ElementTree.Element(f"{{{IMSMD_NS}}}lom")
    general = sub(root, "general", namespace=IMSMD_NS)
    title = sub(general, "title", namespace=IMSMD_NS)
    sub(title, "langstring", course.title, IMSMD_NS, **{XML_LANG: language})
    sub(general, "language", language, namespace=IMSMD_NS)
    description = sub(general, "description", namespace=IMSMD_NS)
    sub(description, "langstring", course.summary, IMSMD_NS, **{XML_LANG: language})
    return root
