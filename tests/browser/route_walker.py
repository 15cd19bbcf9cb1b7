"""Find the pages of the app by following its links (so a page added later is covered without naming it), and check
one page the way WCAG 2.1 AA asks: axe-core at desktop and phone width, reflow at 320 CSS px, the text spacing of
1.4.12, charts with a name and a description, no console errors.

    problems = check_page(page, base + path)      # [] when the page is fine
    pages = walk(page, base, ["/"], visit)        # {route key: path}: one page per route (and per edit-form kind),
                                                  # visit(path) checks it and returns its links"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urlsplit

from dashboard.router import ROUTES
from tests.browser.axe import format_violations, run_axe

SKIP = re.compile(r"^/(download|media|uitloggen|_dash|assets)/|\.(pdf|xlsx|csv|json)$")
DESKTOP, PHONE, REFLOW = (1280, 900), (375, 812), (320, 720)
# WCAG 1.4.12: what a user's style sheet may set without content or function getting lost
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""

_LINKS = """() => Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href'))"""
_OVERFLOW = """(limit) => {
  const out = [];
  if (document.documentElement.scrollWidth > limit) {
    out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide at ${limit}px`);
  }
  return out;
}"""
_CLIPPED = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.js-plotly-plot, .visually-hidden, [hidden], svg, .dash-input-container')) continue;
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
    if (!clips || el.clientWidth <= 2 || !el.innerText || !el.innerText.trim()) continue;
    if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2) {
      const what = el.innerText.trim().slice(0, 60);
      out.push(`text cut off in <${el.tagName.toLowerCase()} class="${el.className}">: ${what}`);
    }
  }
  return out;
}"""
_CHARTS = """() => Array.from(document.querySelectorAll('.chart'), c => {
  const ids = (c.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  return {role: c.getAttribute('role'), name: (c.getAttribute('aria-label') || '').trim(), ids,
          described: ids.map(id => document.getElementById(id)).map(el => el ? el.innerText.trim() : null)};
})"""


def route_key(path: str) -> tuple[int, str] | None:
    """(index in dashboard.router.ROUTES, the kind of an edit form) for a path; None for no page (downloads …)."""
    for i, (pattern, _layout, _title) in enumerate(ROUTES):
        if m := pattern.match(path):
            return i, m.groupdict().get("kind_slug") or ""
    return None


def walk(page, base: str, seeds: list[str], visit, limit: int = 60) -> dict[tuple, str]:  # noqa: ANN001
    """Breadth-first over same-site links from `seeds`, one page per route key (the first path, with its query, that
    leads there) plus "404" for the first unknown path; `visit(path)` loads and checks the page, and the links are
    read from the page it leaves open. `page` keeps its cookies (signed in or not). Returns {key: path}."""
    found: dict[tuple, str] = {}
    queue, seen = deque(seeds), set(seeds)
    while queue and len(found) < limit:
        path = queue.popleft()
        found.setdefault(route_key(urlsplit(path).path) or ("404",), path)
        hrefs = visit(path)
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme and not href.startswith(base) or href.startswith(("mailto:", "tel:", "#")):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if not parts.path.startswith("/") or SKIP.search(parts.path) or target in seen:
                continue
            seen.add(target)
            key = route_key(parts.path)
            if key is not None and key not in found and target not in queue:
                found[key] = target
                queue.append(target)
    return found


def _wait_for_page(page) -> None:  # noqa: ANN001
    page.locator("h1").first.wait_for()
    if page.locator(".chart").count():  # server-drawn pictures (dashboard.components.svg_lines)
        page.locator(".chart img").first.wait_for()
    page.wait_for_load_state("networkidle")


def _axe(page, where: str) -> list[str]:  # noqa: ANN001
    violations = run_axe(page)
    return [f"{where}: {format_violations(violations)}"] if violations else []


def check_page(page, url: str, signed_in_path: str | None = None, links: list | None = None,  # noqa: ANN001
               ) -> list[str]:
    """Everything wrong with the page at `url` (an empty list when nothing is); the page's links are appended to
    `links` when given (read at desktop width, before anything is changed)."""
    problems: list[str] = []
    page.console_errors.clear()
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
    answer = page.goto(url)
    not_found = answer is not None and answer.status == 404  # an unknown address: its own 404 is expected
    _wait_for_page(page)
    if signed_in_path and urlsplit(page.url).path != signed_in_path:
        return [f"{url}: ended at {page.url} (not signed in?)"]
    if links is not None:
        links += page.evaluate(_LINKS)
    if page.evaluate("document.documentElement.lang") != "nl":
        problems.append(f"{url}: <html> has no lang=nl")
    problems += _axe(page, f"{url} at {DESKTOP[0]}px")
    for chart in page.evaluate(_CHARTS):
        if chart["role"] != "img" or not chart["name"]:
            problems.append(f"{url}: a chart without role=img and an accessible name: {chart}")
        if not chart["ids"] or not all(chart["described"]):
            problems.append(f"{url}: chart '{chart['name']}' is not described by text on the page: {chart}")
    # a constructed style sheet, as a user's style sheet would be (no <style> element the page's CSP could refuse)
    page.evaluate("css => { const s = new CSSStyleSheet(); s.replaceSync(css); window.__spacing = s;"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }", TEXT_SPACING)
    page.wait_for_timeout(100)
    problems += [f"{url} with WCAG 1.4.12 text spacing: {p}" for p in
                 page.evaluate(_OVERFLOW, DESKTOP[0]) + page.evaluate(_CLIPPED)]
    page.evaluate("() => { document.adoptedStyleSheets = "
                  "document.adoptedStyleSheets.filter(s => s !== window.__spacing); }")
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.wait_for_timeout(300)  # charts follow their container's width
    problems += _axe(page, f"{url} at {PHONE[0]}px")
    page.set_viewport_size({"width": REFLOW[0], "height": REFLOW[1]})
    page.wait_for_timeout(300)
    problems += [f"{url} at {REFLOW[0]}px (WCAG 1.4.10 reflow): {p}" for p in page.evaluate(_OVERFLOW, REFLOW[0])]
    problems += [f"{url}: {e}" for e in page.console_errors
                 if not (not_found and "status of 404" in e and f"({url}:" in e)]
    return problems
