import pytest
from django.contrib import admin
from django.contrib.auth.models import Group

from tests.admin_forms import form_data
from tests.conftest import make_staff
from tests.publishing import published_form

# What each group may change, written out by hand so the test does not trust cks_portal.core.roles.
CHANGES = {
    "Redaktör": {"pages.page", "news.newsitem", "news.event", "news.registration"},
    "Kunskapsbank": {
        "cks_portal.topic",
        "cks_portal.thesaurusentry",
        "knowledge_bank.publication",
        "knowledge_bank.author",
        "knowledge_bank.publicationauthor",
    },
    "Stödinformation": {
        "support.supportcontact",
        "support.phonenumber",
        "support.openinginterval",
        "support.openingexception",
        "support.language",
        "support.audience",
    },
}


# What each group may only look at (to pick topics in its own forms).
VIEWS = {
    "Redaktör": {"cks_portal.topic"},
    "Kunskapsbank": set(),
    "Stödinformation": {"cks_portal.topic"},
}


def admin_models():
    """Every model in the admin, as "app_label.model_name"."""
    return [f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry]


def test_the_three_staff_groups_exist(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(CHANGES)


@pytest.mark.parametrize("group_name", sorted(CHANGES))
def test_each_group_can_change_exactly_its_own_models(db, django_user_model, group_name):
    user = make_staff(django_user_model, "staff", group_name)

    for label in admin_models():
        app_label, name = label.split(".")
        for action in ("add", "change", "delete"):
            allowed = user.has_perm(f"{app_label}.{action}_{name}")
            assert allowed == (label in CHANGES[group_name]), f"{group_name} {action} {label}"
        can_view = user.has_perm(f"{app_label}.view_{name}")
        assert can_view == (label in CHANGES[group_name] | VIEWS[group_name]), f"{group_name} view {label}"


@pytest.mark.parametrize("group_name", sorted(CHANGES))
def test_each_group_reaches_its_own_admin_lists_and_no_others(client, db, django_user_model, group_name):
    user = make_staff(django_user_model, "staff", group_name)
    client.force_login(user)

    for label in admin_models():
        app_label, name = label.split(".")
        status = client.get(f"/admin/{app_label}/{name}/").status_code
        if label in CHANGES[group_name]:
            assert status == 200, label
        elif not user.has_perm(f"{app_label}.view_{name}"):
            assert status == 403, label


def test_anonymous_visitors_reach_no_admin_page(client, db):
    for label in admin_models():
        app_label, name = label.split(".")
        for path in (
            f"/admin/{app_label}/{name}/",
            f"/admin/{app_label}/{name}/add/",
            f"/admin/{app_label}/",
        ):
            response = client.get(path)
            assert response.status_code == 302, path
            assert response["Location"].startswith("/admin/login/"), path


def test_nobody_outside_the_groups_reaches_the_admin(client, db, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader"))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_speaks_swedish_and_shows_the_site_name(client, superuser):
    client.force_login(superuser)

    html = client.get("/admin/", headers={"accept-language": "en"}).content.decode()

    assert "CKS-portalen – administration" in html
    assert "Webbplatsen" in html
    assert 'lang="sv"' in html


def test_saving_a_page_in_the_admin_records_who_changed_it(client, superuser, about_page):
    client.force_login(superuser)
    page = about_page
    url = f"/admin/pages/page/{page.pk}/change/"
    data = {**form_data(client.get(url)), "body_sv": "<p>Ny text</p><script>alert(1)</script>"}

    response = client.post(url, data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.updated_by == superuser
    assert page.body == "<p>Ny text</p>"


def test_a_page_cannot_take_an_address_the_site_uses(client, superuser):
    client.force_login(superuser)

    response = client.post("/admin/pages/page/add/", {"title_sv": "Stöd", "slug": "stod", **published_form()})

    assert response.status_code == 200
    assert "används redan av en annan del av webbplatsen" in response.content.decode()
