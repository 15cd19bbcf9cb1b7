"""What the open-data API returns, on real SQLite and PostgreSQL: the demo with concept (draft) items added and the
quarter 2026-Q3 published. The API shows exactly what the public pages show – counts, verdicts and values computed
here independently from the database, and compared with the programme page and the downloads – drafts never
appear anywhere, CSV and JSON carry the same rows, and a published quarter comes back as it was frozen."""

from __future__ import annotations

import csv
import io
import json
import time
from collections import Counter
from datetime import date

import pytest
import schemathesis
from flask import Flask
from sqlalchemy import select

from dashboard.api import VERSION
from dashboard.api.routes import register_api
from dashboard.auth import SESSION_AT, SESSION_USER, SESSION_VERSION, install_auth
from dashboard.components.summary import programme_summary
from dashboard.data import CONFIG_KEY
from dashboard.downloads import register_downloads
from dashboard.exports.routes import register_quarter_routes
from dashboard.public_url import BASE_URL_KEY
from dashboard.quarter_cli import renderers
from db.accounts import create_user
from db.migrate import upgrade
from db.models import (
    Indicator,
    Measurement,
    MeasurementNote,
    Observation,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Result,
    Story,
)
from db.session import session_scope
from db.write.quarter import publish_quarter
from etl.demo import load_demo
from indicators.actuality import is_outdated
from indicators.enums import MeasurementStatus, ResultKind, StoryKind, WorkflowState
from indicators.periods import Period, PeriodKind
from indicators.trends import Point, Verdict, summarise_trend
from settings import Settings
from tests import finance_expect as fx
from tests.conftest import BACKENDS, _postgres_database, _sqlite_database
from tests.dash_tree import components, strings

PUBLIC = "https://open.gemeente.example/"  # BASE_URL: every absolute link of the API is on it, never on the Host

DRAFT = "CONCEPT-ONZICHTBAAR"  # in the name of every draft item: it must never come out of the API
Q3 = Period.quarter(2026, 3)
SLUGS = ("sociaal-en-vitaal", "zorg-en-veiligheid")
COLLECTIONS = ("/programmas", "/programmas/sociaal-en-vitaal/resultaten", "/programmas/zorg-en-veiligheid/resultaten",
               "/programmas/sociaal-en-vitaal/financien", "/programmas/zorg-en-veiligheid/financien", "/indicatoren",
               "/indicatoren/jeugdhulp/waarnemingen?regioCode=GM0141", "/regios?soort=gemeente",
               "/verhalen", "/kwartalen")


