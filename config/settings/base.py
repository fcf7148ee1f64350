"""Settings shared by every profile; each deployment value comes from the environment.

The defaults here are safe for development. ``dev``, ``test`` and ``production``
import this module and override what differs.
"""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from celery.schedules import crontab

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()


def redis_database_url(url, database):
    """Return ``url`` pointing at Redis database number ``database``.

    The cache and the Celery broker share one server but use separate databases, so
    that flushing the cache never drops queued tasks.
    """
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "courses",
    "learning",
    "search",
    "community",
    "resources",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_ratelimit",
    "django_celery_beat",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Learner accounts (learning/): email and password only, no social sign-in.
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.serving.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "home.fallback.TranslationFallbackMiddleware",
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections save a connect per request; checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Empty means "no Redis": the cache lives in process memory and Celery runs tasks
# in-process (the dev profile). The test and production profiles set it.
REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_database_url(REDIS_URL, 1),
            "KEY_PREFIX": "libri",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Latvian first, then English, Ukrainian and Russian.
LANGUAGE_CODE = "lv"
LANGUAGES = [
    ("lv", "Latviešu"),
    ("en", "English"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft, whatever the source's state: trainers may
# translate, moderators publish (home/translations.py holds the other door shut).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Riga"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Complex page models can exceed Django's default of 1,000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="LIBRI <libri@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis broker and results, JSON only, acknowledged after the task finishes.
CELERY_BROKER_URL = redis_database_url(REDIS_URL, 0) if REDIS_URL else "memory://"
CELERY_RESULT_BACKEND = redis_database_url(REDIS_URL, 0) if REDIS_URL else None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = 24 * 60 * 60
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest task may run 30 minutes; Redis redelivers an unacknowledged task only
# after the visibility timeout, which must be longer or a slow task runs twice.
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * CELERY_TASK_TIME_LIMIT}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = CELERY_BROKER_TRANSPORT_OPTIONS
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Beat keeps its schedule in the database (django-celery-beat): one beat process,
# entries editable in Django's admin, CELERY_BEAT_SCHEDULE synced in at start.
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Digests go out at this hour (TIME_ZONE) on Mondays and on the 1st of the month.
DIGEST_SEND_HOUR = 8
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {
        "task": "home.tasks.publish_scheduled_pages",
        "schedule": 60.0,
    },
    "weekly-digest": {
        "task": "community.tasks.start_digest_run",
        "schedule": crontab(minute=0, hour=DIGEST_SEND_HOUR, day_of_week="mon"),
        "args": ["weekly"],
    },
    "reconcile-digest-deliveries": {
        "task": "community.tasks.reconcile_deliveries",
        "schedule": 10 * 60.0,
    },
    "monthly-digest": {
        "task": "community.tasks.start_digest_run",
        "schedule": crontab(minute=0, hour=DIGEST_SEND_HOUR, day_of_month=1),
        "args": ["monthly"],
    },
}
DIGEST_LIST_ID = env(
    "DIGEST_LIST_ID", default="LIBRI digest <digest.libri.example.org>"
)
# Seconds after which a delivery claimed by a worker that never finished is sent
# again by the reconciler (a live worker sends one digest in well under a second).
DIGEST_CLAIM_TIMEOUT = env.int("DIGEST_CLAIM_TIMEOUT", default=30 * 60)
# Digests handed to the mail server per second, shared by all workers.
DIGEST_SEND_RATE = env.int("DIGEST_SEND_RATE", default=50)
# Messages that may go at once after a pause (the token bucket's capacity).
DIGEST_SEND_BURST = env.int("DIGEST_SEND_BURST", default=DIGEST_SEND_RATE)
DIGEST_UNSUBSCRIBE_EMAIL = env(
    "DIGEST_UNSUBSCRIBE_EMAIL", default="unsubscribe@libri.example.org"
)

# The site's public address, for absolute links in emails.
BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")

# Learner accounts (django-allauth): sign in by email, confirmed before first use.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "learning:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_SIGNUP_FORM_CLASS = "learning.forms.LearnerDetailsForm"
ACCOUNT_ADAPTER = "learning.adapter.LearnerAccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "LIBRI: "
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Per IP and per address: guessing passwords or mass sign-ups hit a 429 quickly.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "5/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# Days without progress after which a learner counts as stuck in trainer reports.
LEARNING_STUCK_AFTER_DAYS = env.int("LEARNING_STUCK_AFTER_DAYS", default=14)
# Ed25519 private key (PEM) signing the Open Badges credentials; "\n" may stand for
# line breaks. Unset, development derives a key from SECRET_KEY (learning/badges.py).
CREDENTIALS_SIGNING_KEY = env("CREDENTIALS_SIGNING_KEY", default="").replace(
    "\\n", "\n"
)

