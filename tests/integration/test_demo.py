"""The demo loads through the ETL on both backends, with the real CBS figures and honest labels."""

from collections import Counter

from sqlalchemy import func, select

from db.models import (
    Indicator,
    Measurement,
    Observation,
    Programme,
    ProgrammeLine,
    Project,
    Region,
    RegionGroup,
    Result,
    Story,
)
from db.read.programmes import programme_cards, programme_view
from db.read.trends import comparison_options
from db.session import session_scope
from etl.demo import load_demo, load_demo_if_empty
from indicators.enums import MeasurementStatus, RegionKind, Verdict
from indicators.periods import Period


def _value(session, indicator: str, region: str, period: Period) -> Observation:  # noqa: ANN001
    return session.scalar(
        select(Observation).join(Indicator).join(Region, Region.id == Observation.region_id)
        .where(Indicator.code == indicator, Region.code == region,
               Observation.period_kind == period.kind, Observation.period_start == period.start))


def test_demo_on_both_backends(db_url: str) -> None:
    assert load_demo_if_empty(db_url) is True
    with session_scope(db_url) as s:
        kinds = Counter(dict(s.execute(select(Region.kind, func.count()).group_by(Region.kind)).all()))
        assert kinds[RegionKind.MUNICIPALITY] == 345
        assert kinds[RegionKind.DISTRICT] == 3340 and kinds[RegionKind.NEIGHBOURHOOD] == 14317
        almelo = s.scalar(select(Region).where(Region.code == "GM0141"))
        assert almelo.name == "Almelo" and almelo.population == 73155
        groups = {g.group_kind: g.group_code for g in s.scalars(select(RegionGroup).where(
            RegionGroup.region_id == almelo.id))}
        assert groups["jeugdregio"] == "JZ14" and groups["ggd_regio"] == "GG1106" and groups["provincie"] == "PV23"
        wijk = s.scalar(select(Region).where(Region.code == "WK014110"))
        assert wijk.parent_id == almelo.id
        # Real CBS figures quoted in the data index: Almelo 2023 jeugdhulp 15.3%, crime 2024 53.8 per 1 000.
        assert _value(s, "jeugdhulp", "GM0141", Period.year(2023)).value == 15.3
        assert _value(s, "jeugdhulp", "GM0034", Period.year(2023)).value == 13.7
        crime = _value(s, "misdrijven", "GM0141", Period.year(2024))
        assert crime.value == 53.8 and crime.table_id == "83648NED" and len(crime.file_hash) == 64
        assert not crime.is_example
        assert _value(s, "eenzaamheid", "GM0034", Period.year(2018)).value == 46
        assert _value(s, "eenzaamheid", "GM0141", Period.year(2020)).is_example
        # Every invented figure is flagged; every real one comes from a CBS table or a named document.
        for obs in s.scalars(select(Observation).where(Observation.is_example.is_(False))):
            assert obs.table_id or obs.source.startswith("Gemeente Almere")
        assert set(s.scalars(select(Programme.name))) == {"Sociaal en Vitaal", "Zorg en Veiligheid"}
        pact = s.scalar(select(Project).where(Project.name == "Pact Scheiden Zonder Schade"))
        partners = [m.realised for m in pact.results[0].measurements if not m.is_example]
        assert partners == [10, 19]
        for programme in s.scalars(select(Programme)):
            assert s.scalar(select(func.count()).select_from(Story).where(Story.programme_id == programme.id)) >= 3
    assert load_demo_if_empty(db_url) is False


def test_demo_reload_changes_nothing(db_url: str) -> None:
    load_demo(db_url)

    def snapshot() -> tuple:
        with session_scope(db_url) as s:
            return (s.scalar(select(func.count()).select_from(Observation)),
                    s.scalar(select(func.count()).select_from(Region)),
                    s.scalar(select(func.count()).select_from(Measurement)),
                    round(s.scalar(select(func.sum(Observation.value))), 6))

    before = snapshot()
    load_demo(db_url)
    assert snapshot() == before


def test_overview_counts_match_an_independent_count(db_url: str) -> None:
    load_demo(db_url)
    with session_scope(db_url) as s:
        cards = {c.slug: c for c in programme_cards(s)}
        for programme in s.scalars(select(Programme)):
            card = cards[programme.slug]
            # results: status of each result's latest quarter with a realised value, counted here by hand
            expected = Counter()
            results = s.scalars(select(Result).join(Project).join(ProgrammeLine)
                                .where(ProgrammeLine.programme_id == programme.id)).all()
            for result in results:
                done = sorted((m for m in result.measurements if m.realised is not None), key=lambda m: m.period_start)
                expected[done[-1].status] += 1
            assert card.result_count == len(results)
            for status in MeasurementStatus:
                assert card.result_statuses.get(status, 0) == expected[status]
            assert card.story_count == s.scalar(select(func.count()).select_from(Story)
                                                .where(Story.programme_id == programme.id))
            assert sum(card.verdicts.values()) == card.trend_count == len(programme.indicator_links)


def test_programme_view_verdicts_follow_the_data(db_url: str) -> None:
    load_demo(db_url)
    with session_scope(db_url) as s:
        view = programme_view(s, "zorg-en-veiligheid", ["NL01", "GM0153", "WK014110", "XX"])
        crime = next(t for t in view.trends if t.indicator.code == "misdrijven")
        # Almelo: 59.6 per 1 000 in 2022 (baseline), 53.8 in 2024; "minder" is the goal -> desired.
        assert crime.summary.baseline.value == 59.6 and crime.summary.latest.value == 53.8
        assert crime.summary.verdict is Verdict.DESIRED
        assert list(crime.series) == ["GM0141", "NL01", "GM0153"]  # unknown codes dropped
        youth = next(t for t in programme_view(s, "sociaal-en-vitaal").trends if t.indicator.code == "jeugdhulp")
        assert youth.summary.latest.value == 15.3 and youth.summary.verdict is Verdict.UNDESIRED
        options = comparison_options(s, "GM0141")
        assert {o.code for o in options if o.group == "wijk"} >= {"WK014110", "WK014121"}
        assert any(o.code == "GM0153" for o in options)  # Enschede, jeugdregio Twente
        assert programme_view(s, "bestaat-niet") is None


def test_indicator_view_shows_provenance_and_period_kinds(db_url: str) -> None:
    from db.read.indicator import indicator_view
    from indicators.enums import PeriodKind

    load_demo(db_url)
    with session_scope(db_url) as s:
        view = indicator_view(s, "jeugdhulp", "GM0141", ["NL01", "GM0034"], PeriodKind.HALF_YEAR)
        assert view.period_kind is PeriodKind.HALF_YEAR
        assert {PeriodKind.YEAR, PeriodKind.HALF_YEAR} <= set(view.available_kinds)
        assert list(view.series) == ["GM0141", "NL01", "GM0034"]
        assert {table for _, table, _, _ in view.loads} == {"82972NED", "85098NED"}
        assert all(len(h) == 64 for _, _, h, _ in view.loads)
        assert view.programmes == [("sociaal-en-vitaal", "Sociaal en Vitaal")]
        assert indicator_view(s, "bestaat-niet") is None
