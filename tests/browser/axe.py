"""axe-core in the page: WCAG 2.1 A/AA checks for the browser tests (the npm package `axe-core`, a dev dependency in
package.json, installed by `npm ci` in ./test.sh; works offline).

    violations = run_axe(page)
    assert violations == [], format_violations(violations)
"""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
AXE_JS = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page) -> list[dict]:  # noqa: ANN001 - playwright.sync_api.Page
    """Run axe-core on the whole document of `page`; returns its violations (empty list when clean)."""
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (./test.sh runs scripts/npm_assets.sh, which does).",
                    pytrace=False)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # evaluated through the DevTools protocol, which the app's Content-Security-Policy does not govern (an
        # injected <script> tag would be refused, and loosening the policy for tests would hide real violations)
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]


def format_violations(violations: list[dict], max_nodes: int = 3) -> str:
    """A readable report for an assertion message: rule, impact, help, and the first nodes with their HTML."""
    if not violations:
        return "no axe-core violations"
    lines = [f"{len(violations)} axe-core violation(s) (WCAG 2.1 A/AA):"]
    for v in violations:
        nodes = v.get("nodes", [])
        lines.append(f"- {v['id']} [{v.get('impact') or 'unknown'}]: {v.get('help', '')} "
                     f"({len(nodes)} node(s)) {v.get('helpUrl', '')}".rstrip())
        for node in nodes[:max_nodes]:
            target = ", ".join(" > ".join(t) if isinstance(t, list) else str(t) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())
            lines.append(f"    {target}: {html[:200]}")
            if node.get("failureSummary"):
                lines.append("      " + " ".join(node["failureSummary"].split())[:300])
        if len(nodes) > max_nodes:
            lines.append(f"    … and {len(nodes) - max_nodes} more")
    return "\n".join(lines)
