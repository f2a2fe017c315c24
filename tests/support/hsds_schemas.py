"""The published HSDS 3.0 schemas, to check the API's answers against (tests/support/hsds/SOURCE.txt).

The plain schemas refer to each other by file name ("$ref": "phone.json"); they are put in a
`referencing` registry under one base URI so that those references resolve offline."""

import json
import os
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

BASE = "https://hsds.test/3.0/"


def find_schema_dir():
    """The published HSDS 3.0 schemas: HSDS_SCHEMA_DIR if set, else the unchanged copy kept
    beside these tests."""
    if os.environ.get("HSDS_SCHEMA_DIR"):
        return Path(os.environ["HSDS_SCHEMA_DIR"])
    vendored = Path(__file__).resolve().parent / "hsds" / "3.0"
    if vendored.is_dir():
        return vendored
    pytest.fail("HSDS 3.0 schemas not found: tests/support/hsds/3.0 is missing and HSDS_SCHEMA_DIR unset")


@cache
def load(name):
    return json.loads((find_schema_dir() / name).read_text())


@cache
def registry():
    resources = []
    for path in sorted(find_schema_dir().glob("*.json")):
        if path.name != "openapi.json":
            resources.append((BASE + path.name, DRAFT202012.create_resource(load(path.name))))
    return Registry().with_resources(resources)


def validator(schema):
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER, registry=registry())


def assert_valid(data, schema):
    if isinstance(schema, str):
        schema = schema_named(schema)
    errors = sorted(validator(schema).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def schema_named(name):
    """A compiled schema as it is, a plain one by reference, so that its "$ref"s resolve."""
    if name.startswith("compiled/"):
        return load(name)
    return {"$ref": BASE + name}


def page_schema():
    page = load("openapi.json")["components"]["schemas"]["Page"]
    return {**page, "required": list(page["properties"])}


def assert_valid_page(data, item_schema):
    assert_valid(data, page_schema())
    assert set(data) == {*page_schema()["properties"], "contents"}
    for item in data["contents"]:
        assert_valid(item, item_schema)


FULL_SERVICE = "compiled/service_with_definitions.json"
LISTED_SERVICE = "compiled/service_list.json"
