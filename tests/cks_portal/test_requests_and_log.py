"""Smaller findings of issue 14, defect 10 (infra parts): personal links stay out of the request
log, OPTIONS and TRACE do not answer with the page, and the development log says what happened."""

import logging
import os
import subprocess
import sys

import pytest

URLS = ["/", "/stod/", "/nyheter/", "/kunskapsbank/", "/sitemap.xml", "/admin/login/", "/en/kalender/"]


@pytest.mark.parametrize("url", URLS)
def test_trace_is_refused_everywhere(client, db, url):
    response = client.generic("TRACE", url)

    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert b"<html" not in response.content.lower()


@pytest.mark.parametrize("url", URLS)
def test_options_says_which_methods_and_sends_no_page(client, db, url):
    response = client.options(url)

    assert response.status_code == 200
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert response.content == b""


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "PROPFIND"])
def test_other_methods_are_refused_too(client, db, method):
    response = client.generic(method, "/nyheter/")

    assert response.status_code == 405
    assert b"<html" not in response.content.lower()


def test_the_security_headers_come_with_a_refusal(client, db):
    response = client.generic("TRACE", "/")

    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_personal_registration_link_is_not_in_the_request_log(client, caplog):
    token = "AbC123-secret_token.Value"
    with caplog.at_level(logging.INFO, logger="cks_portal.requests"):
        client.get(f"/kalender/nagot-seminarium/anmalan/{token}/")
        client.get(f"/kalender/nagot-seminarium/anmalan/{token}/avboka/")

    lines = [r for r in caplog.records if r.name == "cks_portal.requests"]
    assert len(lines) == 2
    for record in lines:
        assert token not in record.getMessage()
        assert token not in str(record.__dict__)
    assert lines[0].path == "/kalender/nagot-seminarium/anmalan/[token]/"


def test_the_development_log_line_shows_method_path_status_and_duration():
    code = (
        "import logging, logging.config, cks_portal.settings as s; logging.config.dictConfig(s.LOGGING);"
        "logging.getLogger('cks_portal.requests').info('request', extra="
        "{'method': 'GET', 'path': '/stod/', 'route': 'stod/', 'status': 200, 'duration_ms': 3.2})"
    )
    env = {"DJANGO_DEBUG": "1", "LOG_FORMAT": "text", "PATH": os.environ["PATH"]}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)

    line = result.stderr.strip().splitlines()[-1]
    assert "GET /stod/ 200 3.2 ms" in line
