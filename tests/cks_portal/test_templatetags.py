import json

from cks_portal.core.templatetags.cks import jsonld


def test_jsonld_cannot_be_closed_by_a_value():
    html = jsonld({"name": "</script><script>alert(1)</script>"})

    assert html.count("</script>") == 1
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body)["name"] == "</script><script>alert(1)</script>"
