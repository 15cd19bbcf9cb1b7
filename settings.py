"""Configuration for Perspectief, read from environment variables in one place."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parent
DEFAULT_DB_PATH = PROJECT_DIR / "var" / "perspectief.db"


class Settings(BaseSettings):
    """Runtime settings; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False)

    database_url: str = Field(
        default=f"sqlite:///{DEFAULT_DB_PATH}",
        description="SQLAlchemy URL of the database (SQLite file by default).",
    )
    host: str = Field(default="127.0.0.1", description="Address the web server listens on.")
    port: int = Field(default=8050, description="Port the web server listens on.")
    secret_key: SecretStr | None = Field(
        default=None,
        description="Key for signing cookies and tokens: at least 32 random characters. ./serve.sh refuses to start "
        "without one; ./run.sh and `python app.py` generate one once into var/secret_key.",
    )
    load_demo: bool = Field(
        default=True,
        description="Create the schema and load the demo programmes into an empty database at start.",
    )
    cbs_odata_url: str = Field(
        default="https://opendata.cbs.nl/ODataApi/odata",
        description="Base URL of CBS's OData v3 API, used by `python -m etl fetch-cbs`.",
    )
    debug: bool = Field(default=False, description="Dash debug mode (never in production).")
    trust_proxy: bool = Field(
        default=False,
        description="Behind one reverse proxy: trust its X-Forwarded-For/-Proto/-Host/-Port headers (HTTPS detection "
        "for the Secure cookie flag and Strict-Transport-Security, client address).",
    )
    require_sign_in: bool = Field(
        default=False,
        description="Require sign-in for everything, published content included (pages, downloads, quarter exports).",
    )
    session_hours: float = Field(
        default=8, gt=0, description="Hours after sign-in at which a session ends, however active it was.",
    )
    upload_dir: Path = Field(
        default=PROJECT_DIR / "var" / "uploads",
        description="Directory for uploaded story media (images, videos, captions), served at /media/<name>.",
    )
    four_eyes: bool = Field(
        default=True,
        description="Four-eyes rule: nobody approves an item they created, changed or submitted since it was last "
        "published (set to false only where one person does everything, e.g. a trial).",
    )
    theme: str = Field(
        default="voorbeeld",
        description="Look of the site, the PDF report and the slides: a folder under assets/themes/ (shipped: "
        "'voorbeeld', NL Design System's example tokens, and 'denhaag'); see README, 'Huisstijl'.",
    )
    upload_max_image_mb: float = Field(default=5, gt=0, description="Largest image upload (PNG, JPEG, WebP) in MB.")
    upload_max_video_mb: float = Field(default=200, gt=0, description="Largest video upload (MP4) in MB.")
    actuality_max_age_years: int = Field(
        default=2, ge=0, le=50,
        description="A trend is 'niet actueel' when its newest figure ends more than this many full calendar years "
        "before today (2: in December 2026 a 2023 figure is niet actueel, a 2024 figure is not); also used for the "
        "programmes' Actualiteit score.",
    )
    api_contact_name: str = Field(default="Team Perspectief",
                                  description="info.contact.name of the open-data API's OpenAPI document.")
    api_contact_url: str = Field(default="https://www.perspectief.example/open-data",
                                 description="info.contact.url of the open-data API's OpenAPI document.")
    api_contact_email: str = Field(default="opendata@perspectief.example",
                                   description="info.contact.email of the open-data API's OpenAPI document.")
    # --- production and operations ---
    base_url: str | None = Field(
        default=None,
        description="The canonical public address (e.g. https://perspectief.gemeente.nl/): every absolute link (PDF, "
        "e-mails, feeds) uses it, never the request's Host header. Default http://HOST:PORT/.",
    )
    web_concurrency: int | None = Field(
        default=None, ge=1, description="./serve.sh: number of gunicorn worker processes (default 2 × cores).",
    )
    web_threads: int = Field(default=4, ge=1, le=64, description="./serve.sh: threads per gunicorn worker.")
    max_request_mb: float = Field(
        default=1, gt=0,
        description="Largest request body in MB (Dash callbacks, forms); larger ones get 413 before they are read. "
        "Uploads keep their own limits (UPLOAD_MAX_*).",
    )
    max_compare_regions: int = Field(
        default=12, ge=1, le=200, description="Most comparison regions one page or download shows at once.",
    )
    redis_url: str | None = Field(
        default=None,
        description="Redis (e.g. redis://127.0.0.1:6379/0): exports run on Celery workers, and the page cache is "
        "shared by every instance. Without it: a local export worker process and a cache per process.",
    )
    export_queue_max: int = Field(
        default=8, ge=1, description="Most export jobs (PDF) waiting or running at once; more get 503 + Retry-After.",
    )
    cache_mb: float = Field(
        default=64, ge=0,
        description="In-process page cache per worker (without REDIS_URL), in MB; 0 switches caching off.",
    )
    cache_seconds: int = Field(
        default=3600, ge=1, description="How long a cached answer is kept (a write makes it stale at once anyway).",
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="Bearer token that opens /metrics (Prometheus). Not set: /metrics answers 404.",
    )
    log_format: str = Field(
        default="text", pattern="^(text|json)$",
        description="`json`: one JSON object per log line (time, level, message, request id, route, status, "
        "duration); `text`: plain lines.",
    )
    log_level: str = Field(default="INFO", description="Lowest level logged (DEBUG, INFO, WARNING, ERROR).")

    def public_base_url(self) -> str:
        """BASE_URL with one trailing slash, or http://HOST:PORT/ when it is not set."""
        base = self.base_url or f"http://{self.host}:{self.port}/"
        return base.rstrip("/") + "/"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
