"""How much the site takes from one request, in one place.

These are part of the site's contract with readers and other systems, so they are constants
here rather than settings. What an operator may want to change for a server (upload sizes,
page sizes, the registration rate limit) is a setting in cks_portal/settings.py, read from
the environment; docs/security.md lists both.
"""

# Characters of a search query that are searched; the search boxes say the same with
# `maxlength`, and a longer query from a hand-made URL is cut, never refused.
QUERY_MAX_LENGTH = 200

# Values of one repeated filter (?topic=a&topic=b…) that a search reads; the rest are ignored.
FILTER_VALUES_MAX = 20

# Rows on one page of the open-data API (HSDS): the default and the most a client may ask for.
API_PER_PAGE_DEFAULT = 20
API_PER_PAGE_MAX = 100

# Publications in one export of a result list (BibTeX, RIS, CSL-JSON).
EXPORT_MAX = 500

# Rows on one page of the HSDS services list with `minimal` (id, name, status, last change):
# HSDS asks that a client get them all in one call.
API_MINIMAL_PER_PAGE_MAX = 1000