def add_drafts(url: str) -> dict[str, int]:
    """Concept items of every kind the editors make, next to published ones: a story, a project with a result and
    its measurement, a result in a published project, a measurement of the next quarter and one of a published
    result's note. None of them is published."""
    concept = WorkflowState.CONCEPT
    with session_scope(url) as s:
        programme = s.scalar(select(Programme).where(Programme.slug == SLUGS[0]))
        line = s.scalar(select(ProgrammeLine).where(ProgrammeLine.programme_id == programme.id))
        published_project = s.scalar(select(Project).where(Project.programme_line_id == line.id))
        published_result = published_project.results[0]
        q4 = Period.quarter(2026, 4)
        project = Project(programme_line_id=line.id, name=f"{DRAFT} project", workflow_state=concept)
        project.results = [Result(name=f"{DRAFT} resultaat in conceptproject", kind=ResultKind.HOW_MUCH, unit="x",
                                  measurements=[Measurement(period_kind=Q3.kind, period_start=Q3.start, target=1,
                                                            realised=1, status=MeasurementStatus.ON_TRACK)])]
        result = Result(project_id=published_project.id, name=f"{DRAFT} resultaat", kind=ResultKind.HOW_WELL,
                        unit="%", workflow_state=concept,
                        measurements=[Measurement(period_kind=Q3.kind, period_start=Q3.start, target=5, realised=4,
                                                  status=MeasurementStatus.OFF_TRACK)])
        measurement = Measurement(result_id=published_result.id, period_kind=q4.kind, period_start=q4.start,
                                  target=99, realised=98, status=MeasurementStatus.OFF_TRACK,
                                  explanation=f"{DRAFT} meting", workflow_state=concept)
        story = Story(programme_id=programme.id, result_id=published_result.id, kind=StoryKind.QUOTE,
                      title=f"{DRAFT} verhaal", summary="nog niet af", story_date=date(2026, 11, 1), consent=True,
                      workflow_state=concept)
        s.add_all([project, result, measurement, story])
        s.flush()
        q3_measurement = next(m for m in published_result.measurements if m.period_start == Q3.start)
        s.add(MeasurementNote(measurement_id=q3_measurement.id, text=f"{DRAFT} toelichting",
                              note_date=date(2026, 10, 2), workflow_state=concept))
        return {"story": story.id, "result": result.id}


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """(database URL, a Flask server with the API, the downloads and the quarter files, the draft ids)."""
    if request.param == "sqlite":
        cm = _sqlite_database(tmp_path_factory.mktemp("api"))
    else:
        cm = _postgres_database(request.getfixturevalue("postgres_server"))
    with cm as url:
        upgrade(url)
        load_demo(url)
        with session_scope(url) as s:
            publish_quarter(s, Q3, renderers("http://test/"), published_by="Programmaraad")
        drafts = add_drafts(url)  # after publishing: the frozen quarter cannot hold them either
        server = Flask("api-test")
        server.config.update({CONFIG_KEY: url, "SECRET_KEY": "test", "TESTING": True, BASE_URL_KEY: PUBLIC})
        install_auth(server, Settings(database_url=url))
        register_api(server)
        register_downloads(server)
        register_quarter_routes(server)
        yield url, server, drafts


def get(server: Flask, path: str, **headers: str):  # noqa: ANN201 - a test response
    answer = server.test_client().get(f"/api/v1{path}", headers=headers)
    assert answer.headers["API-Version"] == VERSION
    return answer


def every_page(server: Flask, path: str, accept: str = "application/json") -> list:
    """All rows of a collection, following its Link headers."""
    rows, url = [], f"/api/v1{path}{'&' if '?' in path else '?'}paginaGrootte=7"
    while url:
        answer = server.test_client().get(url, headers={"Accept": accept})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        rows += answer.get_json() if accept == "application/json" else list(
            csv.DictReader(io.StringIO(answer.get_data(as_text=True)), delimiter=";"))
        links = dict(reversed(part.split("; rel=")) for part in answer.headers["Link"].split(", "))
        nxt = links.get('"next"')
        url = nxt.strip("<>").removeprefix(PUBLIC.rstrip("/")) if nxt else None
    assert len(rows) == int(answer.headers["X-Total-Count"])
    return rows


