"""The import contract (docs/architecture.md): the core imports no app, and no app imports
another. Apps meet through the core's registries, never through each other's modules.

Read from the source with `ast`, so an import inside a function counts as much as one at the
top of a module."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each app by its package; the editable pages are an app inside cks_portal/.
APPS = {
    "support": "support",
    "news": "news",
    "knowledge_bank": "knowledge_bank",
    "cks_portal.pages": "cks_portal/pages",
}

# The core is cks_portal/core. The project's configuration around it (settings, URLconf, the
# demo and the commands that fill a whole site) wires the apps together and may import them.
CORE = "cks_portal/core"


def imported_modules(path):
    """Every module `path` imports, by its full dotted name, with the line."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno
            # `from cks_portal import pages` imports the package cks_portal.pages.
            for alias in node.names:
                yield f"{node.module}.{alias.name}", node.lineno


def is_within(module, package):
    return module == package or module.startswith(package + ".")


def forbidden_imports(folder, forbidden):
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for module, line in imported_modules(path):
            if any(is_within(module, package) for package in forbidden):
                found.append(f"{relative}:{line} imports {module}")
    return sorted(set(found))


def test_the_core_imports_no_app():
    assert forbidden_imports(CORE, set(APPS)) == []


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_no_other_app(app):
    assert forbidden_imports(APPS[app], set(APPS) - {app}) == []


def test_the_contract_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def view():\n    from news.models import NewsItem\n    import support\n")
    assert list(imported_modules(module)) == [("news.models", 2), ("news.models.NewsItem", 2), ("support", 3)]
