"""Playwright (sync API) driving Debian's Chromium against pytest-django's live_server.

Every test in this folder is marked ``browser`` and gets:

``page``
    A fresh German-locale tab whose relative URLs resolve against ``live_server`` —
    ``page.goto("/")`` opens the site. Using it implies a transactional database.
``browser_context``
    The tab's context (cookies, storage), for tests that need a second tab or a fresh login.
``browser``
    The session's Chromium, for tests that need a second, independent user.

``make test`` runs this folder in its own pytest invocation. Playwright never downloads a
browser here: it starts ``/usr/bin/chromium`` (``apt-get install chromium``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Long enough for a loaded 2-core CI machine, short enough that a wrong selector fails fast.
DEFAULT_TIMEOUT_MS = 15_000

# Playwright's sync API runs an event loop in this thread, so Django's async-safety check
# would refuse the ORM calls that tests make to arrange data or assert results. The calls
# really are synchronous: the loop only drives the browser while the test waits on it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BROWSER_TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A conftest hook sees the whole session's items; mark only this folder's.
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


@pytest.fixture
def browser_context(browser: Browser, live_server: object) -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=str(live_server),
        locale="de-DE",
        timezone_id="Europe/Berlin",
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Iterator[Page]:
    tab = browser_context.new_page()
    yield tab
    tab.close()
