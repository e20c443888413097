"""clusterhub settings: one file, driven by the environment.

SQLite is the default; ``DATABASE_URL`` switches to PostgreSQL (with pgvector).
Every value that differs between a laptop, CI and production is read from the
environment here and nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CLUSTERHUB_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
# The default key only serves a development checkout; production sets DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdef")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("CLUSTERHUB_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
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
    "clusterhub.matchmaking",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "clusterhub <noreply@wifoe.example>")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("CLUSTERHUB_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Events: how long a freed place is held for the next on the waitlist, how long before an event
# the reminder goes out, how long feedback is asked for.
CLUSTERHUB_EVENT_OFFER_HOLD_HOURS = float(os.environ.get("CLUSTERHUB_EVENT_OFFER_HOLD_HOURS", "48"))
CLUSTERHUB_EVENT_REMINDER_HOURS = float(os.environ.get("CLUSTERHUB_EVENT_REMINDER_HOURS", "24"))
# Every mail of the outbox (all apps) is tried at most this often, then shown to staff as failed.
CLUSTERHUB_MAIL_MAX_ATTEMPTS = int(os.environ.get("CLUSTERHUB_MAIL_MAX_ATTEMPTS", "5"))
CLUSTERHUB_EVENT_FEEDBACK_DAYS = float(os.environ.get("CLUSTERHUB_EVENT_FEEDBACK_DAYS", "14"))

# Matchmaking: the solver's time limit (seconds) for the organiser's scheduling run, which a
# background worker computes (a summit of 4,000 participants needs ~30 s).
CLUSTERHUB_MATCHMAKING_BACKGROUND_TIME_LIMIT = float(
    os.environ.get("CLUSTERHUB_MATCHMAKING_BACKGROUND_TIME_LIMIT", "60")
)

# Where the demo loader reads the CORDIS extract; never copied into the repo.
CORDIS_DATA_DIR = Path(
    os.environ.get("CLUSTERHUB_CORDIS_DIR", BASE_DIR.parent / "shared" / "data" / "cordis")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