# --- what the pages show, computed here from the database ----------------------------------------------------------
def expected_programme(url: str, slug: str) -> dict:
    """Verdicts of the trends (yearly figures of the programme's gemeente, judged by the shared rule), the status of
    each published result's latest measurement with a value, and the published stories – read with plain queries."""
    with session_scope(url) as s:
        p = s.scalar(select(Programme).where(Programme.slug == slug))
        trends = {}
        for link in s.scalars(select(ProgrammeIndicator).where(ProgrammeIndicator.programme_id == p.id)):
            ind = s.get(Indicator, link.indicator_id)
            points = [Point(Period(start, PeriodKind.YEAR), value, status.value) for start, value, status in s.execute(
                select(Observation.period_start, Observation.value, Observation.status)
                .where(Observation.indicator_id == ind.id, Observation.region_id == p.region_id,
                       Observation.period_kind == PeriodKind.YEAR).order_by(Observation.period_start))]
            summary = summarise_trend(points, ind.desired_direction, p.baseline_year, decimals=ind.decimals)
            trends[ind.code] = (summary.verdict, summary.latest.value if summary.latest else None)
        statuses = Counter()
        results = s.scalars(select(Result).join(Project).join(ProgrammeLine).where(
            ProgrammeLine.programme_id == p.id, Result.workflow_state == WorkflowState.PUBLISHED,
            Project.workflow_state == WorkflowState.PUBLISHED)).all()
        for r in results:
            shown = sorted((m for m in r.measurements if m.workflow_state == WorkflowState.PUBLISHED),
                           key=lambda m: m.period_start)
            with_value = [m for m in shown if m.realised is not None]
            latest = with_value[-1] if with_value else (shown[-1] if shown else None)
            statuses[latest.status if latest else MeasurementStatus.UNKNOWN] += 1
        stories = len(s.scalars(select(Story.id).where(Story.programme_id == p.id,
                                                       Story.workflow_state == WorkflowState.PUBLISHED)).all())
        q3_rows = [(r.id, m.target, m.realised, m.status.value) for r in results for m in r.measurements
                   if m.period_start == Q3.start and m.period_kind == PeriodKind.QUARTER
                   and m.workflow_state == WorkflowState.PUBLISHED]
    return {"trends": trends, "statuses": statuses, "results": len(results), "stories": stories, "q3": q3_rows}


def page_summary(server: Flask, slug: str) -> str:
    from dashboard.pages import programme

    with server.test_request_context(f"/programma/{slug}"):
        page = programme.layout(slug=slug)
    return next(c for c in components(page) if getattr(c, "id", None) == "programma-samenvatting").children


@pytest.mark.parametrize("slug", SLUGS)
def test_programme_counts_verdicts_and_values_are_those_of_the_page(world, slug: str) -> None:  # noqa: ANN001
    url, server, _ = world
    want = expected_programme(url, slug)
    row = next(r for r in get(server, "/programmas").get_json() if r["slug"] == slug)
    detail = get(server, f"/programmas/{slug}").get_json()
    verdicts = Counter(v for v, _ in want["trends"].values())
    for counts in (row, {f"trends{k[0].upper()}{k[1:]}": v for k, v in detail["trends"].items() if k != "trends"}):
        assert counts["trendsGewenst"] == verdicts[Verdict.DESIRED]
        assert counts["trendsNietGewenst"] == verdicts[Verdict.UNDESIRED]
        assert counts["trendsGeenVerandering"] == verdicts[Verdict.NO_CHANGE]
        assert counts["trendsOnvoldoendeGegevens"] == verdicts[Verdict.UNKNOWN]
    assert row["aantalTrends"] == detail["trends"]["aantal"] == len(want["trends"])
    assert {t["indicatorCode"]: (t["oordeel"], t["laatsteWaarde"]) for t in detail["trends"]["trends"]} == {
        code: (verdict.value, value) for code, (verdict, value) in want["trends"].items()}
    status = want["statuses"]
    assert (row["resultatenOpKoers"], row["resultatenAandacht"], row["resultatenNietOpKoers"],
            row["resultatenOnbekend"]) == (status[MeasurementStatus.ON_TRACK], status[MeasurementStatus.ATTENTION],
                                           status[MeasurementStatus.OFF_TRACK], status[MeasurementStatus.UNKNOWN])
    assert row["aantalResultaten"] == detail["resultaten"]["aantal"] == want["results"]
    assert row["aantalVerhalen"] == detail["verhalen"]["aantal"] == want["stories"]
    # the programme page's own summary says the same numbers (in its words, with the trends niet actueel today)
    outdated = sum(is_outdated(Period.parse(t["laatstePeriode"]).end if t["laatstePeriode"] else None, date.today())
                   for t in detail["trends"]["trends"])
    statuses = {MeasurementStatus.ON_TRACK: row["resultatenOpKoers"],
                MeasurementStatus.ATTENTION: row["resultatenAandacht"],
                MeasurementStatus.OFF_TRACK: row["resultatenNietOpKoers"],
                MeasurementStatus.UNKNOWN: row["resultatenOnbekend"]}
    assert page_summary(server, slug) == programme_summary({Verdict.DESIRED: row["trendsGewenst"]}, row["aantalTrends"],
                                                           statuses, row["aantalVerhalen"], outdated)
    # the quarter's measurements: target, realised and status of every published result
    q3 = get(server, f"/programmas/{slug}/resultaten?kwartaal=2026-Q3&paginaGrootte=1000").get_json()
    assert sorted((r["resultaatId"], r["doel"], r["gerealiseerd"], r["status"]) for r in q3) == sorted(want["q3"])
    assert want["q3"], "the demo has measurements in 2026-Q3"


