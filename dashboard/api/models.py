"""The pydantic models that serialise every answer of the API, and from which its OpenAPI document is generated
(dashboard.api.openapi): one source of truth for what the API returns.

The attribute names are the API's interface, so they are Dutch (/core/interface-language), in snake_case here and
lowerCamelCase on the wire (/core/naming: `regio_code` -> `regioCode`). The descriptions are the documentation.
Rows of a collection are flat (scalars only) so that the CSV form carries the same rows and columns as the JSON
form; fields of nested objects are left out of the CSV (`CSV_SKIP`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel
from pydantic.alias_generators import to_camel

from indicators.enums import Direction, MeasurementStatus, ObservationStatus, RegionKind, ResultKind, StoryKind
from indicators.periods import PeriodKind
from indicators.trends import Verdict


class ApiModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, serialize_by_alias=True, validate_by_name=True,
                              validate_by_alias=True, extra="forbid", frozen=True)


# --- errors (RFC 9457) ----------------------------------------------------------------------------------------------
class OngeldigeParameter(ApiModel):
    name: str = Field(description="Naam van de parameter, zoals in de aanvraag (bijvoorbeeld `paginaGrootte`).")
    code: str = Field(description="Soort fout, bijvoorbeeld `te_groot`, `ongeldig_formaat`, `onbekende_parameter`.")
    reason: str = Field(description="Uitleg in het Nederlands.")


class Probleem(ApiModel):
    """Een fout als problem details (RFC 9457), in het Nederlands."""

    type: str = Field("about:blank", description="URI die de soort fout aanduidt.")
    title: str = Field(description="Korte omschrijving van de soort fout.")
    status: int = Field(description="De HTTP-statuscode.", ge=100, le=599)
    detail: str = Field(description="Uitleg bij deze fout, in het Nederlands.")
    instance: str | None = Field(None, description="Het pad van de aanvraag.")
    invalid_params: list[OngeldigeParameter] | None = Field(
        None, description="Bij status 400: welke parameter(s) ongeldig zijn en waarom.")


# --- programmes ----------------------------------------------------------------------------------------------------
class Programma(ApiModel):
    """Een programma met de samenvatting van zijn drie delen, zoals het overzicht op de website."""

    slug: str = Field(description="Vaste naam van het programma in adressen.", examples=["sociaal-en-vitaal"])
    naam: str
    visie: str
    regio_code: str = Field(description="CBS-code van de gemeente van het programma.", examples=["GM0141"])
    regio_naam: str
    startjaar: int
    eindjaar: int
    voorbeeld: bool = Field(description="Waar als het een voorbeeldprogramma met fictieve gegevens is.")
    aantal_trends: int = Field(ge=0)
    trends_gewenst: int = Field(ge=0, description="Trends in de gewenste richting.")
    trends_niet_gewenst: int = Field(ge=0, description="Trends niet in de gewenste richting.")
    trends_geen_verandering: int = Field(ge=0, description="Trends zonder duidelijke verandering.")
    trends_onvoldoende_gegevens: int = Field(ge=0, description="Trends met te weinig gegevens voor een oordeel.")
    aantal_resultaten: int = Field(ge=0)
    resultaten_op_koers: int = Field(ge=0, description="Resultaten waarvan de laatste meting op koers is.")
    resultaten_aandacht: int = Field(ge=0)
    resultaten_niet_op_koers: int = Field(ge=0)
    resultaten_onbekend: int = Field(ge=0, description="Resultaten zonder meting met status.")
    aantal_verhalen: int = Field(ge=0)
    url: str = Field(description="Dit programma in de API.")
    webpagina: str = Field(description="De pagina van dit programma op de website.")


class Programmalijn(ApiModel):
    naam: str
    doel: str
    gewenste_richting: Direction


class Trend(ApiModel):
    """Eén trend van het programma: het oordeel en de cijfers waarop het rust (regio van het programma)."""

    indicator_code: str
    indicator_naam: str
    eenheid: str
    programmalijn: str | None
    gewenste_richting: Direction
    oordeel: Verdict
    zin: str = Field(description="Het oordeel in een zin, zoals op de website.")
    laatste_periode: str | None = Field(description="Periodecode van het laatste cijfer, bijvoorbeeld 2024.")
    laatste_waarde: float | None
    basisperiode: str | None = Field(description="Periode van het basisjaar-cijfer.")
    basiswaarde: float | None
    streefwaarde: float | None
    streefjaar: int | None
    url: str = Field(description="De indicator in de API.")


class TrendDeel(ApiModel):
    aantal: int = Field(ge=0)
    gewenst: int = Field(ge=0)
    niet_gewenst: int = Field(ge=0)
    geen_verandering: int = Field(ge=0)
    onvoldoende_gegevens: int = Field(ge=0)
    trends: list[Trend]


class ResultaatDeel(ApiModel):
    aantal: int = Field(ge=0)
    op_koers: int = Field(ge=0)
    aandacht: int = Field(ge=0)
    niet_op_koers: int = Field(ge=0)
    onbekend: int = Field(ge=0)
    url: str = Field(description="De resultaten van dit programma in de API.")


class VerhaalDeel(ApiModel):
    aantal: int = Field(ge=0)
    url: str = Field(description="De verhalen van dit programma in de API.")


class ProgrammaLinks(ApiModel):
    self: str
    resultaten: str
    verhalen: str
    webpagina: str


class ProgrammaDetail(ApiModel):
    """Een programma met zijn programmalijnen en doelen en de drie delen: Trends, Resultaten, Rijkere
    verantwoording."""

    slug: str
    naam: str
    visie: str
    eigenaar: str
    regio_code: str
    regio_naam: str
    startjaar: int
    eindjaar: int
    basisjaar: int
    voorbeeld: bool
    programmalijnen: list[Programmalijn]
    trends: TrendDeel
    resultaten: ResultaatDeel
    verhalen: VerhaalDeel
    links: ProgrammaLinks


class MetingToelichting(ApiModel):
    datum: date
    auteur: str
    tekst: str


class Resultaat(ApiModel):
    """Eén meting van een resultaat: doel en realisatie in een periode (meestal een kwartaal)."""

    resultaat_id: int
    resultaat: str = Field(description="Naam van het resultaat.")
    soort: ResultKind = Field(description="RBA-soort: hoeveel, hoe goed, is iemand er beter van geworden.")
    eenheid: str
    gewenste_richting: Direction
    programmalijn: str
    project: str
    periode: str = Field(description="Periodecode, bijvoorbeeld 2026-Q3.", examples=["2026-Q3"])
    doel: float | None = Field(description="Streefwaarde voor deze periode.")
    gerealiseerd: float | None
    status: MeasurementStatus
    toelichting: str
    voorbeeld: bool = Field(description="Waar voor een fictief voorbeeldcijfer.")
    toelichtingen: list[MetingToelichting] = Field(
        description="Gedateerde toelichtingen bij deze meting (niet in de CSV-vorm).")


# --- indicators, observations, regions ---------------------------------------------------------------------------
class Indicator(ApiModel):
    code: str = Field(examples=["eenzaamheid"])
    naam: str
    eenheid: str
    decimalen: int = Field(ge=0, description="Aantal decimalen waarmee de website de cijfers toont.")
    gewenste_richting: Direction
    bron: str
    cbs_tabel: str | None = Field(description="CBS-tabel (StatLine) waar de cijfers vandaan komen.")
    definitie: str
    te_beoordelen: bool = Field(description="Waar als de indicator door een lading is aangemaakt en nog niet is "
                                            "beoordeeld.")
    url: str
    waarnemingen: str = Field(description="De waarnemingen van deze indicator in de API.")


class IndicatorInProgramma(ApiModel):
    """Hoe een programma de indicator volgt: basisjaar en basiswaarde, streefwaarde en het oordeel."""

    programma: str = Field(description="Slug van het programma.")
    programma_naam: str
    regio_code: str
    regio_naam: str
    basisjaar: int
    basiswaarde: float | None
    streefwaarde: float | None
    streefjaar: int | None
    oordeel: Verdict
    laatste_periode: str | None
    laatste_waarde: float | None
    url: str


class IndicatorDetail(Indicator):
    periodesoorten: list[PeriodKind] = Field(description="De soorten periodes waarvoor er waarnemingen zijn.")
    programmas: list[IndicatorInProgramma]
    webpagina: str


class Waarneming(ApiModel):
    regio_code: str = Field(examples=["GM0141"])
    regio_naam: str
    periode: str = Field(description="Periodecode: 2024, 2024-H1, 2024-Q3 of 2024-03.", examples=["2024"])
    periodesoort: PeriodKind
    waarde: float | None = Field(description="Leeg als het cijfer ontbreekt of geheim is (zie status).")
    status: ObservationStatus = Field(description="CBS-status: definitief, voorlopig, geheim of ontbreekt.")
    voorbeeld: bool = Field(description="Waar voor een fictief voorbeeldcijfer.")
    bron: str
    cbs_tabel: str | None
    geladen_op: datetime | None = Field(description="Moment waarop het cijfer is geladen (UTC).")


class Regio(ApiModel):
    code: str = Field(description="CBS-code.", examples=["GM0141"])
    naam: str
    soort: RegionKind
    bovenliggende_code: str | None = Field(description="CBS-code van de regio waar deze in ligt.")
    inwoners: int | None


# --- stories -------------------------------------------------------------------------------------------------------
class Verhaal(ApiModel):
    id: int
    soort: StoryKind
    titel: str
    samenvatting: str
    datum: date
    voorbeeld: bool
    programma: str = Field(description="Slug van het programma.")
    project: str | None
    resultaat_id: int | None
    resultaat: str | None
    indicator_code: str | None
    indicator: str | None = Field(description="Naam van de indicator die het verhaal toelicht.")
    url: str
    webpagina: str


class Media(ApiModel):
    soort: Literal["youtube", "vimeo", "video", "image"]
    url: str
    ondertiteling: str | None = Field(None, description="WebVTT-ondertiteling bij een eigen video.")


class VerhaalLinks(ApiModel):
    self: str
    programma: str
    resultaten: str | None
    indicator: str | None
    webpagina: str


class VerhaalDetail(ApiModel):
    id: int
    soort: StoryKind
    titel: str
    samenvatting: str
    tekst: str
    transcriptie: str
    datum: date
    voorbeeld: bool
    media: Media | None
    programma: str
    programma_naam: str
    project: str | None
    resultaat_id: int | None
    resultaat: str | None
    indicator_code: str | None
    indicator: str | None
    links: VerhaalLinks


class OpenapiDocument(RootModel[dict[str, Any]]):
    """Het OpenAPI-document (3.0) van deze API."""


# the fields the CSV form leaves out: nested objects
CSV_SKIP = {Resultaat: {"toelichtingen"}}
