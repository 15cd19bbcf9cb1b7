"""The quarter report's pure parts: "what changed" between two hand-built programme reports, its Dutch wording,
quarter codes, and the SVG chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from dashboard.components.quarter_parts import change_text, note_meta
from dashboard.components.svg_chart import trend_svg
from indicators.enums import ChangeKind, Movement
from indicators.periods import Period, PeriodError, last_ended_quarter, parse_quarter
from indicators.quarter import (
    Change,
    MeasurementItem,
    NoteItem,
    ProgrammeReport,
    ResultItem,
    StoryItem,
    TrendItem,
    TrendPoint,
    what_changed,
)


def trend(points: dict[str, float], movement: Movement | None, side: Movement | None) -> TrendItem:
    pts = [TrendPoint(period=k, value=v) for k, v in points.items()]
    last = list(points)[-1]
    return TrendItem(code="t", name="Trend", unit="%", decimals=1, direction="minder", source="s", table_id=None,
                     line_name=None, target_value=None, target_year=None, region_name="Almelo", points=pts,
                     verdict="x", sentence="x", latest_period=last, latest_value=points[last], previous_value=None,
                     baseline_value=10.0, movement=movement, baseline_side=side, has_example=False)


def result(history: list[tuple[str, float, float, str]]) -> ResultItem:
    items = [MeasurementItem(period=p, target=t, realised=r, status=s) for p, t, r, s in history]
    return ResultItem(id=7, name="Bereik", kind="hoeveel", unit="deelnemers", decimals=0, direction="meer",
                      line_name="L", project_name="P", current=items[-1] if items else None, history=items)


def story(story_id: int, day: date) -> StoryItem:
    return StoryItem(id=story_id, kind="film", title=f"Verhaal {story_id}", summary="", story_date=day,
                     is_example=False, project_name=None, result_name=None, indicator_code=None,
                     indicator_name=None, media_url=None)


def programme(trends: list[TrendItem], results: list[ResultItem], stories: list[StoryItem]) -> ProgrammeReport:
    return ProgrammeReport(slug="p", name="P", vision="", region_name="Almelo", baseline_year=2022, is_demo=False,
                           trends=trends, results=results, stories=stories)


def test_nothing_changed_between_identical_quarters() -> None:
    p = programme([trend({"2023": 11, "2024": 12}, Movement.UP, Movement.UP)],
                  [result([("2026-Q2", 10, 9, "aandacht")])], [story(1, date(2026, 5, 1))])
    assert what_changed(p, p) == []


def test_every_kind_of_change_and_its_order() -> None:
    before = programme([trend({"2023": 11, "2024": 12}, Movement.UP, Movement.UP)],
                       [result([("2026-Q1", 5, 5, "op_koers"), ("2026-Q2", 10, 9, "aandacht")])],
                       [story(1, date(2026, 5, 1))])
    after = programme([trend({"2023": 11.4, "2024": 12, "2025": 9}, Movement.DOWN, Movement.DOWN)],
                      [result([("2026-Q1", 5, 6, "op_koers"), ("2026-Q2", 10, 9, "aandacht"),
                               ("2026-Q3", 15, 10, "niet_op_koers")])],
                      [story(2, date(2026, 8, 1))])
    kinds = [c.kind for c in what_changed(before, after)]
    assert kinds == [ChangeKind.STATUS_CHANGE, ChangeKind.TREND_TURNED, ChangeKind.CROSSED_BASELINE,
                     ChangeKind.CORRECTED_MEASUREMENT, ChangeKind.CORRECTED_FIGURE, ChangeKind.NEW_FIGURE,
                     ChangeKind.NEW_MEASUREMENT, ChangeKind.NEW_STORY]


def test_flat_moves_are_not_turns_and_a_first_quarter_has_only_news() -> None:
    before = programme([trend({"2024": 12}, Movement.UP, Movement.UP)], [], [])
    after = programme([trend({"2024": 12}, Movement.FLAT, Movement.FLAT)], [], [])
    assert what_changed(before, after) == []
    first = what_changed(None, programme([trend({"2024": 12}, None, None)], [result([("2026-Q3", 1, 1, "op_koers")])],
                                         [story(3, date(2026, 7, 1))]))
    assert [c.kind for c in first] == [ChangeKind.NEW_FIGURE, ChangeKind.NEW_MEASUREMENT, ChangeKind.NEW_STORY]


@pytest.mark.parametrize(("change", "text"), [
    (Change(kind=ChangeKind.STATUS_CHANGE, subject="Bereik", ref="7", period="2026-Q3", before="op_koers",
            after="niet_op_koers"), "Bereik: op koers → niet op koers (3e kwartaal 2026)"),
    (Change(kind=ChangeKind.CORRECTED_MEASUREMENT, subject="Bereik", ref="7", period="2026-Q2", before=1234.0,
            after=1240.5, unit="deelnemers"), "Bereik, 2e kwartaal 2026: was 1.234 deelnemers, is nu 1.241 deelnemers"),
    (Change(kind=ChangeKind.NEW_MEASUREMENT, subject="Bereik", ref="7", period="2026-Q3", after=-0.5, target=3,
            unit="%", decimals=1), "Bereik: −0,5% in het 3e kwartaal 2026 (doel 3,0%)"),
    (Change(kind=ChangeKind.TREND_TURNED, subject="Armoede", ref="a", period="2025", before="omhoog",
            after="omlaag"), "Armoede ging omhoog en gaat nu omlaag (2025)"),
    (Change(kind=ChangeKind.NEW_STORY, subject="Een film", ref="3", period="2026-10-03", after="film"),
     "Een film (film, 3 okt 2026)"),
])
def test_change_texts_are_plain_dutch(change: Change, text: str) -> None:
    assert change_text(change) == text


def test_note_meta() -> None:
    note = NoteItem(id=1, kind="actiepunt", text="x", owner="Team", due_date=date(2026, 12, 1), done_on=None,
                    recorded_in="2026-Q2", carried=True)
    assert note_meta(note) == "eigenaar Team · gereed 1 dec 2026 · open · uit het overleg over het 2e kwartaal 2026"


def test_quarter_codes() -> None:
    assert parse_quarter("2026-Q3") == Period.quarter(2026, 3)
    for bad in ("2026-Q5", "2026Q3", "2026-q3", "2026-H1", "", "2026-Q3.pdf"):
        with pytest.raises(PeriodError):
            parse_quarter(bad)
    assert last_ended_quarter(date(2026, 11, 28)).code == "2026-Q3"
    assert last_ended_quarter(date(2026, 1, 1)).code == "2025-Q4"


def test_svg_chart_is_wellformed_and_labelled() -> None:
    svg = trend_svg([TrendPoint(period="2021", value=14.6), TrendPoint(period="2023", value=15.3)],
                    [TrendPoint(period="2021", value=12.0)], "Almelo", "Nederland", "%", 1, 2022, (12.0, 2026),
                    "Grafiek: jeugdhulp & meer")
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Grafiek: jeugdhulp & meer"
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "basisjaar" in texts and "Almelo" in texts and "Nederland" in texts and "Doel 2026: 12,0%" in texts
    assert len(root.findall(f"{ns}polyline")) == 2
