"""The admin index names the libraries' apps in Swedish (it showed OTP_TOTP, OTP_STATIC, AXES)."""


def test_the_admin_index_shows_no_code_names_of_libraries(staff_client):
    html = staff_client(None).get("/admin/").content.decode()

    for code in ("OTP_TOTP", "OTP_STATIC", "AXES", "Static devices", "TOTP devices"):
        assert code not in html, code
    assert "Inloggning med två faktorer" in html
    assert "Autentiseringsappar" in html
    assert "Inloggningsspärrar" in html
