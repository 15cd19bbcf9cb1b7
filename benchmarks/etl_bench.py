"""ETL benchmark: our loader against the raw SQLite ceiling, on the same generated rows.

    .venv/bin/python benchmarks/etl_bench.py [--rows 1000000] [--kerncijfers]

1. Generates ROWS observation rows as a gemeente's own-figures CSV (indicator;regio;periode;waarde, Dutch
   decimal comma, 1% CBS markers) over the real region list shipped in etl/data.
2. Loads it with our loader (`etl.pipeline.run_load`, the code behind `python -m etl load-table`: reading,
   validation, staging, history check and merge, one transaction) in a fresh child process, into a
   migrated SQLite database; reports rows/s and the child's peak memory (ru_maxrss).
3. The ceiling: the same rows, already parsed into tuples, inserted with raw `sqlite3.executemany` into the
   same `observation` table (same schema and indexes) in one transaction.
4. Prints both rates, their ratio (target ≥ 0.5) and our peak memory (target < 500 MB).
With --kerncijfers it also loads a generated CBS *Kerncijfers wijken en buurten*-shaped OData download
(all 18 003 regions of 85318NED × every numeric measure of its real DataProperties) through load-cbs.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from etl import templates
from etl.pipeline import run_load
from etl.sources import read_cbs
url, kind, path = sys.argv[2], sys.argv[3], Path(sys.argv[4])
t0 = time.perf_counter()
if kind == "table":
    table = templates.open_table(path)
    outcome = run_load(url, lambda s: templates.read_figures(table, s))
else:
    outcome = run_load(url, lambda s: read_cbs(path, s))
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "status": outcome.status, "rows": outcome.rows_read,
                  "loaded": outcome.counts.loaded if outcome.counts else 0, "message": outcome.message,
                  "errors": [e.as_text() for e in outcome.errors[:3]],
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def prepare_db(url: str, n_indicators: int) -> tuple[list[str], list[str]]:
    """A migrated database with the real regions and n generated indicators; returns their codes."""
    from db.migrate import upgrade
    from db.session import session_scope
    from db.write import loads as loader
    from db.write.rows import IndicatorRow
    from etl import cbs

    upgrade(url)
    data = ROOT / "etl" / "data" / "cbs"
    regions = cbs.read_regions_85067(data / "85067NED") + cbs.read_wijken_buurten(
        data / "85318NED" / "WijkenEnBuurten.csv")
    indicators = [IndicatorRow(code=f"bench-{i:03d}", name=f"Benchmark-indicator {i}") for i in range(n_indicators)]
    with session_scope(url) as session:
        loader.upsert_regions(session, regions)
        loader.upsert_indicators(session, indicators)
    return [r.code for r in regions], [i.code for i in indicators]


def generate_rows(n: int, region_codes: list[str], indicator_codes: list[str], years: int) -> list[tuple]:
    rnd = random.Random(20261128)
    per_region = len(indicator_codes) * years
    regions = region_codes[: max(1, -(-n // per_region))]
    rows: list[tuple] = []
    for region in regions:
        for code in indicator_codes:
            for year in range(2026 - years, 2026):
                if len(rows) == n:
                    return rows
                value = round(rnd.uniform(0, 5000), 1)
                rows.append((code, region, year, None if rnd.random() < 0.01 else value))
    return rows


def write_csv(path: Path, rows: list[tuple]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["indicator", "regio", "periode", "waarde"])
        for code, region, year, value in rows:
            writer.writerow([code, f"{region:<10}", year, "." if value is None else f"{value}".replace(".", ",")])


def run_child(url: str, kind: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), url, kind, str(path)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"loader failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ceiling(db_path: Path, rows: list[tuple]) -> float:
    """Raw sqlite3.executemany of the already parsed rows into `observation`, one transaction; rows/s."""
    con = sqlite3.connect(db_path)
    # the same connection settings as our engine (db/session.py), so the ceiling is the best raw insert
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536"):
        con.execute(f"PRAGMA {pragma}")
    ids = dict(con.execute("SELECT code, id FROM indicator"))
    regions = dict(con.execute("SELECT code, id FROM region"))
    now = datetime.now(UTC).isoformat(sep=" ")
    tuples = [(ids[c], regions[r], "jaar", date(y, 1, 1).isoformat(), v, "definitief" if v is not None else "ontbreekt",
               0, "bench", None, "", now, None) for c, r, y, v in rows]
    t0 = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO observation (indicator_id, region_id, period_kind, period_start, value, status, is_example, "
        "source, table_id, file_hash, loaded_at, load_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", tuples)
    con.commit()
    seconds = time.perf_counter() - t0
    con.close()
    return len(tuples) / seconds


def kerncijfers(tmp: Path) -> None:
    """A 85318NED-shaped OData download: every region × every numeric measure of the real metadata."""
    from etl.reading import read_small_csv

    source = ROOT / "etl" / "data" / "cbs" / "85318NED"
    props = read_small_csv(source / "DataProperties.csv")
    numeric = [p["Key"] for p in props if p.get("Type") == "Topic" and p.get("Datatype") in ("Long", "Double")]
    regions = [r["Key"] for r in read_small_csv(source / "WijkenEnBuurten.csv")]
    folder = tmp / "85318NED"
    folder.mkdir()
    for name in ("DataProperties.csv", "TableInfos.csv", "WijkenEnBuurten.csv"):
        (folder / name).write_bytes((source / name).read_bytes())
    rnd = random.Random(85318)
    with open(folder / "data.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(["ID", "WijkenEnBuurten", *numeric])
        for i, region in enumerate(regions):
            writer.writerow([i, region, *(f"{rnd.randint(0, 20000):>10}" if rnd.random() > 0.05 else "       ."
                                          for _ in numeric)])
    db = tmp / "kern.db"
    url = f"sqlite:///{db}"
    from db.migrate import upgrade

    upgrade(url)
    result = run_child(url, "cbs", folder)
    cells = len(regions) * len(numeric)
    print(f"kerncijfers-vorm: {nl(len(regions))} regio's × {len(numeric)} maten = {nl(cells)} waarden; "
          f"status {result['status']}; {nl(result['seconds'], 1)} s; {nl(cells / result['seconds'])} waarden/s; "
          f"piekgeheugen {nl(result['max_rss_mb'])} MB")


def nl(value: float, decimals: int = 0) -> str:
    """Dutch number format (1.234,5), as everywhere in Perspectief."""
    from indicators.formatting import format_number

    return format_number(value, decimals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--kerncijfers", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="etl-bench-") as tmp_name:
        tmp = Path(tmp_name)
        ours_db, raw_db = tmp / "ours.db", tmp / "raw.db"
        region_codes, indicator_codes = prepare_db(f"sqlite:///{ours_db}", 25)
        prepare_db(f"sqlite:///{raw_db}", 25)
        rows = generate_rows(args.rows, region_codes, indicator_codes, years=20)
        csv_path = tmp / "cijfers.csv"
        write_csv(csv_path, rows)
        size_mb = csv_path.stat().st_size / 1e6
        result = run_child(f"sqlite:///{ours_db}", "table", csv_path)
        if result["status"] != "gereed" or result["loaded"] != len(rows):
            raise SystemExit(f"our load did not complete: {result}")
        ours = len(rows) / result["seconds"]
        raw = ceiling(raw_db, rows)
        print(f"rijen: {nl(len(rows))} ({nl(size_mb)} MB CSV)")
        print(f"onze loader (load-table, CSV → SQLite, één transactie): {nl(ours)} rijen/s "
              f"({nl(result['seconds'], 1)} s)")
        print(f"plafond (sqlite3.executemany, één transactie):          {nl(raw)} rijen/s")
        print(f"verhouding: {nl(ours / raw, 2)} (doel ≥ 0,5)")
        print(f"piekgeheugen onze loader: {nl(result['max_rss_mb'])} MB (doel < 500 MB)")
        print(f"benchmarkproces zelf: {nl(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)} MB")
        if args.kerncijfers:
            kerncijfers(tmp)


if __name__ == "__main__":
    main()
