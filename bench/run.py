# ruff: noqa: S603 - a developer tool that runs our own commands and wrk with fixed arguments
"""The benchmark: `.venv/bin/python bench/run.py` (see docs/benchmarks.md).

1. Prepares the database named by DATABASE_URL (PostgreSQL): migrate, the demo content,
   BENCH_SCALE publications of scale data (skipped when already loaded), collectstatic.
2. Starts gunicorn three times with the production settings and 2 workers: with Redis and
   without the page cache (port 8109), with Redis and the page cache (port 8119), and with
   no Redis at all (port 8129: no page cache, no memos), as bench/settings.py: the production
   settings, whose URLconf (bench/urls.py) adds the ceiling, a bare Django view with 10 KB of
   HTML at /bench/ceiling/, behind the same middleware.
3. Warms up, then measures every target of every server with wrk, alternating targets and
   servers, BENCH_ROUNDS times: requests/s with BENCH_CONNECTIONS connections, and p50/p99
   over one connection. Prints medians, and each page's requests/s as a ratio of the
   ceiling's. With `--bakerydemo URL` (Wagtail's demo, served by bench/bakerydemo.sh) its
   analogous pages are measured in the same rounds, and each of our pages shows its ratio.
4. Times the knowledge-bank search in-process (server time, facets included) over a set of
   realistic queries: p50/p95/p99, first page against a deep page.
5. Loads the home page in Chromium and counts its requests and compressed bytes.
6. Measures the judged set beside the search's speed (bench/relevance.py: nDCG@10, recall@20,
   zero-result rate) on a scratch database of the same server, `<name>_relevance`, created,
   migrated and dropped again (the judged corpus is small on purpose, and would be lost among
   the scale data). `--skip-relevance` leaves it out.

`--search-only` runs steps 4 and 6 alone (e.g. on a database loaded with a smaller N).
"""

import argparse
import calendar
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")

TARGETS = [
    ("ceiling", "/bench/ceiling/"),
    ("home", "/"),
    ("news list", "/nyheter/"),
    ("news detail", "/nyheter/scale-5/"),
    ("calendar", "/kalender/"),
    ("past events", "/kalender/tidigare/"),
    ("support list", "/stod/"),
    ("support detail", "/stod/orostelefonen/"),
    ("support detail ar", "/ar/stod/orostelefonen/"),
    ("kb list", "/kunskapsbank/"),
    ("kb search", "/kunskapsbank/?q=f%C3%B6rebyggande+arbete"),
    ("kb search+facets", "/kunskapsbank/?q=extremism&type=report&language=sv&topic=scale-gang"),
    ("kb deep page", "/kunskapsbank/?q=f%C3%B6rebyggande&page=40"),
    ("site search /sok/", "/sok/?q=radikalisering"),
]

# Wagtail's bakerydemo pages that do what ours do (bench/bakerydemo.sh): its home page, its blog
# index and one blog post, its search.
BAKERYDEMO_TARGETS = {
    "home": "/",
    "news list": "/blog/",
    "news detail": "/blog/icelandic-baking/",
    "kb search": "/search/?q=bread",
}

# The servers of a run: (label, port, page cache, Redis).
SERVERS = [
    ("uncached", 8109, False, True),
    ("cached", 8119, True, True),
    ("no Redis", 8129, False, False),
]

# What residents and professionals type: broad and narrow, one word and several, phrases,
# exclusions, words that match nothing.
QUERIES = [
    "förebyggande",
    "förebyggande arbete",
    "extremism",
    "våldsbejakande extremism",
    "radikalisering skola",
    "gäng",
    "kriminalitet unga",
    "hedersrelaterat våld",
    '"våld i nära relationer"',
    "narkotika -alkohol",
    "trygghet bostadsområde",
    "socialtjänst polis samverkan",
    "sociala medier rekrytering",
    "föräldrar stöd",
    "desinformation",
    "polarisering demokrati",
    "kvartera",
    "modellc enkätf",
    "pilotj",
    "avhopp",
    "lärare elever",
    "utvärdering metod",
    "kartläggning lägesbild",
    "brottsoffer",
    "missbruk behandling",
    "idrott civilsamhälle",
    "trossamfund",
    "risk skydd faktorer",
    "orosanmälan",
    "nonexistentword",
]


