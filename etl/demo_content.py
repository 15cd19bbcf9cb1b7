"""Demo content: Almelo's programmes Sociaal en Vitaal and Zorg en Veiligheid, read from etl/data/demo/almelo.toml.

The file holds the content; this module turns it into the rows a file load checks (db/write/rows.py) and computes
what follows from it: the fictional example series, and the status and toelichting of each example quarter.
Programmes, lines, projects and partners come from public documents of Almelo; every figure or story that is not
in those documents or in a CBS file is marked `is_example` and shown on screen as a fictional example.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from db.write.rows import (
    IndicatorRow,
    MeasurementRow,
    ObservationRow,
    ProgrammeRow,
    ProjectRow,
    ResultRow,
    StoryRow,
)
from indicators.enums import Direction, MeasurementStatus, ResultKind
from indicators.formatting import format_number
from indicators.periods import Period

CONTENT_FILE = Path(__file__).resolve().parent / "data" / "demo" / "almelo.toml"

ALMELO = "GM0141"
SV = "sociaal-en-vitaal"
ZV = "zorg-en-veiligheid"

_CONTENT: dict[str, Any] = tomllib.loads(CONTENT_FILE.read_text(encoding="utf-8"))

EXAMPLE_SOURCE: str = _CONTENT["example_source"]
DEMO_QUARTERS = [Period.parse(code) for code in _CONTENT["example_quarters"]]

# --- Indicators and their fictional example series ------------------------------------------------------------------
CBS_INDICATORS = [IndicatorRow(**row) for row in _CONTENT["cbs_indicator"]]
EXAMPLE_INDICATORS = [IndicatorRow(**row) for row in _CONTENT["example_indicator"]]


def _example_series(line: dict[str, Any], years: range) -> list[ObservationRow]:
    """A deterministic fictional series: a line with a small wave, rounded to whole percents."""
    start, slope, wobble = line["start"], line["slope"], line["wobble"]
    return [
        ObservationRow(indicator_code=line["indicator_code"], region_code=line["region_code"], period=Period.year(y),
                       value=round(start + slope * (y - years.start) + wobble * math.sin(y * 1.7), 0),
                       is_example=True, source=EXAMPLE_SOURCE)
        for y in years
    ]


def example_observations() -> list[ObservationRow]:
    """The fictional example series, then the real figures quoted from another gemeente's policy framework."""
    series = _CONTENT["example_series"]
    years = range(series["first_year"], series["last_year"] + 1)
    rows = [row for line in series["lines"] for row in _example_series(line, years)]
    return rows + [ObservationRow(**row) for row in _CONTENT["observation"]]


# --- Programmes, projects and results -------------------------------------------------------------------------------
PROGRAMMES = [ProgrammeRow(**row) for row in _CONTENT["programme"]]


def _status(target: float, realised: float, direction: Direction) -> MeasurementStatus:
    gap = (realised - target) if direction is not Direction.LESS else (target - realised)
    if gap >= 0:
        return MeasurementStatus.ON_TRACK
    return MeasurementStatus.ATTENTION if abs(gap) <= 0.1 * abs(target) else MeasurementStatus.OFF_TRACK


def _behind_note(status: MeasurementStatus, target: float, realised: float, unit: str) -> str:
    """The example toelichting of a quarter behind its target (a status other than op koers needs one)."""
    def num(v: float) -> str:
        return format_number(v, 0 if float(v).is_integer() else 1) + ("%" if unit == "%" else "")
    figures = f"{num(realised)} tegen een doel van {num(target)}" + (f" {unit}" if unit and unit != "%" else "")
    if status is MeasurementStatus.ATTENTION:
        return f"Iets achter op het doel ({figures}). De aanpak loopt door; volgend kwartaal kijken we opnieuw."
    return f"Duidelijk achter op het doel ({figures}). Bijsturing staat op de agenda van het kwartaaloverleg."


def _example_measurements(targets: list[float], realised: list[float], direction: Direction,
                          notes: dict[int, str], unit: str) -> list[MeasurementRow]:
    rows = []
    for i, (p, t, r) in enumerate(zip(DEMO_QUARTERS, targets, realised, strict=True)):
        status = _status(t, r, direction)
        note = notes.get(i) or ("" if status is MeasurementStatus.ON_TRACK else _behind_note(status, t, r, unit))
        rows.append(MeasurementRow(period=p, target=t, realised=r, status=status, explanation=note, is_example=True))
    return rows


def _result(row: dict[str, Any]) -> ResultRow:
    """A result of the file: its real measurements, then one example measurement per example quarter."""
    direction = Direction(row.get("desired_direction", Direction.MORE))
    unit = row.get("unit", "")
    notes = {int(place): text for place, text in row.get("notes", {}).items()}
    examples = _example_measurements(row["targets"], row["realised"], direction, notes, unit)
    return ResultRow(name=row["name"], kind=ResultKind(row["kind"]), unit=unit, desired_direction=direction,
                     decimals=row.get("decimals", 0),
                     measurements=[*(MeasurementRow(**m) for m in row.get("measurements", [])), *examples])


PROJECTS = [ProjectRow(**{**row, "results": [_result(r) for r in row.get("results", [])]})
            for row in _CONTENT["project"]]

# --- Stories and notes on trend points (fictional examples) --------------------------------------------------------
STORIES = [StoryRow(**row) for row in _CONTENT["story"]]


@dataclass(frozen=True)
class DemoNote:
    indicator_code: str
    region_code: str
    period: Period
    text: str
    note_date: date
    author: str = "Voorbeeld (fictief)"


NOTES = [DemoNote(**{**row, "period": Period.parse(row["period"])}) for row in _CONTENT["note"]]
