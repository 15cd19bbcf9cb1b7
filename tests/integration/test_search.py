"""The overview's search and filters on the demo database, checked against what plain SQL says is there."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from db.read.programmes import programme_cards
from db.read.search import filter_options, programmes_matching, search
from db.session import session_scope
from indicators.enums import HitKind
from indicators.search import FilterOptions, OverviewFilter, filter_cards, highlight, snippet, theme_slug

QUERIES = ["eenzaam", "clienten", "Cliënten", "HALT", "regie", "jeugd", "AVE", "scheiding"]


def _plain(value: str | None) -> str:
    """An independent fold: decompose, keep ASCII, lower case."""
    return unicodedata.normalize("NFD", value or "").encode("ascii", "ignore").decode().lower()


def _has(query: str, *fields: str | None) -> bool:
    haystack = _plain(" ".join(f or "" for f in fields))
    return all(word in haystack for word in _plain(query).split())


def _expected(session, query: str, *, programme: str | None = None, line_name: str | None = None,  # noqa: ANN001
              wijk: str | None = None) -> set[tuple[str, str, str | None]]:
    """(kind, href, programme slug) of everything that should be found, from plain SQL."""
    rows = set()
    wijk_indicators = {i for i, in session.execute(text(
        "SELECT DISTINCT o.indicator_id FROM observation o JOIN region r ON r.id = o.region_id WHERE r.code = :w"),
        {"w": wijk})} if wijk else None
    wijk_programmes = {s for s, in session.execute(text(
        "SELECT DISTINCT p.slug FROM programme p JOIN programme_indicator pi ON pi.programme_id = p.id "
        "JOIN observation o ON o.indicator_id = pi.indicator_id JOIN region r ON r.id = o.region_id "
        "WHERE r.code = :w"), {"w": wijk})} if wijk else None
    on_wijk_page = {i for i, in session.execute(text(
        "SELECT DISTINCT o.indicator_id FROM observation o JOIN region w ON w.id = o.region_id "
        "WHERE w.kind = 'wijk' AND w.parent_id IN (SELECT region_id FROM programme)"))}
    for ind_id, code, name, definition, slug, line in session.execute(text(
            "SELECT i.id, i.code, i.name, i.definition, p.slug, l.name FROM indicator i "
            "LEFT JOIN programme_indicator pi ON pi.indicator_id = i.id "
            "LEFT JOIN programme p ON p.id = pi.programme_id "
            "LEFT JOIN programme_line l ON l.id = pi.programme_line_id WHERE NOT i.needs_review")):
        if slug is None and ind_id not in on_wijk_page:
            continue
        if (programme and slug != programme) or (line_name and line != line_name):
            continue
        if wijk_indicators is not None and ind_id not in wijk_indicators:
            continue
        if _has(query, name, code, definition):
            rows.add(("indicator", f"/indicator/{code}" + (f"?regio={wijk}" if wijk else ""), slug))
    for _project_id, name, description, slug, line, first in session.execute(text(
            "SELECT pr.id, pr.name, pr.description, p.slug, l.name, "
            "(SELECT MIN(r.id) FROM result r WHERE r.project_id = pr.id) FROM project pr "
            "JOIN programme_line l ON l.id = pr.programme_line_id JOIN programme p ON p.id = l.programme_id")):
        if (programme and slug != programme) or (line_name and line != line_name) or \
                (wijk_programmes is not None and slug not in wijk_programmes):
            continue
        if _has(query, name, description):
            rows.add(("project", f"/programma/{slug}#" + (f"resultaat-{first}" if first else "resultaten"), slug))
    for result_id, name, slug, line in session.execute(text(
            "SELECT r.id, r.name, p.slug, l.name FROM result r JOIN project pr ON pr.id = r.project_id "
            "JOIN programme_line l ON l.id = pr.programme_line_id JOIN programme p ON p.id = l.programme_id")):
        if (programme and slug != programme) or (line_name and line != line_name) or \
                (wijk_programmes is not None and slug not in wijk_programmes):
            continue
        if _has(query, name):
            rows.add(("resultaat", f"/programma/{slug}#resultaat-{result_id}", slug))
    for story_id, title, summary, slug, lines in session.execute(text(
            "SELECT s.id, s.title, s.summary, p.slug, "
            "(SELECT GROUP_CONCAT(l.name, '|') FROM programme_line l WHERE l.id IN ("
            "  (SELECT programme_line_id FROM project WHERE id = s.project_id),"
            "  (SELECT pr.programme_line_id FROM result r JOIN project pr ON pr.id = r.project_id "
            "   WHERE r.id = s.result_id),"
            "  (SELECT programme_line_id FROM programme_indicator "
            "   WHERE programme_id = s.programme_id AND indicator_id = s.indicator_id))) "
            "FROM story s JOIN programme p ON p.id = s.programme_id")):
        if (programme and slug != programme) or (line_name and line_name not in (lines or "").split("|")) or \
                (wijk_programmes is not None and slug not in wijk_programmes):
            continue
        if _has(query, title, summary):
            rows.add(("verhaal", f"/verhaal/{story_id}", slug))
    return rows


def _found(hits) -> set[tuple[str, str, str | None]]:  # noqa: ANN001
    return {(h.kind.value, h.href, h.programme_slug) for h in hits}


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_what_sql_finds(demo_sqlite_url: str, query: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        expected = _expected(s, query)
        hits = search(s, query)
    assert expected, f"the demo should hold something for {query!r}"
    assert _found(hits) == expected
    assert len(hits) == len(expected)  # no duplicates


def test_search_is_case_and_accent_insensitive(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        partial = _found(search(s, "eenzaam"))
        assert ("indicator", "/indicator/eenzaamheid", "sociaal-en-vitaal") in partial
        wmo = _found(search(s, "clienten"))
        name = s.execute(text("SELECT name FROM indicator WHERE code = 'wmo-clienten'")).scalar_one()
        assert "ë" in name and ("indicator", "/indicator/wmo-clienten", None) in wmo
        assert _found(search(s, "CLIËNTEN")) == wmo == _found(search(s, "  cliënten  "))
        assert search(s, "e") == [] and search(s, "") == [] and search(s, None) == []
        assert search(s, "geen-woord-dat-er-staat") == []


def test_hits_carry_title_snippet_programme_and_a_link_that_exists(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        hits = search(s, "en")
        stories = dict(s.execute(text("SELECT s.id, p.slug FROM story s JOIN programme p ON p.id = s.programme_id")
                                 ).all())
        results = dict(s.execute(text(
            "SELECT r.id, p.slug FROM result r JOIN project pr ON pr.id = r.project_id JOIN programme_line l "
            "ON l.id = pr.programme_line_id JOIN programme p ON p.id = l.programme_id")).all())
        codes = {c for c, in s.execute(text("SELECT code FROM indicator"))}
        names = dict(s.execute(text("SELECT slug, name FROM programme")).all())
    assert {h.kind for h in hits} == set(HitKind)
    for h in hits:
        assert h.title
        assert len(h.snippet) <= 170
        if h.programme_slug:
            assert h.programme_name == names[h.programme_slug]
        if h.kind is HitKind.INDICATOR:
            assert h.href.removeprefix("/indicator/") in codes
        elif h.kind is HitKind.STORY:
            assert stories[int(h.href.removeprefix("/verhaal/"))] == h.programme_slug
        else:
            path, anchor = h.href.split("#")
            assert path == f"/programma/{h.programme_slug}"
            assert anchor == "resultaten" or results[int(anchor.removeprefix("resultaat-"))] == h.programme_slug


def test_title_matches_come_first(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        hits = search(s, "regie")
    flags = [h.title_match for h in hits]
    assert flags == sorted(flags, reverse=True) and True in flags and False in flags


def test_filter_options_come_from_the_data(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        options = filter_options(s)
        programmes = s.execute(text("SELECT slug, name FROM programme ORDER BY sort_order, name")).all()
        lines = {n for n, in s.execute(text("SELECT name FROM programme_line"))}
        wijken = s.execute(text("SELECT code, name FROM region WHERE kind = 'wijk' AND parent_id IN "
                                "(SELECT region_id FROM programme) ORDER BY code")).all()
    assert options.programmes == [tuple(r) for r in programmes]
    assert {name for _, name in options.themes} == lines
    assert options.wijken == [tuple(r) for r in wijken] and options.wijken
    assert options.clean("bestaat-niet", "ook-niet", "WK999999") == OverviewFilter()
    slug, theme, wijk = options.programmes[0][0], options.themes[0][0], options.wijken[0][0]
    assert options.clean(slug, theme, wijk.lower()) == OverviewFilter(slug, theme, wijk)


def test_programme_filter_narrows_cards_and_hits(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        cards = programme_cards(s)
        assert len(cards) >= 2
        assert filter_cards(cards, programmes_matching(s, OverviewFilter())) == cards
        for card in cards:
            flt = OverviewFilter(programme=card.slug)
            assert [c.slug for c in filter_cards(cards, programmes_matching(s, flt))] == [card.slug]
            for query in ("jeugd", "en"):
                assert _found(search(s, query, flt)) == _expected(s, query, programme=card.slug)


def test_theme_filter_is_a_programme_line(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        cards = programme_cards(s)
        lines = s.execute(text("SELECT DISTINCT l.name FROM programme_line l")).scalars().all()
        assert lines
        for line in lines:
            flt = OverviewFilter(theme=theme_slug(line))
            with_line = {slug for slug, in s.execute(text(
                "SELECT p.slug FROM programme p JOIN programme_line l ON l.programme_id = p.id WHERE l.name = :n"),
                {"n": line})}
            assert {c.slug for c in filter_cards(cards, programmes_matching(s, flt))} == with_line
            for query in ("jeugd", "en"):
                assert _found(search(s, query, flt)) == _expected(s, query, line_name=line)


@pytest.fixture
def demo_copy(demo_sqlite_url: str, tmp_path: Path) -> str:
    """A private copy of the demo database that a test may change."""
    source = Path(demo_sqlite_url.removeprefix("sqlite:///"))
    target = tmp_path / "demo-copy.db"
    shutil.copy(source, target)
    return f"sqlite:///{target}"


def test_wijk_filter_follows_the_figures_for_the_wijk(demo_copy: str) -> None:
    with session_scope(demo_copy) as s:
        wijk_code, wijk_id = s.execute(text(
            "SELECT code, id FROM region WHERE kind = 'wijk' AND parent_id IN (SELECT region_id FROM programme) "
            "ORDER BY code LIMIT 1")).one()
        flt = FilterOptions([], [], [(wijk_code, "")]).clean(wijk=wijk_code)
        before = programmes_matching(s, flt)
        assert before == {slug for slug, in s.execute(text(
            "SELECT DISTINCT p.slug FROM programme p JOIN programme_indicator pi ON pi.programme_id = p.id "
            "JOIN observation o ON o.indicator_id = pi.indicator_id WHERE o.region_id = :w"), {"w": wijk_id})}
        for query in ("clienten", "jeugd"):
            assert _found(search(s, query, flt)) == _expected(s, query, wijk=wijk_code)
        # give one programme indicator a figure for the wijk: its programme now passes, the other not
        ind_id, slug = s.execute(text(
            "SELECT i.id, p.slug FROM indicator i JOIN programme_indicator pi ON pi.indicator_id = i.id "
            "JOIN programme p ON p.id = pi.programme_id WHERE i.code = 'jeugdhulp'")).one()
        s.execute(text("INSERT INTO observation (indicator_id, region_id, period_kind, period_start, value, status, "
                       "is_example, source, file_hash, loaded_at) VALUES (:i, :w, 'jaar', :d, 12.5, 'definitief', "
                       "1, 'test', '', :d)"), {"i": ind_id, "w": wijk_id, "d": date(2023, 1, 1)})
        s.flush()
        after = programmes_matching(s, flt)
        assert after == before | {slug}
        hits = search(s, "jeugd", flt)
        assert _found(hits) == _expected(s, "jeugd", wijk=wijk_code)
        assert ("indicator", f"/indicator/jeugdhulp?regio={wijk_code}", slug) in _found(hits)
        assert all(h.programme_slug in after for h in hits if h.kind is not HitKind.INDICATOR)
        s.rollback()


def test_snippet_and_highlight() -> None:
    long = "Een lange tekst " * 20 + "over Cliënten in de wijk " + "en nog veel meer woorden " * 20
    cut = snippet(long, ["clienten"])
    assert "Cliënten" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) <= 165
    assert snippet("kort", ["x"]) == "kort"
    assert highlight("Wmo-cliënten per wijk", "CLIENTEN wijk") == [
        ("Wmo-", False), ("cliënten", True), (" per ", False), ("wijk", True)]
    assert theme_slug("Leefgebieden: mentale gezondheid en eenzaamheid") == \
        "leefgebieden-mentale-gezondheid-en-eenzaamheid"
