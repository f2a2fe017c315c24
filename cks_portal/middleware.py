import logging
import time

from django.middleware.gzip import GZipMiddleware

logger = logging.getLogger("cks_portal.requests")


class RequestLogMiddleware:
    """One log line per request: method, path, status, duration. No query string, no client
    address, no user: a search or a registration link can carry personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        match = getattr(request, "resolver_match", None)
        logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "route": match.route if match else None,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Compresses HTML, feeds and JSON for readers, but never a response that holds a secret:
    BREACH can recover a secret from a compressed page that also reflects the attacker's
    input (a search query). Pages with a CSRF token and everything for logged-in staff stay
    uncompressed; static files come pre-compressed from WhiteNoise."""

    def process_response(self, request, response):
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or "csrftoken" in response.cookies:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        return super().process_response(request, response)
