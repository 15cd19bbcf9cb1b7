"""The demo's published quarter reports stay byte-equal: their frozen content (canonical JSON), HTML, PDF and Excel
are rebuilt from the demo and compared with fixtures made by the code before the architecture step (see
tests/data/frozen_quarter/README.md). Regenerate only on purpose: `python -m tests.integration.test_frozen_products`.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dashboard.quarter_cli import renderers
from db.migrate import upgrade
from db.session import session_scope
from db.write.quarter import add_note, mark_done, publish_quarter
from etl.demo import load_demo
from indicators.periods import parse_quarter

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "frozen_quarter"
BASE_URL = "http://127.0.0.1:8050/"
PUBLISHED_AT = {"2026-Q2": datetime(2026, 7, 14, 9, 30, tzinfo=UTC),
                "2026-Q3": datetime(2026, 10, 13, 9, 30, tzinfo=UTC)}
RECORDED_AT = {"2026-Q2": datetime(2026, 7, 8, 14, 0, tzinfo=UTC), "2026-Q3": datetime(2026, 10, 7, 14, 0, tzinfo=UTC)}


def _note(session, slug: str, quarter: str, kind: str, text: str, **extra):  # noqa: ANN001, ANN003, ANN202
    note = add_note(session, slug, parse_quarter(quarter), kind, text, created_by="Programmaraad", **extra)
    note.created_at = RECORDED_AT[quarter]  # a fixed moment: the report shows the day it was recorded
    session.flush()
    return note


def build_products(url: str) -> dict[str, bytes]:
    """The demo with meeting notes, 2026-Q2 and then 2026-Q3 published at fixed moments: their frozen products."""
    upgrade(url)
    load_demo(url)
    products: dict[str, bytes] = {}
    with session_scope(url) as s:
        action = _note(s, "sociaal-en-vitaal", "2026-Q2", "actiepunt", "Partners van het Pact benaderen",
                       owner="A. de Vries", due_date=date(2026, 9, 30))
        _note(s, "zorg-en-veiligheid", "2026-Q2", "besluit", "Extra inzet op veiligheid in de wijk")
        _note(s, "sociaal-en-vitaal", "2026-Q2", "actiepunt", "Wachttijd schuldhulp uitzoeken", owner="B. Jansen")
    for quarter in ("2026-Q2", "2026-Q3"):
        with session_scope(url) as s:
            if quarter == "2026-Q3":
                mark_done(s, action.id, date(2026, 9, 12), done_by="A. de Vries")
                _note(s, "sociaal-en-vitaal", "2026-Q3", "besluit", "Het Pact gaat door in 2027")
            snap = publish_quarter(s, parse_quarter(quarter), renderers(BASE_URL), "Programmaraad",
                                   now=PUBLISHED_AT[quarter])
            products.update({f"{quarter}.json": snap.content.encode(), f"{quarter}.html": snap.html.encode(),
                             f"{quarter}.pdf": snap.pdf, f"{quarter}.xlsx": snap.xlsx})
    return products


@pytest.fixture(scope="module")
def products(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return build_products(f"sqlite:///{tmp_path_factory.mktemp('frozen') / 'demo.db'}")


@pytest.mark.parametrize("name", [f"{q}.{ext}" for q in ("2026-Q2", "2026-Q3") for ext in ("json", "html", "pdf",
                                                                                             "xlsx")])
def test_frozen_products_are_byte_equal_to_the_fixtures(products: dict[str, bytes], name: str) -> None:
    expected = (FIXTURES / name).read_bytes()
    assert len(products[name]) == len(expected) and products[name] == expected, name


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        made = build_products(f"sqlite:///{tmp}/demo.db")
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES
    target.mkdir(parents=True, exist_ok=True)
    for name, data in made.items():
        (target / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")
