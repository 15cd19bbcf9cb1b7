"""Page weight: what a raadslid's phone downloads on a first visit, measured in headless Chromium (issue 14).

    .venv/bin/python benchmarks/page_weight.py [--url http://127.0.0.1:8050] [--limit-kb 700]

Without --url the app is served in-process on a fresh SQLite database with the demo (as `./run.sh` makes it); with
--url a running app is measured (its programmes listed from DATABASE_URL). For the overview and every programme
page it opens a fresh browser context (empty cache, like a first visit), waits until the page and its charts are
drawn and the network is quiet, and counts every request and its bytes on the wire (compressed, as the Chrome
DevTools protocol reports them: `encodedDataLength`). The floor, measured in the same run, is the app's smallest
page (the "not found" page: the Dash framework and the site's style sheets alone). Prints one line per page and
whether each programme page stays under --limit-kb (exit status 1 when one does not)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import CHROMIUM_ARGS, served_demo  # noqa: E402


def programme_paths(database_url: str) -> list[str]:
    from benchmarks.screenshots import paths_of

    return [p for p in paths_of(database_url) if p.startswith("/programma/")]


def first_visit(browser, url: str) -> tuple[int, int, dict[str, int]]:  # noqa: ANN001 - playwright Browser
    """(requests, bytes on the wire, bytes per resource type) of one first visit."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="nl-NL")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds: dict[str, str] = {}
    sizes: dict[str, int] = {}
    inline: set[str] = set()  # data: URIs (sparklines, icons, charts) travel inside the page's own responses

    def received(event: dict) -> None:
        kinds[event["requestId"]] = event.get("type", "Other")
        if event["response"]["url"].startswith("data:"):
            inline.add(event["requestId"])

    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url)
    page.locator("h1").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    page.wait_for_timeout(300)
    sizes = {k: v for k, v in sizes.items() if k not in inline}
    by_kind: dict[str, int] = {}
    for request_id, size in sizes.items():
        kind = kinds.get(request_id, "Other")
        by_kind[kind] = by_kind.get(kind, 0) + size
    context.close()
    return len(sizes), sum(sizes.values()), by_kind


def kb(n: int) -> str:
    from indicators.formatting import format_number

    return f"{format_number(n / 1024, 0)} KB"


def measure(base: str, database_url: str, limit_kb: int) -> bool:
    from playwright.sync_api import sync_playwright

    pages = [("floor (pagina niet gevonden)", "/bestaat-niet"), ("overzicht", "/"),
             *[(path.rsplit("/", 1)[1], path) for path in programme_paths(database_url)]]
    ok = True
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                     args=CHROMIUM_ARGS, headless=True)
        floor = None
        print(f"{'pagina':<32} {'verzoeken':>9} {'over de lijn':>13} {'t.o.v. vloer':>13}  grootste soorten")  # noqa: T201
        for name, path in pages:
            requests, size, by_kind = first_visit(browser, base + path)
            floor = floor if floor is not None else size
            top = ", ".join(f"{k} {kb(v)}" for k, v in sorted(by_kind.items(), key=lambda x: -x[1])[:3])
            verdict = ""
            if path.startswith("/programma/"):
                within = size <= limit_kb * 1024
                ok &= within
                verdict = f"  {'OK' if within else 'TE ZWAAR'} (grens {limit_kb} KB)"
            diff = ("+" if size >= floor else "") + kb(size - floor)
            print(f"{name:<32} {requests:>9} {kb(size):>13} {diff:>13}  {top}{verdict}")  # noqa: T201
        browser.close()
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running app (its database from DATABASE_URL)")
    parser.add_argument("--limit-kb", type=int, default=700)
    args = parser.parse_args()
    if args.url:
        from settings import get_settings

        ok = measure(args.url.rstrip("/"), get_settings().database_url, args.limit_kb)
    else:
        with served_demo() as (base, database_url):
            ok = measure(base, database_url, args.limit_kb)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