def run(*args, env=None, quiet=False):
    print("$", " ".join(args), flush=True)
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL if quiet else None)


def output(*args, env):
    """What one of our commands prints, run from the project's root."""
    return subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout


def production_env(page_cache, redis=True):
    env = dict(os.environ)
    env.pop("DJANGO_DEBUG", None)
    if not redis:
        env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY", "bench-only-" + "k" * 50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="bench.settings",
        PAGE_CACHE_SECONDS="300" if page_cache else "0",
        GUNICORN_WORKERS="2",
        LOG_LEVEL=env.get("LOG_LEVEL", "WARNING"),
    )
    return env


def prepare(scale):
    env = production_env(page_cache=False)
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v0", env=env)
    count = "from knowledge_bank.models import Publication as P; print(P.objects.filter(slug__startswith='scale-').count())"
    loaded = output(PYTHON, "manage.py", "shell", "-c", count, env=env).strip().splitlines()[-1]
    if loaded != str(scale):
        run(PYTHON, "manage.py", "load_demo", env=env, quiet=True)
        run(PYTHON, "manage.py", "load_scale_data", str(scale), env=env)
    run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0", env=env)


def start_server(port, page_cache, redis=True):
    env = production_env(page_cache, redis)
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    log = open(ROOT / "var" / f"bench-gunicorn-{port}.log", "w")  # noqa: SIM115 - lives with the server
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "cks_portal/gunicorn.conf.py", "cks_portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn on port {port} did not start; see var/bench-gunicorn-{port}.log")


def wrk(url, connections, seconds, latency=False, drain=True):
    args = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", url]
    if latency:
        args.insert(1, "--latency")
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    result = {"rps": rps, "errors": errors}
    if drain:
        wait_until_idle(url)
    else:
        time.sleep(0.5)  # a site without our /healthz: its 404 page is no measure of idleness
    if latency:
        scale = {"us": 0.001, "ms": 1, "s": 1000}
        for label in ("50", "99"):
            value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out).groups()
            result[f"p{label}"] = float(value) * scale[unit]
        # "Latency   avg   stdev   max   +/- stdev": the slowest request of the run.
        value, unit = re.search(r"Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)", out).groups()
        result["max"] = float(value) * scale[unit]
    return result


def cpu_times():
    """The machine's CPU time so far, by kind (/proc/stat, in clock ticks), or {} off Linux."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return {}
    names = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")
    return dict(zip(names, map(int, fields), strict=False))


def cpu_shares(before, after):
    """The shares of the CPU time between two cpu_times() that went to waiting on the disk
    (iowait) and to other guests of the host (steal), in %."""
    spent = {name: after[name] - before[name] for name in after if name in before}
    total = sum(spent.values()) or 1
    return {name: 100 * spent.get(name, 0) / total for name in ("iowait", "steal")}


def wait_until_idle(url, limit=60):
    """Wait until the workers have drained what the last run left queued: a slow page must
    not make the next target's numbers (the sync workers finish every accepted request)."""
    health = url.split("/", 3)
    health = f"{health[0]}//{health[2]}/healthz"
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        started = time.perf_counter()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(health, timeout=limit).read()  # noqa: S310 - our own http://127.0.0.1 URL
        if time.perf_counter() - started < 0.02:
            return
        time.sleep(0.05)


