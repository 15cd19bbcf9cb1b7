"""The import contracts in pyproject.toml are checked, and a broken one fails: lint-imports runs on a copy of the
project's code, first as it is (every contract kept), then with one forbidden import added at a time (an
`indicators` module importing `db`, a page importing `db.models`, `indicators` importing SQLAlchemy, `db.read`
importing `db.write`); each must make lint-imports fail and name the contract it broke."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python code of the project and its pyproject.toml, copied (data files left out)."""
    target = tmp_path_factory.mktemp("contracts")
    for package in ("indicators", "db", "etl", "dashboard"):
        shutil.copytree(PROJECT / package, target / package,
                        ignore=lambda _dir, names: [n for n in names if not n.endswith(".py") and "." in n])
    for name in ("pyproject.toml", "settings.py", "app.py"):
        shutil.copy2(PROJECT / name, target / name)
    return target


def lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(root)})


def test_the_project_keeps_every_contract(copy: Path) -> None:
    done = lint(copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 4 kept, 0 broken." in done.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("indicators/formatting.py", "import db.models", "Layers: dashboard | etl"),
    ("indicators/trends.py", "from db.read import trends", "Layers: dashboard | etl"),
    ("dashboard/pages/overview.py", "from db.models import Programme", "dashboard and etl reach the database only"),
    ("etl/cli.py", "import sqlalchemy", "dashboard and etl reach the database only"),
    ("indicators/periods.py", "import sqlalchemy", "indicators is pure"),
    ("db/read/trends.py", "import db.write.audit", "Inside db: write > read > models"),
    ("etl/demo.py", "import dashboard.texts", "Layers: dashboard | etl"),
])
def test_a_forbidden_import_fails_lint_imports(copy: Path, module: str, line: str, contract: str) -> None:
    path = copy / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n{line}  # injected by the test\n", encoding="utf-8")
    try:
        done = lint(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert done.returncode != 0, done.stdout
    broken = done.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken and module.removesuffix(".py").replace("/", ".") in broken, done.stdout
