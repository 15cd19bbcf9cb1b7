"""Loads the demo: the region list, real CBS series and wijk boundaries through the same loads an operator runs
(`python -m etl load-cbs` = etl.sources.load_cbs, `load-geo` = etl.geo.load_boundaries), then example figures and
Almelo's programmes, projects and stories."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from db.read.reference import has_programmes
from db.session import Session, session_scope
from db.write import loads
from etl import cbs, geo
from etl.demo_content import (
    CBS_INDICATORS,
    EXAMPLE_INDICATORS,
    NOTES,
    PROGRAMMES,
    PROJECTS,
    STORIES,
    example_observations,
)
from etl.demo_finance import load_demo_finance
from etl.sources import load_cbs

log = logging.getLogger(__name__)
DATA_DIR = Path(__file__).resolve().parent / "data"
SOCIAAL = DATA_DIR / "sociaal-domein"
BOUNDARIES = DATA_DIR / "geo" / "wijken_almelo_2024.geojson"  # CBS/Kadaster wijk- en buurtkaart 2024, CC BY 4.0

_YOUTH = {"JongerenMetJeugdhulpInNatura_1": "jeugdhulp", "JongerenMetJeugdbescherming_3": "jeugdbescherming",
          "JongerenMetJeugdreclassering_5": "jeugdreclassering"}
# Each file exactly as `python -m etl load-cbs FILE --maatstaf KEY=INDICATOR …` loads it: the measure's totals
# (e.g. SoortMisdrijf "Misdrijven, totaal") go into the demo's indicator; older editions join the same series.
CBS_FILES: list[tuple[str, dict[str, str | None]]] = [
    ("82972NED.csv", _YOUTH),
    ("85098NED.csv", _YOUTH),
    ("83648NED.csv", {"GeregistreerdeMisdrijvenPer1000Inw_3": "misdrijven"}),
    ("81064ned.csv", {"PersMetBetalingsachterstandRelatief_2": "betalingsachterstand"}),
    ("84752NED.csv", {"WmoClientenPer1000Inwoners_6": "wmo-clienten"}),  # per wijk, 2018
    ("85639NED.csv", {"WmoClientenPer1000Inwoners_6": "wmo-clienten"}),  # per wijk, 2023
    ("85994NED.csv", {"ClientenMetVoorzieningen_7": "voorzieningen-sociaal-domein"}),  # per wijk, 1e halfjaar 2024
]


class DemoError(Exception):
    """A demo file was refused by its own loader: the shipped data and the code disagree."""


@dataclass
class DemoReport:
    regions: int
    observations: int
    programmes: int
    projects: int
    stories: int
    boundaries: int = 0


def load_demo(url: str) -> DemoReport:
    """Load the whole demo (replaces the demo programmes if present); each file is one load, as on the command
    line, and the programmes with their projects and stories are one transaction."""
    regions = cbs.read_regions_85067(DATA_DIR / "cbs" / "85067NED")
    regions += cbs.read_wijken_buurten(DATA_DIR / "cbs" / "85318NED" / "WijkenEnBuurten.csv")
    with session_scope(url) as session:
        load = loads.start_load(session, source="CBS (regio-indeling 85067NED, 85318NED)", table_id="85067NED",
                                file_hash_=loads.file_hash(DATA_DIR / "cbs" / "85067NED" / "data.csv"))
        loads.upsert_regions(session, regions)
        loads.finish_load(load, len(regions), len(regions))
        loads.upsert_indicators(session, CBS_INDICATORS + EXAMPLE_INDICATORS)
    observations = 0
    for filename, selection in CBS_FILES:
        outcome = load_cbs(url, SOCIAAL / filename, selection=selection)
        if outcome.status != "gereed":
            first = "; ".join(e.as_text() for e in outcome.errors[:3]) or outcome.message
            raise DemoError(f"{filename} is geweigerd: {first}")
        observations += outcome.counts.loaded if outcome.counts else 0
    boundaries = geo.load_boundaries(url, BOUNDARIES)
    with session_scope(url) as session:
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
        load_demo_finance(session)
    log.info("demo geladen: %d regio's, %d waarnemingen, %d grenzen", len(regions), observations, boundaries)
    return DemoReport(len(regions), observations, len(PROGRAMMES), len(PROJECTS), len(STORIES), boundaries)


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
