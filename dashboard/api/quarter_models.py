"""The models of the published quarter reports in the API (`/kwartalen`): the frozen report's content under Dutch
names, as dashboard.api.models does for the other resources."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from dashboard.api.models import ApiModel


class Kwartaal(ApiModel):
    kwartaal: str = Field(examples=["2026-Q3"])
    naam: str = Field(examples=["3e kwartaal 2026"])
    gepubliceerd_op: datetime
    url: str
    pdf: str
    xlsx: str
    webpagina: str


class KwartaalPunt(ApiModel):
    periode: str
    waarde: float | None
    status: str
    voorbeeld: bool


class KwartaalTrend(ApiModel):
    indicator_code: str
    indicator_naam: str
    eenheid: str
    gewenste_richting: str
    oordeel: str
    zin: str
    laatste_periode: str | None
    laatste_waarde: float | None
    vorige_waarde: float | None
    basiswaarde: float | None
    streefwaarde: float | None
    streefjaar: int | None
    punten: list[KwartaalPunt]


class KwartaalMeting(ApiModel):
    periode: str
    doel: float | None
    gerealiseerd: float | None
    status: str
    toelichting: str
    voorbeeld: bool


class KwartaalResultaat(ApiModel):
    resultaat_id: int
    resultaat: str
    soort: str
    eenheid: str
    programmalijn: str
    project: str
    meting: KwartaalMeting | None = Field(description="De meting van dit kwartaal.")
    eerdere_metingen: list[KwartaalMeting]


class KwartaalVerhaal(ApiModel):
    id: int
    soort: str
    titel: str
    samenvatting: str
    datum: date


class KwartaalVerandering(ApiModel):
    soort: str = Field(description="Wat er veranderde, bijvoorbeeld statuswijziging of nieuw_cijfer.")
    onderwerp: str
    verwijzing: str = Field(description="Resultaat-id, indicatorcode of verhaal-id.")
    periode: str | None
    voor: float | str | None
    na: float | str | None
    doel: float | None


class KwartaalNotitie(ApiModel):
    soort: Literal["besluit", "actiepunt"]
    tekst: str
    eigenaar: str
    gereed_datum: date | None
    afgerond_op: date | None
    vastgelegd_in: str = Field(description="Kwartaal van het overleg dat de notitie vastlegde.")
    meegenomen: bool = Field(description="Waar voor een actiepunt uit een eerder overleg dat nog openstond.")


class KwartaalProgramma(ApiModel):
    slug: str
    naam: str
    regio_naam: str
    basisjaar: int
    veranderingen: list[KwartaalVerandering]
    trends: list[KwartaalTrend]
    resultaten: list[KwartaalResultaat]
    verhalen: list[KwartaalVerhaal]
    besluiten_en_actiepunten: list[KwartaalNotitie]


class KwartaalRapport(ApiModel):
    """Een gepubliceerde kwartaalrapportage, bevroren zoals gepubliceerd."""

    kwartaal: str
    naam: str
    vorig_kwartaal: str
    vergeleken_met_gepubliceerd: bool = Field(
        description="Waar als 'wat veranderde' is vergeleken met de gepubliceerde rapportage van het vorige kwartaal.")
    gepubliceerd_op: datetime
    programmas: list[KwartaalProgramma]
    pdf: str
    xlsx: str
    webpagina: str
