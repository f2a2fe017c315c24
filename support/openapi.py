"""The OpenAPI 3.1 description of this HSDS API, served at /api/hsds/openapi.json.

Built from the same parameter lists the views check (support.api.PARAMETERS), so that the
document cannot promise a parameter the API refuses. The response bodies refer to the
published HSDS 3.0 schemas, as Open Referral's own API reference does.
"""

from cks_portal.core import limits

SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

PARAMETER_DOCS = {
    "search": ({"type": "string"}, "Words to find in the name, organisation or summary (any language)."),
    "page": ({"type": "integer", "minimum": 1, "default": 1}, "Page number; a page past the end is empty."),
    "per_page": (
        {
            "type": "integer",
            "minimum": 1,
            "maximum": limits.API_PER_PAGE_MAX,
            "default": limits.API_PER_PAGE_DEFAULT,
        },
        f"Items on one page, at most {limits.API_PER_PAGE_MAX} "
        f"({limits.API_MINIMAL_PER_PAGE_MAX} with `minimal`).",
    ),
    "format": (
        {"type": "string", "enum": ["json", "ndjson"], "default": "json"},
        "`ndjson` streams every item, one JSON object a line, without pages.",
    ),
    "taxonomy_term_id": ({"type": "string", "format": "uuid"}, "Only services tagged with this term."),
    "taxonomy_id": ({"type": "string", "format": "uuid"}, "Only services with a term of this taxonomy."),
    "organization_id": ({"type": "string", "format": "uuid"}, "Only services of this organization."),
    "modified_after": (
        {"type": "string"},
        "Only items changed on or after this date (2026-01-31, Swedish time) or date and time "
        "(2026-01-31T12:00:00Z; without an offset, Swedish time).",
    ),
    "minimal": (
        {"type": "boolean", "default": False},
        "Only id, name, status and last_modified of each service, up to "
        f"{limits.API_MINIMAL_PER_PAGE_MAX} a page.",
    ),
    "full": ({"type": "boolean", "default": False}, "Fully nested items."),
    "full_service": ({"type": "boolean", "default": False}, "The organization's services fully nested."),
    "postcode": ({"type": "string"}, "Only locations with this Swedish postal code (five digits)."),
    "proximity": ({"type": "string"}, "Not supported: the directory holds no coordinates; answers 400."),
    "top_only": ({"type": "boolean"}, "Only top terms (every term here is one)."),
    "parent_id": (
        {"type": "string", "format": "uuid"},
        "Only terms under this term (none here has a parent).",
    ),
}

ENDPOINTS = [
    # (path, view name, summary, response schema, paged)
    ("/", "root", "What this API is and which HSDS version it speaks.", None, False),
    ("/services", "services", "A page of services.", "compiled/service_list.json", True),
    ("/services/{id}", "service", "One service, fully nested.", "compiled/service.json", False),
    ("/organizations", "organizations", "A page of organizations.", "compiled/organization_list.json", True),
    (
        "/organizations/{id}",
        "organization",
        "One organization with its services.",
        "compiled/organization.json",
        False,
    ),
    (
        "/service_at_locations",
        "service_at_locations",
        "A page of services at their visiting addresses.",
        "compiled/service_at_location_list.json",
        True,
    ),
    (
        "/service_at_locations/{id}",
        "service_at_location",
        "One service at its visiting address, fully nested.",
        "compiled/service_at_location.json",
        False,
    ),
    ("/taxonomies", "taxonomies", "The site's two taxonomies.", "taxonomy.json", True),
    ("/taxonomies/{id}", "taxonomy", "One taxonomy.", "taxonomy.json", False),
    ("/taxonomy_terms", "taxonomy_terms", "A page of taxonomy terms.", "taxonomy_term.json", True),
    ("/taxonomy_terms/{id}", "taxonomy_term", "One taxonomy term.", "taxonomy_term.json", False),
    ("/openapi.json", "openapi", "This document.", None, False),
]


def _parameter(name):
    schema, description = PARAMETER_DOCS[name]
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _error(description):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _operation(name, summary, schema_file, paged):
    from support.api import PARAMETERS

    if schema_file is None:
        body = {"type": "object"}
    elif paged:
        body = {
            "allOf": [{"$ref": "#/components/schemas/Page"}],
            "properties": {"contents": {"type": "array", "items": {"$ref": SCHEMA_BASE + schema_file}}},
        }
    else:
        body = {"$ref": SCHEMA_BASE + schema_file}
    content = {"application/json": {"schema": body}}
    if paged:
        content["application/x-ndjson"] = {"schema": {"$ref": SCHEMA_BASE + schema_file}}
    operation = {
        "operationId": name,
        "summary": summary,
        "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in PARAMETERS[name]],
        "responses": {
            "200": {"description": summary, "content": content},
            "400": _error("A parameter the endpoint does not take, or a bad value; `parameter` names it."),
            "404": _error("Nothing has that id."),
            "405": _error("Any method but GET and HEAD."),
        },
    }
    return operation


def document(server_url):
    paths = {}
    for path, name, summary, schema_file, paged in ENDPOINTS:
        item = {"get": _operation(name, summary, schema_file, paged)}
        if "{id}" in path:
            item["parameters"] = [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "description": "The item's UUID; anything else answers 400.",
                    "schema": {"type": "string", "format": "uuid"},
                }
            ]
        paths[path] = item
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "CKS-portalen HSDS API",
            "version": "3.0",
            "summary": "Support lines of CKS-portalen in the Open Referral HSDS 3.0 shape.",
            "description": (
                "Read-only. Every endpoint of the HSDS 3.0 API reference that fits a directory of "
                "support lines. Every answer, errors included, is JSON. Closed days are gaps "
                "between the validity periods of the weekly schedule rows; see the project's "
                "docs/hsds.md."
            ),
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "parameters": {name: _parameter(name) for name in PARAMETER_DOCS},
            "schemas": {
                "Page": {
                    "type": "object",
                    "required": [
                        "total_items",
                        "total_pages",
                        "page_number",
                        "size",
                        "first_page",
                        "last_page",
                        "empty",
                        "contents",
                    ],
                    "properties": {
                        "total_items": {"type": "integer"},
                        "total_pages": {"type": "integer"},
                        "page_number": {"type": "integer"},
                        "size": {"type": "integer"},
                        "first_page": {"type": "boolean"},
                        "last_page": {"type": "boolean"},
                        "empty": {"type": "boolean"},
                        "contents": {"type": "array"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": {
                            "type": "string",
                            "enum": ["bad_request", "not_found", "method_not_allowed"],
                        },
                        "message": {"type": "string"},
                        "parameter": {"type": "string", "description": "The parameter that was wrong."},
                    },
                },
            },
        },
    }
