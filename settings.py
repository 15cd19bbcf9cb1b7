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
    secret_key: SecretStr = Field(
        default=SecretStr("dev-only-change-me"),
        description="Key for signing cookies; set a long random value in production.",
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


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
