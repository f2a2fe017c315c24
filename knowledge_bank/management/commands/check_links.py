import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from knowledge_bank.models import Publication

USER_AGENT = "CKS-portalen link checker"


def check(url, timeout):
    """(status or None, error text, milliseconds). HEAD first; some servers only answer GET."""
    if not url.lower().startswith(("http://", "https://")):
        return None, "not an http(s) address", 0
    started = time.monotonic()
    error_text = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310 - scheme checked above
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                status = response.status
            return status, "", int((time.monotonic() - started) * 1000)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, str(error.reason)[:200], int((time.monotonic() - started) * 1000)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            error_text = str(getattr(error, "reason", error))[:200]
            break
    return None, error_text or "no answer", int((time.monotonic() - started) * 1000)


class Command(BaseCommand):
    help = "Check every publication's external link concurrently and record status and response time."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=settings.KNOWLEDGE_BANK_LINK_CHECK_WORKERS)
        parser.add_argument("--timeout", type=float, default=settings.KNOWLEDGE_BANK_LINK_CHECK_TIMEOUT)

    def handle(self, *args, **options):
        links = list(Publication.objects.exclude(external_url="").values_list("pk", "external_url"))
        timeout = options["timeout"]
        with ThreadPoolExecutor(max_workers=max(1, options["workers"])) as pool:
            outcomes = list(pool.map(lambda link: check(link[1], timeout), links))
        now = timezone.now()
        broken = 0
        for (pk, url), (status, error, elapsed) in zip(links, outcomes, strict=True):
            Publication.objects.filter(pk=pk).update(
                link_status=status, link_error=error, link_checked_at=now, link_response_ms=elapsed
            )
            if status is None or status >= 400:
                broken += 1
                self.stdout.write(self.style.WARNING(f"{status or '---'} {url} {error}"))
        self.stdout.write(self.style.SUCCESS(f"Checked {len(links)} links; {broken} broken."))
