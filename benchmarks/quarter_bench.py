"""Quarter report benchmark on the demo: how long each product takes, and whether a PDF export slows other users.

    .venv/bin/python benchmarks/quarter_bench.py [--repeat 3]

1. Loads the demo into a fresh SQLite file.
2. Times build_report (queries + what changed), the print HTML, the PDF (weasyprint, tagged PDF/UA-1) and the
   Excel workbook for 2026-Q3: median of --repeat runs.
3. Serves the app in-process (threaded werkzeug, as in the browser tests) and times GET /kwartaal/2026-Q3.xlsx
   and the Dash layout request while idle and while the PDF export runs in the export worker process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(fn, repeat: int) -> tuple[float, object]:  # noqa: ANN001
    runs, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), result


def get(url: str) -> tuple[int, float]:
    t = time.perf_counter()
    with urllib.request.urlopen(url) as r:  # noqa: S310 - our own local server
        r.read()
        return r.status, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from werkzeug.serving import make_server

    import app as app_module
    from dashboard.exports import jobs
    from dashboard.exports.pdf import render_pdf
    from dashboard.exports.report_html import render_html
    from dashboard.exports.xlsx import render_xlsx
    from db.read.quarter import build_report
    from db.session import session_scope
    from indicators.periods import parse_quarter
    from settings import Settings

    url = f"sqlite:///{tempfile.mkdtemp(prefix='quarter-bench-')}/demo.db"
    settings = Settings(database_url=url, load_demo=True, debug=False)
    app_module.prepare_database(settings)
    quarter = parse_quarter("2026-Q3")

    def build():  # noqa: ANN202
        with session_scope(url) as s:
            return build_report(s, quarter)

    t_build, report = timed(build, args.repeat)
    t_html, html = timed(lambda: render_html(report), args.repeat)
    render_pdf(report)  # first call loads pango and fonts
    t_pdf, pdf = timed(lambda: render_pdf(report), args.repeat)
    t_xlsx, xlsx = timed(lambda: render_xlsx(report), args.repeat)
    print(f"build_report     {t_build * 1000:8.1f} ms")
    print(f"render_html      {t_html * 1000:8.1f} ms  ({len(html):,} chars)")
    print(f"render_pdf       {t_pdf * 1000:8.1f} ms  ({len(pdf):,} bytes)")
    print(f"render_xlsx      {t_xlsx * 1000:8.1f} ms  ({len(xlsx):,} bytes)")

    server = make_server("127.0.0.1", 0, app_module.create_app(settings).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        probe = [f"{base}/_dash-layout", f"{base}/kwartaal/2026-Q3.xlsx"]
        idle = [get(u)[1] for _ in range(5) for u in probe]
        t0 = time.perf_counter()
        status, first = get(f"{base}/kwartaal/2026-Q3.pdf")
        busy = []
        while status == 202:
            busy += [get(u)[1] for u in probe]
            status, _ = get(f"{base}/kwartaal/2026-Q3.pdf")
        total = time.perf_counter() - t0
        print(f"PDF route: first answer {first * 1000:.0f} ms (202 + progress page), file ready after {total:.1f} s "
              "(worker process start included)")
        print(f"other requests: median {statistics.median(idle) * 1000:.0f} ms idle, "
              f"{statistics.median(busy) * 1000 if busy else float('nan'):.0f} ms while the PDF renders "
              f"({len(busy)} requests)")
    finally:
        server.shutdown()
        jobs.shutdown()


if __name__ == "__main__":
    main()
