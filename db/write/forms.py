"""What an edit form may hold per kind of item (FIELDS, FIXED), and turning form input into a validated row of
db.write.rows with Dutch messages (Invalid) – the validation every write of an editable item goes through."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from db.models.figures import IndicatorNote
from db.models.programmes import Measurement, MeasurementNote, Project, Result, Story
from db.write.audit import plain
from db.write.rows import IndicatorNoteRow, MeasurementRow, NoteRow, ProjectRow, ResultRow, StoryRow
from db.write.workflow import FORM, Invalid
from indicators.enums import ItemKind
from indicators.periods import PeriodError
from indicators.values import ValueError_, parse_value

MODELS: dict[ItemKind, type] = {
    ItemKind.PROJECT: Project, ItemKind.RESULT: Result, ItemKind.MEASUREMENT: Measurement, ItemKind.STORY: Story,
    ItemKind.INDICATOR_NOTE: IndicatorNote, ItemKind.MEASUREMENT_NOTE: MeasurementNote,
}


# The form fields of each kind: what values hold, what the audit trail names and what Conflict compares.
FIELDS: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.PROJECT: ("line_name", "name", "description", "partners", "start_date", "end_date", "status"),
    ItemKind.RESULT: ("name", "kind", "unit", "desired_direction", "decimals"),
    ItemKind.MEASUREMENT: ("period", "target", "realised", "status", "explanation"),
    ItemKind.STORY: ("project_name", "result_name", "indicator_code", "kind", "title", "summary", "body",
                     "media_url", "media_file", "captions_file", "transcript", "story_date", "consent"),
    ItemKind.INDICATOR_NOTE: ("indicator_code", "region_code", "period", "text", "note_date", "author"),
    ItemKind.MEASUREMENT_NOTE: ("text", "note_date", "author"),
}


FIXED: dict[ItemKind, tuple[str, ...]] = {  # set when the item is created, never changed afterwards
    ItemKind.MEASUREMENT: ("period",), ItemKind.INDICATOR_NOTE: ("indicator_code", "region_code", "period"),
}


ROWS: dict[ItemKind, type[BaseModel]] = {
    ItemKind.PROJECT: ProjectRow, ItemKind.RESULT: ResultRow, ItemKind.MEASUREMENT: MeasurementRow,
    ItemKind.STORY: StoryRow, ItemKind.INDICATOR_NOTE: IndicatorNoteRow, ItemKind.MEASUREMENT_NOTE: NoteRow,
}


COLUMN_OF = {"line_name": "programme_line_id", "project_name": "project_id", "result_name": "result_id",
              "indicator_code": "indicator_id", "region_code": "region_id"}


_OPTIONAL = {"media_url", "media_file", "captions_file", "project_name", "result_name", "indicator_code",
             "start_date", "end_date", "target", "realised"}


_NUMBERS = {"target", "realised"}


_REQUIRED_TEXT = {"name", "title", "text", "line_name"}


_HAS_DIGIT = re.compile(r"\d")


Check = Callable[[Any, Mapping[str, Any]], None]  # a further check of a validated row against the stored values


MESSAGES = {
    "unknown_field": "Dit veld bestaat niet bij dit soort item.",
    "fixed_field": "Dit kan na het aanmaken niet meer worden gewijzigd.",
    "unknown_programme": "Programma ‘{slug}’ bestaat niet.",
    "unknown_line": "Programmalijn ‘{name}’ bestaat niet in dit programma.",
    "unknown_project": "Project ‘{name}’ bestaat niet in dit programma.",
    "unknown_result": "Project ‘{project}’ heeft geen resultaat ‘{name}’.",
    "result_needs_project": "Kies ook het project waar dit resultaat bij hoort.",
    "unknown_indicator": "Indicator ‘{code}’ bestaat niet.",
    "unknown_region": "Regio ‘{code}’ bestaat niet.",
    "not_a_quarter": "Kies een kwartaal, bijvoorbeeld 2026-Q3.",
    "measurement_exists": "Dit resultaat heeft al een meting voor {quarter}: wijzig die.",
    "result_not_in_programme": "Resultaat {id} hoort niet bij dit programma.",
    "duplicate_row": "Dit resultaat staat al op regel {first}.",
    "missing_result": "Kies het resultaat.",
    "load_note": "bestand {file}, regel {line} (lading {load})",
    "load_in_review": ("De meting van {quarter} is {state} en wordt beoordeeld: een bestand overschrijft die niet. "
                       "Laat deze regel weg, of laat de meting eerst terugzetten naar concept."),
    "whole_number": "Vul een geheel getal in: {unit} tel je in hele aantallen (dus geen {example}).",
    "explanation_needed": "Vul een toelichting in: bij de status ‘{status}’ hoort uitleg voor de raad.",
    "explanation_needed_unknown": "Vul een toelichting in: er is een gerealiseerde waarde, maar de status is "
                                  "‘nog niet bekend’. Leg uit waarom, of kies een status.",
    # pydantic's error types, in Dutch
    "missing": "Vul dit veld in.",
    "string_too_short": "Vul dit veld in.",
    "string_too_long": "Te lang: gebruik hoogstens {max_length} tekens.",
    "number": "Vul een getal in.",
    "integer": "Vul een geheel getal in.",
    "at_least": "Kies minstens {ge}.",
    "at_most": "Kies hoogstens {le}.",
    "choice": "Kies een van: {expected}.",
    "date": "Vul een geldige datum in (jjjj-mm-dd).",
    "bool": "Kies ja of nee.",
    "list": "Geef een lijst.",
    "pattern_media_url": "Een link moet met https:// beginnen.",
    "pattern_media_file": "Upload een video of afbeelding, of geef de naam van een .mp4- of .webm-bestand in de map "
                          "met media.",
    "pattern_captions_file": "Upload de ondertitels als .vtt-bestand.",
    "upload_missing": "Dit bestand is niet (meer) geüpload: upload het opnieuw.",
    "upload_other_programme": "Dit bestand is voor een ander programma geüpload en daar nog niet gepubliceerd: "
                              "upload het opnieuw voor dit programma.",
    "captions_need_video": "Ondertitels horen bij een eigen video: kies eerst de video.",
    "other": "Deze waarde is ongeldig.",
}


_ERROR_TYPES = {
    "missing": "missing", "string_too_short": "string_too_short", "string_too_long": "string_too_long",
    "float_parsing": "number", "float_type": "number", "finite_number": "number",
    "int_parsing": "integer", "int_type": "integer", "int_from_float": "integer",
    "date_parsing": "date", "date_type": "date", "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date", "bool_parsing": "bool", "bool_type": "bool", "list_type": "list",
}


def dutch_errors(exc: ValidationError) -> dict[str, str]:
    """pydantic's errors as {field: Dutch message} (the first error of each field)."""
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = str(err["loc"][0]) if err["loc"] else FORM
        if loc in out:
            continue
        kind, ctx = err["type"], err.get("ctx") or {}
        if kind == "value_error":
            text = str(err["msg"]).removeprefix("Value error, ")
        elif kind == "string_pattern_mismatch":
            text = MESSAGES.get(f"pattern_{loc}", MESSAGES["other"])
        elif kind == "greater_than_equal":
            text = MESSAGES["at_least"].format(ge=ctx.get("ge"))
        elif kind == "less_than_equal":
            text = MESSAGES["at_most"].format(le=ctx.get("le"))
        elif kind in ("enum", "literal_error"):
            text = MESSAGES["choice"].format(expected=str(ctx.get("expected", "")).replace("' or '", "' of '"))
        elif kind in _ERROR_TYPES:
            text = MESSAGES[_ERROR_TYPES[kind]].format(**{k: v for k, v in ctx.items() if isinstance(v, str | int)})
        else:
            text = MESSAGES["other"]
        out[loc] = text
    return out


