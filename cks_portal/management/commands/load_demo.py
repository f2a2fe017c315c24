import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app may have a `demo` module with `load(command)`; they run in this order so that
# later apps can refer to what earlier ones created (topics first).
DEMO_MODULES = [
    "cks_portal.demo",
    "cks_portal.pages.demo",
    "support.demo",
    "news.demo",
    "knowledge_bank.demo",
]


class Command(BaseCommand):
    help = "Load the demo content (idempotent: running it again updates, never duplicates)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as error:
                    if error.name != module_name:
                        raise
                    continue
                module.load(self)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
