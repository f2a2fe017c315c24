"""Post an admin form the way a browser does: every field the page shows, with its value.

`form_data(response)` reads the change form in an admin page and returns the data a browser
would send if the user pressed save without touching anything: text inputs, hidden inputs
(the inline management forms, the conflict guard's version), ticked boxes, selected options
and text areas. A test then changes only the fields it is about, so a new field on the form
does not break every test that posts it.
"""

from html.parser import HTMLParser

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "reset", "file"}


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.depth = 0
        self.fields = []
        self._select = None
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (self.form_id is None or attrs.get("id") == self.form_id) and not self.fields:
            self.in_form = True
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
                return
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if not self.in_form:
            return
        if tag == "form":
            self.in_form = False
        elif tag == "option" and self._option is not None:
            self._end_option()
        elif tag == "select" and self._select is not None:
            if self._option is not None:
                self._end_option()
            select = self._select
            chosen = select["chosen"]
            if not chosen and not select["multiple"] and select["first"] is not None:
                chosen = [select["first"]]  # a browser sends the first option of a plain select
            self.fields.extend((select["name"], value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            text = self._textarea["text"]
            self.fields.append((self._textarea["name"], text[1:] if text.startswith("\n") else text))
            self._textarea = None

    def _end_option(self):
        option = self._option
        value = option["value"] if option["value"] is not None else option["text"].strip()
        if self._select["first"] is None:
            self._select["first"] = value
        if option["selected"]:
            self._select["chosen"].append(value)
        self._option = None


def form_data(response, form_id=None):
    """The data a browser would post from the page's form (the first form with `form_id`,
    or the admin's change form). Fields of the empty inline template (`__prefix__`) are left
    out, as the admin's JavaScript never submits them. Values are lists where a name repeats."""
    assert response.status_code == 200, f"the form did not open: {response.status_code}"
    html = response.content.decode()
    if form_id is None:
        opts = response.context["opts"]
        form_id = f"{opts.model_name}_form"
    reader = _FormReader(form_id)
    reader.feed(html)
    assert reader.fields, f"no form with id {form_id!r} in the page"
    data = {}
    for name, value in reader.fields:
        if "__prefix__" in name:
            continue
        if name in data:
            existing = data[name]
            data[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            data[name] = value
    return data
