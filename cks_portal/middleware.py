import logging
import time

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