def _download_number(cell: str) -> float | None:
    return None if cell == "" else float(cell.replace(".", "").replace(",", "."))


@pytest.mark.parametrize("slug", SLUGS)
def test_finance_rows_are_the_files_the_page_and_its_download(world, slug: str) -> None:  # noqa: ANN001
    """Issue 18: the API carries the financial rows – every statement × taakveldgroep, the values computed here
    from the shipped Iv3 files (tests/finance_expect.py), the same rows as the download, the page's amounts."""
    _, server, _ = world
    api = every_page(server, f"/programmas/{slug}/financien")
    groups = fx.PROGRAMMES[slug]
    statements = [(2025, "begroting"), (2024, "begroting"), (2023, "realisatie"), (2023, "begroting")]
    assert [(r["jaar"], r["soort"], r["taakveldgroep"]) for r in api] == [
        (year, kind, group) for year, kind in statements for group in ["totaal", *groups]]
    peers = set(fx.peers())
    for r in api:
        members = groups if r["taakveldgroep"] == "totaal" else [r["taakveldgroep"]]
        year, kind = r["jaar"], r["soort"]
        assert r["lasten"] == pytest.approx(fx.lasten(year, kind, {"Almelo"}, members))
        assert r["lastenPerInwoner"] == pytest.approx(fx.per_inhabitant(year, kind, {"Almelo"}, members))
        assert r["nederlandPerInwoner"] == pytest.approx(fx.per_inhabitant(year, kind, None, members))
        assert r["vergelijkbareGemeentenPerInwoner"] == pytest.approx(fx.per_inhabitant(year, kind, peers, members))
        assert (r["nederlandAantalGemeenten"], r["vergelijkbareGemeentenAantal"]) == (342, 22)
        assert r["inwoners"] == fx.inhabitants(year, kind, {"Almelo"}) and r["regioCode"] == "GM0141"
        assert set(r["taakvelden"].split(", ")) == fx.codes(year, members)
        if kind == "realisatie":
            budget = fx.lasten(year, "begroting", {"Almelo"}, members)
            assert r["verschilMetBegroot"] == pytest.approx(r["lasten"] - budget)
            assert r["verschilMetBegrootProcent"] == pytest.approx((r["lasten"] - budget) / budget * 100)
        else:
            assert r["verschilMetBegroot"] is None and r["verschilMetBegrootProcent"] is None
    # the download of the page's Financiën: the same rows, in the same order
    download = server.test_client().get(f"/download/financien.csv?programma={slug}")
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    header = next(i for i, r in enumerate(rows) if r[:2] == ["Jaar", "Soort"])
    listed = [r for r in rows[header + 1:] if len(r) > 4 and r[0].isdigit()]
    assert [(int(r[0]), r[3], _download_number(r[4]), _download_number(r[6])) for r in listed] == [
        (a["jaar"], a["taakvelden"], round(a["lasten"]), round(a["lastenPerInwoner"])) for a in api]
    # the page's Financiën section states the API's totals
    from dashboard.pages import programme

    with server.test_request_context(f"/programma/{slug}"):
        page = programme.layout(slug=slug)
    table = next(c for c in components(page) if getattr(c, "id", None) == "financien-jaren")
    shown = " ".join(strings(table)).replace("\u00a0", " ")
    for a in (a for a in api if a["taakveldgroep"] == "totaal"):
        assert fx.money(a["lasten"]) in shown
    unknown = get(server, "/programmas/bestaat-niet/financien")
    assert unknown.status_code == 404 and unknown.mimetype == "application/problem+json"


