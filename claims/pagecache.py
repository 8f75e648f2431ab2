"""Rendered public pages, cached under the data version.

When a story breaks, readers ask for the same few pages over and over while the figures change a
few times an hour. So the public pages (the list, an incident, its charts, the sources) are
rendered once per data version and served from the cache until something changes:

- `data_changed()` is called for every write to public data: by the model signals below for
  every save and delete in this app, and by the services that write with `QuerySet.update()`.
  It changes the version's token *after* the transaction commits, so no reader can cache the old
  data under the new token.
- `public_page` serves anonymous GET requests from the cache, keyed by the token and the full
  address (host included: pages carry absolute permalinks). Each process reads the token from
  the database at most every PAGE_CACHE_VERSION_CHECK_MS (default 1 s) and at once after its
  own writes, so every process, and every server, stops serving a page within a second of a
  change, whatever cache backend holds it.

Editors never get cached pages: they see pending claims and their own links. Nor does a request
whose own open transaction wrote data it has not committed yet (the token has not moved). Pages
that set a CSRF cookie, errors and streaming responses are never stored. PAGE_CACHE_SECONDS
bounds how long an entry lives even if no write comes (0 turns the cache off).
"""

import functools
import hashlib
import logging
import time
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from claims.models import DataVersion

logger = logging.getLogger(__name__)

VERSION_PK = 1
_KEY_PREFIX = "page:"
_COMPRESS_FROM = 1024  # bytes; smaller pages gain nothing from gzip


# This process's last reading of the token, and when it was read (time.monotonic()).
_seen = {"token": None, "at": float("-inf")}


def current_version() -> str:
    """The data version, read from the database at most every PAGE_CACHE_VERSION_CHECK_MS.

    Reading it on every request costs a round trip (two, with the connection's health check)
    that was half of a cached page's time; so each process remembers it briefly. A write in
    this process changes the remembered token at once; a write in another process shows here
    within that interval (0 = read it on every request)."""
    interval = settings.PAGE_CACHE_VERSION_CHECK_MS / 1000
    now = time.monotonic()
    if interval > 0 and _seen["token"] is not None and now - _seen["at"] < interval:
        return _seen["token"]
    token = _read_version()
    _seen.update(token=token, at=now)
    return token


def _read_version() -> str:
    # Raw SQL: the ORM's query building cost 0.4 ms, the statement itself 0.07 ms.
    table = connection.ops.quote_name(DataVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = %s", [VERSION_PK])  # noqa: S608
        row = cursor.fetchone()
    if row is None:  # the row was flushed (tests) or never created
        return DataVersion.objects.get_or_create(
            pk=VERSION_PK, defaults={"token": uuid.uuid4().hex, "changed_at": timezone.now()}
        )[0].token
    return row[0]


def _bump() -> None:
    token = uuid.uuid4().hex
    changed = DataVersion.objects.filter(pk=VERSION_PK).update(
        token=token, changed_at=timezone.now()
    )
    if not changed:
        token = _read_version()
    _seen.update(token=token, at=time.monotonic())


def forget_version() -> None:
    """Read the version from the database next time (tests; after restoring a backup)."""
    _seen.update(token=None, at=float("-inf"))


def data_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Retire every cached page once the current transaction commits (at once outside one).

    Many writes in one transaction change the token once: the callback is registered only if it
    is not already waiting (a rolled-back savepoint takes its callback with it, so a later write
    registers it again)."""
    if not _writes_pending(using):
        # robust: the write is committed by then; if the token cannot be changed (the database
        # went away), log it and let PAGE_CACHE_SECONDS retire the pages, not fail the request.
        transaction.on_commit(_bump, using=using, robust=True)


def _writes_pending(using: str = DEFAULT_DB_ALIAS) -> bool:
    """True when this connection's open transaction wrote public data not yet committed."""
    connection = connections[using]
    return connection.in_atomic_block and any(
        func is _bump for _sids, func, _robust in connection.run_on_commit
    )


def _on_write(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if sender is not DataVersion:
        data_changed(using)


def connect_signals() -> None:
    """Every model of the app (history records included) retires the cached pages when saved or
    deleted; called from ClaimsConfig.ready()."""
    for model in apps.get_app_config("claims").get_models():
        if model is DataVersion:
            continue
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=uid + "-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(_on_write, sender=field.remote_field.through, dispatch_uid=uid)


def _cache_get(key: str):
    """The cached entry, or None; a cache that is down costs a render, never an error page."""
    try:
        return caches[settings.PAGE_CACHE_ALIAS].get(key)
    except Exception:
        logger.warning("page cache unavailable; rendering", exc_info=True)
        return None


def _cache_set(key: str, value, seconds: int) -> bool:
    try:
        caches[settings.PAGE_CACHE_ALIAS].set(key, value, seconds)
    except Exception:
        logger.warning("page cache unavailable; not stored", exc_info=True)
        return False
    return True


@functools.cache
def _release() -> str:
    """A digest of the code and templates this process runs, so that pages cached by an older
    release (in a shared Redis cache) are never served after a deploy."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder in ("claims", "templates", "tracker"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".html") and "migrations" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _key(request, token: str) -> str:
    address = request.build_absolute_uri()
    return _KEY_PREFIX + hashlib.sha256(f"{_release()}\n{token}\n{address}".encode()).hexdigest()


def _accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def _serve(request, content: bytes, compressed: bytes | None, headers: dict) -> HttpResponse:
    response = HttpResponse(content, headers=headers)
    if compressed is not None:
        patch_vary_headers(response, ["Accept-Encoding"])
        if _accepts_gzip(request):
            response.content = compressed
            response["Content-Encoding"] = "gzip"
    return response


def public_page(view):
    """Serve the view's anonymous GET responses from the cache, per data version.

    A page is stored with its gzip compression, made once when it is rendered, and sent
    compressed to every reader whose browser accepts it (all do): an incident page of 330 KB
    travels as about 30 KB, without compressing it again for each reader."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method != "GET"
            or _writes_pending()  # this request's own transaction changed data: show it
            or request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        key = _key(request, current_version())
        if (hit := _cache_get(key)) is not None:
            response = _serve(request, *hit)
            response["X-Page-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)

        def store(rendered):
            storable = (
                rendered.status_code == 200
                and not rendered.streaming
                and not rendered.cookies
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                and not rendered.has_header("Content-Encoding")
            )
            if not storable:
                return None
            content = rendered.content
            compressed = compress_string(content) if len(content) >= _COMPRESS_FROM else None
            entry = (content, compressed, dict(rendered.items()))
            if not _cache_set(key, entry, seconds):
                return None
            served = _serve(request, *entry)
            served["X-Page-Cache"] = "miss"
            return served

        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            response.add_post_render_callback(store)
            return response
        return store(response) or response

    return wrapper
