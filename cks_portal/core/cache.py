"""Django's Redis cache, made so that a Redis outage slows nothing and breaks nothing.

The cache only ever holds copies (pages, memos, rate-limit counters); sessions and content
live in PostgreSQL. So when Redis refuses connections, times out or answers garbage, a read
is a miss, a write is dropped and the site renders pages the slow way. Short socket timeouts
(settings.CACHES OPTIONS) bound what one call can cost, and after a failure this process
leaves Redis alone for RETRY_AFTER seconds, so a Redis that accepts connections and never
answers costs one timeout per worker every few seconds, not one per call.

Why a subclass and not django-redis: django-redis's IGNORE_EXCEPTIONS swallows errors too,
but it retries Redis on every call (a page makes several), so a hanging Redis would still
cost each request seconds; the pause after a failure is what keeps pages fast, and it is a
few lines here on top of the backend Django already ships.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent once when Redis answers again after failing in this process: writes made meanwhile
# (a content save's new page generation) never reached it, so listeners catch up.
cache_recovered = Signal()

RETRY_AFTER = 5.0


class _State:
    down_until = 0.0
    had_outage = False


def _failures():
    import redis

    return (redis.exceptions.RedisError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis.Redis per connection pool. Django makes a new one
    for every cache call, and each builds redis-py's table of about 80 response callbacks: a
    page makes about ten cache calls, so that was a tenth of a millisecond of table-building
    per call (bench/profile_pages.py). A redis.Redis is safe to share between threads; it
    takes a connection from the pool for each command."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None or client.connection_pool is not pool:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # RedisCache sets its client class in __init__, so a class attribute would not do.
        self._class = ReusedClientRedisCacheClient

    def _call(self, name, fallback, *args):
        if time.monotonic() < _State.down_until:
            return fallback
        try:
            result = getattr(super(), name)(*args)
        except _failures() as error:
            if not _State.had_outage or time.monotonic() >= _State.down_until:
                logger.warning(
                    "cache unavailable (%s: %s); serving without it for %.0f s",
                    type(error).__name__,
                    error,
                    RETRY_AFTER,
                )
            _State.down_until = time.monotonic() + RETRY_AFTER
            _State.had_outage = True
            return fallback
        if _State.had_outage:
            _State.had_outage = False
            logger.warning("cache available again")
            cache_recovered.send(sender=type(self))
        return result

    def is_available(self):
        """True if Redis answered a PING just now (for /readyz); ignores the pause."""
        try:
            return bool(self._cache.get_client().ping())
        except _failures():
            return False

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        # Without Redis a counter answers as if it had just started: a rate limit lets the
        # request through (and the warning above is logged) rather than refusing everyone.
        return self._call("incr", delta, key, delta, version)

    def clear(self):
        return self._call("clear", False)


def release_key(key, key_prefix, version):
    """Django's key with the release in it (settings.RELEASE, read at each call so a test can
    change it): a deploy starts with an empty cache instead of unpickling the pages and model
    instances an older release stored. Counters (rate limits) start afresh too."""
    from django.conf import settings

    return f"{key_prefix}:{settings.RELEASE}:{version}:{key}"
