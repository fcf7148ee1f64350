"""Trainers write and submit, moderators approve and publish, nobody else gets in."""

import io

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from home.models import ContentPage
from tests.factories.staff import moderator, sample_site, trainer

pytestmark = pytest.mark.django_db


def submit_new_page(client, parent, title="Jauna lapa"):
    """A trainer's POST of the admin's create form, sent for approval."""
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", parent.pk))
    data = nested_form_data(
        {
            "title": title,
            "slug": "jauna-lapa",
            "summary": "",
            "body": streamfield([]),
            "topics": "",
            "action-submit": "submit",
        }
    )
    return client.post(url, data)


def refused(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_groups_and_workflow_exist_after_migrating():
    workflow = Workflow.objects.get(name="Moderator approval")
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [Group.objects.get(name="Moderators")]
    assert Page.get_first_root_node().get_workflow() == workflow
    assert not Group.objects.filter(name="Editors").exists()
    trainers = Group.objects.get(name="Trainers")
    assert set(
        trainers.page_permissions.values_list("permission__codename", flat=True)
    ) == {"add_page", "change_page"}


def test_trainer_submits_and_a_moderator_approves_and_publishes(client):
    home = sample_site()["homes"]["lv"]
    client.force_login(trainer())
    response = submit_new_page(client, home)
    assert response.status_code == 302
    page = ContentPage.objects.get(title="Jauna lapa")
    assert not page.live
    state = page.current_workflow_state
    assert state.status == "in_progress"

    client.force_login(moderator())
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", state.current_task_state.pk),
    )
    response = client.post(approve, {"comment": "Labi"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_trainer_cannot_publish_directly(client):
    home = sample_site()["homes"]["lv"]
    client.force_login(trainer())
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", home.pk))
    data = nested_form_data(
        {"title": "Tieši", "slug": "tiesi", "body": streamfield([]), "topics": ""}
    )
    client.post(url, {**data, "action-publish": "publish"})
    assert not ContentPage.objects.filter(title="Tieši", live=True).exists()


def test_trainer_keeps_off_home_pages_and_site_roots(client):
    home = sample_site()["homes"]["lv"]
    edit_home = reverse("wagtailadmin_pages:edit", args=(home.pk,))
    client.force_login(trainer())
    assert refused(client.get(edit_home))
    root = Page.get_first_root_node()
    add_home = reverse("wagtailadmin_pages:add", args=("home", "homepage", root.pk))
    assert refused(client.get(add_home))
    client.force_login(moderator())
    assert client.get(edit_home).status_code == 200


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_demo_staff_accounts_are_made_in_debug_only(settings):
    settings.DEBUG = True
    call_command("demo_admin", stdout=io.StringIO())
    call_command("demo_admin", stdout=io.StringIO())
    assert trainer_group_members() == ["trainer"]
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_admin")


def trainer_group_members():
    return list(
        Group.objects.get(name="Trainers").user_set.values_list("username", flat=True)
    )
