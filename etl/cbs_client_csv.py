"""Reader for a CBS table as one CSV written by CBS's own clients: the row key `ID` (CBS's row number, never a
figure), dimension columns (RegioS, Perioden, SoortMisdrijf …) and topic columns (`Key_1`, `Key_2` …), either as
codes – the typed data set without its metadata ("GM0141    ", "2020JJ00") – or as labels, as the Python `cbsodata`
client writes them (`;`, BOM, "Almelo", "Beek (L.)", "1e halfjaar 2021").

Region labels are resolved through the CBS region list (etl.cbs_regions); a table per wijk carries the code in a
topic column (Codering_3), which then decides. Rows of other area kinds (landsdelen, COROP …) are skipped; a label
that is unknown or ambiguous is refused with its row, as is a row with figures but no region.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from db.read.reference import regions_by_kind
from db.session import Session
from db.write.rows import REGION_CODE
from etl import messages
from etl.cbs_measures import CHUNK_CELLS, CHUNK_ROWS, Measures, Selection, records, table_from_name, total_category
from etl.cbs_regions import Match, Resolved, RowRegions, bundled, region_list
from etl.pipeline import Plan
from etl.reading import FileRefused, csv_rows, header_and_rows, open_text
from etl.validation import region_code, row_length_error
from indicators.enums import COUNTRY
from indicators.periods import Period, PeriodError
from indicators.values import ValueError_, clean_text, parse_value

ROW_KEY = "ID"
TOPIC = re.compile(r"^[A-Za-z][A-Za-z0-9]*_\d+$")
TIME_KEY = "Perioden"
GEO_KEYS = ("RegioS", "Regiokenmerken", "WijkenEnBuurten", "Wijken", "Buurten", "Gemeenten", "Regio", "Regios")
# topics of CBS's group "Regioaanduiding" in tables per wijk: text that names the region, never a figure
REGION_TOPICS = ("Gemeentenaam", "SoortRegio", "Codering", "Indelingswijz", "MeestVoorkomendePostcode")
SAMPLE_ROWS = 1000  # rows whose cells decide whether a topic holds figures


def header_names(header: list[str]) -> list[str]:
    return [clean_text(h.lstrip("\ufeff")) for h in header]


def is_client_csv(header: list[str]) -> bool:
    """A header starting with CBS's row key `ID` and holding topic keys such as `Bijstandsontvangers_2`."""
    names = header_names(header)
    return bool(names) and names[0] == ROW_KEY and any(TOPIC.match(h) for h in names[1:])


def humanise(key: str) -> str:
    """A readable name from a CBS topic key: 'JongerenMetJeugdhulpInNatura_1' -> 'Jongeren met jeugdhulp in natura'."""
    stem = re.sub(r"_\d+$", "", key).removeprefix("k_")
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+", stem) or [stem]
    text = " ".join([words[0], *(w if w.isupper() and len(w) > 1 else w.lower() for w in words[1:])])
    return text[:1].upper() + text[1:]


def _decimals(values: list[str]) -> int:
    """Decimals shown by the figures themselves ('1210.0' counts as whole: the client writes floats)."""
    places = [len(v.split(".", 1)[1].rstrip("0")) for v in values if "." in v]
    return min(3, max(places, default=0))


class _Survey:
    """What one pass over the file finds: region labels and codes, categories per dimension, figure-like topics."""

    def __init__(self, width: int) -> None:
        self.geo: dict[str, None] = {}
        self.codes: dict[str, str] = {}  # code -> the label beside it
        self.categories: dict[int, dict[str, None]] = {}
        self.numbers = Counter()
        self.texts = Counter()
        self.samples: dict[int, list[str]] = {i: [] for i in range(width)}
        self.rows = 0


