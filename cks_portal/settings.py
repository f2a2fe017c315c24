"""Settings for CKS-portalen.

One module for every environment. Everything that differs between a laptop, CI and
production comes from environment variables, read through the small helpers below, which
raise ImproperlyConfigured on a value they cannot understand instead of guessing.
"""

import os
import re
from pathlib import Path

import dj_database_url
import django.conf.locale
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cks_portal.core import cldr

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envbool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}")


def envint(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer; got {value!r}") from None


def envcount(name, default):
    """A positive integer from the environment: a size or a cap, where 0 would show nothing."""
    value = envint(name, default)
    if value < 1:
        raise ImproperlyConfigured(f"{name} must be at least 1; got {value}")
    return value


def envlist(name, default):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def envstr(name, default):
    return os.environ.get(name, default)


DEBUG = envbool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Before the admin, so that the admin sees the translation fields it adds.
    "modeltranslation",
    "cks_portal.core.apps.CksAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "simple_history",
    "cks_portal.core",
    "cks_portal.pages",
    "support",
    "news",
    "knowledge_bank",
    # The project itself, for its management commands (cks_portal/management).
    "cks_portal",
]

MIDDLEWARE = [
    "cks_portal.core.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything renders: OPTIONS, TRACE and other methods never get the page.
    "cks_portal.core.middleware.HttpMethodMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cks_portal.urls"
WSGI_APPLICATION = "cks_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cks_portal.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# PostgreSQL only. Without DATABASE_URL the site uses the project's own server under var/pg
# (cks_portal/embedded_db.py, docs/database.md). Reading its URL starts nothing: manage.py
# and the test suite start it, and production sets DATABASE_URL and never comes near it.
DATABASE_URL = envstr("DATABASE_URL", "")
USES_EMBEDDED_DB = not DATABASE_URL
if USES_EMBEDDED_DB:
    from cks_portal import embedded_db

    DATABASE_URL = embedded_db.url()
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {error}") from None
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        f"DATABASE_URL must point at PostgreSQL (postgres://user@host:5432/name); got {DATABASE_URL!r}. "
        "SQLite is no longer supported: unset DATABASE_URL to use the project's own PostgreSQL "
        "under var/pg, which `make run` and `make test` start."
    )
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A database host that does not answer fails a connection after this many seconds, not after
# the operating system's two minutes: a request gets its error page while gunicorn still waits
# for it, and a new worker, which connects before its first request (gunicorn.conf.py,
# post_fork), still starts and serves cached pages.
_options = DATABASES["default"].setdefault("OPTIONS", {})
_options.setdefault("connect_timeout", envint("DB_CONNECT_TIMEOUT", 5))
# A request's queries run in one process. A parallel worker's start costs more than it saves on
# queries of a few milliseconds, and the other cores are serving other requests: the quoted
# phrase's lookup in the word-pair index took 18-21 ms with a parallel worker, 17-18 without.
# Sent as a startup option, with any the URL gives (a pooler that refuses startup options
# needs `ALTER ROLE … SET max_parallel_workers_per_gather = 0` and PG_STARTUP_OPTIONS="").
_startup = envstr("PG_STARTUP_OPTIONS", "-c max_parallel_workers_per_gather=0")
if _startup:
    _options["options"] = f"{_options.get('options', '')} {_startup}".strip()

# Threads per worker process that run a search's independent statement beside the request, each
# with a connection of its own (cks_portal/core/beside.py): the database's connections are then
# workers × (1 + this). 0 runs every statement on the request's connection, one after another.
SQL_BESIDE_THREADS = envint("SQL_BESIDE_THREADS", 1)
if SQL_BESIDE_THREADS < 0:
    raise ImproperlyConfigured(f"SQL_BESIDE_THREADS must be 0 or more; got {SQL_BESIDE_THREADS}")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Passwords and sessions -----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # Checks the lockout before the password, so a locked-out account learns nothing.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Only staff ever get a session, so it can be short: it ends after this long without a request.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 2)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "sv"
# The site's languages. Swedish is the default and the only one content must have; a text
# without a translation in the page's language is shown in Swedish, marked lang="sv". The
# public pages answer under /en/, /fi/, … for each (i18n_patterns), the content models get a
# column per language (modeltranslation, cks_portal/core/i18n.py).
LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("fi", _("Finnish")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("fa", _("Persian")),
    ("ckb", _("Central Kurdish (Sorani)")),
    ("kmr", _("Northern Kurdish (Kurmanji)")),
    ("ti", _("Tigrinya")),
]
# Django knows fi, ar, fa and ckb; these three it does not. `bidi` decides <html dir>.
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali"},
    "kmr": {"bidi": False, "code": "kmr", "name": "Northern Kurdish"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya"},
}
# What each language calls itself has one source, CLDR (cks_portal.core.cldr): the language
# switcher reads it as get_language_info(code)["name_local"].
django.conf.locale.LANG_INFO = {**django.conf.locale.LANG_INFO, **EXTRA_LANG_INFO}
for _code, _name in LANGUAGES:
    django.conf.locale.LANG_INFO[_code] = {
        **django.conf.locale.LANG_INFO[_code],
        "name_local": cldr.language_name(_code),
    }
