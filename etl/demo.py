"""Loads the demo (regions, real CBS series, example figures, Almelo's programmes, projects and
stories) through the same schemas and loader that real data uses."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from db.read.reference import has_programmes
from db.session import Session, session_scope
from db.write import loads
from etl import cbs
from etl.demo_content import (
    CBS_INDICATORS,
    EXAMPLE_INDICATORS,
    NOTES,
    PROGRAMMES,
    PROJECTS,
    STORIES,
    example_observations,
)

log = logging.getLogger(__name__)
DATA_DIR = Path(__file__).resolve().parent / "data"
SOCIAAL = DATA_DIR / "sociaal-domein"

# (file, CBS table id, {column: indicator}, filters, extra reader options)
CBS_SERIES = [
    ("82972NED.csv", "82972NED", {"JongerenMetJeugdhulpInNatura_1": "jeugdhulp",
                                  "JongerenMetJeugdbescherming_3": "jeugdbescherming",
                                  "JongerenMetJeugdreclassering_5": "jeugdreclassering"}, None),
    ("85098NED.csv", "85098NED", {"JongerenMetJeugdhulpInNatura_1": "jeugdhulp",
                                  "JongerenMetJeugdbescherming_3": "jeugdbescherming",
                                  "JongerenMetJeugdreclassering_5": "jeugdreclassering"}, None),
    ("83648NED.csv", "83648NED", {"GeregistreerdeMisdrijvenPer1000Inw_3": "misdrijven"},
     {"SoortMisdrijf": "Misdrijven, totaal"}),
    ("81064ned.csv", "81064NED", {"PersMetBetalingsachterstandRelatief_2": "betalingsachterstand"}, None),
]


@dataclass
class DemoReport:
    regions: int
    observations: int
    programmes: int
    projects: int
    stories: int


def load_demo(url: str) -> DemoReport:
    """Load the whole demo in one transaction (replaces the demo programmes if present)."""
    regions = cbs.read_regions_85067(DATA_DIR / "cbs" / "85067NED")
    regions += cbs.read_wijken_buurten(DATA_DIR / "cbs" / "85318NED" / "WijkenEnBuurten.csv")
    resolver = cbs.LabelResolver.from_regions(regions)
    known_codes = {r.code for r in regions}
    observations = 0
    with session_scope(url) as session:
        load = loads.start_load(session, source="CBS (regio-indeling 85067NED, 85318NED)", table_id="85067NED",
                                file_hash_=loads.file_hash(DATA_DIR / "cbs" / "85067NED" / "data.csv"))
        loads.upsert_regions(session, regions)
        loads.finish_load(load, len(regions), len(regions))
        loads.upsert_indicators(session, CBS_INDICATORS + EXAMPLE_INDICATORS)
        for filename, table_id, measures, filters in CBS_SERIES:
            path = SOCIAAL / filename
            load = loads.start_load(session, source="CBS", path=f"etl/data/sociaal-domein/{filename}",
                                    table_id=table_id, file_hash_=loads.file_hash(path))
            n = loads.upsert_observations(session, cbs.read_label_table(path, measures, resolver, filters), load)
            loads.finish_load(load, n, n)
            observations += n
        path = SOCIAAL / "84752NED.csv"
        load = loads.start_load(session, source="CBS", path="etl/data/sociaal-domein/84752NED.csv",
                                table_id="84752NED", file_hash_=loads.file_hash(path))
        rows = cbs.read_label_table(path, {"WmoClientenPer1000Inwoners_6": "wmo-clienten"}, resolver,
                                    {"TypeMaatwerkvoorziening": "Totaal"}, code_column="Codering_3",
                                    known_codes=known_codes)
        n = loads.upsert_observations(session, rows, load)
        loads.finish_load(load, n, n)
        observations += n
        load = loads.start_load(session, source="Voorbeeldcijfers (fictief)", table_id=None)
        n = loads.upsert_observations(session, example_observations(), load)
        loads.finish_load(load, n, n, "Fictieve voorbeeldcijfers voor de demo")
        observations += n
        for programme in PROGRAMMES:
            loads.replace_programme(session, programme)
        for project in PROJECTS:
            loads.add_project(session, project)
        for story in STORIES:
            loads.add_story(session, story)
        _replace_example_notes(session)
    log.info("demo geladen: %d regio's, %d waarnemingen", len(regions), observations)
    return DemoReport(len(regions), observations, len(PROGRAMMES), len(PROJECTS), len(STORIES))


def _replace_example_notes(session: Session) -> None:
    """The demo's notes on trend points, stored as examples; a reload replaces them (never a gemeente's own)."""
    loads.replace_example_notes(session, NOTES)


def load_demo_if_empty(url: str) -> bool:
    """Load the demo when the database holds no programme yet; True when it loaded."""
    with session_scope(url) as session:
        if has_programmes(session):
            return False
    load_demo(url)
    return True
