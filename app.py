"""Perspectief: create the Dash app (`create_app`) and run it (`python app.py`).

No I/O at import time; `python app.py` migrates the database, loads the demo into an empty one,
and serves on http://127.0.0.1:8050 (PORT and DATABASE_URL override). `wsgi()` is the application gunicorn
serves under ./serve.sh (`gunicorn "app:wsgi()"`)."""

from __future__ import annotations

import atexit
import gc
import logging
import signal
import sys

import dash
from dash import Dash, dcc, html
from flask_compress import Compress

from dashboard import texts
from dashboard.api.routes import register_api
from dashboard.auth import register_auth
from dashboard.components.shell import demo_banner, footer, header
from dashboard.data import ACTUALITY_KEY, CONFIG_KEY, FOUR_EYES_KEY
from dashboard.downloads import register_downloads
from dashboard.exports.routes import register_quarter_routes
from dashboard.operations import register_operations
from dashboard.secret_key import key_problem, signing_key, with_local_key
from dashboard.security import register_security
from dashboard.theme import ASSETS_DIR, COMPONENTS_CSS, THEME_KEY, html_classes, load_theme
from dashboard.uploads import register_uploads
from settings import Settings, get_settings

INDEX_STRING = """<!DOCTYPE html>
<html lang="nl">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer class="dash-footer">
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def prepare_database(settings: Settings) -> None:
    """Bring the schema to the newest version and load the demo into an empty database."""
    from db.migrate import upgrade
    from etl.demo import load_demo_if_empty

    upgrade(settings.database_url)
    if settings.load_demo and load_demo_if_empty(settings.database_url):
        logging.getLogger(__name__).info("Demo geladen in %s", settings.database_url)


def _asset_url(app: Dash, path: str) -> str:
    """The URL of an asset with ?m=<mtime>: a changed file is fetched again (as Dash does for its own assets)."""
    return f"{app.get_asset_url(path)}?m={int((ASSETS_DIR / path).stat().st_mtime)}"


def create_app(settings: Settings | None = None) -> Dash:
    """The Dash app on the database named in `settings` (which must already be migrated)."""
    settings = settings or get_settings()
    from dashboard import router  # registers the page callbacks

    theme = load_theme(settings.theme)
    app = Dash(
        __name__,
        title=texts.APP_TITLE,
        assets_path_ignore=["^themes$", "^vendor$"],  # loaded in their own order below
        update_title=None,
        compress=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": texts.APP_TAGLINE}],
    )
    # NL Design System components first, then the base tokens and the theme's, then our own assets (10-…css)
    first = [str(COMPONENTS_CSS.relative_to(ASSETS_DIR))] if COMPONENTS_CSS.is_file() else []
    app.config.external_stylesheets = [_asset_url(app, p) for p in [*first, *theme.stylesheets]]
    app.index_string = INDEX_STRING.replace('<html lang="nl">', f'<html lang="nl" class="{html_classes(theme)}">')
    app.server.config[THEME_KEY] = theme.name
    app.server.config[CONFIG_KEY] = settings.database_url
    app.server.config[FOUR_EYES_KEY] = settings.four_eyes
    app.server.config[ACTUALITY_KEY] = settings.actuality_max_age_years
    app.server.config["SECRET_KEY"] = signing_key(settings)
    Compress(app.server)
    register_downloads(app.server)
    register_quarter_routes(app.server)
    register_uploads(app.server, settings)
    register_api(app.server, {"name": settings.api_contact_name, "url": settings.api_contact_url,
                              "email": settings.api_contact_email})
    app.layout = html.Div(className="app-shell", children=[
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="page-title"),
        html.Div(id="page-title-sink", hidden=True),
        header(app.get_asset_url(theme.logo) if theme.logo else None, theme.logo_alt),
        demo_banner(),
        html.Main(id="inhoud", tabIndex="-1", children=html.Div(id="page-content")),
        footer(),
    ])
    app.validation_layout = html.Div([app.layout, *router.validation_layouts()])
    register_auth(app, settings)
    register_operations(app, settings)  # after the routes and guards it wraps, before the security headers
    register_security(app, settings)  # last: its policy lists the hashes of every inline script registered above
    # The app's own objects (Dash registry, layouts, SQLAlchemy metadata) live as long as the process: take them
    # out of the garbage collector's view, so a callback's full collections stop walking them (measured in
    # benchmarks/page_bench.py: about a fifth of a programme page's server time). Also keeps gunicorn workers'
    # forked memory shared.
    gc.collect()
    gc.freeze()
    return app


def wsgi():  # noqa: ANN201 - a Flask app (WSGI callable)
    """The WSGI application for gunicorn (./serve.sh): the checked settings, migrations already run by
    `python -m dashboard.prestart`."""
    return create_app(get_settings()).server


def main() -> None:
    from dashboard.logs import configure_logging

    settings = with_local_key(get_settings())
    configure_logging(settings)
    if (problem := key_problem(settings)) is not None:
        print(f"app.py: {problem}", file=sys.stderr)  # noqa: T201
        sys.exit(2)
    prepare_database(settings)
    app = create_app(settings)
    # SIGTERM ends the server like Ctrl-C, so the export worker process stops with it (after a kill -9 it stops by
    # itself: it watches its parent, dashboard.exports.jobs)
    from dashboard.exports import jobs

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    atexit.register(jobs.shutdown)
    print(f"Perspectief draait op http://{settings.host}:{settings.port}/", flush=True)  # noqa: T201
    app.run(host=settings.host, port=settings.port, debug=settings.debug)


if __name__ == "__main__":
    main()

__all__ = ["create_app", "prepare_database", "wsgi", "dash"]
