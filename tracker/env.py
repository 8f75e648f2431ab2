"""Typed readers for configuration from environment variables.

Each helper raises ImproperlyConfigured on a malformed value, so a typo in a deployment fails at
start-up with the variable's name instead of running with a silent default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

# Every variable the settings read, with what it does; README.md documents each one and a test
# fails when one is missing there.
DOCUMENTED: dict[str, str] = {}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str, doc: str) -> str | None:
    DOCUMENTED[name] = doc
    return os.environ.get(name)


def env_str(name: str, default: str, doc: str) -> str:
    value = _raw(name, doc)
    return default if value is None else value


def env_bool(name: str, default: bool, doc: str) -> bool:
    value = _raw(name, doc)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int, doc: str) -> int:
    value = _raw(name, doc)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def env_list(name: str, default: list[str], doc: str) -> list[str]:
    value = _raw(name, doc)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]
