def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say it at the end, in red, when the production end-to-end suite did not run: a skip in
    the middle of hundreds of dots is easy to miss, and this suite is the one that tries the
    documented nginx, Redis outages and the lockout behind the proxy."""
    reasons = {
        str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        for report in terminalreporter.stats.get("skipped", [])
        if "PRODUCTION END-TO-END" in str(report.longrepr)
    }
    for reason in sorted(reasons):
        terminalreporter.write_line(reason.removeprefix("Skipped: "), red=True, bold=True)