def read_client_csv(path: Path, session: Session, table_id: str | None = None, period: str | None = None,
                    selection: Selection | None = None) -> Plan:
    text_file = open_text(path)
    header, _ = header_and_rows(path, csv_rows(text_file))
    names = header_names(header)
    width = len(names)
    time_col = names.index(TIME_KEY) if TIME_KEY in names else None
    geo_col = next((names.index(k) for k in GEO_KEYS if k in names), None)
    topics = [i for i, h in enumerate(names) if i and TOPIC.match(h)]
    dims = [i for i in range(1, width) if i not in topics and i not in (time_col, geo_col)]
    code_col = next((i for i in topics if names[i].startswith("Codering")), None)
    table = (table_id or table_from_name(path.name) or "").upper() or None
    source = "CBS StatLine" if table else f"CBS-bestand {path.name}"  # the table id is stored beside it
    plan = Plan(kind="cbs", path=path, files=[path], source=source, table_id=table, decimal=".",
                chunks=lambda plan: iter(()), size=path.stat().st_size, notices=list(text_file.notices),
                skip_foreign_regions=True)
    plan.notices.append(messages.NOTICE_ROW_KEY)
    fixed_period = _fixed_period(path, period, time_col, plan)

    survey = _survey(path, width, geo_col, code_col, dims, topics)
    if not survey.rows:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=path.name))
    region_topics = [i for i in topics if names[i].startswith(REGION_TOPICS)]
    numeric = [i for i in topics if i not in region_topics and survey.numbers[i]
               and survey.texts[i] * 10 <= survey.numbers[i] + survey.texts[i]]
    text_columns = [names[i] for i in topics if i not in numeric and i not in region_topics]
    if text_columns:
        plan.notices.append(messages.NOTICE_TEXT_COLUMNS.format(columns=", ".join(text_columns[:10])))
    measures = Measures(session, table, source, table or path.stem.lower(), selection)
    measures.check_selection([names[i] for i in numeric], path.name)
    if selection is not None:
        numeric = [i for i in numeric if names[i] in selection]
    if not numeric:
        raise FileRefused(messages.NO_MEASURES.format(name=path.name))
    for i in numeric:
        title = humanise(names[i])
        measures.add(names[i], f"{title} ({names[i]})", "", _decimals(survey.samples[i]),
                     f"CBS-maatstaf {names[i]}" + (f" uit tabel {table}" if table else "") + ". Naam afgeleid van de "
                     "sleutel; eenheid en omschrijving staan in de metadata van de tabel op StatLine.")
    split = [d for d in dims if len(survey.categories[d]) > 1]
    measures.totals = {names[d]: total_category({c: c for c in survey.categories[d]}) for d in split}

    resolved: dict[str, Resolved] = {}
    if code_col is None and geo_col is not None:  # labels: also the names of regions the database holds
        regions = region_list(regions_by_kind(session))
        resolved = {label: regions.resolve(label) for label in survey.geo}
    else:
        regions = bundled()
    if code_col is not None:
        plan.regions = regions.rows_for({c: label for c, label in survey.codes.items() if REGION_CODE.match(c)})
    else:
        plan.regions = regions.rows_for({r.code: label for label, r in resolved.items() if r.match is Match.FOUND})
    plan.period_column = TIME_KEY if time_col is not None else "--periode"
    plan.region_column = names[code_col] if code_col is not None else names[geo_col] if geo_col is not None else ""
    plan.chunks = _chunks(path, names, numeric, split, time_col, geo_col, code_col, fixed_period, resolved, measures)
    return plan


def _fixed_period(path: Path, period: str | None, time_col: int | None, plan: Plan) -> str | None:
    if time_col is not None:
        if period:
            plan.notices.append(messages.NOTICE_PERIOD_IGNORED.format(period=period))
        return None
    if not period:
        raise FileRefused(messages.NO_PERIOD_IN_FILE.format(name=path.name))
    try:
        Period.parse(period)
    except PeriodError:
        raise FileRefused(messages.PERIOD_OPTION_BAD.format(value=period)) from None
    return period


