"""The one write service. Editing: create and change projects, results, quarterly measurements, stories and
notes; move them through the workflow (concept → ingediend → goedgekeurd → gepubliceerd); read their audit trail.
Plain functions on a Session and an actor (`db.write.workflow.Actor`, a `(user_id, name, grants)` tuple, a
dashboard.auth.CurrentUser or None for anonymous); the Dash forms are built on top of them.

Every function
- checks authorization itself (db.accounts.allowed) and raises NotAllowed before writing anything;
- validates with the pydantic rows every writer shares (db.write.rows) and raises Invalid({field: Dutch message});
- writes with compare-and-set on the item's version,
      UPDATE item SET …, version = version + 1 WHERE id = :id AND version = :expected_version
  so of several people who start from the same version exactly one succeeds; the others get Conflict with both
  versions (`mine`, `theirs`), on SQLite and PostgreSQL alike;
- appends one audit entry per changed field, and one per workflow step; audit entries are never changed.

Values are the fields of the form (see FIELDS), as plain values: numbers, text, ISO dates, enum values
(`op_koers`), periods as code (`2026-Q3`), names for links (programme line, project, result) and codes for
indicators and regions. An update takes only the fields that change; the others keep their stored value.

Transactions: the functions flush but never commit. The caller commits (db.session.session_scope) and rolls back
after any EditError; NotAllowed, Invalid, NotFound and a Conflict found before writing leave nothing written, a
Conflict found while writing (a concurrent change that won) may leave earlier rows of save_quarter flushed.

Changing an item that is ingediend or goedgekeurd puts it back in concept (audit step "terug naar concept").
Changing a published item leaves it published: the change opens a pending revision beside it (db.write.revisions,
audit step "nieuwe versie"), which goes through the same workflow – the raad's pages, downloads, reports and the
API keep showing the published row until the revision is published (then its values are written to the row in one
transaction) – or is withdrawn (`withdraw`, audit step "versie ingetrokken").

File loads act as their door (`workflow.load_actor`) through the same functions (db.write.measurements.merge_loaded).

The modules: rows (the input contract of every writer: forms, files, demo) < workflow (who acts, errors,
transitions) < audit < forms (fields and validation) < revisions (pending revisions of published items) < items
(generic create and compare-and-set) < edits,
measurements, worklist; loads and observations (file loads with their history and load log) and quarter
(publishing a quarter and meeting notes), media (which programme an uploaded story file belongs to), counts (what a
merge of loaded rows did: new, changed, unchanged). Importing db.write registers the ORM guards of the audit trail
and of frozen quarter snapshots, and data_version: every commit that wrote content raises the data version the
response cache is keyed by (db.write.data_version).
"""

from db.write import audit, data_version, quarter  # noqa: F401 - registers the guards and the data version
from db.write.edits import (
    create_indicator_note,
    create_measurement_note,
    create_project,
    create_result,
    create_story,
    transition,
    update_indicator_note,
    update_measurement_note,
    update_project,
    update_result,
    update_story,
    withdraw,
)
from db.write.forms import FIELDS
from db.write.items import ItemRef
from db.write.measurements import create_measurement, save_quarter, update_measurement
from db.write.workflow import Actor, BulkRefused, Conflict, EditError, Invalid, NotAllowed, NotFound
from db.write.worklist import EditableItem, ItemState, audit_trail, editable_items, get_item

__all__ = [
    "FIELDS", "Actor", "BulkRefused", "Conflict", "EditError", "EditableItem", "Invalid", "ItemRef", "ItemState",
    "NotAllowed", "NotFound", "audit_trail", "create_indicator_note", "create_measurement",
    "create_measurement_note", "create_project", "create_result", "create_story", "editable_items", "get_item",
    "save_quarter", "transition", "update_indicator_note", "update_measurement", "update_measurement_note",
    "update_project", "update_result", "update_story", "withdraw",
]