# Content translation (django-modeltranslation): Swedish is required and is the fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "sv"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("sv",)
# An address typed from the title is made from the Swedish title, whatever the admin's language.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "sv"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploads kept between a refused admin form and its retry (cks_portal/core/uploads.py): private,
# so never inside MEDIA_ROOT; shared by all app servers, like MEDIA_ROOT.
KEPT_UPLOADS_ROOT = Path(envstr("KEPT_UPLOADS_ROOT", str(BASE_DIR / "var" / "kept-uploads")))
# Behind nginx: Django decides who may have an uploaded file and nginx sends it from an
# internal location (X-Accel-Redirect, see docs/deployment.md); off, Django sends the bytes.
MEDIA_ACCEL_REDIRECT = envbool("MEDIA_ACCEL_REDIRECT", False)
# Media on S3-compatible object storage when a bucket is configured, local files otherwise.
S3_BUCKET = envstr("S3_BUCKET", "")
if S3_BUCKET:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": envstr("S3_ENDPOINT_URL", "") or None,
            "region_name": envstr("S3_REGION", "") or None,
            "access_key": envstr("S3_ACCESS_KEY_ID", ""),
            "secret_key": envstr("S3_SECRET_ACCESS_KEY", ""),
            "custom_domain": envstr("S3_CUSTOM_DOMAIN", "") or None,
            # Published media are public; their names are unguessable only where that matters.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
