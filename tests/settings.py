"""Settings for the test suite: the real settings, made fast and strict."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-" + "x" * 40)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from cks_portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = tempfile.mkdtemp(prefix="cks-test-media-")
KEPT_UPLOADS_ROOT = tempfile.mkdtemp(prefix="cks-test-kept-uploads-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_FUNCTION": CACHE_KEY_FUNCTION,  # noqa: F405
    },
    "frame": CACHES["frame"],  # noqa: F405
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# Tests log staff in with client.force_login and test the second factor on its own
# (tests/cks_portal/test_two_factor.py turns this on); production requires it when DEBUG is off.
OTP_REQUIRED = False

# Tests count queries and look at fresh data; tests/cks_portal/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# The test process is the only one, so its local-memory cache is shared by all it serves.
CACHE_IS_SHARED = True
