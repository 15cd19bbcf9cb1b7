"""What "Financiën" must show for the demo, computed straight from the shipped files – independent of the loader,
the taakveld groups and the read queries: the test lists the taakveld codes of each demo programme per code list
itself, adds up the file's `Lasten`, and finds the comparable gemeenten in CBS 85067NED itself."""

from __future__ import annotations

import csv
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from sqlalchemy import text

PROJECT = Path(__file__).resolve().parent.parent
IV3 = PROJECT / "etl" / "data" / "iv3" / "iv3-per-gemeente"
REGIONS = PROJECT / "etl" / "data" / "cbs" / "85067NED" / "data.csv"

# The demo programmes' taakvelden, written out by hand from CBS's code lists (not from indicators.taakveld_groups).
OLD = {  # boekjaren 2023–2024
    "wmo": ["6.6", "6.71", "6.71a", "6.71b", "6.71c", "6.71d", "6.81", "6.81a", "6.81b"],
    "participatie": ["6.4", "6.5"],
    "toegang": ["6.2"],
    "jeugd": ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c",
              "6.82", "6.82a", "6.82b"],
    "veiligheid": ["1.2"],
    "volksgezondheid": ["7.1"],
}
NEW = {  # boekjaren 2025–2026
    "wmo": ["6.60", "6.711", "6.712", "6.713", "6.714", "6.791", "6.811", "6.812", "6.91"],
    "participatie": ["6.4", "6.5"],
    "toegang": ["6.21", "6.22", "6.23"],
    "jeugd": ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792", "6.821", "6.822", "6.92"],
    "veiligheid": ["1.2"],
    "volksgezondheid": ["7.1"],
}
PROGRAMMES = {"sociaal-en-vitaal": ["wmo", "participatie", "toegang"],
              "zorg-en-veiligheid": ["jeugd", "veiligheid", "volksgezondheid"]}
FILES = {(2023, "begroting"): "2023_begroting", (2023, "realisatie"): "2023_jaarrekening",
         (2024, "begroting"): "2024_begroting", (2025, "begroting"): "2025_begroting"}


@lru_cache
def rows(stem: str) -> tuple[dict[str, str], ...]:
    with open(IV3 / f"{stem}.csv", encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh, delimiter=";"))


def codes(year: int, groups: list[str]) -> set[str]:
    table = NEW if year >= 2025 else OLD
    return {c for g in groups for c in table[g]}


def _code(taakveld_label: str) -> str:
    return taakveld_label.strip().split(" ", 1)[0]


def lasten(year: int, kind: str, gemeenten: set[str] | None, groups: list[str]) -> float:
    """Sum of `Lasten` (€ 1.000) over the gemeenten (None: all, without the `Nederland` rows) and the groups."""
    wanted = codes(year, groups)
    return sum(float(r["Lasten"]) for r in rows(FILES[(year, kind)])
               if _code(r["Taakveld"]) in wanted and r["Gemeenten"] != "Nederland"
               and (gemeenten is None or r["Gemeenten"] in gemeenten))


def inhabitants(year: int, kind: str, gemeenten: set[str] | None) -> int:
    seen = {r["Gemeenten"]: int(r["Inwonertal"]) for r in rows(FILES[(year, kind)]) if r["Gemeenten"] != "Nederland"
            and (gemeenten is None or r["Gemeenten"] in gemeenten)}
    return sum(seen.values())


@lru_cache
def peers(gemeente: str = "Almelo") -> frozenset[str]:
    """Gemeenten with the same gemeentegrootte (Code_50) and stedelijkheid (Code_52) in 85067NED, itself left out."""
    with open(REGIONS, encoding="utf-8-sig", newline="") as fh:
        regions = [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]
    own = next(r for r in regions if r["Naam_2"] == gemeente)
    return frozenset(r["Naam_2"] for r in regions if r["Code_50"] == own["Code_50"] and r["Code_52"] == own["Code_52"]
                     and r["Naam_2"] != gemeente)


def per_inhabitant(year: int, kind: str, gemeenten: set[str] | None, groups: list[str]) -> float:
    return lasten(year, kind, gemeenten, groups) * 1000 / inhabitants(year, kind, gemeenten)


def _half_up(value: float, decimals: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def money(thousands: float) -> str:
    """'€ 67,9 mln' – written here, not with the app's formatter."""
    millions = f"{_half_up(thousands / 1000, 1):,}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"€ {millions} mln"


def euros(value: float) -> str:
    return "€ " + f"{_half_up(value, 0):,}".replace(",", ".")


def actuality_score(session, slug: str, today: date, max_age: int = 2) -> int:  # noqa: ANN001
    """Actualiteit as the issue defines it, with plain SQL on the database (not with db.read.actuality): trends
    whose newest figure (yearly, where the indicator has yearly figures) is at most `max_age` years old, running
    results measured in the last closed quarter, results whose status asks for a toelichting that have one, stories
    under a year old."""
    pid, region = session.execute(text("SELECT id, region_id FROM programme WHERE slug = :s"), {"s": slug}).one()
    ok = total = 0
    for (ind,) in session.execute(text("SELECT indicator_id FROM programme_indicator WHERE programme_id = :p"),
                                  {"p": pid}):
        # every period lies within one calendar year, so the year of its start is the year it ends in; the yearly
        # figures count where there are any (the series the trend card shows), else every kind
        rows = session.execute(text(
            "SELECT period_start, period_kind FROM observation WHERE indicator_id = :i AND region_id = :r "
            "AND value IS NOT NULL"), {"i": ind, "r": region}).all()
        yearly = [start for start, kind in rows if kind == "jaar"]
        years = [int(str(start)[:4]) for start in (yearly or [start for start, _ in rows])]
        total += 1
        ok += bool(years) and max(years) >= today.year - max_age
    current = (today.month - 1) // 3  # 0 … 3: the quarter we are in; the one before it is the last closed one
    quarter_start = date(today.year, 3 * current - 2, 1) if current else date(today.year - 1, 10, 1)
    results = session.execute(text(
        "SELECT r.id, p.status FROM result r JOIN project p ON p.id = r.project_id JOIN programme_line l "
        "ON l.id = p.programme_line_id WHERE l.programme_id = :p AND r.workflow_state = 'gepubliceerd' "
        "AND p.workflow_state = 'gepubliceerd'"), {"p": pid}).all()
    for rid, status in results:
        ms = session.execute(text(
            "SELECT id, period_start, realised, status, explanation FROM measurement WHERE result_id = :r "
            "AND workflow_state = 'gepubliceerd' ORDER BY period_start, id"), {"r": rid}).all()
        if status == "lopend":
            total += 1
            ok += any(str(m[1])[:10] == quarter_start.isoformat() and m[2] is not None for m in ms)
        with_value = [m for m in ms if m[2] is not None]
        if with_value and with_value[-1][3] in ("aandacht", "niet_op_koers"):
            notes = session.execute(text("SELECT count(*) FROM measurement_note WHERE measurement_id = :m AND "
                                         "workflow_state = 'gepubliceerd'"), {"m": with_value[-1][0]}).scalar()
            total += 1
            ok += bool((with_value[-1][4] or "").strip()) or notes > 0
    for (day,) in session.execute(text("SELECT story_date FROM story WHERE programme_id = :p AND "
                                       "workflow_state = 'gepubliceerd'"), {"p": pid}):
        total += 1
        ok += date.fromisoformat(str(day)[:10]) > today.replace(year=today.year - 1)
    return ok * 100 // total
