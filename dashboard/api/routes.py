"""The resources of the API (Flask blueprint under /api) and `register_api`, which puts them on the server with the
API's own guard (GET/HEAD/OPTIONS only, sign-in when REQUIRE_SIGN_IN is on) and headers.

Every route parses its query with its model (queries.parse), reads through db.read – the same read models as the
pages – in one short read session, and answers through http.one or http.collection."""

from __future__ import annotations

from flask import Blueprint, Flask, Response, current_app, request

from dashboard.api import API_ROOT, PREFIX, is_api_path, texts
from dashboard.api import mapping as to
from dashboard.api import models as m
from dashboard.api import quarter_models as qm
from dashboard.api.docs import docs_page
from dashboard.api.http import add_api_headers, collection, one
from dashboard.api.openapi import document as openapi_document
from dashboard.api.openapi import documented
from dashboard.api.problems import (
    ALLOWED_METHODS,
    ApiProblem,
    method_not_allowed,
    not_found,
    on_api_problem,
    on_http_exception,
    on_unexpected,
    problem_response,
    unknown_path,
)
from dashboard.api.queries import NoQuery, ObservationQuery, Paging, ResultQuery, StoryQuery, parse
from dashboard.api.queries import RegionQuery as RegionParams
from dashboard.auth import REQUIRE_KEY, current_user
from dashboard.data import read_session
from db.read import open_data
from db.read.programmes import programme_cards, programme_trend_views, programme_view
from db.read.quarter import published_report
from db.read.results import programme_results
from db.read.stories import story_detail
from indicators.open_data import ObservationFilter
from indicators.periods import PeriodError, parse_quarter

V1 = PREFIX.removeprefix(API_ROOT)  # "/v1": the blueprint lives at /api, so that it also answers /api/… itself
OPENAPI_PATH = f"{PREFIX}/openapi.json"
DOCS_PATH = f"{PREFIX}/docs"
# the document is public even where sign-in is required (/core/publish-openapi)
PUBLIC_PATHS = (OPENAPI_PATH, DOCS_PATH)
ALL_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE"]
MAX_ID = 2**31 - 1

bp = Blueprint("api", __name__, url_prefix=API_ROOT)


def _query(model: type) -> object:
    return parse(model, request.args.to_dict(flat=False))


def _page(rows: list, paging: Paging) -> list:
    return rows[paging.offset:paging.offset + paging.page_size]


@bp.get(f"{V1}/programmas")
@documented("getProgrammas", "programmas", list[m.Programma], Paging, collection=True)
def programmas() -> Response:
    paging = _query(Paging)
    with read_session() as session:
        rows = [to.programme_row(card) for card in programme_cards(session)]
    return collection(_page(rows, paging), m.Programma, len(rows), paging)


@bp.get(f"{V1}/programmas/<slug>")
@documented("getProgramma", "programmas", m.ProgrammaDetail, can_be_missing=True)
def programma(slug: str) -> Response:
    _query(NoQuery)
    with read_session() as session:
        view = programme_view(session, slug, compare=())
    if view is None:
        raise not_found(texts.NO_PROGRAMME.format(slug=slug))
    return one(to.programme_detail(view))


@bp.get(f"{V1}/programmas/<slug>/resultaten")
@documented("getProgrammaResultaten", "programmas", list[m.Resultaat], ResultQuery, collection=True,
            can_be_missing=True)
def resultaten(slug: str) -> Response:
    query = _query(ResultQuery)
    with read_session() as session:
        found = programme_results(session, slug)
    if found is None:
        raise not_found(texts.NO_PROGRAMME.format(slug=slug))
    rows = to.result_rows(found[1], query.quarter)
    return collection(_page(rows, query), m.Resultaat, len(rows), query)


# programmas/<slug>/financien (issue 18, the finance tables) belongs here: a collection of m.Financien rows read
# through db.read, documented with @documented(..., collection=True) like resultaten above.


@bp.get(f"{V1}/indicatoren")
@documented("getIndicatoren", "indicatoren", list[m.Indicator], Paging, collection=True)
def indicatoren() -> Response:
    paging = _query(Paging)
    with read_session() as session:
        total, items = open_data.indicator_catalogue(session, paging.offset, paging.page_size)
    return collection([to.indicator_row(i) for i in items], m.Indicator, total, paging)


@bp.get(f"{V1}/indicatoren/<code>")
@documented("getIndicator", "indicatoren", m.IndicatorDetail, can_be_missing=True)
def indicator(code: str) -> Response:
    _query(NoQuery)
    with read_session() as session:
        item = open_data.catalogue_indicator(session, code)
        if item is None:
            raise not_found(texts.NO_INDICATOR.format(code=code))
        kinds = open_data.observation_kinds(session, code)
        programmes = []
        for slug, name, region_code, region_name in open_data.programmes_following(session, code):
            baseline_year, trends = programme_trend_views(session, slug, [], code)
            programmes += [to.indicator_in_programme(slug, name, (region_code, region_name), baseline_year, t)
                           for t in trends]
    row = to.indicator_row(item)
    return one(m.IndicatorDetail(**row.model_dump(), periodesoorten=kinds, programmas=programmes,
                                 webpagina=to.url(f"/indicator/{code}")))


@bp.get(f"{V1}/indicatoren/<code>/waarnemingen")
@documented("getIndicatorWaarnemingen", "indicatoren", list[m.Waarneming], ObservationQuery, collection=True,
            can_be_missing=True)
