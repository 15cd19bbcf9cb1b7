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
