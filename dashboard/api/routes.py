"""The resources of the API (Flask blueprint under /api) and `register_api`, which puts them on the server with the
API's own guard (GET/HEAD/OPTIONS only, sign-in when REQUIRE_SIGN_IN is on) and headers.

Every route parses its query with the model its document entry names (`_get`, queries.parse), reads through
db.read – the same read models as the pages – in one short read session, and answers through http.one or
http.collection."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

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
from dashboard.api.queries import NoQuery, ObservationQuery, Paging, QueryModel, ResultQuery, StoryQuery, parse
from dashboard.api.queries import RegionQuery as RegionParams
from dashboard.auth import REQUIRE_KEY, current_user
from dashboard.data import read_session
from db.read import open_data
from db.read.finance import programme_finance_rows
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


def _get(path: str, operation_id: str, tag: str, ok: object, query: type[QueryModel] = NoQuery, *,
         collection: bool = False, can_be_missing: bool = False):  # noqa: ANN202 - a decorator
    """A resource: its route under /v1, its entry in the document, and its query parsed with the model that the
    document names (refused with 400 when it does not fit) and passed to the view first, unless it is NoQuery."""
    def register(view: Callable[..., Response]) -> Callable[..., Response]:
        @wraps(view)
        def answer(**path_values: object) -> Response:
            parsed = parse(query, request.args.to_dict(flat=False))
            return view(**path_values) if query is NoQuery else view(parsed, **path_values)
        documented_view = documented(operation_id, tag, ok, query, collection=collection,
                                     can_be_missing=can_be_missing)(answer)
        return bp.get(f"{V1}{path}")(documented_view)
    return register


def _paged(rows: list, model: type, paging: Paging) -> Response:
    """A collection read whole (programmes, results, stories, quarters: a few hundred rows at most), answered with
    the page the query asks for."""
    return collection(rows[paging.offset:paging.offset + paging.page_size], model, len(rows), paging)


@_get("/programmas", "getProgrammas", "programmas", list[m.Programma], Paging, collection=True)
def programmas(paging: Paging) -> Response:
    with read_session() as session:
        rows = [to.programme_row(card) for card in programme_cards(session)]
    return _paged(rows, m.Programma, paging)


@_get("/programmas/<slug>", "getProgramma", "programmas", m.ProgrammaDetail, can_be_missing=True)
def programma(slug: str) -> Response:
    with read_session() as session:
        view = programme_view(session, slug, compare=())
    if view is None:
        raise not_found(texts.NO_PROGRAMME.format(slug=slug))
    return one(to.programme_detail(view))


@_get("/programmas/<slug>/resultaten", "getProgrammaResultaten", "programmas", list[m.Resultaat], ResultQuery,
      collection=True, can_be_missing=True)
def resultaten(query: ResultQuery, slug: str) -> Response:
    with read_session() as session:
        found = programme_results(session, slug)
    if found is None:
        raise not_found(texts.NO_PROGRAMME.format(slug=slug))
    rows = to.result_rows(found[1], query.quarter)
    return _paged(rows, m.Resultaat, query)


@_get("/programmas/<slug>/financien", "getProgrammaFinancien", "programmas", list[m.Financien], Paging,
      collection=True, can_be_missing=True)
def financien(paging: Paging, slug: str) -> Response:
    with read_session() as session:
        found = programme_finance_rows(session, slug)  # the read model of the page's Financiën and its download
    if found is None:
        raise not_found(texts.NO_PROGRAMME.format(slug=slug))
    rows = to.finance_rows(*found)
    return _paged(rows, m.Financien, paging)


@_get("/indicatoren", "getIndicatoren", "indicatoren", list[m.Indicator], Paging, collection=True)
def indicatoren(paging: Paging) -> Response:
    with read_session() as session:
        total, items = open_data.indicator_catalogue(session, paging.offset, paging.page_size)
    return collection([to.indicator_row(i) for i in items], m.Indicator, total, paging)


@_get("/indicatoren/<code>", "getIndicator", "indicatoren", m.IndicatorDetail, can_be_missing=True)
def indicator(code: str) -> Response:
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


@_get("/indicatoren/<code>/waarnemingen", "getIndicatorWaarnemingen", "indicatoren", list[m.Waarneming],
      ObservationQuery, collection=True, can_be_missing=True)
def waarnemingen(query: ObservationQuery, code: str) -> Response:
    where = ObservationFilter(region_code=query.region_code, kind=query.period_kind, start=query.first_day,
                              end=query.last_day)
    with read_session() as session:
        found = open_data.observation_page(session, code, where, query.offset, query.page_size)
    if found is None:
        raise not_found(texts.NO_INDICATOR.format(code=code))
    total, rows = found
    return collection([to.observation_row(o) for o in rows], m.Waarneming, total, query)


@_get("/regios", "getRegios", "regios", list[m.Regio], RegionParams, collection=True)
def regios(query: RegionParams) -> Response:
    with read_session() as session:
        total, rows = open_data.region_rows(session, query.kind, query.parent_code, query.offset, query.page_size)
    return collection([to.region_row(r) for r in rows], m.Regio, total, query)


@_get("/verhalen", "getVerhalen", "verhalen", list[m.Verhaal], StoryQuery, collection=True)
def verhalen(query: StoryQuery) -> Response:
    with read_session() as session:
        rows = [to.story_row(row) for row in open_data.published_stories(session, query.programme)]
    return _paged(rows, m.Verhaal, query)


@_get("/verhalen/<int:id>", "getVerhaal", "verhalen", m.VerhaalDetail, can_be_missing=True)
def verhaal(id: int) -> Response:  # `id`: the path parameter's name in the document
    if not 1 <= id <= MAX_ID:  # beyond what the database's integer holds
        raise not_found(texts.NO_STORY.format(id=id))
    with read_session() as session:
        detail = story_detail(session, id)  # published only: no reader may see unpublished ones here
    if detail is None:
        raise not_found(texts.NO_STORY.format(id=id))
    return one(to.story_detail(detail))


@_get("/kwartalen", "getKwartalen", "kwartalen", list[qm.Kwartaal], Paging, collection=True)
def kwartalen(paging: Paging) -> Response:
    with read_session() as session:
        rows = [to.quarter_row(q) for q in open_data.published_quarter_list(session)]
    return _paged(rows, qm.Kwartaal, paging)


@_get("/kwartalen/<kwartaal>", "getKwartaal", "kwartalen", qm.KwartaalRapport, can_be_missing=True)
def kwartaal(kwartaal: str) -> Response:
    try:
        quarter = parse_quarter(kwartaal)
    except PeriodError:
        raise not_found(texts.BAD_QUARTER.format(quarter=kwartaal)) from None
    with read_session() as session:
        report = published_report(session, quarter)
    if report is None:
        raise not_found(texts.NO_QUARTER.format(quarter=kwartaal))
    return one(to.quarter_report(report))


@_get("/openapi.json", "getOpenapi", "documentatie", m.OpenapiDocument)
def openapi() -> Response:
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