def waarnemingen(code: str) -> Response:
    query = _query(ObservationQuery)
    where = ObservationFilter(region_code=query.region_code, kind=query.period_kind, start=query.first_day,
                              end=query.last_day)
    with read_session() as session:
        found = open_data.observation_page(session, code, where, query.offset, query.page_size)
    if found is None:
        raise not_found(texts.NO_INDICATOR.format(code=code))
    total, rows = found
    return collection([to.observation_row(o) for o in rows], m.Waarneming, total, query)


@bp.get(f"{V1}/regios")
@documented("getRegios", "regios", list[m.Regio], RegionParams, collection=True)
def regios() -> Response:
    query = _query(RegionParams)
    with read_session() as session:
        total, rows = open_data.region_rows(session, query.kind, query.parent_code, query.offset, query.page_size)
    return collection([to.region_row(r) for r in rows], m.Regio, total, query)


@bp.get(f"{V1}/verhalen")
@documented("getVerhalen", "verhalen", list[m.Verhaal], StoryQuery, collection=True)
def verhalen() -> Response:
    query = _query(StoryQuery)
    with read_session() as session:
        rows = [to.story_row(row) for row in open_data.published_stories(session, query.programme)]
    return collection(_page(rows, query), m.Verhaal, len(rows), query)


@bp.get(f"{V1}/verhalen/<int:id>")
@documented("getVerhaal", "verhalen", m.VerhaalDetail, can_be_missing=True)
def verhaal(id: int) -> Response:  # `id`: the path parameter's name in the document
    _query(NoQuery)
    if not 1 <= id <= MAX_ID:  # beyond what the database's integer holds
        raise not_found(texts.NO_STORY.format(id=id))
    with read_session() as session:
        detail = story_detail(session, id)  # published only: no reader may see unpublished ones here
    if detail is None:
        raise not_found(texts.NO_STORY.format(id=id))
    return one(to.story_detail(detail))


@bp.get(f"{V1}/kwartalen")
@documented("getKwartalen", "kwartalen", list[qm.Kwartaal], Paging, collection=True)
def kwartalen() -> Response:
    paging = _query(Paging)
    with read_session() as session:
        rows = [to.quarter_row(q) for q in open_data.published_quarter_list(session)]
    return collection(_page(rows, paging), qm.Kwartaal, len(rows), paging)


@bp.get(f"{V1}/kwartalen/<kwartaal>")
@documented("getKwartaal", "kwartalen", qm.KwartaalRapport, can_be_missing=True)
def kwartaal(kwartaal: str) -> Response:
    _query(NoQuery)
    try:
        quarter = parse_quarter(kwartaal)
    except PeriodError:
        raise not_found(texts.BAD_QUARTER.format(quarter=kwartaal)) from None
    with read_session() as session:
        report = published_report(session, quarter)
    if report is None:
        raise not_found(texts.NO_QUARTER.format(quarter=kwartaal))
    return one(to.quarter_report(report))


@bp.get(f"{V1}/openapi.json")
@documented("getOpenapi", "documentatie", m.OpenapiDocument)
def openapi() -> Response:
    _query(NoQuery)
    return one(m.OpenapiDocument(openapi_document()))


@bp.get(f"{V1}/docs")
def docs() -> Response:
    return docs_page(openapi_document())


bp.add_url_rule("", "unknown_root", unknown_path, methods=ALL_METHODS)
bp.add_url_rule("/<path:rest>", "unknown", unknown_path, methods=ALL_METHODS)
bp.register_error_handler(ApiProblem, on_api_problem)
bp.register_error_handler(Exception, on_unexpected)
bp.register_error_handler(404, on_http_exception)
bp.register_error_handler(405, on_http_exception)


def _sign_in_required() -> bool:
    return bool(current_app.config.get(REQUIRE_KEY)) and request.path not in PUBLIC_PATHS


def _guard() -> Response | None:
    """Before every request under /api (before the view, also when routing failed): other methods 405, and
    problem+json 401 when sign-in is required and nobody is signed in."""
    if not is_api_path(request.path):
        return None
    if request.method not in ALLOWED_METHODS:
        return problem_response(method_not_allowed())
    if request.routing_exception is not None:  # e.g. a path parameter its converter refused: no rule at all
        return problem_response(not_found())
    if request.method == "OPTIONS" and request.endpoint not in ("api.unknown", "api.unknown_root"):
        # Flask's own answer would list the methods of the catch-all rule too
        return Response(status=204, headers={"Allow": ", ".join(ALLOWED_METHODS)})
    if _sign_in_required() and current_user() is None:
        return problem_response(ApiProblem(401, texts.SIGN_IN_TITLE, texts.SIGN_IN_DETAIL,
                                           headers={"WWW-Authenticate": 'Cookie realm="Perspectief"'}))
    return None


def _headers(response: Response) -> Response:
    if is_api_path(request.path):
        add_api_headers(response, public=not _sign_in_required())
    return response


def register_api(server: Flask, contact: dict[str, str] | None = None) -> None:
    """The API on the Flask server; `contact` is the document's info.contact (settings.api_contact_*)."""
    from dashboard.api.openapi import CONTACT_KEY

    if contact:
        server.config[CONTACT_KEY] = contact
    server.register_blueprint(bp)
    server.before_request(_guard)
    server.after_request(_headers)
