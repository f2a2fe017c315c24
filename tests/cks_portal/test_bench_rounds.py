"""bench/run.py's account of a slow round: which workers gunicorn booted during it, read from
gunicorn's own log, and what else the machine did (the benchmark's evidence for issue 20's
"no stalls when workers are recycled")."""

import calendar
import time

from bench import run

LOG = """\
[2026-12-01 00:40:13 +0100] [13540] [INFO] Starting gunicorn 23.0.0
[2026-12-01 00:40:51 +0100] [13547] [INFO] Autorestarting worker after current request.
[2026-12-01 00:40:51 +0100] [13555] [INFO] Booting worker with pid: 13555
[2026-12-01 00:41:34 +0100] [13602] [INFO] Booting worker with pid: 13602
not a line of gunicorn's
"""


def moment(text):
    return calendar.timegm(time.strptime(text, "%Y-%m-%d %H:%M:%S"))


def test_worker_boots_are_read_from_the_log_in_utc(tmp_path):
    log = tmp_path / "gunicorn.log"
    log.write_text(LOG)

    assert run.worker_boots(log) == [moment("2026-11-30 23:40:51"), moment("2026-11-30 23:41:34")]
    assert run.worker_boots(tmp_path / "missing.log") == []


def test_a_round_over_the_limit_is_shown_with_the_boots_and_the_cpu_it_met(tmp_path, capsys):
    log = tmp_path / "gunicorn.log"
    log.write_text(LOG)
    booted_at = moment("2026-11-30 23:40:51")
    results = {
        "home": {
            "p99_rounds": [1.2, 37.1],
            "slow_rounds": [
                (1.2, 3.0, (booted_at - 60, booted_at - 58), {"iowait": 0.0, "steal": 0.0}),
                (37.1, 52.5, (booted_at - 1, booted_at + 1), {"iowait": 0.5, "steal": 12.0}),
            ],
        },
        "news list": {"p99_rounds": [1.0, 1.1], "slow_rounds": []},
    }

    run.print_rounds_p99(results, limit=5, log=log)

    out = capsys.readouterr().out
    assert "over the limit in some round: home" in out
    assert (
        "home, round 2: p99 37.10 ms, slowest 52.50 ms, 1 worker(s) booted, iowait 0.5 %, steal 12.0 %" in out
    )
    assert "round 1:" not in out
    assert "rounds within the limit (1): steal median 0.0 %, max 0.0 %; 0 of them met a worker boot" in out


def test_cpu_shares_are_the_kinds_of_time_between_two_readings():
    before = {"user": 100, "system": 50, "idle": 800, "iowait": 10, "steal": 40}
    after = {"user": 150, "system": 70, "idle": 900, "iowait": 20, "steal": 60}

    assert run.cpu_shares(before, after) == {"iowait": 5.0, "steal": 10.0}
