"""Creates the "Editors" group with exactly what an editor needs: add, change and view incidents,
sources, aliases, articles and claims. Deleting anything and managing users stay with
administrators (superusers)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = ["incident", "source", "sourcealias", "article", "figureclaim", "timingclaim"]
EDITOR_ACTIONS = ["add", "change", "view"]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so that the
    # group can be filled on a fresh database.
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model in EDITOR_MODELS for action in EDITOR_ACTIONS]
    permissions = Permission.objects.filter(
        content_type__app_label="claims", codename__in=codenames
    )
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
