"""Web security promises: security headers, log-in throttling."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_pages_send_a_strict_content_security_policy_and_refuse_framing(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'"):
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(AXES_FAILURE_LIMIT=3)
def test_password_guessing_is_throttled_even_when_the_right_password_follows(client):
    get_user_model().objects.create_superuser("boss", "boss@example.org", "the-right-pass-phrase")
    statuses = [
        client.post("/admin/login/", {"username": "boss", "password": f"guess-{n}"}).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]  # the form with an error, then the lock-out page
    locked = client.post("/admin/login/", {"username": "boss", "password": "the-right-pass-phrase"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_correct_log_in_after_a_typo_is_not_throttled(client):
    get_user_model().objects.create_superuser("boss", "boss@example.org", "the-right-pass-phrase")
    client.post("/admin/login/", {"username": "boss", "password": "typo"})
    response = client.post(
        "/admin/login/", {"username": "boss", "password": "the-right-pass-phrase"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
