"""The Nu Html Checker (vnu.jar) finds no errors on any page in /sitemap.xml, in both languages,
nor on the residents' pages in their seven languages.

`make vnu` installs the checker into var/vnu; CI (CKS_REQUIRE_BROWSER=1) must have it, elsewhere
the test is skipped with a loud reason. All pages go to one Java process: starting the JVM once
per page would cost about a second each.
"""

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.cks_portal.test_resident_languages import RESIDENT_LANGUAGES, RESIDENT_PATHS
from tests.conftest import sitemap_pages

VNU_JAR = settings.BASE_DIR / "var/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def vnu():
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        message = f"HTML VALIDITY NOT CHECKED: needs java and {VNU_JAR} (run `make vnu`)"
        if os.environ.get("CKS_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(VNU_JAR)]


def sitemap_paths(client):
    return sorted(
        {
            urlsplit(loc.text).path
            for page in sitemap_pages(client)
            for loc in ET.fromstring(page).findall("sm:url/sm:loc", SITEMAP_NS)  # noqa: S314
        }
    )


def test_every_sitemap_page_is_valid_html(client, demo, vnu, tmp_path):
    paths = sitemap_paths(client)
    assert any(p.startswith("/en/") for p in paths)
    assert_valid(client, vnu, tmp_path, paths)


def test_the_residents_pages_are_valid_html_in_their_seven_languages(client, demo, vnu, tmp_path):
    """Right-to-left markup, <bdi> isolation and the language codes (ckb, kmr) included."""
    paths = [f"/{language}/{path}" for language in RESIDENT_LANGUAGES for path in RESIDENT_PATHS]
    assert_valid(client, vnu, tmp_path, paths)


def assert_valid(client, vnu, tmp_path, paths):
    files = {}
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(response.content)
        files[file.name] = path

    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *(str(tmp_path / name) for name in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').rpartition('/')[2], m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        f" [{m.get('extract', '').strip()[:80]}]"
        for m in messages
    ]
    assert not errors, f"{len(errors)} HTML errors on {len(paths)} pages:\n" + "\n".join(errors)
