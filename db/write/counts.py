"""What a merge of loaded rows did to the rows already there: new, changed and unchanged (shared by the
observation, Iv3, project-budget and results-file merges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ChangeCounts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def loaded(self) -> int:
        """The rows that wrote something (new or changed)."""
        return self.new + self.changed

    @property
    def total(self) -> int:
        """Every row the merge saw."""
        return self.new + self.changed + self.unchanged
