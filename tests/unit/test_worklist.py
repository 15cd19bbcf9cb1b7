"""The editors' work list's "Wat op u wacht" as plain functions: what the signed-in account can do next."""

from dashboard import texts
from dashboard.pages.worklist import todo_counts, todo_summary
from db.write.worklist import EditableItem
from indicators.enums import ItemKind, WorkflowState
from tests.dash_tree import strings

C, S, A, P = WorkflowState.CONCEPT, WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED


def _item(n: int, state: WorkflowState, steps: tuple[WorkflowState, ...], own: bool = False) -> EditableItem:
    return EditableItem(ItemKind.STORY, n, (1,), f"Verhaal {n}", "", state, 1, True, steps,
                        other_approver_needed=own)


def test_counts_follow_the_steps_this_account_may_take() -> None:
    items = [_item(1, C, (S,)), _item(2, C, (S,)), _item(3, S, (C, A)), _item(4, S, (C,), own=True),
             _item(5, A, (C, P)), _item(6, P, (C,))]
    assert todo_counts(items) == {"submit": 2, "approve": 1, "publish": 1}  # not item 4: four-eyes
    words = strings(todo_summary(items))
    assert texts.BEHEER_TODO_TITLE in words
    assert "2 concepten kunt u indienen" in words
    assert "1 ingediend item wacht op uw goedkeuring" in words
    assert "1 goedgekeurd item kunt u publiceren" in words


def test_nothing_to_do_says_nothing() -> None:
    assert todo_summary([_item(1, P, (C,)), _item(2, S, (C,), own=True)]) is None
    assert todo_summary([]) is None
