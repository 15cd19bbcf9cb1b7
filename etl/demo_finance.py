"""The demo's money: the real Iv3 files of every gemeente (etl/data/iv3), the taakveldgroepen each demo programme
covers, and fictional quarterly budgets of its projects (marked as examples, like every other fictional figure)."""

from __future__ import annotations

import math

from db.read.projects import project_ids_by_name
from db.session import Session
from db.write.finance import ProjectBudgetInput, merge_project_budgets, set_programme_groups
from etl.demo_content import DEMO_QUARTERS, PROJECTS, SV, ZV
from etl.iv3 import DEMO_FILES, load_iv3_into

# Which taakveldgroepen count as each programme's money (Wmo, participatie and toegang for Sociaal en
# Vitaal; jeugd, openbare orde en veiligheid and volksgezondheid for Zorg en Veiligheid).
PROGRAMME_GROUPS = {
    SV: ["wmo", "participatie", "toegang"],
    ZV: ["jeugd", "veiligheid", "volksgezondheid"],
}
# Fictional quarterly budgets (euros) per project, in the order of etl.demo_content.PROJECTS.
_BUDGETS = [45_000, 30_000, 60_000, 40_000, 35_000, 55_000, 20_000, 15_000, 12_000]
_OVERSPEND_NOTE = "Meer uitgegeven dan begroot: extra inzet van partners in dit kwartaal (voorbeeld)."


def load_iv3_files(session: Session) -> int:
    """The bundled Iv3 files, inside the demo's transaction; the number of statements loaded."""
    total = 0
    for path in DEMO_FILES:
        outcome = load_iv3_into(session, path, source=f"CBS Iv3 via BZK ({path.name})")
        total += outcome.counts.statements.total
    return total


def project_budgets(project_ids: dict[str, list[int]]) -> list[ProjectBudgetInput]:
    """A deterministic spending pattern around each budget (a small wave), with a note where spending ran over."""
    rows = []
    for n, (project, budget) in enumerate(zip(PROJECTS, _BUDGETS, strict=True)):
        ids = project_ids[project.name.casefold()]
        for i, quarter in enumerate(DEMO_QUARTERS):
            spent = round(budget * (0.93 + 0.12 * math.sin(1.3 * i + n)), -2)
            note = _OVERSPEND_NOTE if spent > budget * 1.03 else ""
            rows.append(ProjectBudgetInput(ids[0], quarter.start, float(budget), float(spent), note, True))
    return rows


def load_demo_finance(session: Session) -> None:
    """After the demo's programmes and projects exist: the Iv3 files (with the code list), the programmes'
    taakveldgroepen, and the projects' budgets."""
    load_iv3_files(session)
    for slug, groups in PROGRAMME_GROUPS.items():
        set_programme_groups(session, None, slug, groups, "demo: taakveldgroepen van het programma", system=True)
    merge_project_budgets(session, project_budgets(project_ids_by_name(session)), None)

