"""Dated notes on trend points ("why up, why down?"), on SQLite and PostgreSQL: the notes query per period and
region, the flags on the indicator chart, the note column of its table, the programme trend cards and the demo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import plotly.graph_objects as go
from dash import dcc, html
from sqlalchemy import select

from dashboard.components.trend_card import trend_card
from dashboard.components.trend_chart import create_figure, data_table, notes_list
from dashboard.pages.indicator import figures
from db.models import Indicator, IndicatorNote, Observation, Region
from db.read.indicator import indicator_view
from db.read.programmes import programme_view
from db.read.trends import notes_by_indicator, notes_for
from db.session import session_scope
from db.write import loads as loader
from db.write.rows import IndicatorRow, ObservationRow, RegionRow
from etl.demo import _replace_example_notes
from etl.demo_content import ALMELO, NOTES
from indicators.enums import PeriodKind, RegionKind
from indicators.notes import matching_period, numbered
from indicators.periods import Period

ALMELO_VALUES = {2019: 12.8, 2020: 13.6, 2021: 14.6, 2022: 14.6}
ENSCHEDE_VALUES = {2019: 11.0, 2020: 11.5, 2021: 12.0, 2022: 12.2}
HALF_YEARS = {(2022, 1): 12.7, (2022, 2): 12.9}


def _seed(url: str) -> dict[str, int]:
    """Two gemeenten, two indicators (one with year and half-year figures) and notes on both."""
    with session_scope(url) as s:
        loader.upsert_regions(s, [RegionRow(code="NL01", name="Nederland", kind=RegionKind.COUNTRY),
                                  RegionRow(code="GM0141", name="Almelo", kind=RegionKind.MUNICIPALITY),
                                  RegionRow(code="GM0153", name="Enschede", kind=RegionKind.MUNICIPALITY)])
        loader.upsert_indicators(s, [IndicatorRow(code="hulp", name="Jongeren met hulp", unit="%"),
                                     IndicatorRow(code="anders", name="Iets anders", unit="%")])
        load = loader.start_load(s, source="test")
        rows = [ObservationRow(indicator_code="hulp", region_code=code, period=Period.year(y), value=v)
                for code, values in (("GM0141", ALMELO_VALUES), ("GM0153", ENSCHEDE_VALUES))
                for y, v in values.items()]
        rows += [ObservationRow(indicator_code="hulp", region_code="GM0141", period=Period.half_year(y, h), value=v)
                 for (y, h), v in HALF_YEARS.items()]
        rows.append(ObservationRow(indicator_code="anders", region_code="GM0141", period=Period.year(2020), value=1))
        loader.upsert_observations(s, rows, load)
        loader.finish_load(load, len(rows), len(rows))
        ids = dict(s.execute(select(Indicator.code, Indicator.id)).all())
        regions = dict(s.execute(select(Region.code, Region.id)).all())

        def note(ind: str, region: str, period: Period, text: str, written: date) -> IndicatorNote:
            return IndicatorNote(indicator_id=ids[ind], region_id=regions[region], period_kind=period.kind,
                                 period_start=period.start, text=text, note_date=written)

        s.add_all([
            note("hulp", "GM0141", Period.year(2021), "Tweede noot 2021", date(2022, 5, 2)),
            note("hulp", "GM0141", Period.year(2020), "Corona: hulp begon later", date(2021, 3, 1)),
            note("hulp", "GM0141", Period.year(2021), "Eerste noot 2021", date(2022, 5, 1)),
            note("hulp", "GM0141", Period.half_year(2022, 2), "Nieuwe aanpak gestart", date(2023, 2, 1)),
            note("hulp", "GM0153", Period.year(2020), "Enschede: andere telling", date(2021, 4, 1)),
            note("anders", "GM0141", Period.year(2020), "Hoort bij een andere indicator", date(2021, 1, 1)),
        ])
        return ids


def _texts(notes: dict) -> dict[str, list[str]]:
    return {p.code: [n.text for n in lst] for p, lst in notes.items()}


def _walk(component: object) -> Iterator[object]:
    yield component
    children = getattr(component, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            yield from _walk(child)
    elif children is not None:
        yield from _walk(children)


def _text(component: object) -> str:
    if isinstance(component, str):
        return component
    children = getattr(component, "children", None)
    if children is None:
        return ""
    if isinstance(children, (list, tuple)):
        return "".join(_text(c) for c in children)
    return _text(children)


def _rows(table: html.Table) -> list[list[str]]:
    """The table as text: the header row first, then the body rows."""
    return [[_text(cell) for cell in row.children] for row in _walk(table) if isinstance(row, html.Tr)]


def test_notes_query_keys_notes_by_period_per_region(db_url: str) -> None:
    ids = _seed(db_url)
    with session_scope(db_url) as s:
        almelo = notes_for(s, ids["hulp"], "GM0141")
        # keyed by period in time order; two notes on one period in the order they were written
        assert _texts(almelo) == {"2020": ["Corona: hulp begon later"],
                                  "2021": ["Eerste noot 2021", "Tweede noot 2021"],
                                  "2022-H2": ["Nieuwe aanpak gestart"]}
        assert [p.code for p in almelo] == ["2020", "2021", "2022-H2"]
        assert all(n.region_code == "GM0141" and not n.is_example for lst in almelo.values() for n in lst)
        assert _texts(notes_for(s, ids["hulp"], "GM0153")) == {"2020": ["Enschede: andere telling"]}
        assert notes_for(s, ids["hulp"], "NL01") == {}
        every = notes_for(s, ids["hulp"])  # no region: all regions
        assert sorted(n.region_code for n in every[Period.year(2020)]) == ["GM0141", "GM0153"]
        both = notes_by_indicator(s, [ids["hulp"], ids["anders"]], ["GM0141"])
        assert _texts(both[ids["anders"]]) == {"2020": ["Hoort bij een andere indicator"]}
        assert sum(map(len, both[ids["hulp"]].values())) == 4
        assert notes_by_indicator(s, [], ["GM0141"]) == {} and notes_by_indicator(s, [ids["hulp"]], []) == {}
        # the numbers shared by chart, table and list follow time order
        assert [(i, n.text) for i, n in numbered(almelo)] == [
            (1, "Corona: hulp begon later"), (2, "Eerste noot 2021"), (3, "Tweede noot 2021"),
            (4, "Nieuwe aanpak gestart")]


def test_a_note_belongs_to_the_point_that_covers_its_period() -> None:
    years = [Period.year(y) for y in (2021, 2022, 2023)]
    halves = [Period.half_year(2022, 1), Period.half_year(2022, 2)]
    assert matching_period(Period.year(2022), years) == Period.year(2022)
    assert matching_period(Period.quarter(2022, 3), years) == Period.year(2022)  # a quarter on a year chart
    assert matching_period(Period.year(2022), halves) == Period.half_year(2022, 2)  # a year: its last half
    assert matching_period(Period.year(2019), years) is None


def test_indicator_chart_flags_each_note_on_its_point_and_the_table_holds_it(db_url: str) -> None:
    _seed(db_url)
    with session_scope(db_url) as s:
        view = indicator_view(s, "hulp", "GM0141", ["GM0153"])
    assert list(view.series) == ["GM0141", "GM0153"]
    assert _texts(view.notes) == {"2020": ["Corona: hulp begon later"],
                                  "2021": ["Eerste noot 2021", "Tweede noot 2021"],
                                  "2022-H2": ["Nieuwe aanpak gestart"]}  # the home region's notes only

    fig = create_figure(view.series, view.region_names, "%", 1, height=360, notes=view.notes)
    go.Figure(fig)  # a valid plotly figure
    flags = [a for a in fig["layout"]["annotations"] if a.get("name") == "toelichting"]
    assert [(a["x"], a["y"], a["text"]) for a in flags] == [
        (2020.0, 13.6, "1"), (2021.0, 14.6, "2, 3"), (2022.0, 14.6, "4")]  # the half-year note on its year
    assert "2020: Corona: hulp begon later" in flags[0]["hovertext"]
    assert "2e halfjaar 2022: Nieuwe aanpak gestart" in flags[2]["hovertext"]
    assert "Enschede" not in " ".join(a["hovertext"] for a in flags)
    assert not [a for a in create_figure(view.series, view.region_names, "%", 1)["layout"]["annotations"]
                if a.get("name") == "toelichting"]

    rows = _rows(data_table(view.series, view.region_names, "%", 1, caption="Hulp", notes=view.notes))
    head, body = rows[0], rows[1:]
    assert head[-1] == "Toelichting"
    notes_of = {(r[0], r[1]): r[-1] for r in body}
    assert notes_of[("Almelo", "2020")] == "1. Corona: hulp begon later"
    assert notes_of[("Almelo", "2021")] == "2. Eerste noot 2021 3. Tweede noot 2021"
    assert notes_of[("Almelo", "2022")] == "4. 2e halfjaar 2022: Nieuwe aanpak gestart"
    assert notes_of[("Almelo", "2019")] == "" and notes_of[("Enschede", "2020")] == ""
    assert "Toelichting" not in _rows(data_table(view.series, view.region_names, "%", 1, caption="Hulp"))[0]

    items = [li for li in _walk(notes_list(view.series, view.notes, view.region_names)) if isinstance(li, html.Li)]
    assert [(li.value, li.children) for li in items] == [
        (1, "2020: Corona: hulp begon later"), (2, "2021: Eerste noot 2021"), (3, "2021: Tweede noot 2021"),
        (4, "2e halfjaar 2022: Nieuwe aanpak gestart")]


def test_half_year_view_puts_notes_on_half_years(db_url: str) -> None:
    _seed(db_url)
    with session_scope(db_url) as s:
        view = indicator_view(s, "hulp", "GM0141", [], PeriodKind.HALF_YEAR)
    fig = create_figure(view.series, view.region_names, "%", 1, notes=view.notes)
    flags = [(a["x"], a["y"], a["text"]) for a in fig["layout"]["annotations"] if a.get("name") == "toelichting"]
    assert flags == [(2022.5, 12.9, "4")]  # 2020 and 2021 have no half-year figures here
    items = [li.children for li in _walk(notes_list(view.series, view.notes, view.region_names))
             if isinstance(li, html.Li)]
    assert items[0].startswith("2020: Corona") and "niet in de grafiek en de tabel" in items[0]
    assert items[3] == "2e halfjaar 2022: Nieuwe aanpak gestart"


def test_demo_notes_on_the_indicator_page_and_the_trend_card(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        stored = s.execute(select(IndicatorNote.period_kind, IndicatorNote.period_start, IndicatorNote.is_example,
                                  Region.code).join(Region, Region.id == IndicatorNote.region_id)).all()
        assert len(stored) == len(NOTES) >= 2 and all(is_example for _, _, is_example, _ in stored)
        values = dict(s.execute(
            select(Observation.period_start, Observation.value).join(Region, Region.id == Observation.region_id)
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .where(Indicator.code == "jeugdhulp", Region.code == ALMELO, Observation.period_kind == PeriodKind.YEAR)
        ).all())
        view = indicator_view(s, "jeugdhulp")
        programme = programme_view(s, "sociaal-en-vitaal")
    assert view.home_code == ALMELO and len([n for lst in view.notes.values() for n in lst]) == len(NOTES)

    parts = figures(view)
    graph = next(c for part in parts for c in _walk(part) if isinstance(c, dcc.Graph))
    flags = [a for a in graph.figure["layout"]["annotations"] if a.get("name") == "toelichting"]
    first = NOTES[0]
    assert first.period.kind is PeriodKind.YEAR
    assert (flags[0]["x"], flags[0]["y"], flags[0]["text"]) == (float(first.period.start.year),
                                                                values[first.period.start], "1")
    assert flags[0]["hovertext"].startswith(f"<b>1</b> {first.period.label}: ") and "(voorbeeld)" in \
        flags[0]["hovertext"]
    table = next(c for part in parts for c in _walk(part) if isinstance(c, html.Table))
    rows = _rows(table)
    assert rows[0][-1] == "Toelichting"
    row = next(r for r in rows[1:] if r[0] == "Almelo" and r[1] == first.period.label)
    assert row[-1] == f"1. {first.text} (voorbeeld)"
    listed = [li.children for part in parts for li in _walk(part) if isinstance(li, html.Li)]
    assert listed[0] == f"{first.period.label}: {first.text} (voorbeeld)"

    trend = next(t for t in programme.trends if t.indicator.code == "jeugdhulp")
    assert sum(map(len, trend.notes.values())) == len(NOTES)
    assert all(not t.notes for t in programme.trends if t.indicator.code != "jeugdhulp")
    link = next(c for c in _walk(trend_card(trend, programme.baseline_year)) if isinstance(c, dcc.Link)
                and "toelichting" in _text(c))
    assert _text(link).startswith(f"{len(NOTES)} toelichtingen")
    assert link.href == f"/indicator/jeugdhulp?regio={ALMELO}#indicator-figuren"


def test_demo_notes_replace_only_example_notes(db_url: str) -> None:
    """Loading the demo again replaces its example notes, never a gemeente's own (load_demo runs this step)."""
    with session_scope(db_url) as s:
        loader.upsert_regions(s, [RegionRow(code=ALMELO, name="Almelo", kind=RegionKind.MUNICIPALITY)])
        loader.upsert_indicators(s, [IndicatorRow(code="jeugdhulp", name="Jongeren met jeugdhulp", unit="%")])
        s.flush()
        s.add(IndicatorNote(indicator_id=s.scalar(select(Indicator.id)), region_id=s.scalar(select(Region.id)),
                            period_kind=PeriodKind.YEAR, period_start=date(2019, 1, 1), text="Eigen noot",
                            note_date=date(2020, 1, 1)))
    for _ in range(2):
        with session_scope(db_url) as s:
            _replace_example_notes(s)
    with session_scope(db_url) as s:
        notes = notes_for(s, s.scalar(select(Indicator.id)), ALMELO)
    assert {p.code: [(n.text, n.is_example) for n in lst] for p, lst in notes.items()} == {
        "2019": [("Eigen noot", False)], **{n.period.code: [(n.text, True)] for n in NOTES}}
