"""Read an admin change form the way a browser would submit it.

Tests that post an admin form send what the GET'd form contains (hidden fields such as the
conflict guard's version included), changed only where the test types something, so a field
the form adds or drops is noticed here and not first by an editor.
"""

from html import unescape
from html.parser import HTMLParser

SKIPPED_INPUT_TYPES = {"submit", "button", "reset", "file", "image"}


class _FormReader(HTMLParser):
    def __init__(self, form_id_suffix):
        super().__init__(convert_charrefs=True)
        self.suffix = form_id_suffix
        self.in_form = False
        self.data = {}
        self._select = None
        self._option = None
        self._textarea = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith(self.suffix):
            self.in_form = True
            return
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value") or "on")
                return
            self._add(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select:
            self._option = attrs.get("value"), "selected" in attrs, []
        elif tag == "textarea" and name:
            self._textarea = name, []

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1].append(data)
        elif self._option:
            self._option[2].append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self._textarea:
            name, parts = self._textarea
            # A browser drops the one newline that follows <textarea>.
            text = "".join(parts)
            self._add(name, text[1:] if text.startswith("\n") else text)
            self._textarea = None
        elif tag == "option" and self._option:
            value, selected, text = self._option
            if selected:
                self._add(self._select, value if value is not None else unescape("".join(text)).strip())
            self._option = None
        elif tag == "select":
            self._select = None


def form_data(response, form_id_suffix="_form"):
    """The fields of the admin form in `response` as a dict for `client.post`: one value
    where the form has one, a list where it has several (a multi-select)."""
    assert response.status_code == 200, f"the form did not open: {response.status_code}"
    reader = _FormReader(form_id_suffix)
    reader.feed(response.content.decode())
    return {name: values[0] if len(values) == 1 else values for name, values in reader.data.items()}
