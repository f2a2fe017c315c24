"""Generated values for every query parameter of every public URL: an answer, never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Every public URL with the parameters its view reads (and one it does not).
URLS = {
    "/": ["q"],
    "/stod/": ["language", "audience"],
    "/stod/orostelefonen/": ["x"],
    "/nyheter/": ["q", "topic", "year", "page"],
    "/kalender/": ["page"],
    "/kalender/tidigare/": ["page"],
    "/kunskapsbank/": ["q", "topic", "type", "language", "decade", "sort", "page"],
    "/kunskapsbank/export/bibtex/": ["q", "topic", "type"],
    "/kunskapsbank/export/ris/": ["q", "decade", "sort"],
    "/sok/": ["q"],
    "/sok/forslag/": ["q"],
    "/en/sok/forslag/": ["q"],
    "/om-oss/": ["q"],
    "/en/kunskapsbank/": ["q", "sort", "page"],
    "/en/nyheter/": ["topic", "year", "page"],
    "/api/hsds/services/": [
        "page",
        "per_page",
        "modified_after",
        "search",
        "full",
        "minimal",
        "format",
        "organization_id",
        "taxonomy_id",
        "taxonomy_term_id",
    ],
    "/api/hsds/organizations/": ["page", "per_page", "search", "full", "full_service", "format"],
    "/api/hsds/service_at_locations/": ["page", "postcode", "proximity", "modified_after", "full"],
    "/api/hsds/taxonomy_terms/": ["page", "taxonomy_id", "parent_id", "top_only", "search", "format"],
    "/admin/login/": ["next"],
}

nasty_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999",
            "1e9",
            "NaN",
            "null",
            "[]",
            "%",
            "_",
            "\\",
            "'",
            '"',
            "--",
            "2026-13-45",
            "2026-02-30T25:61:00",
            "9999-12-31T23:59:59+14:00",
            "\x00",
            "\u202e",
            "😀" * 50,
            "a" * 5000,
            "<script>",
            "../../etc/passwd",
            "or",
            "-",
            '"""',
            "radikalisering",
        ]
    ),
)


@pytest.mark.parametrize("path", sorted(URLS))
def test_no_query_value_makes_a_public_page_fail(path, small_site):
    client = Client(raise_request_exception=False)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        params=st.dictionaries(
            st.sampled_from(URLS[path]), st.one_of(nasty_text, st.lists(nasty_text, max_size=3))
        )
    )
    def check(params):
        response = client.get(path, params)
        assert response.status_code < 500, (path, params)

    check()
