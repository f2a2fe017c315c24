import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import Resolver404, resolve

ROOT = Path(__file__).resolve().parents[2]


def test_the_production_urlconf_has_no_benchmark_ceiling_whatever_the_environment():
    env = {**os.environ, "DJANGO_DEBUG": "1", "CKS_BENCH_CEILING": "1"}
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'cks_portal.settings'; django.setup();"
        " from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/bench/ceiling/', urlconf='cks_portal.urls'); print('routed')\n"
        "except Resolver404:\n    print('absent')"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)

    assert result.stdout.strip() == "absent", result.stderr


def test_the_benchmark_settings_serve_the_ceiling_beside_every_production_page(client, settings):
    settings.ROOT_URLCONF = "bench.urls"

    response = client.get("/bench/ceiling/")

    assert response.status_code == 200
    assert len(response.content) > 10_000
    assert resolve("/sok/", urlconf="bench.urls").url_name == "search"
    with pytest.raises(Resolver404):
        resolve("/bench/ceiling/", urlconf="cks_portal.urls")


def test_bench_settings_are_the_production_settings_with_the_bench_urlconf():
    env = {**os.environ, "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "bench.settings"}
    code = "from django.conf import settings; print(settings.ROOT_URLCONF, settings.SITE_NAME)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)

    assert result.stdout.split()[0] == "bench.urls", result.stderr