# Wagtail
WAGTAIL_SITE_NAME = "LIBRI"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=BASE_URL)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
# Webinar recordings (audio, video) and their WebVTT captions are documents too.
WAGTAILDOCS_EXTENSIONS += ["mp3", "m4a", "mp4", "ogg", "vtt", "webm"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ALLOW_UNICODE_SLUGS = True
TAGGIT_CASE_INSENSITIVE = True

# django-ratelimit lists only django-redis as "supported"; Django's own RedisCache
# is shared between processes and increments atomically, which is all it needs.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
# With Redis down the limits cannot count: subscribing and searching go on rather
# than refusing everyone (allauth's sign-in limits, also in the cache, do the same).
RATELIMIT_FAIL_OPEN = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# --- Performance: Redis through django-redis, anonymous page cache ----------------
# django-redis keeps one connection pool per process (Django's RedisCache builds a
# client per call) and, with IGNORE_EXCEPTIONS, turns an unreachable Redis into
# cache misses: pages then render from the database.
REDIS_CACHE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.5,
    "SOCKET_TIMEOUT": 0.5,
}
if REDIS_URL:
    CACHES["default"]["BACKEND"] = "django_redis.cache.RedisCache"
    CACHES["default"]["OPTIONS"] = REDIS_CACHE_OPTIONS
# Anonymous GETs of Wagtail pages are kept whole in the cache for this many seconds
# (0 turns the page cache off); any content change invalidates them at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a shared proxy may keep an anonymous page (browsers always revalidate).
PAGE_CACHE_PROXY_SECONDS = env.int("PAGE_CACHE_PROXY_SECONDS", default=10)
# Right after WhiteNoise: a cached page skips sessions, CSRF and the rest.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "home.middleware.AnonymousPageCacheMiddleware",
)
# --- Security: headers, uploads, logs (see home/security.py and home/uploads.py) ---
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "home.security.ContentSecurityPolicyMiddleware",
)
ADMIN_URL_PREFIX = "/admin/"
# Other hosts the pages may use: video embeds, map tiles, and the object storage
# that serves recordings when there is one.
CSP_FRAME_HOSTS = env.list(
    "CSP_FRAME_HOSTS",
    default=[
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
)
CSP_IMG_HOSTS = env.list("CSP_IMG_HOSTS", default=[])
CSP_MEDIA_HOSTS = env.list("CSP_MEDIA_HOSTS", default=[])
SELF, NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_IMG_HOSTS],
        "media-src": [SELF, *CSP_MEDIA_HOSTS],
        "frame-src": [SELF, *CSP_FRAME_HOSTS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The admin's preview panel frames public pages, under this policy.
        "frame-ancestors": [SELF],
    }
}
# Wagtail 8's admin writes inline scripts and styles; other hosts stay refused.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *CSP_IMG_HOSTS],
        "media-src": [SELF, "blob:", *CSP_MEDIA_HOSTS],
        "font-src": [SELF, "data:"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Avatars from Gravatar would send a hash of each editor's address to another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin would ask releases.wagtail.org for news; upgrades come with deployments.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Searches one client may run; a person rarely needs more than one a second.
SEARCH_RATE_LIMIT = env("SEARCH_RATE_LIMIT", default="60/m")
# A search's counts and result pages are kept this long (and until content
# changes); 0 counts and ranks every search afresh.
SEARCH_CACHE_SECONDS = env.int("SEARCH_CACHE_SECONDS", default=600)

MB = 1024 * 1024
RECORDING_EXTENSIONS = ["mp3", "m4a", "mp4", "ogg", "webm"]
RECORDING_MAX_SIZE = env.int("RECORDING_MAX_MB", default=500) * MB
LIBRI_DOCUMENT_MAX_SIZES = {
    "default": env.int("DOCUMENT_MAX_MB", default=20) * MB,
    "vtt": 2 * MB,
    **dict.fromkeys(RECORDING_EXTENSIONS, RECORDING_MAX_SIZE),
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = max(LIBRI_DOCUMENT_MAX_SIZES.values())
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.DocumentForm"
# Through Wagtail's view, which adds nosniff and "default-src 'none'"; only PDF is
# shown in the browser, everything else is a download.
WAGTAILDOCS_SERVE_METHOD = env("WAGTAILDOCS_SERVE_METHOD", default="serve_view")
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_MB", default=10) * MB

LOGGING["filters"] = {
    "redact_personal_data": {"()": "home.security.RedactPersonalData"}
}
LOGGING["formatters"] = {
    "django.server": {
        "()": "django.utils.log.ServerFormatter",
        "format": "[{server_time}] {message}",
        "style": "{",
    }
}
LOGGING["handlers"]["console"]["filters"] = ["redact_personal_data"]
LOGGING["handlers"]["django.server"] = {
    "class": "logging.StreamHandler",
    "formatter": "django.server",
    "filters": ["redact_personal_data"],
}
LOGGING["loggers"] = {
    "django": {
        "handlers": ["console"],
        "level": LOGGING["root"]["level"],
        "propagate": False,
    },
    "django.server": {
        "handlers": ["django.server"],
        "level": "INFO",
        "propagate": False,
    },
}
# The support initiatives map: a tile server's URL template ({z}/{x}/{y}, optional
# {s} and {r}) and the attribution its licence asks for (HTML allowed).
MAP_TILES_URL = env(
    "MAP_TILES_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MAP_TILES_ATTRIBUTION = env(
    "MAP_TILES_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">'
    "OpenStreetMap</a> contributors",
)
# The tile server's origin joins the pages' image sources ({s} subdomains as *).
MAP_TILES_ORIGIN = "{0.scheme}://{0.netloc}".format(
    urlsplit(MAP_TILES_URL.replace("{s}", "*"))
)
for policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
    policy["DIRECTIVES"]["img-src"].append(MAP_TILES_ORIGIN)
