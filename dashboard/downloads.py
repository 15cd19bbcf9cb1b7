"""Flask routes `/download/<what>.csv` and `/download/<what>.xlsx?…`: the table behind a page element, built by
indicators.downloads from the same query parameters the page uses."""

from __future__ import annotations

from flask import Flask, Response, abort, request

from dashboard.data import read_session
from dashboard.limits import limit_regions
from indicators.downloads import BUILDERS, FORMATS, DownloadError


def download(what: str, fmt: str) -> Response:
    if what not in BUILDERS or fmt not in FORMATS:
        abort(404)
    params = {k: v for k, v in request.args.items() if isinstance(v, str)}
    if "vergelijk" in params:  # MAX_COMPARE_REGIONS, as on the page the file belongs to
        params["vergelijk"] = ",".join(limit_regions([c for c in params["vergelijk"].split(",") if c.strip()])[0])
    with read_session() as session:
        try:
            table = BUILDERS[what](session, params)
        except DownloadError as exc:
            return Response(str(exc), status=404, mimetype="text/plain")
    mimetype, write = FORMATS[fmt]
    return Response(write(table), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{table.filename}.{fmt}"',
        "Cache-Control": "no-store",
    })


def register_downloads(server: Flask) -> None:
    server.add_url_rule("/download/<what>.<fmt>", "download", download, methods=["GET"])
