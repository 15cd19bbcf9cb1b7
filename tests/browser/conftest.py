"""Browser fixtures: Debian's Chromium driven by Playwright (never downloaded), and the demo app served in-process.

Fixtures
    browser       (session) a headless Chromium (playwright.sync_api.Browser) from /usr/bin/chromium or CHROMIUM_PATH.
    demo_app_url  (session) base URL (http://127.0.0.1:PORT, no trailing slash) of the app as `python app.py`
                  runs it, on a fresh SQLite file prepared by `app.prepare_database`. Its database URL is also
                  in the environment variable PERSPECTIEF_TEST_APP_DB.
    page          a fresh context and page at 1280x900, locale nl-NL; `page.console_errors` collects console
                  errors and uncaught page errors (the fixture does not assert: tests do).
    phone_page    the same at 375x812.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
DEFAULT_TIMEOUT_MS = 30_000  # two Chromiums and two app servers share 2 cores under `pytest -n 2`


def chromium_path() -> str:
    """CHROMIUM_PATH, else Debian's /usr/bin/chromium (else `chromium` on PATH); fails with a hint if absent."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    if os.environ.get("CHROMIUM_PATH"):
        candidates = candidates[:1]  # an explicit choice must exist; do not silently use another browser
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    pytest.fail("Chromium is needed for the browser tests but was not found "
                f"({os.environ.get('CHROMIUM_PATH') or '/usr/bin/chromium'}). Install Debian's package: "
                "`apt-get install chromium` (.ci/run does this) or set CHROMIUM_PATH to a Chromium binary. "
                "The tests never download a browser (no `playwright install`).", pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def demo_app_url(demo_app) -> Iterator[str]:  # noqa: ANN001 - a dash.Dash (tests/conftest.py)
    """The app as `python app.py` runs it, on a fresh SQLite file that the app migrates and fills itself."""
    from werkzeug.serving import make_server

    from dashboard.data import CONFIG_KEY

    dash_app = demo_app
    db_url = dash_app.server.config[CONFIG_KEY]
    server = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="demo-app", daemon=True)
    thread.start()
    os.environ["PERSPECTIEF_TEST_APP_DB"] = db_url
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _new_page(browser: Browser, width: int, height: int) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []

    def on_console(msg) -> None:  # noqa: ANN001 - playwright ConsoleMessage
        if msg.type == "error":
            where = msg.location or {}
            suffix = f" ({where.get('url')}:{where.get('lineNumber')})" if where.get("url") else ""
            errors.append(f"console.error: {msg.text}{suffix}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.console_errors = errors
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A new page at desktop size (1280x900, nl-NL); see `page.console_errors`."""
    yield from _new_page(browser, 1280, 900)


@pytest.fixture
def phone_page(browser: Browser) -> Iterator[Page]:
    """A new page at phone size (375x812, nl-NL); see `page.console_errors`."""
    yield from _new_page(browser, 375, 812)


@pytest.fixture(scope="session")
def themed_app(demo_app, demo_app_url: str, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    """A function theme name -> tests.browser.themed_apps.ThemedApp: the in-process demo app for its own theme,
    `python app.py` with THEME=<name> for any other (started on first use, stopped at the end of the session)."""
    from dashboard.theme import THEME_KEY
    from tests.browser.themed_apps import AppProcess, ThemedApp

    own = demo_app.server.config[THEME_KEY]
    started: dict[str, AppProcess] = {}

    def get(theme: str) -> ThemedApp:
        if theme == own:
            return ThemedApp(theme, demo_app_url, os.environ["PERSPECTIEF_TEST_APP_DB"])
        if theme not in started:
            started[theme] = AppProcess(theme, tmp_path_factory.mktemp(f"theme-{theme}"))
        return started[theme].app

    try:
        yield get
    finally:
        for process in started.values():
            process.stop()
