"""Walking a Dash component tree built in Python, without a browser: every component, every string in it."""

from __future__ import annotations


def components(tree: object) -> list:
    """Every Dash component in `tree` (a component, a list of them, a string or None), depth first."""
    if isinstance(tree, list | tuple):
        return [c for x in tree for c in components(x)]
    if tree is None or isinstance(tree, str | int | float):
        return []
    return [tree, *components(getattr(tree, "children", None))]


def strings(tree: object) -> list[str]:
    """Every string among the children in `tree`: the text a reader sees (attributes aside)."""
    if isinstance(tree, str):
        return [tree]
    if isinstance(tree, list | tuple):
        return [s for x in tree for s in strings(x)]
    if tree is None or isinstance(tree, int | float):
        return []
    return strings(getattr(tree, "children", None))
