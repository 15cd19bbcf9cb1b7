"""Lookups of projects for loaders: which project a name in a spreadsheet means."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Project


def project_ids_by_name(session: Session) -> dict[str, list[int]]:
    """{case-folded project name: ids}; a name held by more than one project is ambiguous (two ids)."""
    out: dict[str, list[int]] = defaultdict(list)
    for pid, name in session.execute(select(Project.id, Project.name).order_by(Project.id)):
        out[" ".join(name.split()).casefold()].append(pid)
    return dict(out)
