"""Configuration: every variable is documented, and a malformed one fails loudly at start-up."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker import env

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_environment_variable_the_settings_read_is_documented_in_the_readme():
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", README.read_text(), flags=re.M))
    read = set(env.DOCUMENTED)
    assert read, "settings should have registered their variables"
    assert read - documented == set(), "add these to README.md's configuration table"


@pytest.mark.parametrize("raw", ["yes please", "2", "maybe"])
def test_a_malformed_boolean_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("TRACKER_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="TRACKER_TEST_FLAG"):
        env.env_bool("TRACKER_TEST_FLAG", False, "test")


def test_a_malformed_integer_names_the_variable(monkeypatch):
    monkeypatch.setenv("TRACKER_TEST_INT", "sixty")
    with pytest.raises(ImproperlyConfigured, match="TRACKER_TEST_INT"):
        env.env_int("TRACKER_TEST_INT", 1, "test")


def test_lists_and_booleans_are_read_leniently_where_unambiguous(monkeypatch):
    monkeypatch.setenv("TRACKER_TEST_LIST", " a.example , b.example,, ")
    monkeypatch.setenv("TRACKER_TEST_FLAG", "OFF")
    assert env.env_list("TRACKER_TEST_LIST", [], "test") == ["a.example", "b.example"]
    assert env.env_bool("TRACKER_TEST_FLAG", True, "test") is False


def test_production_mode_passes_djangos_deployment_checks(tmp_path):
    # The browser tests' async-safety switch must not leak into a production check.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
        "ALLOWED_HOSTS": "tracker.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=README.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_mode_refuses_to_start_with_the_development_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DEBUG="false", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=README.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
