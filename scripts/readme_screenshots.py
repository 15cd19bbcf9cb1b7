"""The README's screenshots of the overview under a theme: a running app's / at 1100×760, colours reduced so the
PNG stays small. Needs Playwright and Debian's Chromium (as the browser tests do).

    THEME=denhaag PORT=8072 ./run.sh &   # an app with the theme, then:
    .venv/bin/python scripts/readme_screenshots.py http://127.0.0.1:8072 denhaag   # -> overzicht-denhaag.png"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]


def main(base: str, theme: str) -> Path:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 760}, locale="nl-NL")
        page.goto(base.rstrip("/") + "/")
        page.get_by_role("heading", level=1).wait_for()
        page.wait_for_load_state("networkidle")
        png = page.screenshot()
        browser.close()
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=96, method=Image.Quantize.MEDIANCUT)
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"overzicht-{theme}.png"
    image.save(target, optimize=True)
    return target


if __name__ == "__main__":
    path = main(sys.argv[1], sys.argv[2])
    print(f"{path} ({path.stat().st_size // 1024} kB)")  # noqa: T201
