"""The Trainers and Moderators groups and the "Moderator approval" workflow.

Wagtail's first migrations make "Editors" and "Moderators" groups with rights on the
tree root and a "Moderators approval" workflow assigned to it. LIBRI turns "Editors"
into "Trainers" (write and submit, no publishing), keeps "Moderators" (approve and
publish), and gives both exactly the rights listed here. Rights are granted on the
tree root, the only page a new installation has, so they cover every language's
sections, present and future; home/wagtail_hooks.py keeps the home pages themselves
to those who may publish.
"""

from django.db import migrations

TRAINER_PAGE_RIGHTS = ["add_page", "change_page"]
MODERATOR_PAGE_RIGHTS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# A trainer changes and deletes only the files they uploaded (Wagtail's ownership rule
# for "add"); moderators look after every file.
TRAINER_MEDIA_RIGHTS = ["add", "choose"]
MODERATOR_MEDIA_RIGHTS = ["add", "change", "choose", "delete"]
TRAINER_MODEL_RIGHTS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
]
MODERATOR_MODEL_RIGHTS = TRAINER_MODEL_RIGHTS + [
    ("home", "topic", "add_topic"),
    ("home", "topic", "change_topic"),
    ("community", "digestrun", "add_digestrun"),
]
WORKFLOW_NAME = "Moderator approval"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def media_permissions(apps, actions):
    return [
        permission(apps, app_label, model, f"{action}_{model}")
        for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image"))
        for action in actions
    ]


def grant(apps, group, model_rights, page_rights, media_rights):
    """Replace the group's rights with exactly these ones, on the tree root."""
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    media = media_permissions(apps, media_rights)
    group.permissions.set(
        [permission(apps, *right) for right in model_rights] + media
    )
    group.page_permissions.all().delete()
    group.collection_permissions.all().delete()
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for codename in page_rights:
        GroupPagePermission.objects.create(
            group=group,
            page=root_page,
            permission=permission(apps, "wagtailcore", "page", codename),
        )
    for right in media:
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=right
        )


def approval_workflow(apps, moderators):
    """Wagtail's default workflow, renamed, with the Moderators' task, on the root."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    workflow = (
        Workflow.objects.filter(name__in=[WORKFLOW_NAME, "Moderators approval"]).first()
        or Workflow.objects.create(name=WORKFLOW_NAME)
    )
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()
    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME, content_type=content_type, active=True
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.name = WORKFLOW_NAME
    task.save()
    task.groups.set([moderators])
    root_page = Page.objects.filter(depth=1).first()
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    if not Group.objects.filter(name="Trainers").exists():
        Group.objects.filter(name="Editors").update(name="Trainers")
    trainers, _ = Group.objects.get_or_create(name="Trainers")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    grant(apps, trainers, TRAINER_MODEL_RIGHTS, TRAINER_PAGE_RIGHTS, TRAINER_MEDIA_RIGHTS)
    grant(
        apps,
        moderators,
        MODERATOR_MODEL_RIGHTS,
        MODERATOR_PAGE_RIGHTS,
        MODERATOR_MEDIA_RIGHTS,
    )
    approval_workflow(apps, moderators)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_settings_statement_pages"),
        ("community", "0001_subscribers_consent_and_digests"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop),
    ]
