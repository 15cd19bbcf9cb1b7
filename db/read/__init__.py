"""The read side: every query the pages, downloads and reports need, for what the raad sees (published content
only), returning view objects defined in indicators. Nothing here writes."""

from __future__ import annotations
