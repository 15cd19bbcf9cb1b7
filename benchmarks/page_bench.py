"""Page benchmark: server time of every callback of the programme page and the overview on a scale database,
against the floor (one plain SQL query fetching the same rows).

    .venv/bin/python benchmarks/page_bench.py [--repeat 30] [--wijk-indicatoren 40] [--programmas 10] [--bewaar PAD]

1. Builds a scale SQLite database in a temp dir: migrated (Alembic), the demo loaded with `etl.demo.load_demo`
   (all 18 015 regions of 85067NED and 85318NED: 345 gemeenten, 3 340 wijken, 14 317 buurten; the real CBS
   series; Almelo's two programmes with their results and stories), then 400 generated indicators with 20 years
   (2006–2025) for Nederland and every gemeente, and for 40 of them (`--wijk-indicatoren`; CBS publishes far
   fewer figures per wijk) also for every wijk: about 5,4 million observations, inserted with raw
   `sqlite3.executemany` in one transaction. Six of the indicators (three with wijk figures) are linked to each
   demo programme, so each programme page shows ten trends.
2. Times, server-side, every callback of the programme page and the overview – the functions registered with
   `callback(...)`: the router's `resolve` (which builds `overview.layout` and `programme.layout`, also with
   the result table's filter and sort from the URL), `update_trends` (and `update_results`, where the page has
   it) – called directly in a Flask app context on the scale database, each followed by the JSON encoding Dash
   applies to its answer, in a fresh process that imports only the app (as a server would; the build leaves
   garbage that slows Python's GC). Two warm-up calls, then --repeat timed calls. Comparison regions: Nederland, three
   gemeenten of the jeugdregio and three of Almelo's wijken; one stress row with every offered region (fewer
   calls). Finally copies of the demo programmes are added until there are --programmas, and the overview is
   timed again. A callback of these pages that the benchmark does not know is named at the end. The app
   calls `gc.freeze()` when it is created (app.create_app); --gc-freeze freezes once more after the
   benchmark's own set-up. `show_trend_table` (a trend card's table, built when it is first opened) is timed
   for the programme's first trend with wijk figures.
3. The floor: one plain SQL query (sqlite3, same pragmas as our engine) fetching the rows that callback shows:
   the yearly observations of the programme's indicators for home and comparison regions (overview: every
   programme's indicators in its home region), or the measurements of the programme's results.
4. Prints p50/p95 of both, their ratio and whether the target holds (p95 ≤ 150 ms and ≤ 3 × the floor's
   p95), and where the time goes (p50): data (the `indicators` query function the callback calls), building
   the Dash components, JSON encoding.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N_INDICATORS = 400
YEARS = range(2006, 2026)
HOME = "GM0141"  # Almelo, home of the demo programmes
SLUGS = ("sociaal-en-vitaal", "zorg-en-veiligheid")
TARGET_MS = 150.0
TARGET_RATIO = 3.0
RESULT_FILTER = "&status=aandacht&sorteer=status"
PRAGMAS = ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536")  # as db/session.py


def nl(value: float, decimals: int = 0) -> str:
    """Dutch number format (1.234,5), as everywhere in Perspectief."""
    from indicators.formatting import format_number

    return format_number(value, decimals)


# --- the scale database --------------------------------------------------------------------------------------------


def bench_code(i: int) -> str:
    return f"bench-{i:03d}"


def wijk_indicators(n_wijk: int) -> list[int]:
    """Which of the 400 indicators also have wijk figures: every k-th one."""
    step = max(1, N_INDICATORS // max(1, n_wijk))
    return list(range(0, N_INDICATORS, step))[:n_wijk]


def linked_indicators(wijk: list[int], programmes: int) -> list[list[int]]:
    """Six bench indicators per programme: three with wijk figures, three gemeente-only (cycling)."""
    without = [i for i in range(N_INDICATORS) if i not in set(wijk)]
    return [[wijk[(3 * p + k) % len(wijk)] for k in range(3)] + [without[(3 * p + k) % len(without)] for k in range(3)]
            for p in range(programmes)]


def build_database(url: str, db_path: Path, n_wijk: int) -> dict[str, float]:
    from sqlalchemy import select

    from db.migrate import upgrade
    from db.models import DataLoad, Indicator, Programme
    from db.session import session_scope
    from db.write import loads as loader
    from db.write.rows import IndicatorRow
    from etl.demo import load_demo
    from indicators.enums import Direction

    t0 = time.perf_counter()
    upgrade(url)
    load_demo(url)
    t_demo = time.perf_counter() - t0
    wijk = wijk_indicators(n_wijk)
    with session_scope(url) as session:
        loader.upsert_indicators(session, [IndicatorRow(
            code=bench_code(i), name=f"Benchmark-indicator {i:03d}", unit="per 1.000 inwoners",
            source="Benchmark (gegenereerd)", cbs_table_id="85318NED" if i in wijk else "85067NED",
            desired_direction=Direction.MORE if i % 2 else Direction.LESS, decimals=1,
            definition="Gegenereerde reeks voor de paginabenchmark.") for i in range(N_INDICATORS)])
        load_id = loader.start_load(session, source="Benchmark (gegenereerd)", table_id=None).id
        ids = dict(session.execute(select(Indicator.code, Indicator.id)).all())
        for slug, numbers in zip(SLUGS, linked_indicators(wijk, len(SLUGS)), strict=True):
            link_indicators(session, session.scalar(select(Programme).where(Programme.slug == slug)),
                            [ids[bench_code(i)] for i in numbers])
    t1 = time.perf_counter()
    rows = insert_observations(db_path, [ids[bench_code(i)] for i in range(N_INDICATORS)],
                               {ids[bench_code(i)] for i in wijk}, load_id)
    t_obs = time.perf_counter() - t1
    with session_scope(url) as session:
        loader.finish_load(session.get(DataLoad, load_id), rows, rows,
                           "Gegenereerde waarnemingen voor benchmarks/page_bench.py")
    return {"demo": t_demo, "observations": t_obs, "rows": rows, "total": time.perf_counter() - t0}


def link_indicators(session, programme, indicator_ids: list[int]) -> None:  # noqa: ANN001 - Session, Programme
    """Trends on the programme page after the programme's own: lines in turn, a target on every third."""
    from db.models import ProgrammeIndicator

    first, lines = len(programme.indicator_links), programme.lines
    for k, indicator_id in enumerate(indicator_ids):
        session.add(ProgrammeIndicator(
            programme_id=programme.id, indicator_id=indicator_id, sort_order=first + k,
            programme_line_id=lines[k % len(lines)].id if lines else None,
            target_value=100.0 if k % 3 == 0 else None, target_year=2026 if k % 3 == 0 else None))


