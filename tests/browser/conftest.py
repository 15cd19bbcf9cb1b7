"""Browser fixtures: Debian's Chromium driven by Playwright, and the demo app served in-process."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _chromium() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        pytest.fail("Chromium is not installed: install Debian's 'chromium' package (apt-get install chromium) "
                    "or set CHROMIUM_PATH. The browser tests never download a browser.")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def serve(dash_app) -> tuple[str, object]:  # noqa: ANN001
    server = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_port}", server


@pytest.fixture(scope="session")
def demo_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app as `python app.py` runs it, on a fresh SQLite file prepared by the app itself."""
    import app as app_module
    from settings import Settings

    url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'perspectief.db'}"
    settings = Settings(database_url=url)
    app_module.prepare_database(settings)
    base, server = serve(app_module.create_app(settings))
    os.environ["PERSPECTIEF_TEST_APP_DB"] = url
    yield base
    server.shutdown()


def _page(browser, width: int, height: int):  # noqa: ANN001, ANN202
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.set_default_timeout(15000)
    return context, page


@pytest.fixture
def page(browser) -> Iterator:  # noqa: ANN001
    context, p = _page(browser, 1280, 900)
    yield p
    context.close()


@pytest.fixture
def phone_page(browser) -> Iterator:  # noqa: ANN001
    context, p = _page(browser, 375, 812)
    yield p
    context.close()
