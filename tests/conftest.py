"""Fixtures shared by every test package: the two kinds of admin users and the demo incident.

Factories for rows live in tests/factories.py; `factories.PASSWORD` logs any factory user in.
"""

import importlib

import pytest

from tests.factories import UserFactory

DEMO_SLUG = "deir-ez-zor-airport-strike-2016"

# The data migration owns the definition of what an editor may do; tests reuse it, never copy it.
_editors_migration = importlib.import_module("claims.migrations.0002_editors_group")
_feeds_migration = importlib.import_module("claims.migrations.0004_editors_feed_permissions")


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with no cached pages: a page one test cached must not answer another's
    request (its database was rolled back, the cache was not)."""
    from django.core.cache import cache

    from claims import pagecache

    cache.clear()
    pagecache.forget_version()


@pytest.fixture
def editors_group(db):
    """The "Editors" group from migrations claims/0002 and 0004 (recreated after a
    transactional flush)."""
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name="Editors")
    if created:
        codenames = [
            f"{action}_{model}"
            for model in _editors_migration.EDITOR_MODELS
            for action in _editors_migration.EDITOR_ACTIONS
        ] + _feeds_migration.FEED_CODENAMES
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        )
    return group


@pytest.fixture
def editor(editors_group):
    """A staff user in the Editors group: adds and changes, never deletes, no user admin."""
    return UserFactory(username="editor", first_name="Eda", is_staff=True, groups=["Editors"])


@pytest.fixture
def admin_user(db):
    """A superuser (replaces pytest-django's own, so `admin_client` logs this one in)."""
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor_client(client, editor):
    """A test client logged in as `editor`."""
    client.force_login(editor)
    return client


@pytest.fixture
def demo(db):
    """The demo data (claims.demo.demo_load); returns the Deir ez-Zor incident."""
    from claims.demo import demo_load
    from claims.models import Incident

    demo_load()
    return Incident.objects.get(slug=DEMO_SLUG)
