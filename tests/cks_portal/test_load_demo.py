import io

from django.apps import apps
from django.core.management import call_command


def counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"cks_portal", "pages", "support", "news", "knowledge_bank"}
        # History is a log of saves, not content: a second load may add to it.
        and not model.__name__.startswith("Historical")
    }


def test_load_demo_twice_leaves_the_same_content(db):
    call_command("load_demo", stdout=io.StringIO())
    first = counts()

    call_command("load_demo", stdout=io.StringIO())

    assert counts() == first
    # About us, accessibility, privacy, and the three easy-to-read Swedish pages.
    assert first["pages.Page"] == 6
    assert first["cks_portal.Topic"] >= 8
