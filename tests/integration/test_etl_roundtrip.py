"""Property-based tests (hypothesis): random valid tables written the ways spreadsheets and CBS write them load
back exactly; the bulk validation agrees cell by cell with the exact parser."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from etl_support import CBS_DATA, copy_sqlite
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.models import Indicator, Observation, Region
from db.session import get_engine, session_scope
from etl import cli
from etl.validation import RECORD_COLUMNS, Context, validate_chunk
from indicators.enums import ObservationStatus
from indicators.periods import Period
from indicators.values import ValueError_, parse_value

_BASE: dict[str, Path] = {}
REGIONS = ["GM0141", "GM0034", "GM0363", "GM0599", "GM0344", "GM1680", "GM0014", "NL01"]
MARKERS = {".": ObservationStatus.MISSING, "x": ObservationStatus.SECRET, "-": ObservationStatus.MISSING,
           "?": ObservationStatus.MISSING, "": ObservationStatus.MISSING}


def _base_db() -> Path:
    """Regions loaded once per worker; each example works on its own copy."""
    if "path" not in _BASE:
        folder = Path(tempfile.mkdtemp(prefix="roundtrip-"))
        url = f"sqlite:///{folder / 'base.db'}"
        assert cli.main(["--database-url", url, "load-cbs", str(CBS_DATA / "85067NED"), "--quiet"]) == 0
        get_engine(url).dispose()
        _BASE["path"] = folder / "base.db"
    return _BASE["path"]


periods = st.one_of(
    st.integers(1990, 2030).map(Period.year),
    st.tuples(st.integers(1990, 2030), st.integers(1, 4)).map(lambda t: Period.quarter(*t)),
    st.tuples(st.integers(1990, 2030), st.integers(1, 12)).map(lambda t: Period.month(*t)),
    st.tuples(st.integers(1990, 2030), st.integers(1, 2)).map(lambda t: Period.half_year(*t)),
)
values = st.one_of(
    st.tuples(st.integers(-10_000_000, 10_000_000), st.integers(0, 3)).map(lambda t: round(t[0] / 10 ** t[1], t[1])),
    st.sampled_from(list(MARKERS)),
)


def _period_text(period: Period, style: int) -> str:
    """The same period as CBS codes, ISO-like codes or Dutch words."""
    if style == 0:  # CBS: 2023JJ00, 2023HJ01, 2023KW03, 2023MM03
        y, m = period.start.year, period.start.month
        kind = period.kind.value
        if kind == Period.year(2000).kind.value:
            return f"{y}JJ00"
        if kind == Period.half_year(2000, 1).kind.value:
            return f"{y}HJ0{(m - 1) // 6 + 1}"
        if kind == Period.quarter(2000, 1).kind.value:
            return f"{y}KW0{(m - 1) // 3 + 1}"
        return f"{y}MM{m:02d}"
    if style == 1:
        return period.code  # 2023, 2023-H1, 2023-Q3, 2023-03
    return period.label  # 1e halfjaar 2023, 3e kwartaal 2023, mrt 2023


def _dutch(value: float, thousands: bool) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + frac if frac else "")


tables = st.lists(
    st.tuples(st.sampled_from(["a-meting", "b-meting", "c-meting"]), st.sampled_from(REGIONS), periods, values),
    min_size=1, max_size=60, unique_by=lambda r: (r[0], r[1], r[2].kind, r[2].start),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=tables, dutch=st.booleans(), thousands=st.booleans(), period_style=st.integers(0, 2),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), pad=st.booleans())
def test_random_valid_tables_round_trip(rows: list, dutch: bool, thousands: bool, period_style: int, encoding: str,
                                        pad: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = copy_sqlite(_base_db(), Path(tmp) / "db.db")
        sep = ";" if dutch else ","
        lines = [sep.join(["indicator", "regio", "periode", "waarde", "indicator_naam"])]
        for code, region, period, value in rows:
            if isinstance(value, str):
                cell = value
            elif dutch:
                cell = _dutch(value, thousands)
            else:
                cell = f"{value:.3f}".rstrip("0").rstrip(".")
            region_cell = region.ljust(10) if pad else region
            lines.append(sep.join([code, region_cell, _period_text(period, period_style), cell, f"Meting {code}"]))
        path = Path(tmp) / "tabel.csv"
        path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
        args = ["--database-url", url, "load-table", str(path), "--quiet", "--decimal", "," if dutch else "."]
        assert cli.main(args) == 0
        with session_scope(url) as s:
            loaded = {(i, r, kind, start): (v, st_) for i, r, kind, start, v, st_ in s.execute(
                select(Indicator.code, Region.code, Observation.period_kind, Observation.period_start,
                       Observation.value, Observation.status)
                .join(Indicator, Indicator.id == Observation.indicator_id)
                .join(Region, Region.id == Observation.region_id)
                .where(Indicator.code.in_(["a-meting", "b-meting", "c-meting"])))}
        expected = {}
        for code, region, period, value in rows:
            key = (code, region, period.kind, period.start)
            expected[key] = (None, MARKERS[value]) if isinstance(value, str) else (value, ObservationStatus.DEFINITIVE)
        assert loaded.keys() == expected.keys()
        for key, (value, status) in expected.items():
            got_value, got_status = loaded[key]
            assert got_status == status, key
            assert (got_value is None and value is None) or math.isclose(got_value, value, rel_tol=0, abs_tol=1e-9), key
        get_engine(url).dispose()


cells = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64).map(repr),
    st.integers(-10**12, 10**12).map(str),
    st.sampled_from([".", "x", "-", "?", "", "  12,5 ", "1.234,5", "1,234.5", "12.5*", "1e400", "-0", "+3",
                     "1.2.3", "abc", "nan", "inf", "−4,5", "\u00a012", "12,", ",5", "5.", ".5", "0x10"]),
    st.text(alphabet="0123456789,.-+ eE*x?", max_size=10),
)


@settings(max_examples=300, deadline=None)
@given(raw=st.lists(cells, min_size=1, max_size=40), decimal=st.sampled_from([",", "."]))
def test_bulk_validation_agrees_with_the_exact_parser(raw: list[str], decimal: str) -> None:
    """validate_chunk's fast vectorised path must accept, reject and read exactly what parse_value does."""
    chunk = pd.DataFrame({"line": np.arange(2, len(raw) + 2), "column": "waarde", "indicator": "i",
                          "region": "GM0141", "period": "2023", "value": pd.Series(raw, dtype=object),
                          "provisional": np.zeros(len(raw), dtype=bool)}, columns=RECORD_COLUMNS)
    ctx = Context(file="f.csv", decimal=decimal, region_ids={"GM0141": 1}, indicator_ids={"i": 1})
    good, errors = validate_chunk(chunk, ctx)
    by_line = {int(r.line): (r.value, r.status) for r in good.itertuples()}
    bad_lines = {e.line for e in errors}
    for line, cell in zip(range(2, len(raw) + 2), raw, strict=True):
        try:
            value, status = parse_value(cell, decimal=decimal)
        except ValueError_:
            assert line in bad_lines and line not in by_line, cell
            continue
        assert line in by_line and line not in bad_lines, cell
        got_value, got_status = by_line[line]
        assert got_status == status.value, cell
        if value is None:
            assert got_value is None or (isinstance(got_value, float) and math.isnan(got_value)), cell
        else:
            assert math.isclose(got_value, value, rel_tol=1e-15, abs_tol=0), cell