def test_observations_are_the_rows_of_the_indicator_pages_download(world) -> None:  # noqa: ANN001
    _, server, _ = world
    api = every_page(server, "/indicatoren/jeugdhulp/waarnemingen?regioCode=GM0141&periodesoort=jaar")
    download = server.test_client().get("/download/trend.csv?indicator=jeugdhulp&regio=GM0141&vergelijk=")
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    header = rows.index(next(r for r in rows if r[:2] == ["Regio", "Regiocode"]))
    page = [(r[1], r[2], None if r[3] == "" else float(r[3].replace(".", "").replace(",", ".")))
            for r in rows[header + 1:] if len(r) > 3 and r[1] == "GM0141"]
    assert [(o["regioCode"], o["periode"], o["waarde"]) for o in api] == page
    assert len(page) >= 8
    # filters: a period range, and an empty range gives no rows rather than an error
    some = get(server, "/indicatoren/jeugdhulp/waarnemingen?regioCode=GM0141&periodeVan=2018&periodeTot=2020"
                       "&periodesoort=jaar").get_json()
    assert [o["periode"] for o in some] == ["2018", "2019", "2020"]
    assert get(server, "/indicatoren/jeugdhulp/waarnemingen?periodeVan=2020&periodeTot=2018").get_json() == []


def test_drafts_never_appear(world) -> None:  # noqa: ANN001
    _, server, drafts = world
    bodies = []
    for path in COLLECTIONS:
        bodies += [json.dumps(every_page(server, path), ensure_ascii=False)]
    for row in every_page(server, "/programmas"):
        bodies.append(get(server, f"/programmas/{row['slug']}").get_data(as_text=True))
    for row in every_page(server, "/verhalen"):
        bodies.append(get(server, f"/verhalen/{row['id']}").get_data(as_text=True))
    for row in every_page(server, "/indicatoren"):
        bodies.append(get(server, f"/indicatoren/{row['code']}").get_data(as_text=True))
    bodies.append(get(server, "/kwartalen/2026-Q3").get_data(as_text=True))
    assert not [b for b in bodies if DRAFT in b]
    story = get(server, f"/verhalen/{drafts['story']}")
    assert story.status_code == 404 and story.mimetype == "application/problem+json"
    results = every_page(server, "/programmas/sociaal-en-vitaal/resultaten")
    assert drafts["result"] not in {r["resultaatId"] for r in results}
    assert "2026-Q4" not in {r["periode"] for r in results}  # the draft measurement of the next quarter


@pytest.mark.parametrize("path", COLLECTIONS)
def test_csv_and_json_carry_the_same_rows(world, path: str) -> None:  # noqa: ANN001
    _, server, _ = world
    as_json = every_page(server, path)
    as_csv = every_page(server, path, accept="text/csv")
    assert len(as_csv) == len(as_json) > 0
    for j, c in zip(as_json, as_csv, strict=True):
        flat = {k: v for k, v in j.items() if not isinstance(v, list | dict)}
        assert list(c) == list(flat)  # the same columns, in the same order
        assert c == {k: "" if v is None else str(v).lower() if isinstance(v, bool) else
                     json.dumps(v) if isinstance(v, int | float) else v for k, v in flat.items()}


