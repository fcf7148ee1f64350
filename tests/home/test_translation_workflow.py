"""Translations through wagtail-localize stay under the moderation workflow:
trainers translate, only those who may publish put a translation live."""

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

import pytest

from tests.factories import resources
from tests.factories.staff import moderator, trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter(site):
    book = resources.handbook(site["lv"])
    return resources.chapter(book, title="Kāpēc bibliotēka")


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def submit_for_translation(django_capture_on_commit_callbacks):
    """Translate this page → Русский, with what wagtail-localize does on commit."""

    def submit(client, page):
        locale = Locale.objects.get(language_code="ru")
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"locales": [locale.pk]})

    return submit


def russian(page):
    return Page.objects.get(
        translation_key=page.translation_key, locale__language_code="ru"
    )


def sync_and_publish(client, page, on_commit):
    """wagtail-localize's "Sync translated pages" with "Publish immediately" ticked.

    wagtail-localize publishes once the transaction commits: ``on_commit`` runs that.
    """
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with on_commit(execute=True):
        return client.post(url, {"publish_translations": "on"})


def test_a_trainers_new_translation_is_a_draft(client, chapter, submit_for_translation):
    response = submit_for_translation(signed_in(client, trainer()), chapter)

    assert response.status_code == 302
    translation = russian(chapter)
    assert not translation.live
    assert translation.get_parent().live  # the book, as an alias of the Latvian one


def test_a_trainer_cannot_publish_by_syncing_translations(
    client, chapter, submit_for_translation, django_capture_on_commit_callbacks
):
    submit_for_translation(signed_in(client, trainer()), chapter)
    chapter.save_revision().publish()  # the source moves on

    form = client.get(
        reverse(
            "wagtail_localize:update_translations",
            args=[TranslationSource.objects.get_for_instance(chapter).pk],
        )
    )
    response = sync_and_publish(client, chapter, django_capture_on_commit_callbacks)

    assert form.status_code == 200
    assert 'type="checkbox" name="publish_translations"' not in form.text
    assert response.status_code == 302
    assert not russian(chapter).live


def test_a_moderator_publishes_the_synced_translation(
    client, chapter, submit_for_translation, django_capture_on_commit_callbacks
):
    submit_for_translation(signed_in(client, trainer()), chapter)
    client.logout()
    signed_in(client, moderator())
    source = TranslationSource.objects.get_for_instance(chapter)
    form = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))

    response = sync_and_publish(client, chapter, django_capture_on_commit_callbacks)

    assert 'type="checkbox" name="publish_translations"' in form.text
    assert response.status_code == 302
    assert russian(chapter).live


def test_a_moderator_publishes_from_the_translation_editor(
    client, chapter, submit_for_translation, django_capture_on_commit_callbacks
):
    submit_for_translation(signed_in(client, trainer()), chapter)
    translation = russian(chapter)
    edit = reverse("wagtailadmin_pages:edit", args=[translation.pk])

    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(edit, {"action": "publish"})
    assert refused["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    assert not russian(chapter).live

    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        published = signed_in(client, moderator()).post(edit, {"action": "publish"})
    assert published["Location"] == edit
    assert russian(chapter).live
