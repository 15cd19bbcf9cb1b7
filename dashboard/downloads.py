"""Downloads: every table and chart of the dashboard as CSV and XLSX, with the rows that are shown on screen.

Flask routes `/download/<what>.csv` and `/download/<what>.xlsx?…`: a builder turns the page's own query parameters
into a `DownloadTable` (the same rows, values as numbers), written by dashboard.exports.spreadsheet."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flask import Flask, Response, abort, request

from dashboard.data import read_session
from dashboard.exports.spreadsheet import EXAMPLE, Cell, DownloadError, DownloadTable, to_csv, to_xlsx
from dashboard.finance_downloads import BUILDERS as FINANCE_BUILDERS
from dashboard.limits import limit_regions
from db.read.districts import district_view
from db.read.indicator import indicator_view
from db.read.programmes import programme_trend_views, programme_view
from db.session import Session
from indicators.districts import CLASS_LABELS, sort_rows
from indicators.enums import COUNTRY, PeriodKind
from indicators.formatting import MEASUREMENT_STATUS_LABELS, OBSERVATION_STATUS_LABELS, RESULT_KIND_LABELS, format_date
from indicators.results_view import ResultQuery
from indicators.results_view import apply as apply_result_query
from indicators.views import SeriesPoint


def _series_rows(series: dict[str, list[SeriesPoint]], names: dict[str, str]) -> list[list[Cell]]:
    return [[names.get(code, code), code, p.period.label, p.value, OBSERVATION_STATUS_LABELS[p.status],
             EXAMPLE if p.is_example else p.source, p.table_id or ""]
            for code, pts in series.items() for p in pts]


SERIES_COLUMNS = ["Regio", "Regiocode", "Periode", "Waarde", "Status", "Bron", "CBS-tabel"]


def _codes(params: dict[str, str], key: str, default: Sequence[str]) -> list[str]:
    from_url = params.get(key)
    if from_url is None:
        return list(default)
    return [c.strip().upper() for c in from_url.split(",") if c.strip()]


def trend_table(session: Session, params: dict[str, str]) -> DownloadTable:
    """A trend on the programme page (`programma`, `indicator`, `vergelijk`) or the indicator page
    (`indicator`, `regio`, `vergelijk`, `periode`): the rows of its table alternative."""
    code = params.get("indicator", "")
    compare = _codes(params, "vergelijk", [COUNTRY])
    if slug := params.get("programma"):
        found = programme_trend_views(session, slug, compare)
        trend = next((t for t in found[1] if t.indicator.code == code), None) if found else None
        if trend is None:
            raise DownloadError(f"Trend ‘{code}’ hoort niet bij programma ‘{slug}’.")
        info, series, names = trend.indicator, trend.series, trend.region_names
    else:
        kind = params.get("periode")
        region = (_codes(params, "regio", []) or [None])[0]
        view = indicator_view(session, code, region, compare,
                              PeriodKind(kind) if kind in {k.value for k in PeriodKind} else None)
        if view is None:
            raise DownloadError(f"Indicator ‘{code}’ bestaat niet.")
        info, series, names = view.info, view.series, view.region_names
    return DownloadTable(title=f"{info.name} ({info.unit})", columns=SERIES_COLUMNS,
                         rows=_series_rows(series, names), decimals=[None, None, None, info.decimals],
                         source=f"Bron: {info.source}" + (f", CBS-tabel {info.cbs_table_id}" if info.cbs_table_id
                                                          else ""))


RESULT_COLUMNS = ["Programmalijn", "Project", "Resultaat", "Soort", "Eenheid", "Kwartaal", "Doel", "Gerealiseerd",
                  "Status", "Toelichting", "Voorbeeldcijfer", "Toelichtingen bij de meting"]


def results_table(session: Session, params: dict[str, str]) -> DownloadTable:
    """Part 2 of a programme (`programma`): every result and every quarter, as in the table and its history,
    with the table's filter and sort (`status`, `soort`, `tekst`, `sorteer`)."""
    slug = params.get("programma", "")
    view = programme_view(session, slug, [])
    if view is None:
        raise DownloadError(f"Programma ‘{slug}’ bestaat niet.")
    query = ResultQuery.from_params(params.get("status"), params.get("soort"), params.get("tekst"),
                                    params.get("sorteer"))
    rows = [[r.line_name, r.project_name, r.name, RESULT_KIND_LABELS[r.kind], r.unit, m.period.label, m.target,
             m.realised, MEASUREMENT_STATUS_LABELS[m.status], m.explanation, m.is_example,
             " | ".join(f"{format_date(n.note_date)}{f' ({n.author})' if n.author else ''}: {n.text}"
                        for n in m.notes)]
            for r in apply_result_query(view.results, query) for m in r.measurements]
    return DownloadTable(title=f"Resultaten {view.name}", columns=RESULT_COLUMNS, rows=rows,
                         source=f"Programma {view.name}, {view.region_name}")


DISTRICT_COLUMNS = ["Wijkcode", "Wijk", "Waarde", "Klasse", "Status"]


def districts_table(session: Session, params: dict[str, str]) -> DownloadTable:
    """`/wijken` with the same parameters: the wijk table in the order shown."""
    def num(key: str) -> float | None:
        try:
            return float(params[key].replace(",", ".")) if params.get(key) else None
        except ValueError:
            return None

    view = district_view(session, (params.get("gemeente") or "").upper() or None, params.get("indicator"),
                         params.get("periode"), num("oranje"), num("rood"))
    if view is None or view.indicator is None or view.period is None:
        raise DownloadError("Geen wijkcijfers voor deze keuze.")
    ind = view.indicator
    rows = [[r.code, r.name, r.value, CLASS_LABELS[r.district_class],
             OBSERVATION_STATUS_LABELS[r.status] if r.status else ""]
            for r in sort_rows(view.rows, params.get("sorteer"))]
    return DownloadTable(title=f"{ind.name} ({ind.unit}) per wijk van {view.gemeente_name}, {view.period.label}",
                         columns=DISTRICT_COLUMNS, rows=rows, decimals=[None, None, ind.decimals],
                         source=f"Bron: {view.source}" + (f", CBS-tabel {view.table_id}" if view.table_id else ""))


BUILDERS: dict[str, Callable[[Session, dict[str, str]], DownloadTable]] = {
    "trend": trend_table,
    "resultaten": results_table,
    "wijken": districts_table,
}


FORMATS = {"csv": ("text/csv; charset=utf-8", to_csv),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx)}

ALL_BUILDERS = {**BUILDERS, **FINANCE_BUILDERS}


def download(what: str, fmt: str) -> Response:
    if what not in ALL_BUILDERS or fmt not in FORMATS:
        abort(404)
    params = {k: v for k, v in request.args.items() if isinstance(v, str)}
    if "vergelijk" in params:  # MAX_COMPARE_REGIONS, as on the page the file belongs to
        params["vergelijk"] = ",".join(limit_regions([c for c in params["vergelijk"].split(",") if c.strip()])[0])
    with read_session() as session:
        try:
            table = ALL_BUILDERS[what](session, params)
        except DownloadError as exc:
            return Response(str(exc), status=404, mimetype="text/plain")
    mimetype, write = FORMATS[fmt]
    return Response(write(table), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{table.filename}.{fmt}"',
        "Cache-Control": "no-store",
    })


def register_downloads(server: Flask) -> None:
    server.add_url_rule("/download/<what>.<fmt>", "download", download, methods=["GET"])
