"""Where a page's time goes: `.venv/bin/python bench/profile_pages.py` (see docs/benchmarks.md).

Serves each page of bench/run.py's list in this process, through the whole middleware stack
with the production settings and no page cache, against the database DATABASE_URL names (load
it as bench/run.py does). For each page it prints the wall time per request without the
profiler, then profiles the same requests with cProfile and splits the time spent inside
functions (their own time, not their callees') by layer:

- sql: the database driver and Django's backend (psycopg, django/db/backends): the time the
  database takes is in here too, since the process waits in the driver;
- orm: building queries and model instances (django/db/models);
- template: Django's template engine and the project's template tags;
- middleware: every middleware class's own code;
- project: the project's own code (views, selectors, search, forms);
- django/python: the rest of Django and the standard library.

The profiler slows the code it watches, Python-heavy layers more than waiting in the driver, so
compare the shares between pages and between commits, not with the wall time. The number of
function calls per request does not depend on the machine's load: it is the figure to compare
between two commits measured on a busy machine.

Options: `--requests N` (default 50), `--page NAME` (repeatable; default every page but the
ceiling), `--top N` to list the N functions with the most own time for each page, `--dump DIR`
to save each page's profile (pstats; `python -m pstats`, snakeviz or gprof2dot read it).
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LAYERS = (
    ("sql", ("/psycopg/", "/psycopg_pool/", "/django/db/backends/")),
    ("orm", ("/django/db/",)),
    ("template", ("/django/template/", "/django/templatetags/", "/templatetags/")),
    (
        "middleware",
        (
            "/django/middleware/",
            "/middleware.py",
            "/csp/",
            "/whitenoise/",
            "/axes/",
            "/django_otp/",
            "/django_permissions_policy/",
            "/simple_history/middleware",
            "/core/page_cache.py",
        ),
    ),
    ("project", tuple(f"{ROOT}/{name}/" for name in ("cks_portal", "knowledge_bank", "news", "support"))),
)


def layer_of(filename):
    for name, markers in LAYERS:
        if any(marker in filename for marker in markers):
            return name
    return "django/python"


def setup():
    os.environ.pop("DJANGO_DEBUG", None)
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "k" * 50)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1"
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cks_portal.settings"
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--page", action="append", default=[])
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--dump", type=Path, help="a folder to save each page's profile in (pstats files)")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to the benchmark's PostgreSQL database (see bench/run.py).")
    setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest the pages need

    from bench.run import TARGETS

    targets = [(name, path) for name, path in TARGETS if name != "ceiling"]
    if args.page:
        unknown = set(args.page) - {name for name, _path in targets}
        if unknown:
            raise SystemExit(f"Unknown page(s): {', '.join(sorted(unknown))}")
        targets = [(name, path) for name, path in targets if name in args.page]
    client = Client(HTTP_HOST="127.0.0.1")

    def serve(path):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")

    names = [name for name, _markers in LAYERS] + ["django/python"]
    print(f"{args.requests} requests a page, load average {os.getloadavg()[0]:.1f} before")
    print("\nOwn time per request under cProfile, ms, by layer; wall ms is without the profiler")
    header = "| page | wall ms | calls | profiled ms | " + " | ".join(names) + " |"
    print(header)
    print("|---|" + "---:|" * (len(names) + 3))
    tops = []
    for name, path in targets:
        for _ in range(5):  # warm up: imports, template cache, connections
            serve(path)
        started = time.perf_counter()
        for _ in range(args.requests):
            serve(path)
        wall = (time.perf_counter() - started) * 1000 / args.requests
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            serve(path)
        profiler.disable()
        stats = pstats.Stats(profiler)
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            stats.dump_stats(args.dump / f"{name.replace(' ', '-').replace('/', '')}.prof")
        by_layer = dict.fromkeys(names, 0.0)
        for (filename, _line, _function), (_cc, _nc, own, _cum, _callers) in stats.stats.items():
            by_layer[layer_of(filename)] += own
        total = sum(by_layer.values()) * 1000 / args.requests
        calls = stats.total_calls / args.requests
        cells = " | ".join(f"{by_layer[layer] * 1000 / args.requests:.2f}" for layer in names)
        print(f"| {name} | {wall:.2f} | {calls:,.0f} | {total:.2f} | {cells} |", flush=True)
        if args.top:
            rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[: args.top]
            tops.append((name, rows))
    for name, rows in tops:
        print(f"\n{name}: functions with the most own time (ms per request, calls per request)")
        for (filename, line, function), (_cc, calls, own, _cum, _callers) in rows:
            where = filename.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
            print(
                f"  {own * 1000 / args.requests:7.3f}  {calls / args.requests:7.1f}  {function} ({where}:{line})"
            )


if __name__ == "__main__":
    main()
