"""Reusable page parts: one chart or widget per module, each with a pure builder function."""
