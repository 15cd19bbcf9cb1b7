"""The query parameters of the API as pydantic models: the OpenAPI document describes them from these models, and
the routes parse every request with them (`parse`), so a parameter is described and checked by one definition.
Unknown parameters are refused (400) rather than ignored: a misspelt filter must not silently return everything."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dashboard.api import texts
from dashboard.api.problems import ApiProblem, InvalidParam
from indicators.enums import RegionKind
from indicators.periods import Period, PeriodError, PeriodKind

MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 100
REGION_CODE = r"^[A-Z]{2}[0-9]{2,8}$"
PERIOD_CODE = r"^[1-9][0-9]{3}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$"
QUARTER_CODE = r"^[1-9][0-9]{3}-Q[1-4]$"


class QueryModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_alias=True, validate_by_name=False)

    def check(self) -> None:
        """Rules between parameters, after each one is valid on its own: raise an ApiProblem 400."""


class Paging(QueryModel):
    page: int = Field(1, alias="pagina", ge=1, le=1_000_000, description="Paginanummer, vanaf 1.")
    page_size: int = Field(DEFAULT_PAGE_SIZE, alias="paginaGrootte", ge=1, le=MAX_PAGE_SIZE,
                           description=f"Aantal rijen per pagina (hoogstens {MAX_PAGE_SIZE}).")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


class NoQuery(QueryModel):
    """Operations without parameters still refuse unknown ones."""


class ResultQuery(Paging):
    quarter: str | None = Field(None, alias="kwartaal", pattern=QUARTER_CODE, examples=["2026-Q3"],
                                description="Alleen de metingen van dit kwartaal, bijvoorbeeld 2026-Q3.")


class ObservationQuery(Paging):
    region_code: str | None = Field(None, alias="regioCode", pattern=REGION_CODE, examples=["GM0141"],
                                    description="CBS-code van de regio, bijvoorbeeld GM0141 (Almelo) of NL01.")
    period_from: str | None = Field(None, alias="periodeVan", pattern=PERIOD_CODE, examples=["2015"],
                                    description="Eerste periode (periodecode, bijvoorbeeld 2015 of 2015-Q1): "
                                                "periodes die op of na het begin ervan beginnen.")
    period_to: str | None = Field(None, alias="periodeTot", pattern=PERIOD_CODE, examples=["2024"],
                                  description="Laatste periode (periodecode, bijvoorbeeld 2024): periodes die "
                                              "uiterlijk op de laatste dag ervan beginnen.")
    period_kind: PeriodKind | None = Field(None, alias="periodesoort", description="Alleen deze soort periodes.")

    @property
    def first_day(self) -> date | None:
        return _period(self.period_from, "periodeVan").start if self.period_from else None

    @property
    def last_day(self) -> date | None:
        return _period(self.period_to, "periodeTot").end if self.period_to else None


class RegionQuery(Paging):
    kind: RegionKind | None = Field(None, alias="soort", examples=["gemeente"],
                                    description="Alleen regio's van deze soort.")
    parent_code: str | None = Field(None, alias="bovenliggendeCode", pattern=REGION_CODE,
                                    description="Alleen regio's die hierin liggen, bijvoorbeeld de wijken van "
                                                "GM0141.")


class StoryQuery(Paging):
    programme: str | None = Field(None, alias="programma", pattern=r"^[a-z0-9-]{1,80}$",
                                  description="Alleen de verhalen van dit programma (slug).")


def _period(code: str, name: str) -> Period:
    try:
        return Period.parse(code)
    except PeriodError as exc:  # the pattern lets through only codes Period.parse reads; kept as a safety net
        raise ApiProblem(400, texts.INVALID_TITLE, texts.BAD_PARAM.format(name=name), invalid=[
            InvalidParam(name, "ongeldig_formaat", texts.PERIOD_FORMAT)]) from exc


def parse(model: type[QueryModel], args: dict[str, list[str]]) -> QueryModel:
    """The request's query string as `model`, or an ApiProblem 400 naming every offending parameter."""
    invalid = [InvalidParam(name, "herhaald", texts.REPEATED) for name, values in args.items() if len(values) > 1]
    if invalid:
        raise ApiProblem(400, texts.INVALID_TITLE, texts.BAD_PARAMS, invalid=invalid)
    try:
        query = model.model_validate({name: values[0] for name, values in args.items()})
    except ValidationError as exc:
        invalid = [_invalid(error) for error in exc.errors(include_url=False)]
        raise ApiProblem(400, texts.INVALID_TITLE, texts.BAD_PARAMS if len(invalid) > 1 else
                         texts.BAD_PARAM.format(name=invalid[0].name), invalid=invalid) from None
    query.check()
    return query


def _invalid(error: dict) -> InvalidParam:
    name = str(error["loc"][0]) if error.get("loc") else "?"
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return InvalidParam(name, "onbekende_parameter", texts.UNKNOWN_PARAM)
    if kind in ("less_than_equal", "greater_than_equal"):
        limit = error.get("ctx", {}).get("le", error.get("ctx", {}).get("ge"))
        reason = (texts.TOO_LARGE if kind == "less_than_equal" else texts.TOO_SMALL).format(limit=limit)
        return InvalidParam(name, "te_groot" if kind == "less_than_equal" else "te_klein", reason)
    if kind in ("int_parsing", "int_from_float"):
        return InvalidParam(name, "geen_geheel_getal", texts.NOT_INTEGER)
    if kind == "enum":
        return InvalidParam(name, "onbekende_waarde", texts.NOT_ONE_OF.format(
            values=error.get("ctx", {}).get("expected", "").replace("'", "")))
    if kind == "string_pattern_mismatch":
        return InvalidParam(name, "ongeldig_formaat", texts.PATTERN.get(name, texts.BAD_FORMAT))
    return InvalidParam(name, "ongeldig", texts.BAD_FORMAT)
