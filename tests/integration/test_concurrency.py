"""No lost updates: 20 editors save the same measurement from the same version at the same moment, each in its own
thread, session and connection – on SQLite (a file in WAL mode) and on PostgreSQL. Exactly one wins, the other 19
get a Conflict showing the winner's values, the audit trail gains one entry per changed field of the winner, and
no other row changes. A second round from the new version behaves the same."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from editing_support import actors, build_world, snapshot
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db import write as ed
from db.accounts import Grant
from db.models import AuditEntry, Measurement
from db.write.workflow import Actor
from indicators.enums import ItemKind, Role

EDITORS = 20


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine with a connection for every editor at once (the app's pool holds fewer), configured like
    db.session.make_engine: SQLite in WAL mode with foreign keys and a busy timeout."""
    if make_url(db_url).get_backend_name() == "sqlite":
        eng = create_engine(db_url, pool_size=EDITORS + 2, max_overflow=0,
                            connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(eng, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()
    else:
        eng = create_engine(db_url, pool_size=EDITORS + 2, max_overflow=0)
    yield eng
    eng.dispose()


def _editors(programme_id: int) -> list[Actor]:
    return [Actor(100 + i, f"Redacteur {i}", frozenset({Grant(Role.EDITOR, programme_id)})) for i in range(EDITORS)]


def _race(engine: Engine, editors: list[Actor], measurement_id: int, version: int, round_no: int) -> list:
    """Every editor saves their own values from `version` at once; returns ("ok", ref) or ("conflict", Conflict)."""
    barrier = Barrier(len(editors))

    def edit(i: int) -> tuple[str, object]:
        with Session(engine, expire_on_commit=False) as s:
            s.connection()  # every editor holds a connection before anyone starts
            barrier.wait(timeout=60)
            try:
                ref = ed.update_measurement(s, editors[i], measurement_id, version, {
                    "realised": float(round_no * 1000 + i), "explanation": f"ronde {round_no}, redacteur {i}"})
                s.commit()
                return "ok", ref
            except ed.Conflict as conflict:
                s.rollback()
                return "conflict", conflict

    with ThreadPoolExecutor(max_workers=len(editors)) as pool:
        return list(pool.map(edit, range(len(editors))))


def test_twenty_simultaneous_edits_one_wins_per_version(engine: Engine) -> None:
    with Session(engine) as s:
        world = build_world(s)
        s.commit()
        ref = ed.create_measurement(s, actors(world)["admin"], world.result_a, {"period": "2026-Q3", "target": 50})
        s.commit()
    editors = _editors(world.programme_a)
    version = ref.version
    for round_no in (1, 2):
        with Session(engine) as s:
            before = snapshot(s)
        outcomes = _race(engine, editors, ref.id, version, round_no)

        winners = [value for kind, value in outcomes if kind == "ok"]
        conflicts = [value for kind, value in outcomes if kind == "conflict"]
        assert (len(winners), len(conflicts)) == (1, EDITORS - 1), outcomes
        won = winners[0]
        assert won.version == version + 1
        with Session(engine) as s:
            stored = s.get(Measurement, ref.id)
            winner = next(i for i in range(EDITORS) if stored.realised == round_no * 1000 + i)
            assert stored.version == version + 1
            assert stored.explanation == f"ronde {round_no}, redacteur {winner}"
            for conflict in conflicts:
                assert (conflict.expected_version, conflict.their_version) == (version, version + 1)
                assert conflict.theirs["realised"] == stored.realised  # the winner's values, shown to the others
                assert conflict.mine["realised"] != stored.realised
            after = snapshot(s)
            new_entries = s.scalars(select(AuditEntry).where(AuditEntry.id.notin_([r[0] for r in
                                                                                 before["audit_entry"]]))
                                    .order_by(AuditEntry.id)).all()
        # one entry per changed field, all by the winner, with the winner's values
        assert [(e.item_kind, e.item_id, e.field, e.user_id) for e in new_entries] == [
            (ItemKind.MEASUREMENT, ref.id, "realised", 100 + winner),
            (ItemKind.MEASUREMENT, ref.id, "explanation", 100 + winner)]
        assert new_entries[0].new == str(round_no * 1000 + winner)
        # nothing else changed: every other table, and every other measurement
        changed = {name for name in before if before[name] != after[name]}
        assert changed == {"measurement", "audit_entry", "data_version"}  # the write raises the data version
        assert [r for r in before["measurement"] if r[0] != ref.id] == [r for r in after["measurement"]
                                                                         if r[0] != ref.id]
        version = won.version
