"""Production pieces on the app's Flask server, in one call from create_app: request logs and metrics, request
limits, health and readiness, BASE_URL, the export back end, the HTTP 404 of unknown page addresses, the response
cache (pages' callbacks, downloads and the open-data API) and long-cached assets. Each piece is a plain Flask
installer on the one server, so the open-data API under /api gets the request-size limit, the security headers, the
request log and the metrics by route like every page."""

from __future__ import annotations

from dash import Dash
from flask import redirect

from dashboard.asset_urls import install_asset_urls
from dashboard.cache import install_cache
from dashboard.exports import jobs
from dashboard.health import install_health
from dashboard.http_status import install_page_status
from dashboard.limits import install_limits
from dashboard.logs import install_request_log
from dashboard.metrics import install_metrics
from dashboard.page_shell import install_page_shell
from dashboard.public_url import BASE_URL_KEY
from settings import Settings

API_NOT_CACHED = frozenset({"api.unknown", "api.unknown_root"})


def prefix_of(app: Dash) -> str:
    return app.config.routes_pathname_prefix or "/"


def register_operations(app: Dash, settings: Settings) -> None:
    """Install the production pieces on `app.server`: called once from create_app after every route and guard is
    registered (the cache wraps view functions, so it runs after the sign-in guard) and before register_security
    (whose headers must be on cached answers too)."""
    server = app.server
    install_request_log(server, settings.trust_proxy)  # first: times and logs even refused requests
    install_metrics(server, settings)
    install_limits(server, settings)
    install_health(server)
    # browsers ask /favicon.ico of pages without an icon link (the API's documentation): Dash's own icon
    server.add_url_rule("/favicon.ico", "favicon", lambda: redirect(prefix_of(app) + "_favicon.ico", 301))
    server.config[BASE_URL_KEY] = settings.public_base_url()
    jobs.configure(settings.redis_url, settings.export_queue_max)
    hashes = install_asset_urls(app)
    install_page_shell(app, hashes.stamp)  # after install_asset_urls: the stored shell has the hashed links
    install_page_status(app)
    prefix = prefix_of(app)
    cached: dict[str, tuple[str, ...]] = {
        prefix + "_dash-update-component": (),  # the public pages' callbacks (anonymous readers only)
        prefix + "_dash-layout": (), prefix + "_dash-dependencies": (),  # what the page shell loads first
        "download": (), "quarter_xlsx": (),  # downloads
        # not the page shell itself: Dash writes a random token per page load into it (`end_id`)
    }
    # the open-data API's resources (JSON or CSV by the Accept header); not its catch-all 404s
    cached |= {endpoint: ("Accept",) for endpoint in server.view_functions
               if endpoint.startswith("api.") and endpoint not in API_NOT_CACHED}
    install_cache(server, settings, cached)
