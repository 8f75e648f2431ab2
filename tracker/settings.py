"""Settings for every environment, configured by environment variables (see README.md).

There is no dev/prod split: `make demo` runs on the embedded defaults (SQLite, Celery eager), and a
deployment sets DATABASE_URL, REDIS_URL, SECRET_KEY, DEBUG=false and ALLOWED_HOSTS.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from tracker.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True, "Debug pages and auto-reload; set false in production.")
_DEV_KEY = "insecure-local-development-key-do-not-use-in-production"
SECRET_KEY = env_str(
    "SECRET_KEY", _DEV_KEY, "Cryptographic signing key; required when DEBUG=false."
)
if not DEBUG and SECRET_KEY == _DEV_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [],
    "Comma-separated host names the site answers to.",
)
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", [], "Comma-separated origins (https://example.org) trusted for forms."
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns locked-out log-ins into a clear 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out address is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str(
            "DATABASE_URL",
            f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            "Database URL; SQLite file by default, postgres://user@host:5432/name in production.",
        ),
        # Persistent connections with a health check, so a restarted PostgreSQL is reconnected
        # to on the next request instead of failing until the app restarts.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60, "Seconds a database connection is reused."),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache (claims/pagecache.py). Each page is keyed by the data version read from the
# database, so a per-process memory cache stays correct with many workers; Redis shares the
# rendered pages between them.
CACHE_URL = env_str(
    "CACHE_URL",
    "",
    "redis://host:6379/1 to share cached pages between processes; empty = each process's memory.",
)
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # A cache that hangs must not hang the page: give up quickly and render instead.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if CACHE_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 300},  # pages of ~100 KB: at most ~30 MB a process
        }
    )
}
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env_int(
    "PAGE_CACHE_SECONDS",
    0 if DEBUG else 600,  # off while developing, so that an edited template shows at once
    "Longest a rendered public page is served from the cache; any write retires it. 0 = off.",
)
PAGE_CACHE_VERSION_CHECK_MS = env_int(
    "PAGE_CACHE_VERSION_CHECK_MS",
    1000,
    "How often a process reads the data version; another process's write shows within it.",
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(
    env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles"), "Where collectstatic puts static files.")
)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

# Security headers; production values switch on with DEBUG=false (see `manage.py check --deploy`).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool(
    "SECURE_SSL_REDIRECT",
    not DEBUG,
    "Redirect http to https (off behind a TLS proxy that does it).",
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int(
    "SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, "HSTS max-age in seconds."
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG

# Content Security Policy: no inline script or style anywhere (the one script and the one
# stylesheet are static files; charts use SVG attributes), no framing, no plugins.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Log-in throttling (django-axes): after AXES_FAILURE_LIMIT failed attempts for one user name
# from one address, further attempts are refused for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, "Failed log-ins before a cool-off.")
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, "Minutes a throttled log-in waits.") / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True, "Throttle password guessing on the log-in form.")

# Celery: without REDIS_URL tasks run eagerly in-process (make demo); with it, on real workers.
REDIS_URL = env_str("REDIS_URL", "", "Redis URL for the Celery broker and results; empty = eager.")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", not REDIS_URL, "Run tasks in-process instead of on workers."
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Above the hard time limit, so a late-acked task is not redelivered while it still runs.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

LOG_LEVEL = env_str("LOG_LEVEL", "INFO", "Log level of the app's loggers.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"claims": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False}},
}

# Read-only JSON API (claims/api/): public, paginated, throttled; schema at /api/schema/.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "120/min", "API requests a visitor may make (DRF rate).")
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Casualty tracker API",
    "DESCRIPTION": "Read-only access to incidents, sources, claims and their comparisons.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

# --- Ingestion (claims/ingest, docs/INGESTION.md) ------------------------------------------
INGEST_ALLOW_PRIVATE_ADDRESSES = env_bool(
    "INGEST_ALLOW_PRIVATE_ADDRESSES",
    False,
    "Let ingestion fetch loopback, private and link-local addresses (tests only; unsafe).",
)
INGEST_MAX_BYTES = env_int(
    "INGEST_MAX_BYTES", 5 * 1024 * 1024, "Largest page ingestion reads, in bytes (5 MB)."
)
# A pasted article may be as long as a page ingestion reads, plus the form's other fields;
# Django's 2.5 MB default refused a pasted 3 MB text with a bare 400 before the form could say why.
DATA_UPLOAD_MAX_MEMORY_SIZE = INGEST_MAX_BYTES + 1024 * 1024
INGEST_CONNECT_TIMEOUT = env_int("INGEST_CONNECT_TIMEOUT", 5, "Seconds to connect to a server.")
INGEST_READ_TIMEOUT = env_int("INGEST_READ_TIMEOUT", 15, "Seconds a server may stay silent.")
INGEST_TOTAL_TIMEOUT = env_int("INGEST_TOTAL_TIMEOUT", 30, "Seconds one whole fetch may take.")
INGEST_MAX_REDIRECTS = env_int("INGEST_MAX_REDIRECTS", 5, "Redirects followed per fetch.")
INGEST_USER_AGENT = env_str(
    "INGEST_USER_AGENT",
    "casualty-tracker/0.1 (casualty-figure discrepancy tracker; archives news pages it cites)",
    "User-Agent header sent when fetching pages and feeds.",
)
INGEST_MAX_RETRIES = env_int(
    "INGEST_MAX_RETRIES", 3, "Retries of a fetch after a timeout, broken connection, 5xx or 429."
)
INGEST_RETRY_BACKOFF_SECONDS = env_int(
    "INGEST_RETRY_BACKOFF_SECONDS", 10, "First retry delay in seconds; doubles each retry."
)
INGEST_CLAIM_LEASE_SECONDS = env_int(
    "INGEST_CLAIM_LEASE_SECONDS",
    CELERY_TASK_TIME_LIMIT + 30,
    "Seconds after which an article a worker claimed but never finished is taken over.",
)
INGEST_SWEEP_AFTER_SECONDS = env_int(
    "INGEST_SWEEP_AFTER_SECONDS", 60, "Age at which a still-queued article is enqueued again."
)
INGEST_SUGGEST_DAYS = env_int(
    "INGEST_SUGGEST_DAYS", 3, "Days between publication and incident start for a suggestion."
)
INGEST_FEED_MAX_ITEMS = env_int("INGEST_FEED_MAX_ITEMS", 100, "Items read per feed poll.")
INGEST_FEED_CHECK_SECONDS = env_int(
    "INGEST_FEED_CHECK_SECONDS", 60, "How often beat looks for feeds due for a poll."
)
INGEST_QUEUE = env_str("INGEST_QUEUE", "celery", "Celery queue of the ingestion tasks.")
# Redis redelivers a late-acked message this many seconds after a worker died holding it; keep
# it above CELERY_TASK_TIME_LIMIT and any retry countdown (tests shorten it).
_VISIBILITY_TIMEOUT = env_int(
    "CELERY_VISIBILITY_TIMEOUT", 300, "Seconds before Redis redelivers an unacknowledged task."
)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    # Workers look for timed-out messages every tenth of the timeout (1 to 10 s), not kombu's
    # default of every 100 s, so a dead worker's task is redelivered soon after the timeout.
    "unacked_restore_interval": max(1, min(10, _VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
    # A Redis that hangs (paused, packets dropped) must not hang an editor's submission: the
    # publish gives up after a few seconds and the article stays queued for the sweep.
    "socket_timeout": 5,
    "socket_connect_timeout": 3,
}
# Ingestion tasks are idempotent, so a task running when the broker connection is lost may run
# again; set explicitly, ahead of Celery 6 changing the default.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BEAT_SCHEDULE = {
    "ingest-sweep-queued-articles": {
        "task": "claims.tasks.articles_sweep_queued",
        "schedule": 60.0,
        "options": {"queue": INGEST_QUEUE},
    },
    "ingest-poll-due-feeds": {
        "task": "claims.tasks.feeds_poll_due",
        "schedule": float(INGEST_FEED_CHECK_SECONDS),
        "options": {"queue": INGEST_QUEUE},
    },
}
# --- end of ingestion settings -------------------------------------------------------------
