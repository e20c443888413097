"""clusterhub settings: one file, driven by the environment.

SQLite is the default; ``DATABASE_URL`` switches to PostgreSQL (with pgvector).
Every value that differs between a laptop, CI and production is read from the
environment here and nowhere else.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from config.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CLUSTERHUB_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


def read_secret_key() -> str:
    """``DJANGO_SECRET_KEY``, else the file ``DJANGO_SECRET_KEY_FILE`` names (``make demo``
    writes a random one to ``var/secret_key`` once), else — with debug on only — a key that
    says it is public. Without debug and without a key the site refuses to start: a public
    key lets anyone forge sessions, password-reset links and check-in codes."""
    if key := os.environ.get("DJANGO_SECRET_KEY", "").strip():
        return key
    key_file = Path(os.environ.get("DJANGO_SECRET_KEY_FILE", VAR_DIR / "secret_key"))
    if key_file.is_file() and (key := key_file.read_text(encoding="utf-8").strip()):
        return key
    if DEBUG:
        return "dev-only-insecure-key-change-me-0123456789abcdef"
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set (nor DJANGO_SECRET_KEY_FILE/var/secret_key) and "
        "DJANGO_DEBUG is off: set a long random key, or DJANGO_DEBUG=1 on a developer machine."
    )


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = read_secret_key()
# Where the site is served (``scripts/serve_demo.sh`` binds to it) and the public base URL that
# links in mails and the demo's printed logins use; the URL follows the address unless set.
SERVE_ADDRESS = os.environ.get("CLUSTERHUB_ADDRESS", "127.0.0.1:8000")
SITE_URL = os.environ.get("CLUSTERHUB_SITE_URL", f"http://{SERVE_ADDRESS}").rstrip("/")
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", f"127.0.0.1,localhost,testserver,{urlsplit(SITE_URL).hostname or ''}"
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# HTTPS. Off by default (a laptop serves plain HTTP); production turns each on, see README.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto (and strips it from
# clients); without the proxy this header must stay unset, or clients could claim HTTPS.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Sessions end after an idle time (``accounts.middleware`` saves the session once a minute of
# activity, which slides its expiry) and, whatever the activity, a working day after the login.
SESSION_COOKIE_AGE = env_int("CLUSTERHUB_SESSION_IDLE_MINUTES", 60) * 60
CLUSTERHUB_SESSION_MAX_HOURS = float(os.environ.get("CLUSTERHUB_SESSION_MAX_HOURS", "10"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "clusterhub.core",
    "clusterhub.accounts",
    "clusterhub.taxonomy",
    "clusterhub.clusters",
    "clusterhub.directory",
    "clusterhub.crm",
    "clusterhub.audit",
    "clusterhub.projects",
    "clusterhub.demo",
    "clusterhub.events",
    "clusterhub.partners",
    "clusterhub.calls",
    "clusterhub.matchmaking",
    "clusterhub.privacy",
    "clusterhub.support",
    "clusterhub.imports",
    "clusterhub.exports",
    "clusterhub.duplicates",
    "clusterhub.api",
    # django-ninja's templates and static files: its Swagger UI is served from here, not a CDN.
    "ninja",
    "clusterhub.insight",
]

MIDDLEWARE = [
    # First: /healthz and /readyz answer probes before the host check and the HTTPS redirect.
    "clusterhub.core.health.HealthCheckMiddleware",
    # Next: one log line per request, with its id (not for the probes above).
    "clusterhub.core.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records every 403 (path and role) in the audit log; needs the user, so after auth.
    "clusterhub.audit.middleware.RefusedAccessMiddleware",
    "clusterhub.accounts.middleware.SessionLifetimeMiddleware",
    "clusterhub.core.middleware.PrivatePagesMiddleware",
    "clusterhub.core.middleware.MethodNotAllowedPageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The material-streams map draws its background from this tile server (OpenStreetMap's by
# default; an agency's own or none: an empty value leaves the markers on a blank map).
CLUSTERHUB_MAP_TILE_URL = os.environ.get(
    "CLUSTERHUB_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
CLUSTERHUB_MAP_ATTRIBUTION = os.environ.get(
    "CLUSTERHUB_MAP_ATTRIBUTION", "© OpenStreetMap-Mitwirkende (openstreetmap.org/copyright)"
)
_MAP_TILE_ORIGIN = (
    "/".join(CLUSTERHUB_MAP_TILE_URL.split("/")[:3]) if CLUSTERHUB_MAP_TILE_URL else ""
)

# Content-Security-Policy: scripts and style sheets only from this site; the one inline
# thing htmx adds (its indicator style) carries the request's nonce. Style *attributes*
# stay allowed for the colour swatches and bars that templates draw from data.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:", *([_MAP_TILE_ORIGIN] if _MAP_TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # An agency's own legal texts (Impressum, Datenschutz, Barrierefreiheit) in
        # ``<dir>/legal/<page>.<language>.html`` replace the defaults of ``core/templates/legal``.
        "DIRS": [
            Path(path)
            for path in [os.environ.get("CLUSTERHUB_LEGAL_TEXTS_DIR", "")]
            if path.strip()
        ],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clusterhub.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'clusterhub.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers run beside the one writer; IMMEDIATE transactions take the write
    # lock at BEGIN, so concurrent writers queue on the busy timeout instead of failing
    # with "database is locked" half-way through.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# After login each role lands where it works (``accounts.landing``); this is the fallback.
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_RESET_TIMEOUT = env_int("CLUSTERHUB_PASSWORD_RESET_HOURS", 2) * 3600

# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one user name from one address,
# that pair is refused (even with the right password) until the cool-off has passed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("CLUSTERHUB_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("CLUSTERHUB_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

CSRF_FAILURE_VIEW = "clusterhub.core.errors.csrf_failure"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves the collected files with debug off (``make demo`` runs collectstatic).
# Hashed, compressed names need a collected manifest, so they are production's choice only;
# tests and development read the apps' static folders directly.
# Uploaded files (import files, written exports, project documents) go through the default
# storage (var/media here; an object store in production via CLUSTERHUB_FILE_STORAGE), never
# through a local path, and are served only through views that check access.
MEDIA_ROOT = Path(os.environ.get("CLUSTERHUB_MEDIA_DIR", VAR_DIR / "media"))
CLUSTERHUB_FILE_STORAGE = os.environ.get(
    "CLUSTERHUB_FILE_STORAGE", "django.core.files.storage.FileSystemStorage"
)
# An S3-compatible object store (AWS, MinIO, Ceph, a city's own) through django-storages:
# CLUSTERHUB_FILE_STORAGE=storages.backends.s3.S3Storage and the bucket, its endpoint (empty for
# AWS itself) and the keys below. Files stay private: every download goes through a view that
# checks access and streams the file, so no public or presigned URL is handed out.
S3_FILE_STORAGE_OPTIONS = {
    "bucket_name": os.environ.get("CLUSTERHUB_S3_BUCKET", ""),
    "endpoint_url": os.environ.get("CLUSTERHUB_S3_ENDPOINT_URL", "") or None,
    "region_name": os.environ.get("CLUSTERHUB_S3_REGION", "") or None,
    "access_key": os.environ.get("CLUSTERHUB_S3_ACCESS_KEY_ID", "") or None,
    "secret_key": os.environ.get("CLUSTERHUB_S3_SECRET_ACCESS_KEY", "") or None,
    "location": os.environ.get("CLUSTERHUB_S3_PREFIX", ""),
    "default_acl": "private",
    "querystring_auth": True,
    "file_overwrite": False,
}
STORAGES = {
    "default": {
        "BACKEND": CLUSTERHUB_FILE_STORAGE,
        **(
            {"OPTIONS": S3_FILE_STORAGE_OPTIONS}
            if CLUSTERHUB_FILE_STORAGE.startswith("storages.backends.s3")
            else {}
        ),
    },
    "staticfiles": {
        "BACKEND": os.environ.get(
            "CLUSTERHUB_STATIC_STORAGE",
            "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}

# With the compressing manifest storage (production), only the hashed names are kept and
# compressed: templates reach static files through the manifest only, and compressing each file
# twice doubled collectstatic's time (brotli at its best quality is the slow part). Source maps
# are fetched by developer tools alone, so they stay uncompressed.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# One URL instead of the values above (``smtp://user:password@host:587/?tls=True``,
# ``submission://…``, ``console://``): what it names replaces them (dj-email-url).
if email_url := os.environ.get("EMAIL_URL", "").strip():
    _mail = dj_email_url.parse(email_url)
    EMAIL_BACKEND = _mail.get("EMAIL_BACKEND") or EMAIL_BACKEND
    EMAIL_HOST = _mail["EMAIL_HOST"] or EMAIL_HOST
    EMAIL_PORT = _mail["EMAIL_PORT"] or EMAIL_PORT
    EMAIL_HOST_USER = _mail["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _mail["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS = bool(_mail["EMAIL_USE_TLS"])
    EMAIL_USE_SSL = bool(_mail["EMAIL_USE_SSL"])
# Where the file backend (``make demo``'s default) writes each mail as a file.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "clusterhub <noreply@wifoe.example>")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("CLUSTERHUB_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Imports: the most rows one file may have (a larger file is refused with a message), and from
# how many rows an import runs as a background task with a progress bar instead of at once.
CLUSTERHUB_IMPORT_MAX_ROWS = int(os.environ.get("CLUSTERHUB_IMPORT_MAX_ROWS", "100000"))
CLUSTERHUB_IMPORT_BACKGROUND_ROWS = int(os.environ.get("CLUSTERHUB_IMPORT_BACKGROUND_ROWS", "2000"))
# Exports of more rows than this are written by a background task and offered as a download.
CLUSTERHUB_EXPORT_BACKGROUND_ROWS = int(os.environ.get("CLUSTERHUB_EXPORT_BACKGROUND_ROWS", "5000"))

# Events: how long a freed place is held for the next on the waitlist, how long before an event
# the reminder goes out, how long feedback is asked for.
CLUSTERHUB_EVENT_OFFER_HOLD_HOURS = float(os.environ.get("CLUSTERHUB_EVENT_OFFER_HOLD_HOURS", "48"))
CLUSTERHUB_EVENT_REMINDER_HOURS = float(os.environ.get("CLUSTERHUB_EVENT_REMINDER_HOURS", "24"))
# Every mail of the outbox (all apps) is tried at most this often, then shown to staff as failed.
CLUSTERHUB_MAIL_MAX_ATTEMPTS = int(os.environ.get("CLUSTERHUB_MAIL_MAX_ATTEMPTS", "5"))
CLUSTERHUB_EVENT_FEEDBACK_DAYS = float(os.environ.get("CLUSTERHUB_EVENT_FEEDBACK_DAYS", "14"))
# Who took part in an event is personal data of the clusters that own it: staff readers see the
# counts only, unless this is set ("1") for an agency where readers may see the people too.
CLUSTERHUB_READERS_SEE_PARTICIPANTS = os.environ.get(
    "CLUSTERHUB_READERS_SEE_PARTICIPANTS", ""
).lower() in {"1", "true", "yes"}

# Matchmaking: the solver's time limit (seconds) for the organiser's scheduling run, which a
# background worker computes (a summit of 4,000 participants needs ~30 s).
CLUSTERHUB_MATCHMAKING_BACKGROUND_TIME_LIMIT = float(
    os.environ.get("CLUSTERHUB_MATCHMAKING_BACKGROUND_TIME_LIMIT", "60")
)
# The solver's time limit (seconds) where a schedule is computed while someone waits.
CLUSTERHUB_MATCHMAKING_TIME_LIMIT = float(os.environ.get("CLUSTERHUB_MATCHMAKING_TIME_LIMIT", "10"))
# How long a meeting request stays open before it expires unanswered.
CLUSTERHUB_MATCHMAKING_REQUEST_HOURS = float(
    os.environ.get("CLUSTERHUB_MATCHMAKING_REQUEST_HOURS", "72")
)
# How long after the event's end a participant's matchmaking link still opens (then 410).
CLUSTERHUB_MATCHMAKING_LINK_GRACE_DAYS = float(
    os.environ.get("CLUSTERHUB_MATCHMAKING_LINK_GRACE_DAYS", "7")
)

# Partner matching: the periodic full rebuild (`build_partner_index --when-due`) builds the index
# again once it is this old, even when the registry version says it is current.
CLUSTERHUB_PARTNER_INDEX_REBUILD_HOURS = float(
    os.environ.get("CLUSTERHUB_PARTNER_INDEX_REBUILD_HOURS", "24")
)
# How often (seconds) a web process asks the database whether the stored partner index changed:
# a change saved through one process shows in the others' suggestions within this time.
CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS = float(
    os.environ.get("CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS", "10")
)

# Caches (API rate limits, the duplicate finder's pairs, the partner index's rebuild requests) are
# shared by every process: in the database by default (its table is made by ``migrate``), or in
# the backend named here (e.g. django.core.cache.backends.redis.RedisCache and its URL).
CLUSTERHUB_CACHE_BACKEND = os.environ.get(
    "CLUSTERHUB_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"
)
CACHES = {
    "default": {
        "BACKEND": CLUSTERHUB_CACHE_BACKEND,
        "LOCATION": os.environ.get(
            "CLUSTERHUB_CACHE_LOCATION",
            "clusterhub_cache" if CLUSTERHUB_CACHE_BACKEND.endswith(".DatabaseCache") else "",
        ),
    },
    # The rendered parts of every page's frame (head, navigation, footer; ``base.html``): a
    # pure function of the code, the language and the viewer's role, never of the database, so
    # each process keeps its own copy in memory and no two processes can disagree. Rendering
    # them took about a third of a public page's time.
    "page_chrome": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

# API rate limits ("calls/period", period s, min, h or day), counted in Django's cache: per
# calling address (public and staff API alike) and per personal token.
CLUSTERHUB_API_RATE_PER_ADDRESS = os.environ.get("CLUSTERHUB_API_RATE_PER_ADDRESS", "120/min")
CLUSTERHUB_API_RATE_PER_TOKEN = os.environ.get("CLUSTERHUB_API_RATE_PER_TOKEN", "600/min")

# DSGVO: the key of the tombstones' e-mail hashes (set once per installation: a new key forgets
# every erased address; defaults to the secret key), and after how many years without consent
# or activity a person is listed for review on the retention page.
CLUSTERHUB_TOMBSTONE_SALT = os.environ.get("CLUSTERHUB_TOMBSTONE_SALT", "") or SECRET_KEY
CLUSTERHUB_RETENTION_YEARS = env_int("CLUSTERHUB_RETENTION_YEARS", 3)

# Where the demo loader reads the CORDIS extract; never copied into the repo.
CORDIS_DATA_DIR = Path(
    os.environ.get("CLUSTERHUB_CORDIS_DIR", BASE_DIR.parent / "shared" / "data" / "cordis")
)

# Project documents: the largest upload and the file types taken (by extension).
CLUSTERHUB_PROJECT_DOCUMENT_MAX_MB = float(
    os.environ.get("CLUSTERHUB_PROJECT_DOCUMENT_MAX_MB", "10")
)
CLUSTERHUB_PROJECT_DOCUMENT_TYPES = os.environ.get(
    "CLUSTERHUB_PROJECT_DOCUMENT_TYPES", "pdf,docx,xlsx,pptx,odt,ods,odp,txt,csv,png,jpg,jpeg"
).split(",")
# Deadline reminders to the owners of projects that target a call: days before the deadline.
CLUSTERHUB_CALL_REMINDER_DAYS = [
    int(days) for days in os.environ.get("CLUSTERHUB_CALL_REMINDER_DAYS", "28,7").split(",")
]

# The EU Funding & Tenders topics the demo imports (``manage.py import_calls`` takes any file).
CALLS_DATA_FILE = Path(
    os.environ.get(
        "CLUSTERHUB_CALLS_FILE", BASE_DIR.parent / "shared" / "data" / "calls" / "calls.jsonl.gz"
    )
)

# Logs go to the console, as a process manager or a container runtime expects. With
# CLUSTERHUB_LOG_FORMAT=json each record is one JSON line on stdout (python-json-logger), the
# request id and the request's fields included (``core.request_log``); gunicorn's own logs take
# the same format (``config/gunicorn.conf.py``). CLUSTERHUB_LOG_REQUESTS logs one line per request
# (on by default with JSON; a developer's console stays quiet).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING").upper()
CLUSTERHUB_LOG_FORMAT = os.environ.get("CLUSTERHUB_LOG_FORMAT", "text").strip().lower()
if CLUSTERHUB_LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("CLUSTERHUB_LOG_FORMAT is either text or json.")
CLUSTERHUB_LOG_REQUESTS = env_bool("CLUSTERHUB_LOG_REQUESTS", CLUSTERHUB_LOG_FORMAT == "json")
LOGGING = logging_config(CLUSTERHUB_LOG_FORMAT, LOG_LEVEL, log_requests=CLUSTERHUB_LOG_REQUESTS)

# Insight (dashboards, cross-cluster views, annual reports). Where organisations come from: the
# home city, the region around it (postcodes starting with these digits: Rhein-Neckar and the
# Palatinate next door), the rest of the country, abroad.
CLUSTERHUB_INSIGHT_HOME_CITY = os.environ.get("CLUSTERHUB_INSIGHT_HOME_CITY", "Mannheim")
CLUSTERHUB_INSIGHT_REGION_POSTCODES = tuple(
    os.environ.get("CLUSTERHUB_INSIGHT_REGION_POSTCODES", "67,68,69,74").split(",")
)
# The network keeps this many organisations (those with the most links) and joins the
# organisations of an event or project only when it has at most GROUP_LIMIT of them.
CLUSTERHUB_INSIGHT_NETWORK_SIZE = int(os.environ.get("CLUSTERHUB_INSIGHT_NETWORK_SIZE", "300"))
CLUSTERHUB_INSIGHT_GROUP_LIMIT = int(os.environ.get("CLUSTERHUB_INSIGHT_GROUP_LIMIT", "40"))
# ``manage.py refresh_insight --when-due`` (cron, the jobs loop) recomputes the stored
# aggregates once the oldest is this many hours old; the refresh takes under a minute on the
# measured 100,000 organisations, so the default keeps the figures no older than a morning.
CLUSTERHUB_INSIGHT_REFRESH_HOURS = float(os.environ.get("CLUSTERHUB_INSIGHT_REFRESH_HOURS", "6"))