# Where EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes (the end-to-end tests).
EMAIL_FILE_PATH = envstr("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "CKS-portalen <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Load balancers probe the health endpoints over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The header allows preloading; submitting the domain to the browsers' list is a separate step.
    SECURE_HSTS_PRELOAD = envbool("DJANGO_HSTS_PRELOAD", True)
    # Behind a TLS-terminating proxy that sets this header (see docs/deployment.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline scripts or styles anywhere: every template keeps its CSS and JS in static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

# Two-factor login for staff (TOTP with backup codes). Required unless DEBUG is on, so that the
# demo account of `make run` can go straight in; CKS_OTP_REQUIRED overrides either way.
OTP_REQUIRED = envbool("CKS_OTP_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = envstr("CKS_SITE_NAME", "CKS-portalen")

# Brute-force protection of the admin login: a user name or a client address that fails this
# many times in a row is locked out for AXES_COOLOFF_TIME hours (an admin can unlock earlier).
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# The number of reverse proxies in front of the site that append to X-Forwarded-For (nginx as
# docs/deployment.md sets it up = 1; none = 0). cks_portal/core/client_address.py finds the client's
# address from it for the lockout, the registration rate limit and the logs.
TRUSTED_PROXY_COUNT = envint("AXES_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"AXES_PROXY_COUNT must be 0 or more; got {TRUSTED_PROXY_COUNT}")
AXES_CLIENT_IP_CALLABLE = "cks_portal.core.client_address.client_address"

SIMPLE_HISTORY_REVERT_DISABLED = False

SECURITY_CONTACT = envstr("CKS_SECURITY_CONTACT", "mailto:boras.stad@boras.se")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# One shared cache for every app server when REDIS_URL is set; local memory otherwise. The
# cache holds only copies, so a Redis outage must cost no page: the backend
# (cks_portal/core/cache.py) treats a failing Redis as empty, and the timeouts below bound what a
# Redis that accepts connections and never answers can cost (a local Redis answers in well
# under a millisecond).
REDIS_URL = envstr("REDIS_URL", "")


def default_release():
    """The git commit of this checkout, read once at start-up; the package's version when the
    code was deployed without its git directory or git is missing."""
    import shutil
    import subprocess
    from importlib import metadata

    git = shutil.which("git")
    try:
        head = subprocess.run(  # noqa: S603 - a fixed command, nothing from outside
            [git, "rev-parse", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, timeout=5
        )
        if head.returncode == 0 and head.stdout.strip():
            return head.stdout.strip()
    except (OSError, TypeError, subprocess.SubprocessError):
        pass  # no git, or no checkout: the version below
    try:
        return metadata.version("cks-portal")
    except metadata.PackageNotFoundError:
        return "unknown"


# What is deployed. Part of every cache key (cks_portal.core.cache.release_key): the cache keeps
# pickled pages and model instances, and a new release must never read those of an old one,
# whose classes and fields may differ.
RELEASE = envstr("CKS_RELEASE", "") or default_release()
CACHE_KEY_FUNCTION = "cks_portal.core.cache.release_key"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cks_portal.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cks",
            "KEY_FUNCTION": CACHE_KEY_FUNCTION,
            "TIMEOUT": 300,
            "OPTIONS": {
                "socket_connect_timeout": envint("REDIS_CONNECT_TIMEOUT_MS", 250) / 1000,
                "socket_timeout": envint("REDIS_TIMEOUT_MS", 500) / 1000,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_FUNCTION": CACHE_KEY_FUNCTION,
        }
    }
# Rendered fragments, kept in each worker's memory: the parts of every page's frame that depend
# on nothing but the language (templates/base.html: the header's top, the menu by section, the
# footer; they change with a restart) and, per content generation, the cards, articles and
# filters of the news, support and knowledge-bank pages (`{% cache … content_generation
# using="frame" %}` in their templates). The least recently used go first.
CACHES["frame"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "frame",
    "TIMEOUT": None,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# Sessions live in the database only. Only staff have sessions, so it is one primary-key read
# per staff request; with a cached copy (cached_db) a logout or a two-factor step written while
# Redis was down would leave the older copy in Redis, to come back when Redis does.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Logs: one JSON object per line (LOG_FORMAT=json, the production default) or plain text.
LOG_FORMAT = envstr("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text; got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {
            "()": "cks_portal.core.middleware.RequestTextFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        # The request log below replaces Django's own lines, which repeat full URLs.
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
    },
}

# --- The site -------------------------------------------------------------------------------
SITE_NAME = envstr("CKS_SITE_NAME", "CKS-portalen")
SITE_ORGANISATION = envstr("CKS_SITE_ORGANISATION", "Borås Stad, Centrum för kunskap och säkerhet")
SITE_CONTACT_EMAIL = envstr("CKS_CONTACT_EMAIL", "boras.stad@boras.se")
SITE_CONTACT_PHONE = envstr("CKS_CONTACT_PHONE", "033-35 70 00")
# The domain the site's permanent ids are minted on (feed entries' tag URIs, calendar UIDs), and
# the year it was first done. Fixed, not the request's host name: a reader that reaches the site
# by another name, or a move to a new one, must not see every item as new.
SITE_ID_DOMAIN = envstr("CKS_ID_DOMAIN", "boras.se")
SITE_ID_DATE = envstr("CKS_ID_DATE", "2025")
if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", SITE_ID_DATE):
    raise ImproperlyConfigured(
        f"CKS_ID_DATE must be a year, year-month or date (2025, 2025-01-15); got {SITE_ID_DATE!r}"
    )
if not re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?", SITE_ID_DOMAIN):
    raise ImproperlyConfigured(f"CKS_ID_DOMAIN must be a lower-case domain name; got {SITE_ID_DOMAIN!r}")

# --- support --------------------------------------------------------------------------------
# Support lines per page on /stod/; featured lines come first, on page 1.
SUPPORT_PAGE_SIZE = envcount("SUPPORT_PAGE_SIZE", 20)

# --- news -----------------------------------------------------------------------------------
# The admin's rich-text editor (see cks_portal/core/richtext.py); listed for its static files only.
INSTALLED_APPS += ["django_prose_editor"]
# A news item older than this many days tells readers it may be out of date.
NEWS_OUTDATED_AFTER = envint("NEWS_OUTDATED_AFTER", 182)
# Uploaded news images: refused above these limits, so nobody can fill the disk or the memory.
NEWS_IMAGE_MAX_BYTES = envint("NEWS_IMAGE_MAX_BYTES", 8 * 1024 * 1024)
NEWS_IMAGE_MAX_PIXELS = envint("NEWS_IMAGE_MAX_PIXELS", 30_000_000)
NEWS_ATTACHMENT_MAX_BYTES = envint("NEWS_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
# --- knowledge bank ---
# Uploads larger than this are refused with a message that says the limit.
KNOWLEDGE_BANK_MAX_UPLOAD_MB = envint("KNOWLEDGE_BANK_MAX_UPLOAD_MB", 25)
# Text kept from a PDF; the search vector indexes the first part of it (PostgreSQL caps a
# tsvector at 1 MB) and snippets are cut from its start so that they stay fast.
KNOWLEDGE_BANK_FILE_TEXT_MAX_CHARS = envint("KNOWLEDGE_BANK_FILE_TEXT_MAX_CHARS", 500_000)
KNOWLEDGE_BANK_INDEXED_TEXT_MAX_CHARS = envint("KNOWLEDGE_BANK_INDEXED_TEXT_MAX_CHARS", 200_000)
KNOWLEDGE_BANK_SNIPPET_SOURCE_CHARS = envint("KNOWLEDGE_BANK_SNIPPET_SOURCE_CHARS", 50_000)
KNOWLEDGE_BANK_PAGE_SIZE = envint("KNOWLEDGE_BANK_PAGE_SIZE", 20)
# The link checker: parallel requests and seconds before a link counts as not answering.
KNOWLEDGE_BANK_LINK_CHECK_WORKERS = envint("KNOWLEDGE_BANK_LINK_CHECK_WORKERS", 8)
KNOWLEDGE_BANK_LINK_CHECK_TIMEOUT = envint("KNOWLEDGE_BANK_LINK_CHECK_TIMEOUT", 10)
# OAI-PMH (/oai/, knowledge_bank/oai.py, docs/oai-pmh.md). The repository identifier is the
# domain in every record's identifier (oai:<domain>:kunskapsbank/<id>): harvesters keep it for
# good, so it comes from configuration, never from the host a request used. By default the
# domain of the organisation's contact address.
OAI_REPOSITORY_IDENTIFIER = envstr("OAI_REPOSITORY_IDENTIFIER", "") or SITE_CONTACT_EMAIL.rpartition("@")[2]
if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+", OAI_REPOSITORY_IDENTIFIER):
    raise ImproperlyConfigured(
        "OAI_REPOSITORY_IDENTIFIER must be a domain name such as cks.example.se; "
        f"got {OAI_REPOSITORY_IDENTIFIER!r}"
    )
# Records (or headers) per ListRecords/ListIdentifiers answer, and how long its resumption
# token stays valid.
OAI_PAGE_SIZE = envcount("OAI_PAGE_SIZE", 100)
OAI_RESUMPTION_TOKEN_SECONDS = envint("OAI_RESUMPTION_TOKEN_SECONDS", 24 * 60 * 60)
# Seminar registration: personal data is deleted this many days after the event has ended
# (by `manage.py purge_registrations`, run daily from cron); the privacy page states the period.
REGISTRATION_RETENTION_DAYS = envint("REGISTRATION_RETENTION_DAYS", 30)
# At most this many registration forms per client address within the window (seconds).
REGISTRATION_RATE_LIMIT = envint("REGISTRATION_RATE_LIMIT", 5)
REGISTRATION_RATE_WINDOW = envint("REGISTRATION_RATE_WINDOW", 600)

# --- performance ---
# Knowledge-bank search counts, facets and ranks at most this many matches (the newest); above
# it the page says "more than 1 000". Keeps a query that matches everything as fast as one
# matching a thousand (docs/benchmarks.md).
KNOWLEDGE_BANK_RESULT_CAP = envcount("KNOWLEDGE_BANK_RESULT_CAP", 1000)
# The news and events groups on /sok/ rank at most this many matches, the newest: five of them
# are shown, news ages, and the group's link leads to the full list, newest first. A word in
# every item costs about 1 ms of SQL per group instead of 3 (docs/benchmarks.md).
SITE_SEARCH_CANDIDATES = envcount("SITE_SEARCH_CANDIDATES", 200)

# Whether every process serving the site sees the same cache. The page cache and its memos
# (cks_portal/core/page_cache.py) notice a save through the generation number in the cache, so
# they need it: with local memory each gunicorn worker has its own, and a publish through one
# would leave the others serving the old page. True with Redis.
CACHE_IS_SHARED = bool(REDIS_URL)

# Whole pages for anonymous readers come from the cache for at most this many seconds; any
# save of content starts a new generation, and clock-driven changes (a scheduled item going
# live, an event ending, a line opening or closing) end a cached copy on time
# (cks_portal/core/page_cache.py). 0 turns the cache off; without a shared cache it is off unless
# set (one process only, e.g. a single-worker server).
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 300 if CACHE_IS_SHARED else 0)
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "cks_portal.core.middleware.PublicGZipMiddleware",
)
# ETag on every GET: a reader's browser or a feed reader that has the page gets a 304.
MIDDLEWARE.insert(
    MIDDLEWARE.index("cks_portal.core.middleware.PublicGZipMiddleware") + 1,
    "django.middleware.http.ConditionalGetMiddleware",
)
# Innermost, so every other middleware also runs on a page served from the cache.
MIDDLEWARE.append("cks_portal.core.page_cache.PageCacheMiddleware")
