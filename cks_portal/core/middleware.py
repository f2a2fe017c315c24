import logging
import time

from django.http import HttpResponse, HttpResponseNotAllowed
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
                "path": loggable_path(request.path, match),
                "route": match.route if match else None,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


# URL parts that are keys to one person's data (a registration's personal link); the log gets
# the part's name in brackets instead.
SECRET_URL_PARTS = ("token", "uidb64")


def loggable_path(path, match):
    for name in SECRET_URL_PARTS:
        value = match.kwargs.get(name) if match else None
        if value:
            path = path.replace(f"/{value}/", f"/[{name}]/")
    return path


class RequestTextFormatter(logging.Formatter):
    """The text log (LOG_FORMAT=text, development): the request line says what happened,
    "GET /stod/ 200 3.2 ms", where the JSON log has the same as fields."""

    def format(self, record):
        line = super().format(record)
        if hasattr(record, "method") and hasattr(record, "status"):
            line += f" {record.method} {record.path} {record.status} {record.duration_ms} ms"
        return line


class HttpMethodMiddleware:
    """Every URL of the site answers GET, HEAD and POST. OPTIONS gets the list and no page;
    TRACE and anything else get 405, so no method echoes the request or renders the page."""

    ALLOWED = ("GET", "HEAD", "POST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.ALLOWED:
            return self.get_response(request)
        allow = ", ".join((*self.ALLOWED, "OPTIONS"))
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = allow
            response["Content-Length"] = "0"
            return response
        return HttpResponseNotAllowed((*self.ALLOWED, "OPTIONS"))


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
