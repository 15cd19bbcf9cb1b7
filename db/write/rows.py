"""Pydantic models of the rows every source is turned into before anything touches the database.

The same models validate CBS files, own spreadsheets, the demo and (later) entry forms.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from indicators.enums import (
    Direction,
    MeasurementStatus,
    ObservationStatus,
    ProjectStatus,
    RegionKind,
    ResultKind,
    StoryKind,
)
from indicators.periods import Period
from indicators.safe_text import IMAGE_EXTENSIONS, UPLOAD_NAME, safe_media_url
from indicators.values import clean_code, clean_text

# CBS region codes; since 2023 Amsterdam's wijken and buurten carry letters (WK0363AA, BU0363AA01)
REGION_CODE = re.compile(r"^(NL0[01]|PV\d{2}|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$")

Code = Annotated[str, BeforeValidator(clean_code)]
Text = Annotated[str, BeforeValidator(clean_text)]


def _period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    return Period.parse(str(value))


PeriodField = Annotated[Period, BeforeValidator(_period)]


class Row(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, str_strip_whitespace=True)


class RegionRow(Row):
    code: Code
    name: Text = Field(min_length=1, max_length=120)
    kind: RegionKind
    parent_code: Code | None = None
    population: int | None = Field(default=None, ge=0)
    groups: dict[str, tuple[str, str]] = Field(default_factory=dict)

    @field_validator("code")
    @classmethod
    def _known_shape(cls, v: str) -> str:
        if not REGION_CODE.match(v):
            raise ValueError(f"regiocode {v!r} heeft niet de vorm van een CBS-code (GM0141, WK014101, BU01410101)")
        return v

    @field_validator("parent_code")
    @classmethod
    def _empty_parent(cls, v: str | None) -> str | None:
        return v or None


class IndicatorRow(Row):
    code: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,79}$")
    name: Text = Field(min_length=1, max_length=200)
    unit: str = ""
    source: str = ""
    cbs_table_id: str | None = None
    cbs_measure_key: str | None = None
    desired_direction: Direction = Direction.NONE
    decimals: int = Field(default=1, ge=0, le=6)
    definition: str = ""
    needs_review: bool = False


class ObservationRow(Row):
    indicator_code: str
    region_code: Code
    period: PeriodField
    value: float | None
    status: ObservationStatus = ObservationStatus.DEFINITIVE
    is_example: bool = False
    source: str | None = None  # overrides the load's source for this row (e.g. a policy document)

    @model_validator(mode="after")
    def _value_matches_status(self) -> ObservationRow:
        no_value = self.status in (ObservationStatus.SECRET, ObservationStatus.MISSING)
        if self.value is None and not no_value:
            raise ValueError("een lege waarde moet de status 'geheim' of 'ontbreekt' hebben")
        if self.value is not None and no_value:
            raise ValueError(f"status '{self.status.value}' hoort bij een lege waarde")
        return self


class ProgrammeLineRow(Row):
    name: Text
    goal: str = ""
    desired_direction: Direction


class ProgrammeIndicatorRow(Row):
    indicator_code: str
    line_name: str | None = None
    target_value: float | None = None
    target_year: int | None = None


class ProgrammeRow(Row):
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: Text
    vision: str = ""
    start_year: int = Field(ge=2000, le=2100)
    end_year: int = Field(ge=2000, le=2100)
    baseline_year: int = Field(ge=1990, le=2100)
    owner: str = ""
    region_code: Code
    is_demo: bool = False
    lines: list[ProgrammeLineRow] = Field(default_factory=list)
    indicators: list[ProgrammeIndicatorRow] = Field(default_factory=list)

    @model_validator(mode="after")
    def _years(self) -> ProgrammeRow:
        if self.end_year < self.start_year:
            raise ValueError("het eindjaar ligt vóór het beginjaar")
        return self


class MeasurementRow(Row):
    period: PeriodField
    target: float | None = None
    realised: float | None = None
    status: MeasurementStatus = MeasurementStatus.UNKNOWN
    explanation: str = ""
    is_example: bool = False

    def columns(self) -> dict[str, object]:
        """The measurement table's columns for these values (is_example aside: only the demo sets it)."""
        return {"period_kind": self.period.kind, "period_start": self.period.start, "target": self.target,
                "realised": self.realised, "status": self.status, "explanation": self.explanation}


class ResultRow(Row):
    name: Text
    kind: ResultKind
    unit: str = ""
    desired_direction: Direction = Direction.MORE
    decimals: int = Field(default=0, ge=0, le=6)
    measurements: list[MeasurementRow] = Field(default_factory=list)


class ProjectRow(Row):
    programme_slug: str
    line_name: str
    name: Text
    description: str = ""
    partners: list[str] = Field(default_factory=list)
    start_date: date | None = None
    end_date: date | None = None
    status: ProjectStatus = ProjectStatus.RUNNING
    results: list[ResultRow] = Field(default_factory=list)


class StoryRow(Row):
    programme_slug: str
    project_name: str | None = None
    result_name: str | None = None
    indicator_code: str | None = None
    kind: StoryKind
    title: Text = Field(min_length=1, max_length=200)
    summary: str = ""
    body: str = ""
    media_url: str | None = Field(default=None, pattern=r"^https://")
    # an own video under assets/media/ (captions: the same name with .vtt next to it), or an uploaded video or image
    # (dashboard.uploads: a random name, served from /media/<name>)
    media_file: str | None = Field(default=None, max_length=300,
                                   pattern=r"^[A-Za-z0-9_-][A-Za-z0-9_./-]*\.(mp4|webm|png|jpg|webp|svg)$")
    captions_file: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]{22}\.vtt$")  # uploaded WebVTT
    transcript: str = ""
    story_date: date
    consent: bool = False
    is_example: bool = False

    @field_validator("media_url")
    @classmethod
    def _allowed_video_host(cls, v: str | None) -> str | None:
        # the same check runs again when the story is shown (indicators.stories.media_for)
        if v and not (check := safe_media_url(v)).ok:
            raise ValueError(check.reason)
        return v or None

    @field_validator("media_file")
    @classmethod
    def _no_parent_dirs(cls, v: str | None) -> str | None:
        if v and ".." in v:
            raise ValueError("een mediabestand mag geen '..' bevatten")
        if v and v.rsplit(".", 1)[1] in IMAGE_EXTENSIONS and not UPLOAD_NAME.match(v):
            raise ValueError("een afbeelding moet geüpload zijn")
        return v or None


class NoteRow(Row):
    """A dated note ("why this figure?") on a measurement; IndicatorNoteRow puts one on a trend point."""

    text: Text = Field(min_length=1, max_length=4000)
    note_date: date
    author: str = Field(default="", max_length=200)


class IndicatorNoteRow(NoteRow):
    indicator_code: str
    region_code: Code
    period: PeriodField
