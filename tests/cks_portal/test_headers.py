import re
from datetime import datetime

import pytest


@pytest.mark.parametrize("path", ["/", "/en/om-oss/", "/admin/login/", "/finns-inte/"])
def test_every_response_carries_the_security_headers(client, about_page, path):
    response = client.get(path)

    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_is_sent_over_https_when_debug_is_off(client, db):
    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


def test_security_txt_says_where_to_report_and_has_not_expired(client):
    response = client.get("/.well-known/security.txt")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Contact: mailto:" in body
    expires = re.search(r"Expires: (\S+)", body).group(1)
    assert datetime.fromisoformat(expires.replace("Z", "+00:00")).year >= 2026


def test_uploaded_images_are_served_inline_and_everything_else_as_a_download(client, settings, tmp_path, db):
    from tests.factories import make_event

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "news" / "sida.html").write_text("<script>alert(1)</script>")
    # Only files of published content are served (cks_portal.core.media); these two belong to events.
    make_event("bild", programme="news/bild.png")
    make_event("sida", programme="news/sida.html")

    image = client.get("/media/news/bild.png")
    html = client.get("/media/news/sida.html")

    assert image.status_code == html.status_code == 200
    assert not image.get("Content-Disposition", "").startswith("attachment")
    assert html["Content-Disposition"] == "attachment"
    for response in (image, html):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "max-age=31536000" in response["Cache-Control"]
        assert "default-src 'self'" in response["Content-Security-Policy"]


def test_media_paths_cannot_climb_out_of_the_media_folder(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "secret.txt").write_text("no")

    assert client.get("/media/../secret.txt").status_code in (400, 404)
    assert client.get("/media/%2e%2e/secret.txt").status_code in (400, 404)
