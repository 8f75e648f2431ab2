"""Helpers for tests that need a real service (PostgreSQL, Redis, Chromium).

Outside CI a missing service skips the test with the reason; with CI=true it fails, so that CI can
never pass by silently testing less.
"""

import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def missing(reason: str):
    """Fails the test in CI, skips it elsewhere."""
    if IN_CI:
        pytest.fail(f"CI needs this service: {reason}", pytrace=False)
    pytest.skip(reason)


def require_postgres(connection) -> None:
    if connection.vendor != "postgresql":
        missing("runs on PostgreSQL only; set DATABASE_URL=postgres://...")


def redis_url() -> str:
    """The Redis URL, after checking that a server answers there."""
    url = os.environ.get("REDIS_URL", "")
    if not url:
        missing("needs Redis; set REDIS_URL=redis://127.0.0.1:6379/0")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        missing(f"Redis at {url} does not answer: {exc}")
    return url


def chromium_path() -> str:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        missing(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM
