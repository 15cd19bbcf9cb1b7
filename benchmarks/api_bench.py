"""API benchmark: one page of 1 000 observations from /api/v1/indicatoren/{code}/waarnemingen at national scale, against
the floor (one plain SQL query fetching the same rows).

    .venv/bin/python benchmarks/api_bench.py [--repeat 50] [--db PAD] [--bewaar PAD]

1. The scale database of benchmarks/page_bench.py (its builder: the demo plus 400 indicators × 20 years for Nederland
   and all 345 gemeenten, 40 of them also for all 3 340 wijken: about 5,4 million observations), built in a temp
   dir, or an existing one with --db (e.g. one that `page_bench.py --bewaar PAD` or `--bewaar` here kept).
2. In a fresh process that imports only the app (as a server would): the whole request through the app's WSGI stack
   (Flask test client: routing, the API's guard, the security headers, the read session, db.read.open_data, the
   pydantic models, JSON or CSV, the ETag), for a wijk indicator (73 720 observations): the first, a middle and the
   last page of 1 000 rows, the same as CSV, and one region's 20 years. Two warm-up requests, then --repeat timed.
3. The floor: the plain SQL query (sqlite3, the pragmas of our engine) for the same rows: the page's observations
   with their region's code and name, LIMIT/OFFSET in the index order.
4. Prints p50/p95 of both and whether the target holds (p95 ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import page_bench  # noqa: E402 - the scale database's builder, next to this file

TARGET_MS = 50.0
PAGE = 1000
INDICATOR = page_bench.bench_code(page_bench.wijk_indicators(40)[0])  # one with wijk figures: 73 720 observations

FLOOR_SQL = """
SELECT r.code, r.name, o.period_kind, o.period_start, o.value, o.status, o.is_example, o.source, o.table_id,
       o.loaded_at
