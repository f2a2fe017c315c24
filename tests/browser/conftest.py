"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Where Chromium is missing the tests are skipped with a loud reason, except when
CKS_REQUIRE_BROWSER=1 (CI), where a missing browser is an error.
"""

import io
import os
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM beside it is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CKS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        message = f"BROWSER TESTS NOT RUN: Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CKS_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def site_url(live_server, transactional_db):
    """The live server's URL, with the demo content loaded."""
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core (WCAG 2.0/2.1 A and AA plus best practices) on the page: zero violations."""

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in violations
        )
        assert not violations, f"axe violations on {page.url}:\n{report}"

    return check


@pytest.fixture
def foreign_requests(page, live_server):
    """Every request the page makes to a host other than the live server's."""
    own = urlsplit(live_server.url).netloc
    foreign = []

    def record(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            foreign.append(request.url)

    page.on("request", record)
    return foreign


FOCUS_IS_VISIBLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || !el.matches(':focus-visible')) return false;
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const box = el.getBoundingClientRect();
    return (outlined || style.boxShadow !== 'none') && box.width > 0 && box.height > 0;
}"""


class Visitor:
    """Acts on a page either with the mouse or with the keyboard alone.

    With the keyboard, `use` presses Tab (or Shift+Tab) until the element has focus, checks that
    the focus is visible, and presses Enter (or Space); it never clicks.
    """

    def __init__(self, page, keyboard):
        self.page = page
        self.keyboard = keyboard

    def focus(self, locator, backwards=False, max_presses=150):
        locator.wait_for(state="visible")
        for _ in range(max_presses):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            if locator.evaluate("el => el === document.activeElement"):
                assert self.page.evaluate(FOCUS_IS_VISIBLE), f"focus is not visible on {locator}"
                return
        raise AssertionError(f"{locator} was not reached with {max_presses} presses of Tab")

    def use(self, locator, key="Enter", backwards=False):
        if self.keyboard:
            self.focus(locator, backwards=backwards)
            self.page.keyboard.press(key)
        else:
            locator.click()

    def fill(self, locator, text):
        if self.keyboard:
            self.focus(locator)
            self.page.keyboard.press("ControlOrMeta+a")
            self.page.keyboard.type(text)
        else:
            locator.fill(text)

    def choose(self, select, value):
        """Pick an option: with the keyboard, arrow keys on the focused, closed select."""
        if not self.keyboard:
            select.select_option(value)
            return
        self.focus(select)
        self.page.keyboard.press("Home")
        for _ in range(len(select.locator("option").all())):
            if select.input_value() == value:
                return
            self.page.keyboard.press("ArrowDown")
        assert select.input_value() == value


@pytest.fixture(params=["mouse", "keyboard"])
def visitor(request, page):
    return Visitor(page, keyboard=request.param == "keyboard")
