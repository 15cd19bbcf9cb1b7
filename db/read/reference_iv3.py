"""Reference lookups the Iv3 loader needs: gemeenten by name and code (the region list), and the taakveld code list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Region, Taakveld
from indicators.enums import RegionKind


@dataclass(frozen=True)
class GemeenteIndex:
    """Gemeenten of the region list: id by CBS code, code by name (exact and case-folded)."""

    ids: dict[str, int]
    by_name: dict[str, str]
    by_folded_name: dict[str, str]


def gemeente_index(session: Session) -> GemeenteIndex:
    rows = session.execute(select(Region.id, Region.code, Region.name)
                           .where(Region.kind == RegionKind.MUNICIPALITY)).all()
    return GemeenteIndex(ids={code: rid for rid, code, _ in rows},
                         by_name={name: code for _, code, name in rows},
                         by_folded_name={name.casefold(): code for _, code, name in rows})


@dataclass(frozen=True)
class TaakveldRef:
    id: int
    code: str
    name: str
    first_year: int
    last_year: int
    group_code: str


def taakvelden(session: Session) -> list[TaakveldRef]:
    return [TaakveldRef(t.id, t.code, t.name, t.first_year, t.last_year, t.group_code)
            for t in session.scalars(select(Taakveld).order_by(Taakveld.code, Taakveld.first_year))]
