"""The admin's two-list choosers read as Swedish: "Tillgängliga målgrupper", not
"Tillgängliga vem den är till för" (Django builds the headings from the field's name)."""

from cks_portal.core.roles import SUPPORT_EDITOR


def test_the_support_contact_choosers_are_named_with_nouns(staff_client):
    html = staff_client(SUPPORT_EDITOR).get("/admin/support/supportcontact/add/").content.decode()

    for noun in ("målgrupper", "stödområden", "svarsspråk"):
        assert f'data-field-name="{noun}"' in html
    assert 'data-field-name="vem den är till för"' not in html
