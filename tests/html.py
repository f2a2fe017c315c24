"""Reading a page's HTML by its structure in tests, not by how the markup happens to be spelt.

`elements(html, "a", href="/kalender/")` is every <a> with that href, whatever the attribute
order, quoting or extra attributes; each has its `attrs` and its whitespace-normalised `text`
(its descendants' text included). Attribute names are given as keywords: a trailing
underscore is dropped and other underscores become hyphens (`class_`, `aria_current`);
`class_` matches one class among the element's classes. Python's own html.parser reads the
page, so no library is needed.
"""

import functools
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements without an end tag: they never hold text.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)  # an element is itself, not any element that looks like it
class Element:
    tag: str
    attrs: dict
    parts: list = field(default_factory=list)
    parent: "Element | None" = None

    @property
    def text(self):
        return " ".join("".join(self.parts).split())

    @property
    def ancestors(self):
        parent = self.parent
        while parent is not None:
            yield parent
            parent = parent.parent

    def matches(self, tag, attrs, text):
        if tag != self.tag or (text is not None and self.text != text):
            return False
        for name, value in attrs.items():
            if name == "class":
                if value not in self.attrs.get("class", "").split():
                    return False
            elif self.attrs.get(name) != value:
                return False
        return True


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        element.parent = self.open[-1] if self.open else None
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        for element in self.open:
            element.parts.append(data)


def _attribute_names(attrs):
    return {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}


@functools.lru_cache(maxsize=8)
def _parse(html):
    # Remembered, so that elements found by two calls on one page are the same objects and
    # `link.parent in titles` or `label in box.ancestors` compare them by identity.
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.elements


def elements(html, tag, text=None, **attrs):
    """Every `tag` element of `html` that has these attribute values (and this text)."""
    if isinstance(html, bytes):
        html = html.decode()
    wanted = _attribute_names(attrs)
    return [element for element in _parse(html) if element.matches(tag, wanted, text)]


def element(html, tag, text=None, **attrs):
    """The one `tag` element with these attribute values (and text); fails unless exactly one."""
    found = elements(html, tag, text, **attrs)
    assert len(found) == 1, f"expected one <{tag}> with {attrs} {text or ''}, found {len(found)}"
    return found[0]