FROM observation o JOIN region r ON r.id = o.region_id JOIN indicator i ON i.id = o.indicator_id
WHERE i.code = ? {region}
ORDER BY o.region_id, o.period_kind, o.period_start LIMIT ? OFFSET ?"""


def cases(total: int) -> list[dict]:
    last = (total + PAGE - 1) // PAGE
    base = f"/api/v1/indicatoren/{INDICATOR}/waarnemingen?paginaGrootte={PAGE}"
    return [
        {"label": "pagina 1 (JSON)", "url": f"{base}&pagina=1", "offset": 0, "accept": "application/json"},
        {"label": f"pagina {last // 2} (JSON)", "url": f"{base}&pagina={last // 2}",
         "offset": (last // 2 - 1) * PAGE, "accept": "application/json"},
        {"label": f"pagina {last}, de laatste (JSON)", "url": f"{base}&pagina={last}", "offset": (last - 1) * PAGE,
         "accept": "application/json"},
        {"label": f"pagina {last // 2} (CSV)", "url": f"{base}&pagina={last // 2}", "offset": (last // 2 - 1) * PAGE,
         "accept": "text/csv"},
        {"label": "één regio, 20 jaar (JSON)", "url": f"{base}&regioCode={page_bench.HOME}", "offset": 0,
         "accept": "application/json", "region": page_bench.HOME},
    ]


def p50_p95(runs: list[float]) -> tuple[float, float]:
    return page_bench.p50_p95(runs)


def measure(db_path: Path, repeat: int) -> dict:
    """In this (fresh) process: the app on the scale database, every case through its WSGI stack, and the floor."""
    import app as app_module
    from settings import Settings

    server = app_module.create_app(Settings(database_url=f"sqlite:///{db_path}", load_demo=False)).server
    client = server.test_client()
    con = sqlite3.connect(db_path, check_same_thread=False)
    for pragma in page_bench.PRAGMAS:
        con.execute(f"PRAGMA {pragma}")
    total = con.execute("SELECT count(*) FROM observation o JOIN indicator i ON i.id = o.indicator_id "
                        "WHERE i.code = ?", (INDICATOR,)).fetchone()[0]
    out = []
    for case in cases(total):
        headers = {"Accept": case["accept"], "Accept-Encoding": "identity"}
        rows = []

        def request(case: dict = case, headers: dict = headers, rows: list = rows) -> None:
            answer = client.get(case["url"], headers=headers)
            assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
            rows.append(answer)

        region = "AND o.region_id = (SELECT id FROM region WHERE code = ?)" if case.get("region") else ""
        params = (INDICATOR, *([case["region"]] if case.get("region") else []), PAGE, case["offset"])

        def floor(region: str = region, params: tuple = params) -> list:
            return con.execute(FLOOR_SQL.format(region=region), params).fetchall()

        f50, f95 = p50_p95(page_bench.timed(floor, repeat))
        p50, p95 = p50_p95(page_bench.timed(request, repeat))
        answer = rows[-1]
        count = (answer.get_data(as_text=True).count("\r\n") - 1 if case["accept"] == "text/csv"
                 else len(answer.get_json()))
        assert count == len(floor()), (case["label"], count, len(floor()))
        out.append({"label": case["label"], "rows": count, "p50": p50, "p95": p95, "f50": f50, "f95": f95,
                    "bytes": len(answer.get_data())})
    return {"total": total, "cases": out, "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--db", type=Path, help="an existing scale database (from page_bench.py --bewaar)")
    parser.add_argument("--bewaar", type=Path, help="build the scale database at this path and keep it")
    parser.add_argument("--meet", type=Path, help=argparse.SUPPRESS)  # the child process: measure on this database
    args = parser.parse_args()
    if args.meet:
        print(json.dumps(measure(args.meet, args.repeat)))
        return
    with tempfile.TemporaryDirectory(prefix="api-bench-") as tmp:
        db_path = args.db or args.bewaar or Path(tmp) / "schaal.db"
        built = None
        if args.db is None:
            if db_path.exists():
                raise SystemExit(f"{db_path} bestaat al (gebruik --db om hem te meten)")
            built = page_bench.build_database(f"sqlite:///{db_path}", db_path, 40)
        done = subprocess.run([sys.executable, __file__, "--meet", str(db_path), "--repeat", str(args.repeat)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"meten mislukt:\n{done.stderr[-3000:]}")
        report(json.loads(done.stdout.strip().splitlines()[-1]), db_path, built, args.repeat)


def report(result: dict, db_path: Path, built: dict | None, repeat: int) -> None:
    nl = page_bench.nl
    size = db_path.stat().st_size / 1e6
    observations = sqlite3.connect(db_path).execute("SELECT count(*) FROM observation").fetchone()[0]
    print(f"schaaldatabase van page_bench.py: {nl(observations)} waarnemingen, {nl(size)} MB"
          + (f", opgebouwd in {nl(built['total'], 1)} s" if built else " (bestaand bestand)"))
    print(f"indicator {INDICATOR}: {nl(result['total'])} waarnemingen (Nederland, 345 gemeenten, 3.340 wijken × 20 "
          f"jaar); {repeat} metingen na 2 keer opwarmen, in een vers proces met alleen de app; ms; load average "
          f"{nl(result['load'], 2)} op {os.cpu_count()} kernen; {time.strftime('%d-%m-%Y')}")
    header = (f"{'aanvraag':<32} {'rijen':>6} {'kB':>6} {'p50':>7} {'p95':>7} {'vloer p50':>9} {'vloer p95':>9}  "
              f"doel p95 ≤ {nl(TARGET_MS)} ms")
    print(header)
    print("-" * len(header))
    for c in result["cases"]:
        verdict = "gehaald" if c["p95"] <= TARGET_MS else "NIET gehaald"
        print(f"{c['label']:<32} {c['rows']:>6} {nl(c['bytes'] / 1000):>6} {nl(c['p50'], 1):>7} {nl(c['p95'], 1):>7} "
              f"{nl(c['f50'], 2):>9} {nl(c['f95'], 2):>9}  {verdict}")


if __name__ == "__main__":
    main()
