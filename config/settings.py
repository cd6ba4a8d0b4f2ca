"""qsdp settings, read from the environment (see docs/configuration.md)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# development: `make run` on a laptop; test: pytest; production: behind gunicorn.
QSDP_ENV = env_choice("QSDP_ENV", ("development", "test", "production"), "development")
PRODUCTION = QSDP_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters.")
else:
    # A fixed key is acceptable only where no real data lives.
    SECRET_KEY = env_str(
        "DJANGO_SECRET_KEY", "development-only-key-never-used-in-production-0123456789"
    )

DEBUG = env_bool("DJANGO_DEBUG", QSDP_ENV == "development")
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "qsdp.accounts.admin_site.AdminConfig",  # django.contrib.admin, for admins only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "qsdp.core",
    "qsdp.orgunits",
    "qsdp.accounts",
    "qsdp.people",
    "qsdp.documents",
    "qsdp.military_service",
    "qsdp.reserves",
    "qsdp.militia",
    "qsdp.training",
    "qsdp.operations",
    "qsdp.awards",
    "qsdp.reporting",
    "qsdp.review",
    "qsdp.imports",
    "qsdp.api",
    "qsdp.audit",
    "qsdp.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "qsdp.accounts.middleware.SessionMaxAgeMiddleware",
    "qsdp.accounts.middleware.SessionTouchMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "qsdp.accounts.context_processors.navigation",
            ],
        },
    },
]

FORM_RENDERER = "qsdp.core.form_renderer.FormRenderer"

VAR_DIR = BASE_DIR / "var"  # the embedded database and generated files
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'qsdp.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the list pages read while an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    # PostgreSQL's default random_page_cost (4) prices an index read for spinning
    # disks: the planner then reads a province's whole person table to join a few
    # thousand militia members to their people. 1.1 is the usual figure for SSDs.
    # Added to what the URL sets (?sslmode=require, ?options=…), not in its place.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    cost = f"-c random_page_cost={env_str('QSDP_PG_RANDOM_PAGE_COST', '1.1')}"
    options["options"] = f"{options.get('options', '')} {cost}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "qsdp.accounts.backends.AdminRoleBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = env_int("QSDP_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("QSDP_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Two-step sign-in (TOTP): required for these roles, optional for the others.
QSDP_2FA_REQUIRED_ROLES = ("command_staff", "admin")
QSDP_2FA_MAX_TRIES = env_int("QSDP_2FA_MAX_TRIES", 5)  # wrong codes before the password again
QSDP_2FA_PENDING_SECONDS = 300  # time allowed between the password and the code

# Sessions end after a period without activity, and at the latest
# QSDP_SESSION_MAX_AGE_HOURS after signing in (qsdp.accounts.middleware).
SESSION_COOKIE_AGE = env_int("QSDP_SESSION_IDLE_MINUTES", 30) * 60
QSDP_SESSION_MAX_AGE_HOURS = env_int("QSDP_SESSION_MAX_AGE_HOURS", 10)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (directives, evidence): never served as static files, only
# through the views that check the user's scope.
MEDIA_ROOT = env_str("QSDP_MEDIA_ROOT", str(VAR_DIR / "media"))
MEDIA_URL = "/media/"
QSDP_MAX_UPLOAD_MB = env_int("QSDP_MAX_UPLOAD_MB", 20)
# A request body other than uploaded files (a form, API JSON) over 2 MB is refused
# with 400 before it is parsed; files are held to QSDP_MAX_UPLOAD_MB instead.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Pagination of register lists (qsdp/core/lists.py; the person register by keyset).
QSDP_PAGE_SIZE = env_int("QSDP_PAGE_SIZE", 50)
# A list counts its rows up to this many, and says "more than" past it.
QSDP_COUNT_CAP = env_int("QSDP_COUNT_CAP", 10_000)
# Database connections that compute the indicators of several units at once
# (qsdp.reporting.gather.compute_each): one per database core is the useful most.
QSDP_ROLLUP_WORKERS = env_int("QSDP_ROLLUP_WORKERS", 2)

# The REST API (qsdp/api): bearer tokens or the session (with CSRF), JSON, the
# OpenAPI schema and its docs page served from drf-spectacular-sidecar (no CDN).
INSTALLED_APPS += ["rest_framework", "drf_spectacular", "drf_spectacular_sidecar"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "qsdp.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "qsdp.api.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "qsdp.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "qsdp API",
    "DESCRIPTION": "Registers of local defence and military work, scoped to the caller's units.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from base.html, not from the cookie
# The same strict policy in every environment, so that tests catch an inline
# script, style or handler (docs/security.md). No 'unsafe-inline', no 'unsafe-eval'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Trust X-Forwarded-Proto only behind a TLS-terminating proxy that sets it.
    if env_bool("QSDP_BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("QSDP_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