def insert_observations(db_path: Path, indicator_ids: list[int], wijk_ids: set[int], load_id: int) -> int:
    """20 years per indicator for Nederland and every gemeente, and for the wijk indicators every wijk too;
    raw executemany in one transaction, in (indicator, region, period) order like a real load."""
    from db.session import get_engine

    get_engine(f"sqlite:///{db_path}").dispose()  # no other connection: the journal mode can change
    con = sqlite3.connect(db_path, isolation_level=None)
    # For the build only: a rollback journal (WAL would write every page twice), a big cache, and no CHECK
    # constraints (they cost 60 % of the insert rate; the generated values are valid by construction).
    for pragma in ("foreign_keys=ON", "journal_mode=DELETE", "synchronous=OFF", "cache_size=-1048576",
                   "ignore_check_constraints=ON"):
        con.execute(f"PRAGMA {pragma}")
    gemeente_level, wijk_level = [], []
    for region_id, kind in con.execute("SELECT id, kind FROM region WHERE kind IN ('land', 'gemeente', 'wijk') "
                                       "ORDER BY id"):
        (wijk_level if kind == "wijk" else gemeente_level).append(region_id)
    loaded_at = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")  # as SQLAlchemy stores it
    starts = [f"{y}-01-01" for y in YEARS]
    rnd = random.Random(20261128)

    def rows():  # noqa: ANN202 - a generator of tuples
        for ind in indicator_ids:
            for region in sorted(gemeente_level + wijk_level) if ind in wijk_ids else gemeente_level:
                value, slope = rnd.uniform(5, 500), rnd.uniform(-0.03, 0.03)
                for start in starts:
                    value = max(0.0, value * (1 + slope + rnd.uniform(-0.02, 0.02)))
                    missing = rnd.random() < 0.01
                    yield (ind, region, "jaar", start, None if missing else round(value, 1),
                           "ontbreekt" if missing else "definitief", 0, "Benchmark (gegenereerd)", None, "",
                           loaded_at, load_id)

    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO observation (indicator_id, region_id, period_kind, period_start, value, status, is_example, "
        "source, table_id, file_hash, loaded_at, load_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows())
    con.execute("COMMIT")
    n = con.execute("SELECT count(*) FROM observation WHERE load_id = ?", (load_id,)).fetchone()[0]
    con.execute("PRAGMA journal_mode=WAL")  # back to what our engine uses
    con.close()
    return n


def add_programmes(url: str, total: int, n_wijk: int) -> int:
    """Copies of the demo programmes (lines, projects, results, stories, six bench trends each) until there are
    `total` programmes, as a gemeente with a full begroting has; returns the count."""
    from sqlalchemy import func, select

    from db.models import Indicator, Programme
    from db.session import session_scope
    from db.write import loads as loader
    from etl.demo_content import PROGRAMMES, PROJECTS, STORIES

    with session_scope(url) as session:
        existing = session.scalar(select(func.count()).select_from(Programme))
        ids = dict(session.execute(select(Indicator.code, Indicator.id)).all())
        links = linked_indicators(wijk_indicators(n_wijk), total)
        for n in range(existing, total):
            source = PROGRAMMES[n % len(PROGRAMMES)]
            slug = f"{source.slug}-{n}"
            programme = loader.replace_programme(session, source.model_copy(update={
                "slug": slug, "name": f"{source.name} ({n})"}))
            for project in (p for p in PROJECTS if p.programme_slug == source.slug):
                loader.add_project(session, project.model_copy(update={"programme_slug": slug}))
            for story in (s for s in STORIES if s.programme_slug == source.slug):
                loader.add_story(session, story.model_copy(update={"programme_slug": slug}))
            session.refresh(programme)
            link_indicators(session, programme, [ids[bench_code(i)] for i in links[n]])
        return session.scalar(select(func.count()).select_from(Programme))


# --- timing --------------------------------------------------------------------------------------------------------


@dataclass
class Case:
    label: str
    function: str
    callback: Callable[[], object]
    data: Callable[[], object]  # the indicators query function the callback calls
    floor: Callable[[], list]
    repeat: int


def p50_p95(runs: list[float]) -> tuple[float, float]:
    return statistics.median(runs), statistics.quantiles(runs, n=20, method="inclusive")[18]


def timed(fn: Callable[[], object], repeat: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return runs


def measure(case: Case) -> dict[str, float]:
    """Callback + JSON (total, and JSON alone), the data function alone, and the floor."""
    from dash._utils import to_json

    gc.collect()  # every series starts from the same heap
    f50, f95 = p50_p95(timed(case.floor, case.repeat))
    gc.collect()
    for _ in range(2):
        to_json(case.callback())
    total, json_part = [], []
    for _ in range(case.repeat):
        t0 = time.perf_counter()
        answer = case.callback()
        t1 = time.perf_counter()
        to_json(answer)
        t2 = time.perf_counter()
        total.append((t2 - t0) * 1000)
        json_part.append((t2 - t1) * 1000)
    p50, p95 = p50_p95(total)
    gc.collect()
    d50, d95 = p50_p95(timed(case.data, case.repeat))
    return {"p50": p50, "p95": p95, "f50": f50, "f95": f95, "d50": d50, "d95": d95,
            "json": statistics.median(json_part)}


def floor_connection(db_path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(db_path, check_same_thread=False)
    for pragma in PRAGMAS:
        con.execute(f"PRAGMA {pragma}")
    return con


OBSERVATIONS_SQL = """
SELECT o.indicator_id, r.code, o.period_start, o.value, o.status, o.is_example, o.source, o.table_id, o.loaded_at
FROM observation o JOIN region r ON r.id = o.region_id
WHERE o.indicator_id IN (SELECT pi.indicator_id FROM programme_indicator pi JOIN programme p ON p.id = pi.programme_id
                         WHERE p.slug = ?)
  AND r.code IN ({codes}) AND o.period_kind = 'jaar'
ORDER BY o.period_start"""

ONE_INDICATOR_SQL = """
SELECT o.indicator_id, r.code, o.period_start, o.value, o.status, o.is_example, o.source, o.table_id, o.loaded_at
FROM observation o JOIN region r ON r.id = o.region_id JOIN indicator i ON i.id = o.indicator_id
WHERE i.code = ? AND r.code IN ({codes}) AND o.period_kind = 'jaar'
ORDER BY o.period_start"""

OVERVIEW_SQL = """
SELECT p.slug, o.indicator_id, o.period_start, o.value, o.status, o.is_example, o.source, o.table_id, o.loaded_at
FROM programme p JOIN programme_indicator pi ON pi.programme_id = p.id
JOIN observation o ON o.indicator_id = pi.indicator_id AND o.region_id = p.region_id AND o.period_kind = 'jaar'
ORDER BY p.sort_order, pi.sort_order, o.period_start"""

RESULTS_SQL = """
SELECT l.name, pr.name, r.name, r.kind, m.period_kind, m.period_start, m.target, m.realised, m.status, m.explanation
FROM programme p JOIN programme_line l ON l.programme_id = p.id JOIN project pr ON pr.programme_line_id = l.id
JOIN result r ON r.project_id = pr.id JOIN measurement m ON m.result_id = r.id
WHERE p.slug = ? ORDER BY l.sort_order, pr.id, r.id, m.period_start"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--wijk-indicatoren", type=int, default=40, dest="wijk")
    parser.add_argument("--programmas", type=int, default=10, help="programmes for the second overview timing")
    parser.add_argument("--bewaar", type=Path, help="build the scale database at this path and keep it")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="measure as if the app called gc.freeze() after start (a proposed fix)")
    parser.add_argument("--meet", choices=("pagina's", "overzicht"), help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meet:
        print(json.dumps(measure_all(args.db, args.repeat, args.meet, args.gc_freeze)))
        return
    with tempfile.TemporaryDirectory(prefix="page-bench-") as tmp_name:
        db_path = args.bewaar or Path(tmp_name) / "schaal.db"
        if db_path.exists():
            raise SystemExit(f"{db_path} bestaat al")
        built = build_database(f"sqlite:///{db_path}", db_path, args.wijk)
        pages = child(db_path, args, "pagina's")
        count = add_programmes(f"sqlite:///{db_path}", args.programmas, args.wijk)
        overview = child(db_path, args, "overzicht")
        report(db_path, built, args, pages, overview, count)


def child(db_path: Path, args: argparse.Namespace, which: str) -> dict:
    """Measure in a fresh process that imports only the app, like a server (the build leaves garbage behind)."""
    command = [sys.executable, __file__, "--meet", which, "--db", str(db_path), "--repeat", str(args.repeat)]
    done = subprocess.run([*command, *(["--gc-freeze"] if args.gc_freeze else [])], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"meten mislukt:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_all(db_path: Path, repeat: int, which: str, freeze: bool) -> dict:  # noqa: PLR0915
    from dash._callback import GLOBAL_CALLBACK_MAP
    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    import app as app_module
    from dashboard import router
    from dashboard.data import read_session
    from dashboard.pages import programme
    from db.read.programmes import programme_cards, programme_trend_views, programme_view
    from db.read.trends import comparison_options
    from settings import Settings

    url = f"sqlite:///{db_path}"
    dash_app = app_module.create_app(Settings(database_url=url, load_demo=False, debug=False))
    con = floor_connection(db_path)
    with dash_app.server.app_context():
        with read_session() as session:
            options = comparison_options(session, HOME)
        groups: dict[str, list[str]] = {}
        for o in options:
            groups.setdefault(o.group, []).append(o.code)
        everything = list(groups.values())  # one checklist per group, as on the page
        # Typical: Nederland, three gemeenten of the jeugdregio, three of Almelo's own wijken.
        typical = [codes[:3] if group in ("land", "wijk") or group.startswith("Gemeenten in jeugdregio") else []
                   for group, codes in groups.items()]
        typical_codes = [c for g in typical for c in g]
        all_codes = [c for g in everything for c in g]
        search = "?vergelijk=" + ",".join(typical_codes)

        def data(fn: Callable, *arguments: object) -> Callable[[], object]:
            def call() -> object:
                with read_session() as session:
                    return fn(session, *arguments)
            return call

        def observations(slug: str, codes: list[str]) -> Callable[[], list]:
            sql = OBSERVATIONS_SQL.format(codes=",".join("?" * len(codes)))
            return lambda: con.execute(sql, (slug, *codes)).fetchall()

        def results_callback(slug: str) -> Callable[[], object]:
            def call() -> object:  # Dash sets the callback context before it calls; so do we
                context_value.set(AttributeDict(triggered_inputs=[{"prop_id": "resultaten-status.value",
                                                                   "value": "aandacht"}], updated_props={}))
                return programme.update_results("aandacht", "alle", "status", "", slug, search)
            return call

        with read_session() as session:
            count = len(programme_cards(session))
        cases = [Case(f"overzicht / ({count} programma's)", "resolve → overview.layout",
                      lambda: router.resolve("/", ""), data(programme_cards),
                      lambda: con.execute(OVERVIEW_SQL).fetchall(), repeat)]
        for slug in SLUGS if which == "pagina's" else ():
            short = slug.split("-")[0]
            cases += [
                Case(f"programma {short}: pagina", "resolve → programme.layout",
                     lambda s=slug: router.resolve(f"/programma/{s}", search),
                     data(programme_view, slug, typical_codes), observations(slug, [HOME, *typical_codes]), repeat),
                Case(f"programma {short}: vergelijking", "update_trends",
                     lambda s=slug: programme.update_trends(typical, s, search),
                     data(programme_trend_views, slug, typical_codes), observations(slug, [HOME, *typical_codes]),
                     repeat),
            ]
            with read_session() as session:
                found = programme_trend_views(session, slug, typical_codes)
            code = next((t.indicator.code for t in found[1] if len(t.series) > 4), found[1][0].indicator.code)
            codes = [HOME, *typical_codes]
            cases.append(Case(f"programma {short}: tabel van één trend", "show_trend_table",
                              lambda s=slug, c=code: programme.show_trend_table(1, {"code": c}, s, search),
                              data(programme_trend_views, slug, typical_codes, code),
                              lambda c=code, cs=codes: con.execute(
                                  ONE_INDICATOR_SQL.format(codes=",".join("?" * len(cs))), (c, *cs)).fetchall(),
                              repeat))
            if slug == SLUGS[0]:  # the result table filtered and sorted through the URL (its GET form)
                cases.append(Case(f"programma {short}: resultaten gefilterd", "resolve → programme.layout",
                                  lambda s=slug: router.resolve(f"/programma/{s}", f"{search}{RESULT_FILTER}"),
                                  data(programme_view, slug, typical_codes),
                                  observations(slug, [HOME, *typical_codes]), repeat))
            if hasattr(programme, "update_results"):  # the result table filtered by a callback
                from db.read.results import programme_results

                cases.append(Case(f"programma {short}: resultaten", "update_results", results_callback(slug),
                                  data(programme_results, slug),
                                  lambda s=slug: con.execute(RESULTS_SQL, (s,)).fetchall(), repeat))
        if which == "pagina's":
            cases.append(Case(f"stress: alle {len(all_codes)} regio's ({max(5, repeat // 3)}×)", "update_trends",
                              lambda: programme.update_trends(everything, SLUGS[0], search),
                              data(programme_trend_views, SLUGS[0], all_codes),
                              observations(SLUGS[0], [HOME, *all_codes]), max(5, repeat // 3)))
        if freeze:
            gc.collect()
            gc.freeze()
        load_before = os.getloadavg()[0]
        rows = [{"label": case.label, "function": case.function, **measure(case)} for case in cases]
        load_after = os.getloadavg()[0]
    con.close()
    covered = {"resolve", "update_trends", "show_trend_table"}
    covered |= {"update_results"} if hasattr(programme, "update_results") else set()
    page_modules = {"dashboard.pages.programme", "dashboard.pages.overview", "dashboard.router"}
    missing = sorted({f"{f.__module__}.{f.__name__}" for entry in GLOBAL_CALLBACK_MAP.values()
                      if (f := getattr(entry.get("callback"), "__wrapped__", entry.get("callback"))) is not None
                      and f.__module__ in page_modules and f.__name__ not in covered})
    return {"typical": typical_codes, "load": [load_before, load_after], "missing": missing, "rows": rows}


def report(db_path: Path, built: dict[str, float], args: argparse.Namespace, pages: dict, overview: dict,
           count: int) -> None:
    con = sqlite3.connect(db_path)
    total_rows = con.execute("SELECT count(*) FROM observation").fetchone()[0]
    con.close()
    print(f"schaaldatabase: {nl(built['rows'])} gegenereerde waarnemingen ({N_INDICATORS} indicatoren × "
          f"{len(YEARS)} jaar voor Nederland en 345 gemeenten, {args.wijk} ervan ook voor 3.340 wijken) + de demo")
    print(f"waarnemingen in totaal: {nl(total_rows)}; bestand {nl(db_path.stat().st_size / 1e6)} MB")
    print(f"opbouw: {nl(built['total'], 1)} s (migratie + demo {nl(built['demo'], 1)} s, waarnemingen "
          f"{nl(built['observations'], 1)} s = {nl(built['rows'] / built['observations'])} rijen/s); daarna "
          f"kopieën van de demoprogramma's tot {count} programma's voor de tweede meting van het overzicht")
    print(f"thuisregio {HOME}; vergelijking {', '.join(pages['typical'])}; {args.repeat} metingen na 2 keer "
          "opwarmen, in een vers proces met alleen de app" + (" en gc.freeze()" if args.gc_freeze else "")
          + "; ms; callback inclusief het JSON-antwoord van Dash")
    load = [*pages["load"], *overview["load"]]
    print(f"belasting van de machine tijdens het meten (load average 1 min): {nl(min(load), 2)} tot "
          f"{nl(max(load), 2)} op {os.cpu_count()} kernen")
    rows = pages["rows"] + overview["rows"]
    header = (f"{'callback':<40} {'functie':<27} {'p50':>7} {'p95':>7} {'vloer p50':>9} {'vloer p95':>9} "
              f"{'p95/vloer':>9}  doel (p95 ≤ {nl(TARGET_MS)} ms en ≤ {nl(TARGET_RATIO)}× vloer)")
    print(header)
    print("-" * len(header))
    for r in rows:
        ratio = r["p95"] / r["f95"]
        verdict = "gehaald" if r["p95"] <= TARGET_MS and ratio <= TARGET_RATIO else "NIET gehaald: " + " en ".join(
            x for x, bad in ((f"> {nl(TARGET_MS)} ms", r["p95"] > TARGET_MS),
                             (f"> {nl(TARGET_RATIO)}× vloer", ratio > TARGET_RATIO)) if bad)
        print(f"{r['label']:<40} {r['function']:<27} {nl(r['p50'], 1):>7} {nl(r['p95'], 1):>7} "
              f"{nl(r['f50'], 2):>9} {nl(r['f95'], 2):>9} {nl(ratio, 1):>9}  {verdict}")
    print()
    print("waar de tijd heen gaat (p50, ms): data = de query-functie uit indicators/ die de callback aanroept; "
          "opbouw = Dash-componenten en figuren; JSON = het antwoord coderen")
    header = f"{'callback':<40} {'data':>7} {'data p95':>8} {'data/vloer':>10} {'opbouw':>7} {'JSON':>7}"
    print(header)
    print("-" * len(header))
    for r in rows:
        build = max(0.0, r["p50"] - r["d50"] - r["json"])
        print(f"{r['label']:<40} {nl(r['d50'], 1):>7} {nl(r['d95'], 1):>8} {nl(r['d95'] / r['f95'], 1):>10} "
              f"{nl(build, 1):>7} {nl(r['json'], 1):>7}")
    if pages["missing"]:
        print(f"let op, niet gemeten callbacks: {', '.join(pages['missing'])}")


if __name__ == "__main__":
    main()
