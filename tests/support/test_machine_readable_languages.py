"""The languages a line and each of its phones answer in, for machines: HSDS 3.0 `languages`
on the service and on each phone, schema.org `availableLanguage` on each contact point, both
named from CLDR (issue 16, point 7)."""

import json
import re

from support.models import Language
from tests.factories import make_contact, make_language
from tests.support.test_hsds_api import assert_valid, load


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def line_with_an_arabic_phone():
    contact = make_contact(
        slug="linjen", phones=["020-100 200", "033-35 70 00"], languages=["sv", "ar", "ku"]
    )
    arabic = contact.phones.get(order=1)
    arabic.languages.set([make_language("ar")])
    return contact, arabic


def test_hsds_has_the_languages_of_the_service_and_of_each_phone(client, db):
    contact, arabic = line_with_an_arabic_phone()

    data = client.get(f"/api/hsds/services/{contact.uuid}/").json()

    assert_valid(data, load("compiled/service_with_definitions.json"))
    for language in data["languages"]:
        assert_valid(language, load("language.json"))
        assert language["service_id"] == data["id"]
    assert {row["code"]: row["name"] for row in data["languages"]} == {
        "sv": "Swedish",
        "ar": "Arabic",
        "ku": "Kurdish",
    }
    phones = {phone["number"]: phone for phone in data["phones"]}
    assert phones["+4620100200"]["languages"] == []
    (row,) = phones["+4633357000"]["languages"]
    assert (row["code"], row["name"], row["phone_id"]) == ("ar", "Arabic", str(arabic.uuid))
    assert_valid(row, load("language.json"))


def test_a_language_cldr_does_not_know_keeps_its_admin_name(client, db):
    contact = make_contact(slug="linjen", phones=["020-100 200"])
    contact.languages.set([Language.objects.create(code="zzz", name="Påhittat", name_en="Made up")])

    data = client.get(f"/api/hsds/services/{contact.uuid}/").json()

    assert [(row["code"], row["name"]) for row in data["languages"]] == [("zzz", "Made up")]


def test_json_ld_gives_each_contact_point_the_languages_it_answers_in(client, db):
    line_with_an_arabic_phone()

    data = json_ld(client.get("/ar/stod/linjen/").content.decode())

    first, second = data["contactPoint"]
    assert [(lang["name"], lang["alternateName"]) for lang in second["availableLanguage"]] == [
        ("Arabic", "ar")
    ]
    # A phone without languages of its own answers in the line's.
    assert {lang["alternateName"] for lang in first["availableLanguage"]} == {"sv", "ar", "ku"}
    assert all(lang["@type"] == "Language" for lang in first["availableLanguage"])
