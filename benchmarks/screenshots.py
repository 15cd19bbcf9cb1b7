"""Screenshots of every public page at phone and laptop width, for review (issue 14).

    .venv/bin/python benchmarks/screenshots.py [--out var/screenshots] [--url http://127.0.0.1:8050]
                                               [--widths 375,1280] [--only verhaal]

Without --url the app is served in-process on a fresh SQLite database with the demo (as `./run.sh` makes it);
with --url the pages of that running app are taken, listed from the database in DATABASE_URL (the default is
run.sh's var/perspectief.db). Every path of db.read.sitemap.public_paths is opened in headless Chromium
(/usr/bin/chromium or CHROMIUM_PATH) at each width and saved as a full-page PNG `<path>--<width>.png`; the
quarter report's PDF is fetched and its pages rendered with pdftoppm (poppler-utils) as `<path>--pagina-N.png`.
Prints one line per file."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def file_stem(path: str) -> str:
    """'/kwartaal/2026-Q3/presentatie' -> 'kwartaal-2026-Q3-presentatie'; '/' -> 'overzicht'."""
    return re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "overzicht"


@contextmanager
def served_demo() -> Iterator[tuple[str, str]]:
    """(base URL, database URL) of the app on a fresh demo database, served in a thread."""
    from werkzeug.serving import make_server

    from app import create_app, prepare_database
    from settings import Settings

    with tempfile.TemporaryDirectory(prefix="perspectief-shots-") as tmp:
        settings = Settings(database_url=f"sqlite:///{tmp}/demo.db", upload_dir=Path(tmp) / "uploads")
        prepare_database(settings)
        app = create_app(settings)
        server = make_server("127.0.0.1", 0, app.server, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", settings.database_url
        finally:
            server.shutdown()


def paths_of(database_url: str) -> list[str]:
    from db.read.sitemap import public_paths
    from db.session import session_factory

    session = session_factory(database_url)()
    try:
        return public_paths(session, date.today())
    finally:
        session.close()


def settle(page) -> None:  # noqa: ANN001 - playwright Page
    """Wait until Dash has drawn the page and its charts."""
    page.wait_for_selector("#page-content > *", state="attached")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('[data-dash-is-loading]')")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    page.wait_for_timeout(300)


def shoot(base: str, paths: list[str], out: Path, widths: list[int]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        for width in widths:
            context = browser.new_context(viewport={"width": width, "height": 900 if width > 600 else 812},
                                          locale="nl-NL")
            page = context.new_page()
            for path in paths:
                if path.endswith(".pdf"):
                    written += busy_page(page, base + path, out / f"{file_stem(path)}-wachten--{width}.png")
                    continue
                page.goto(base + path)
                settle(page)
                if path.endswith("/presentatie"):
                    written += slides(page, out / file_stem(path), width)
                    continue
                target = out / f"{file_stem(path)}--{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
                print(target, flush=True)  # noqa: T201
            context.close()
        browser.close()
    for path in paths:
        if path.endswith(".pdf"):
            written += pdf_pages(base + path, out / file_stem(path.removesuffix(".pdf") + "-pdf"))
    return written


def slides(page, stem: Path, width: int) -> list[Path]:  # noqa: ANN001 - playwright Page
    """Every slide of the presentation, one screenshot each (the arrow key moves on, as in the meeting room)."""
    count = page.locator(".presentation .slide").count()
    shots = []
    for n in range(1, count + 1):
        if n > 1:
            page.keyboard.press("ArrowRight")
            page.wait_for_function(f"document.querySelector('.presentation').getAttribute('data-slide') === '{n - 1}'")
        target = stem.parent / f"{stem.name}-dia-{n}--{width}.png"
        page.screenshot(path=str(target))
        shots.append(target)
        print(target, flush=True)  # noqa: T201
    return shots


def busy_page(page, url: str, target: Path) -> list[Path]:  # noqa: ANN001 - playwright Page
    """The page a draft quarter's PDF shows while it is being made (nothing when the PDF is already there)."""
    try:
        response = page.goto(url)
    except Exception:  # noqa: BLE001 - Chromium starts a download instead of showing a page: the PDF is ready
        return []
    if response is None or response.status != 202:
        return []
    page.screenshot(path=str(target), full_page=True)
    print(target, flush=True)  # noqa: T201
    return [target]


def fetch_pdf(url: str, timeout: float = 180) -> bytes:
    """The PDF, waiting while the route answers 202 (a draft's PDF is made in the export worker)."""
    deadline = time.monotonic() + timeout
    while True:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - our own local server
            if response.status == 200:
                return response.read()
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url}: PDF not ready after {timeout} s")
        time.sleep(1)


def pdf_pages(url: str, stem: Path) -> list[Path]:
    """The PDF's pages as PNGs (pdftoppm, 60 dpi)."""
    if not shutil.which("pdftoppm"):
        print("pdftoppm ontbreekt (poppler-utils): PDF overgeslagen", file=sys.stderr)  # noqa: T201
        return []
    data = fetch_pdf(url)
    pdf = stem.with_suffix(".pdf")
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), f"{stem}--pagina"], check=True)
    pngs = sorted(stem.parent.glob(f"{stem.name}--pagina*.png"))
    for p in pngs:
        print(p, flush=True)  # noqa: T201
    return pngs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "screenshots")
    parser.add_argument("--url", help="a running app (its database from DATABASE_URL)")
    parser.add_argument("--widths", default="375,1280")
    parser.add_argument("--only", help="only paths containing this text")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    widths = [int(w) for w in args.widths.split(",")]

    def run(base: str, database_url: str) -> None:
        paths = [p for p in paths_of(database_url) if not args.only or args.only in p]
        shots = shoot(base.rstrip("/"), paths, args.out, widths)
        print(f"{len(shots)} afbeeldingen in {args.out}")  # noqa: T201

    if args.url:
        from settings import get_settings

        run(args.url, get_settings().database_url)
    else:
        with served_demo() as (base, database_url):
            run(base, database_url)


if __name__ == "__main__":
    main()
