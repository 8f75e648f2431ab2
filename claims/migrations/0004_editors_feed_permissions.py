"""Editors may also add, change and view feeds (never delete them)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FEED_CODENAMES = ["add_feed", "change_feed", "view_feed"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="claims", codename__in=FEED_CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="claims", codename__endswith="_feed")
        )


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_ingestion")]

    operations = [migrations.RunPython(grant, revoke)]