def test_csv_format(world) -> None:  # noqa: ANN001
    _, server, _ = world
    answer = get(server, "/regios?soort=gemeente&paginaGrootte=1000", Accept="text/csv")
    assert answer.headers["Content-Type"] == "text/csv; charset=utf-8; header=present"
    raw = answer.get_data()
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8 without a byte order mark
    text = raw.decode("utf-8")
    assert text.splitlines()[0] == "code;naam;soort;bovenliggendeCode;inwoners"
    assert "GM1900;Súdwest-Fryslân;gemeente;" in text
    values = get(server, "/indicatoren/jeugdhulp/waarnemingen?regioCode=GM0141&periodeVan=2023&periodeTot=2023"
                         "&periodesoort=jaar", Accept="text/csv").get_data(as_text=True)
    assert ";15.3;definitief;false;CBS StatLine;" in values  # a decimal point, never a comma


def test_published_quarter_is_the_frozen_report(world) -> None:  # noqa: ANN001
    url, server, _ = world
    listed = every_page(server, "/kwartalen")
    assert [q["kwartaal"] for q in listed] == ["2026-Q3"]
    client = server.test_client()
    for link in ("pdf", "xlsx"):
        assert client.get(listed[0][link].removeprefix(PUBLIC.rstrip("/"))).status_code == 200
    report = get(server, "/kwartalen/2026-Q3").get_json()
    with session_scope(url) as s:
        from db.read.quarter import published_report

        frozen = published_report(s, Q3)
    assert report["gepubliceerdOp"].startswith(frozen.published_at.strftime("%Y-%m-%dT%H:%M"))
    assert [p["slug"] for p in report["programmas"]] == [p.slug for p in frozen.programmes]
    for api, snap in zip(report["programmas"], frozen.programmes, strict=True):
        assert [(r["resultaatId"], r["meting"] and r["meting"]["gerealiseerd"]) for r in api["resultaten"]] == [
            (r.id, r.current and r.current.realised) for r in snap.results]
        assert [t["oordeel"] for t in api["trends"]] == [t.verdict for t in snap.trends]
    assert get(server, "/kwartalen/2026-Q2").status_code == 404  # not published
    assert get(server, "/kwartalen/2026-Q9").status_code == 404


def test_published_quarter_conforms_to_the_document(world) -> None:  # noqa: ANN001
    """The one operation the demo app cannot fill (it has no published quarter), through schemathesis' checks."""
    _, server, _ = world
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", server)
    operation = schema["/kwartalen/{kwartaal}"]["GET"]
    case = operation.Case(path_parameters={"kwartaal": "2026-Q3"})
    response = case.call_and_validate(app=server, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200


@pytest.mark.usefixtures("cheap_hashing")
def test_sign_in_required(world) -> None:  # noqa: ANN001
    url, server, _ = world
    server.config["PERSPECTIEF_REQUIRE_SIGN_IN"] = True
    try:
        anonymous = get(server, "/programmas")
        assert anonymous.status_code == 401 and anonymous.mimetype == "application/problem+json"
        assert anonymous.get_json()["title"] == "Inloggen nodig" and "WWW-Authenticate" in anonymous.headers
        assert "Access-Control-Allow-Origin" not in anonymous.headers
        document = get(server, "/openapi.json")  # the document stays public (/core/publish-openapi)
        assert document.status_code == 200 and document.headers["Access-Control-Allow-Origin"] == "*"
        with session_scope(url) as s:
            user = create_user(s, f"lezer-{time.time_ns()}@gemeente.nl", "Lezer", "lang genoeg wachtwoord 2026")
            uid, version = user.id, user.session_version
        client = server.test_client()
        with client.session_transaction() as session:
            session[SESSION_USER], session[SESSION_VERSION], session[SESSION_AT] = uid, version, int(time.time())
        signed_in = client.get("/api/v1/programmas")
        assert signed_in.status_code == 200 and len(signed_in.get_json()) == 2
        assert signed_in.headers["Cache-Control"] == "private, no-cache"
    finally:
        server.config["PERSPECTIEF_REQUIRE_SIGN_IN"] = False