def clean_input(data: Mapping[str, Any]) -> dict[str, Any]:
    """Form input made ready for the row models: empty optional fields become None, Dutch numbers ('1.234,5')
    become numbers."""
    out = {}
    for key, value in data.items():
        if isinstance(value, str) and key in _OPTIONAL and not value.strip():
            value = None
        elif isinstance(value, str) and key in _NUMBERS and _HAS_DIGIT.search(value):
            try:
                value = parse_value(value)[0]
            except ValueError_:
                pass  # pydantic says it is no number
        out[key] = value
    return out


def check_keys(kind: ItemKind, data: Mapping[str, Any]) -> None:
    errors = {k: MESSAGES["unknown_field"] for k in data if k not in FIELDS[kind]}
    if errors:
        raise Invalid(errors)


def validate(kind: ItemKind, data: Mapping[str, Any], context: Mapping[str, Any] | None = None
             ) -> tuple[BaseModel, dict[str, Any]]:
    """The validated row and its plain form values."""
    empty = {f: MESSAGES["missing"] for f in _REQUIRED_TEXT & set(FIELDS[kind])
             if isinstance(data.get(f), str | None) and not (data.get(f) or "").strip()}
    try:
        row = ROWS[kind](**{**(context or {}), **data})
    except ValidationError as exc:
        raise Invalid({**empty, **dutch_errors(exc)}) from None
    except PeriodError as exc:
        raise Invalid({**empty, "period": str(exc)}) from None
    if empty:  # the ETL's rows allow an empty name; a form does not
        raise Invalid(empty)
    values = {f: list(getattr(row, f)) if f == "partners" else plain(getattr(row, f)) for f in FIELDS[kind]}
    return row, values