def measure(sites, rounds, seconds, connections):
    """`sites` is {label: (base URL, [(name, path), ...])}; every round measures every target
    of every site, so a drift of the machine's speed touches them all alike."""
    drains = {label: label != "bakerydemo" for label in sites}
    for label, (base, targets) in sites.items():  # warm up: caches, connections, the workers' imports
        for _name, path in targets:
            wrk(base + path, 2, 1, drain=drains[label])
    samples = {label: {name: [] for name, _path in targets} for label, (_base, targets) in sites.items()}
    for _round in range(rounds):
        for name in dict.fromkeys(name for _base, targets in sites.values() for name, _path in targets):
            for label, (base, targets) in sites.items():
                path = dict(targets).get(name)
                if path is None:
                    continue
                load = wrk(base + path, connections, seconds, drain=drains[label])
                started, cpu_before = time.time(), cpu_times()
                single = wrk(base + path, 1, max(2, seconds // 2), latency=True, drain=drains[label])
                # When it ran and what else the machine did meanwhile: a round over the limit is
                # then matched with the worker restarts in gunicorn's log (print_rounds_p99).
                window = {"window": (started, time.time()), "cpu": cpu_shares(cpu_before, cpu_times())}
                samples[label][name].append(
                    {**single, **window, "rps": load["rps"], "errors": load["errors"]}
                )
    return {
        label: {
            name: {
                **{key: statistics.median(s[key] for s in runs) for key in ("rps", "p50", "p99", "errors")},
                "p99_rounds": [s["p99"] for s in runs],
                "slow_rounds": [(s["p99"], s["max"], s["window"], s["cpu"]) for s in runs],
                "rps_rounds": [s["rps"] for s in runs],
            }
            for name, runs in pages.items()
        }
        for label, pages in samples.items()
    }


def print_rounds_rps(results):
    """Each round's requests/s: a page that slows from round to round shows here, where the
    median hides it."""
    print("\nRequests/s in each round:")
    for name, r in results.items():
        print(f"  {name:<20} " + " ".join(f"{value:7.0f}" for value in r["rps_rounds"]))


def worker_boots(log):
    """The moments (Unix time, to the second) at which gunicorn booted a worker, from its log."""
    moments = []
    with contextlib.suppress(OSError):
        for line in Path(log).read_text(errors="replace").splitlines():
            found = re.match(
                r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ([+-]\d{4})\] \[\d+\] \[INFO\] Booting worker", line
            )
            if found:
                moment = time.strptime(" ".join(found.groups()), "%Y-%m-%d %H:%M:%S %z")
                moments.append(calendar.timegm(moment) - moment.tm_gmtoff)
    return moments


def print_rounds_p99(results, limit, log=None):
    """Each round's single-connection p99 of every page, and the pages over `limit` ms in any
    round: a median hides the round in which a worker restarted and stalled. For each round
    over the limit, what else happened in it: the slowest request, the workers gunicorn booted
    (from its `log`) and the share of CPU time the machine spent waiting on its disk or lost to
    other guests of its host."""
    print(f"\nSingle-connection p99 in each round, ms (limit {limit} ms):")
    boots = worker_boots(log) if log else []
    over, slow, within = [], [], []
    for name, r in results.items():
        rounds = r["p99_rounds"]
        print(f"  {name:<20} " + " ".join(f"{value:6.2f}" for value in rounds))
        if max(rounds) > limit:
            over.append(name)
        for number, (p99, slowest, (start, end), cpu) in enumerate(r["slow_rounds"], 1):
            booted = sum(start - 1 <= moment <= end + 1 for moment in boots)
            if p99 > limit:
                slow.append(
                    f"  {name}, round {number}: p99 {p99:.2f} ms, slowest {slowest:.2f} ms, "
                    f"{booted} worker(s) booted, iowait {cpu.get('iowait', 0):.1f} %, "
                    f"steal {cpu.get('steal', 0):.1f} %"
                )
            else:
                within.append((cpu.get("steal", 0), booted))
    print(
        "  every round within the limit" if not over else f"  over the limit in some round: {', '.join(over)}"
    )
    for line in slow:
        print(line)
    if over and within:
        # The same measures for the rounds within the limit, to compare with those over it.
        steal = sorted(value for value, _booted in within)
        print(
            f"  rounds within the limit ({len(within)}): steal median {statistics.median(steal):.1f} %, "
            f"max {steal[-1]:.1f} %; {sum(booted > 0 for _steal, booted in within)} of them met a worker boot"
        )


def print_database_memory():
    """PostgreSQL's shared_buffers beside the database's size: what does not fit is read through
    the operating system's file cache, which a host that reclaims idle memory empties (the
    knowledge-bank pages then slow from round to round; docs/benchmarks.md, fourth session)."""
    env = production_env(page_cache=False)
    out = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from django.db import connection\n"
            "with connection.cursor() as c:\n"
            "    c.execute(\"SELECT current_setting('shared_buffers'), "
            'pg_size_pretty(pg_database_size(current_database()))")\n'
            "    print(*c.fetchone())",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    print(f"PostgreSQL shared_buffers {out[-3]}; the database {out[-2]} {out[-1]}", flush=True)


def print_table(title, results, demo=None, demo_label="bakerydemo"):
    ceiling = results.get("ceiling", {}).get("rps") or float("nan")
    demo = demo or {}
    print(f"\n{title}")
    extra = f" {'× ' + demo_label:>13} |" if demo else ""
    print(f"| {'page':<20} | {'req/s':>8} | {'of ceiling':>10} | {'p50 ms':>7} | {'p99 ms':>7} |{extra}")
    print(f"|{'-' * 22}|{'-' * 10}|{'-' * 12}|{'-' * 9}|{'-' * 9}|" + (f"{'-' * 15}|" if demo else ""))
    for name, r in results.items():
        flag = f" ({int(r['errors'])} errors)" if r["errors"] else ""
        ratio = ""
        if demo:
            ratio = f" {r['rps'] / demo[name]['rps']:>12.2f}× |" if name in demo else f" {'':>13} |"
        print(
            f"| {name:<20} | {r['rps']:>8.0f} | {r['rps'] / ceiling:>9.1%} | "
            f"{r['p50']:>7.2f} | {r['p99']:>7.2f} |{ratio}{flag}"
        )
    if demo and demo_label == "bakerydemo":
        print(f"\nbakerydemo's pages in the same rounds ({len(demo)} analogues):")
        for name, r in demo.items():
            print(
                f"  {name:<12} {BAKERYDEMO_TARGETS[name]:<26} {r['rps']:>7.0f} req/s  p50 {r['p50']:.2f} ms"
            )


SEARCH_TIMING = r"""
import gc, io, json, statistics, sys, time
from urllib.parse import urlencode
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from knowledge_bank.models import Publication

queries, repeat = json.loads(sys.argv[1]), int(sys.argv[2])
# The request as gunicorn hands it over, through every middleware (the page cache is off):
# calling the view alone skipped the middleware's work and, without the generation the page
# cache middleware reads once per request, made each kept fragment ask Redis for it again.
handler = WSGIHandler()

def timed(params):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/kunskapsbank/", "QUERY_STRING": urlencode(params),
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
    }
    status = []
    started = time.perf_counter()
    response = handler(environ, lambda line, headers, exc_info=None: status.append(line))
    b"".join(response)
    response.close()
    elapsed = (time.perf_counter() - started) * 1000
    assert status[0].startswith("200"), status
    return elapsed

cases = [{"q": q} for q in queries]
cases += [{"q": q, "type": "report", "language": "sv"} for q in queries[:10]]
cases += [{}, {"type": "report"}, {"sort": "title"}]
for case in cases:  # warm-up
    timed(case)
gc.freeze()  # as gunicorn.conf.py does before forking a worker
by_case = [[] for _ in cases]
for _ in range(repeat):  # round by round, as before: each query's repeats are apart
    for case, case_times in zip(cases, by_case):
        case_times.append(timed(case))
times = sorted(t for case_times in by_case for t in case_times)
slowest = sorted(((statistics.median(t), case) for case, t in zip(cases, by_case)), key=lambda item: -item[0])[:5]
first = [timed({"q": "förebyggande"}) for _ in range(15)]
deep = [timed({"q": "förebyggande", "page": "45"}) for _ in range(15)]
def pct(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
print(json.dumps({
    "publications": Publication.objects.published().count(),
    "requests": len(times),
    "p50": pct(times, 50), "p95": pct(times, 95), "p99": pct(times, 99), "max": times[-1],
    "first_page_p50": statistics.median(first), "deep_page_p50": statistics.median(deep),
    "slowest": slowest,
}))
"""


def search_timing(repeat=3):
    env = production_env(page_cache=False)
    env["DJANGO_SETTINGS_MODULE"] = "cks_portal.settings"
    out = output(PYTHON, "-c", SEARCH_TIMING, json.dumps(QUERIES), str(repeat), env=env)
    result = json.loads(out.strip().splitlines()[-1])
    print(
        f"\nKnowledge-bank search, server time in-process ({result['publications']} published, "
        f"{result['requests']} requests over {len(QUERIES)} queries, with and without filters):\n"
        f"  p50 {result['p50']:.1f} ms · p95 {result['p95']:.1f} ms · p99 {result['p99']:.1f} ms · "
        f"max {result['max']:.1f} ms\n"
        f"  first page p50 {result['first_page_p50']:.1f} ms · page 45 p50 {result['deep_page_p50']:.1f} ms\n"
        "  slowest (median of each query's requests): "
        + "; ".join(f"{params} {ms:.1f} ms" for ms, params in result["slowest"])
    )
    return result


def judged_set():
    """bench/relevance.py's measurement on a scratch database beside DATABASE_URL's."""
    import psycopg
    from psycopg import sql

    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    name = f"{url.path.lstrip('/') or 'postgres'}_relevance"
    server = url._replace(path="/postgres").geturl()
    scratch = url._replace(path=f"/{name}").geturl()

    def admin(statement):
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(name)))

    env = production_env(page_cache=False)
    env.update(DATABASE_URL=scratch, DJANGO_SETTINGS_MODULE="cks_portal.settings")
    env.pop("REDIS_URL", None)  # the scratch database's content must not meet the benchmark's memos
    admin("DROP DATABASE IF EXISTS {}")
    admin("CREATE DATABASE {}")
    try:
        run(PYTHON, "manage.py", "migrate", "--noinput", "-v0", env=env)
        out = output(PYTHON, "bench/relevance.py", "--json", env=env)
    finally:
        admin("DROP DATABASE IF EXISTS {}")
    result = json.loads(out[out.index("\n{") + 1 :])
    queries = sum(kind["count"] for kind in result["by_kind"].values())
    print(
        f"\nThe judged set (bench/relevance.py, {queries} queries, on a scratch database):\n"
        f"  nDCG@10 {result['ndcg10']:.3f} · recall@20 {result['recall20']:.3f} · "
        f"zero-result rate {result['zero_rate']:.3f}"
    )
    return result


