"""The API's OpenAPI schema: generated from the code without warnings, and true to the API.

The fuzz test loads the schema the app serves at /api/schema/ and lets schemathesis generate
requests for every operation (valid and invalid parameters), sent through the WSGI app in-process
against a database holding the demo incidents. Every response must be a non-5xx with a documented
status, content type and body shape.
"""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from rest_framework.throttling import AnonRateThrottle

from claims.demo import demo_load
from tracker.wsgi import application

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("GET", "/api/incidents/"),
    ("GET", "/api/incidents/{slug}/"),
    ("GET", "/api/incidents/{slug}/comparison/"),
    ("GET", "/api/claims/"),
    ("GET", "/api/timings/"),
    ("GET", "/api/sources/"),
    ("GET", "/api/sources/{slug}/"),
}


def test_schema_generates_and_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    for _, path in OPERATIONS:
        assert f"{path}:" in text


def test_schema_is_served_at_api_schema_and_documents_every_operation(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    documented = {(method.upper(), path) for path, ops in paths.items() for method in ops}
    assert documented == OPERATIONS


@pytest.fixture(scope="module")
def demo_loaded_once(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module's operations, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def wsgi_requests_share_the_test_transaction():
    """Requests go through the real WSGI handler, which closes "old" connections at each request's
    start and end; inside the test's transaction that would break the connection. Django's test
    client disconnects the same handler for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_requests_unthrottled(monkeypatch):
    # Hundreds of requests in a few seconds from one address: the anonymous rate limit would
    # answer 429 (tested in test_api.py), which says nothing about the schema.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


# Loaded once at collection, through the app itself (no server, no database needed for it).
# (schemathesis.pytest.from_fixture would load it per test, but its lazy loader does not run on
# pytest 9, which renamed the node attribute it rewrites.)
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    # The same examples on every run: CI fails on a change to the code, not on a lucky draw.
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_api_operation_answers_as_its_schema_says(
    case, demo_loaded_once, db, wsgi_requests_share_the_test_transaction, api_requests_unthrottled
):
    case.call_and_validate()
