"""The Dutch text catalogue (dashboard.texts) is split per area: every name is defined in exactly one area module, so
`texts.NAME` always means one text."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from dashboard import texts

AREAS = sorted((Path(texts.__file__).parent).glob("[!_]*.py"))


def _names(path: Path) -> list[str]:
    return [t.id for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)]


def test_every_text_is_defined_in_one_area_and_reachable_as_texts_name() -> None:
    counts = Counter(name for path in AREAS for name in _names(path))
    assert len(AREAS) >= 5 and counts
    assert [name for name, n in counts.items() if n > 1] == []
    assert [name for name in counts if not hasattr(texts, name)] == []
