"""The edit form's workflow panel as plain components: what an editor is told before changing an item."""

from dash import html

from dashboard import texts
from dashboard.components.edit_form import workflow_panel
from db.models import WorkflowState


def _texts(component: object) -> list[str]:
    """Every string in a component tree."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list | tuple):
        return [t for c in component for t in _texts(c)]
    return _texts(getattr(component, "children", None) or [])


def test_an_editor_is_warned_before_changing_a_published_item() -> None:
    published = _texts(workflow_panel(WorkflowState.PUBLISHED, 4, [], True, {}))
    assert texts.EDIT_PUBLISHED_WARNING in published
    for state, can_edit in ((WorkflowState.PUBLISHED, False), (WorkflowState.CONCEPT, True),
                            (WorkflowState.SUBMITTED, True)):
        assert texts.EDIT_PUBLISHED_WARNING not in _texts(workflow_panel(state, 1, [], can_edit, {})), state


def test_the_four_eyes_rule_is_explained_instead_of_an_approve_button() -> None:
    panel = workflow_panel(WorkflowState.SUBMITTED, 2, [WorkflowState.CONCEPT], False, {}, other_approver_needed=True)
    assert texts.EDIT_FOUR_EYES in _texts(panel)
    buttons = [b for b in _walk(panel) if isinstance(b, html.Button)]
    assert [b.id["to"] for b in buttons] == ["concept"]
    assert texts.EDIT_FOUR_EYES not in _texts(workflow_panel(WorkflowState.SUBMITTED, 2, [], False, {}))


def _walk(component: object) -> list:
    if isinstance(component, list | tuple):
        return [c for x in component for c in _walk(x)]
    if component is None or isinstance(component, str):
        return []
    return [component, *_walk(getattr(component, "children", None))]
