import re

import pytest


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (
            "/tillganglighet/",
            [
                "axe-core",
                "Nu Html Checker",
                "tangentbordet",
                "tvingade färger",
                "200 procent",
                "360 pixlar",
                "DOS-lagen",
                "Digg",
            ],
        ),
        (
            "/en/tillganglighet/",
            [
                "axe-core",
                "Nu Html Checker",
                "keyboard alone",
                "forced colours",
                "200 percent",
                "360 pixel",
                "DOS-lagen",
                "Digg",
            ],
        ),
    ],
)
def test_the_accessibility_statement_says_how_and_when_the_site_was_tested(client, demo, path, words):
    text = client.get(path).content.decode()

    for word in words:
        assert word in text, f"{path} does not mention {word!r}"
    assert re.search(r"(bedömningen gjordes den|assessment was made on) \d{1,2} \w+ 20\d\d", text)
