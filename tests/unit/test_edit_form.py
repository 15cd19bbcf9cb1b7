"""The edit form's workflow panel as plain components: what an editor is told before changing an item."""

from dash import html

from dashboard import texts
from dashboard.components.edit_form import workflow_panel
from indicators.enums import WorkflowState
from tests.dash_tree import components, strings


def test_an_editor_is_warned_before_changing_a_published_item() -> None:
    published = strings(workflow_panel(WorkflowState.PUBLISHED, 4, [], True, {}))
    assert texts.EDIT_PUBLISHED_WARNING in published
    for state, can_edit in ((WorkflowState.PUBLISHED, False), (WorkflowState.CONCEPT, True),
                            (WorkflowState.SUBMITTED, True)):
        assert texts.EDIT_PUBLISHED_WARNING not in strings(workflow_panel(state, 1, [], can_edit, {})), state


def test_the_four_eyes_rule_is_explained_instead_of_an_approve_button() -> None:
    panel = workflow_panel(WorkflowState.SUBMITTED, 2, [WorkflowState.CONCEPT], False, {}, other_approver_needed=True)
    assert texts.EDIT_FOUR_EYES in strings(panel)
    buttons = [b for b in components(panel) if isinstance(b, html.Button)]
    assert [b.id["to"] for b in buttons] == ["concept"]
    assert texts.EDIT_FOUR_EYES not in strings(workflow_panel(WorkflowState.SUBMITTED, 2, [], False, {}))


def test_a_pending_revision_shows_what_it_changes_and_can_be_withdrawn() -> None:
    published = {"period": "2026-Q3", "target": 12.0, "realised": 9.0, "status": "aandacht", "explanation": ""}
    mine = {**published, "realised": 11.0, "explanation": "Nageteld"}
    panel = workflow_panel(WorkflowState.SUBMITTED, 5, [WorkflowState.CONCEPT], True, {}, published=published,
                           values=mine, can_withdraw=True)
    text = strings(panel)
    assert texts.EDIT_REVISION_NOTE in text and texts.EDIT_PUBLISHED_WARNING not in text
    assert texts.EDIT_REVISION_STATE.format(state="ingediend", version=5) in text
    rows = [strings(r) for r in components(panel) if isinstance(r, html.Tr)][1:]  # after the header
    assert rows == [["Gerealiseerd", "9", "11"], ["Toelichting", "–", "Nageteld"]]  # only what differs
    assert [b.id["to"] for b in components(panel) if isinstance(b, html.Button)] == ["concept", "intrekken"]
    approver = workflow_panel(WorkflowState.SUBMITTED, 5, [], False, {}, published=published, values=published)
    assert texts.EDIT_REVISION_SAME in strings(approver)
    assert not [b for b in components(approver) if isinstance(b, html.Button)]
