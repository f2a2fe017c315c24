"""Every URL in /sitemap.xml, Swedish and English, through axe-core in one browser page."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import AXE_TAGS

pytestmark = pytest.mark.browser

# Only violations are needed: axe then skips building the node details of everything that passed.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(page, site_url):
    paths = set()
    index = page.request.get(site_url + "/sitemap.xml")
    assert index.ok
    # The index lists the section sitemaps; our own XML, from the live server.
    for section in ET.fromstring(index.body()).findall("sm:sitemap/sm:loc", SITEMAP_NS):  # noqa: S314
        response = page.request.get(section.text)
        assert response.ok
        root = ET.fromstring(response.body())  # noqa: S314
        paths |= {urlsplit(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    return sorted(paths)


def test_every_sitemap_page_in_both_languages_has_no_axe_violations(page, site_url, axe):
    paths = sitemap_paths(page, site_url)
    assert any(p.startswith("/en/") for p in paths) and any(not p.startswith("/en/") for p in paths)

    failures = []
    for path in paths:
        response = page.goto(site_url + path)
        assert response.status == 200, f"{path} answered {response.status}"
        results = axe.run(page, options=AXE_OPTIONS)
        failures += [
            f"{path}: {v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
        ]

    assert not failures, f"{len(failures)} axe violations on {len(paths)} pages:\n" + "\n".join(failures)