def page_weight(port):
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("BENCH_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        page = browser.new_page()
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(f"http://127.0.0.1:{port}/", wait_until="networkidle")
        sizes = [(request.url, request.sizes()) for request in responses]
        browser.close()
    total = sum(size["responseBodySize"] for _url, size in sizes)
    headers = sum(size["responseHeadersSize"] for _url, size in sizes)
    print(
        f"\nHome page in Chromium: {len(sizes)} requests, {total / 1024:.1f} KB of compressed "
        f"bodies (+{headers / 1024:.1f} KB of headers)"
    )
    for url, size in sizes:
        print(f"  {size['responseBodySize']:>7} B  {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", 100_000)))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 3)))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", 8)))
    parser.add_argument("--search-only", action="store_true")
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--skip-no-redis", action="store_true", help="leave out the server without Redis")
    parser.add_argument("--skip-relevance", action="store_true", help="leave out the judged set (step 6)")
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        help="measure only this target (repeatable; the ceiling always)",
    )
    parser.add_argument(
        "--compare",
        metavar="URL",
        help="another build of this site (an older commit under gunicorn with bench.settings and no page "
        "cache, on its own database) measured on the same targets in the same rounds",
    )
    parser.add_argument(
        "--bakerydemo",
        metavar="URL",
        default=os.environ.get("BENCH_BAKERYDEMO", ""),
        help="Wagtail's bakerydemo, served by bench/bakerydemo.sh (http://127.0.0.1:8100)",
    )
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1/cks")
    if not args.search_only and not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (Debian/Ubuntu) or brew install wrk")
    (ROOT / "var").mkdir(exist_ok=True)
    if not args.skip_prepare:
        prepare(args.scale)
    if args.search_only:
        search_timing()
        if not args.skip_relevance:
            judged_set()
        return

    print(f"\n{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} before the run", flush=True)
    print_database_memory()
    servers = [
        (label, port, cached, redis)
        for label, port, cached, redis in SERVERS
        if redis or not args.skip_no_redis
    ]
    targets = TARGETS
    if args.page:
        unknown = set(args.page) - {name for name, _path in TARGETS}
        if unknown:
            raise SystemExit(f"Unknown page(s): {', '.join(sorted(unknown))}")
        targets = [(name, path) for name, path in TARGETS if name == "ceiling" or name in args.page]
    processes = []
    try:
        sites = {}
        for label, port, cached, redis in servers:
            processes.append(start_server(port, page_cache=cached, redis=redis))
            sites[label] = (f"http://127.0.0.1:{port}", targets)
        if args.compare:
            urllib.request.urlopen(args.compare.rstrip("/") + "/healthz", timeout=10)  # noqa: S310 - a URL the developer gave
            # An older build may not have the benchmark's URLconf, and with it the ceiling.
            sites["compare"] = (args.compare.rstrip("/"), [t for t in targets if t[0] != "ceiling"])
        if args.bakerydemo:
            urllib.request.urlopen(args.bakerydemo.rstrip("/") + "/", timeout=10)  # noqa: S310 - a URL the developer gave
            analogues = [(name, path) for name, path in BAKERYDEMO_TARGETS.items() if name in dict(targets)]
            sites["bakerydemo"] = (args.bakerydemo.rstrip("/"), analogues)
        results = measure(sites, args.rounds, args.seconds, args.connections)
        demo = results.get("bakerydemo")
        print_table(f"Without the page cache (median of {args.rounds} rounds)", results["uncached"], demo)
        print_rounds_rps(results["uncached"])
        print_table(
            f"Anonymous readers with the page cache (median of {args.rounds} rounds)", results["cached"]
        )
        print_rounds_p99(results["cached"], limit=5, log=ROOT / "var" / "bench-gunicorn-8119.log")
        if "no Redis" in results:
            print_table(
                f"No Redis at all: no page cache, no memos (median of {args.rounds} rounds)",
                results["no Redis"],
                demo,
            )
        if "compare" in results:
            print_table(
                f"The other build, {args.compare} (median of {args.rounds} rounds)", results["compare"]
            )
            print_table(
                f"Without the page cache beside the other build (median of {args.rounds} rounds)",
                results["uncached"],
                results["compare"],
                demo_label="other",
            )
        page_weight(8119)
    finally:
        for process in processes:
            process.terminate()
            process.wait()
    search_timing()
    print(f"\nload average {os.getloadavg()[0]:.1f} after the run")
    if not args.skip_relevance:
        judged_set()


if __name__ == "__main__":
    sys.exit(main())