def _survey(path: Path, width: int, geo_col: int | None, code_col: int | None, dims: list[int],
            topics: list[int]) -> _Survey:
    survey = _Survey(width)
    survey.categories = {d: {} for d in dims}
    _, rows = header_and_rows(path, csv_rows(open_text(path)))
    for _line, fields in rows:
        if len(fields) != width:
            continue  # reported with its line by the second pass
        survey.rows += 1
        if geo_col is not None:
            survey.geo.setdefault(fields[geo_col], None)
        if code_col is not None and (code := region_code(fields[code_col])):
            survey.codes.setdefault(code, fields[geo_col] if geo_col is not None else code)
        for d in dims:
            survey.categories[d].setdefault(clean_text(fields[d]), None)
        if survey.rows <= SAMPLE_ROWS:
            for i in topics:
                cell = fields[i].strip()
                if not cell:
                    continue
                try:
                    value, _ = parse_value(cell, decimal=".")
                except ValueError_:
                    survey.texts[i] += 1
                    continue
                survey.numbers[i] += value is not None
                if len(survey.samples[i]) < 200:
                    survey.samples[i].append(cell)
    return survey


def _chunks(path: Path, names: list[str], numeric: list[int], split: list[int], time_col: int | None,
            geo_col: int | None, code_col: int | None, fixed_period: str | None, resolved: dict[str, Resolved],
            measures: Measures):  # noqa: ANN202 - the plan's chunk generator
    width = len(names)
    chunk_rows = max(100, min(CHUNK_ROWS, CHUNK_CELLS // max(1, len(numeric))))
    region_column = names[code_col] if code_col is not None else names[geo_col] if geo_col is not None else ""
    region_col = code_col if code_col is not None else geo_col
    codes: dict[tuple, str | None] = {}

    def frame(buffer: list[list[str]], lines: list[int], regions: list[str]) -> pd.DataFrame:
        cols = list(zip(*buffer, strict=True))
        periods = [p.strip() for p in cols[time_col]] if time_col is not None else [fixed_period] * len(buffer)
        combos = [tuple((names[d], clean_text(v), clean_text(v)) for d, v in zip(split, vals, strict=True))
                  for vals in zip(*(cols[d] for d in split), strict=True)] if split else [()] * len(buffer)
        pieces = []
        for i in numeric:
            key = names[i]
            indicators = []
            for combo in combos:
                if (key, combo) not in codes:
                    codes[(key, combo)] = measures.code(key, combo)
                indicators.append(codes[(key, combo)])
            pieces.append(records(np.asarray(lines), key, indicators, regions, periods, list(cols[i]),
                                  np.zeros(len(buffer), dtype=bool)))
        return pd.concat(pieces, ignore_index=True)

    def chunks(plan: Plan) -> Iterator[pd.DataFrame]:
        _, rows = header_and_rows(path, csv_rows(open_text(path)))
        rows_regions = RowRegions(path.name, region_column, None if code_col is not None else resolved, bundled())
        buffer: list[list[str]] = []
        lines: list[int] = []
        regions: list[str] = []
        for line, fields in rows:
            if len(fields) != width:
                if error := row_length_error(path.name, line, fields, width):
                    plan.errors.append(error)
                continue
            if region_col is None:
                region = COUNTRY
            else:
                region = rows_regions.region(fields[region_col], line, any(fields[i].strip() for i in numeric),
                                             plan.errors)
            if region is None:
                continue
            buffer.append(fields)
            lines.append(line)
            regions.append(region)
            if len(buffer) >= chunk_rows:
                plan.bytes_read = min(plan.size, plan.bytes_read + sum(len(";".join(f)) for f in buffer))
                done = frame(buffer, lines, regions)
                measures.take_new(plan)  # before the yield: the pipeline registers them for this chunk
                yield done
                buffer, lines, regions = [], [], []
        plan.bytes_read = plan.size
        if buffer:
            done = frame(buffer, lines, regions)
            measures.take_new(plan)
            yield done
        plan.notices.extend(rows_regions.notices())

    return chunks