records = st.tuples(
    st.sampled_from(["i", "", "  i  "]),
    st.sampled_from(["GM0141", "GM0141    ", " gm0141", "GM9999", "Almelo", "", "WK014110", "BU01411000", "NL01"]),
    st.one_of(st.sampled_from(["2023", "2023JJ00", "2023KW02", "2023MM13", "2023HJ03", "3e kwartaal 2023", "2023*",
                               "mrt 2023", "2023-Q5", "", "0000", "twintig", "2023-13", "Q3 2023"]),
              st.text(alphabet="0123456789-QKWJMH ", max_size=9)),
    cells,
    st.booleans(),
)
KNOWN_REGIONS = {"GM0141": 1, "GM9999": 2, "WK014110": 3, "BU01411000": 4, "NL01": 5}


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(records, min_size=1, max_size=30), decimal=st.sampled_from([",", "."]))
def test_bulk_validation_agrees_with_the_pydantic_rule_book(rows: list, decimal: str) -> None:
    """Whole records: validate_chunk accepts exactly what RawObservation (pydantic) accepts, with its value."""
    from etl.validation import RawObservation, reason_for

    chunk = pd.DataFrame({"line": np.arange(2, len(rows) + 2), "column": "waarde",
                          "indicator": [r[0] for r in rows], "region": [r[1] for r in rows],
                          "period": [r[2] for r in rows], "value": pd.Series([r[3] for r in rows], dtype=object),
                          "provisional": np.array([r[4] for r in rows], dtype=bool)}, columns=RECORD_COLUMNS)
    ctx = Context(file="f.csv", decimal=decimal, region_ids=KNOWN_REGIONS, indicator_ids={"i": 1})
    good, errors = validate_chunk(chunk, ctx)
    accepted = {int(r.line): r for r in good.itertuples()}
    rejected = {e.line: e for e in errors}
    for line, (indicator, region, period, value, provisional) in zip(range(2, len(rows) + 2), rows, strict=True):
        record = {"indicator": indicator, "region": region, "period": period, "value": value,
                  "provisional": provisional}
        reason = reason_for(record, decimal)
        if indicator != "i" or reason:  # unknown indicator, or the rule book refuses it
            assert line in rejected and line not in accepted, record
            if indicator == "i":
                assert rejected[line].reason == reason, record
            continue
        assert line in accepted and line not in rejected, record
        rule = RawObservation.from_record(record, decimal)
        got = accepted[line]
        assert got.status == rule.status.value, record
        assert (got.period_kind, got.period_start) == (rule.period.kind.value, rule.period.start), record
        assert got.region_id == KNOWN_REGIONS[rule.region_code], record
        if rule.value is None:
            assert got.value is None or math.isnan(got.value), record
        else:
            assert math.isclose(got.value, rule.value, rel_tol=1e-15, abs_tol=0), record
