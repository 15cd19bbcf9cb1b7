"""Search and filters of the overview: find indicators, projects, results and stories by a word (case- and
accent-insensitive), and narrow the programme cards to a programme, a theme or a wijk. Text matching, snippets and
the filter types; the queries are in db.read.search.

What counts as a theme: the data model has no theme field, so the programme lines (`ProgrammeLine`) are the
themes ("thema"), identified in the URL by a slug of the line's name (lines of the same name in two programmes are
one theme). A wijk has no tag on projects or stories either; a wijk selects what has figures for that wijk."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from indicators.enums import HitKind

MIN_QUERY_LENGTH = 2  # one letter would match nearly everything
MAX_QUERY_LENGTH = 100
SNIPPET_CHARS = 160
C = TypeVar("C")


KIND_ORDER = {HitKind.INDICATOR: 0, HitKind.PROJECT: 1, HitKind.RESULT: 2, HitKind.STORY: 3}


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    title: str
    snippet: str  # a short piece of context around the match (or the start of the description)
    href: str
    programme_slug: str | None  # None: an indicator shown only on the wijk page, not in a programme
    programme_name: str | None
    themes: frozenset[str] = frozenset()  # slugs of the programme lines it belongs to
    title_match: bool = False


@dataclass(frozen=True)
class OverviewFilter:
    programme: str | None = None  # programme slug
    theme: str | None = None  # slug of a programme line's name
    wijk: str | None = None  # CBS wijk code, e.g. WK014110

    @property
    def active(self) -> bool:
        return bool(self.programme or self.theme or self.wijk)


@dataclass(frozen=True)
class FilterOptions:
    """The values each filter offers, as (value, label): programmes, themes (programme lines), and the wijken of
    the programmes' gemeenten."""

    programmes: list[tuple[str, str]]
    themes: list[tuple[str, str]]
    wijken: list[tuple[str, str]]

    def clean(self, programme: str | None = None, theme: str | None = None, wijk: str | None = None
              ) -> OverviewFilter:
        """A filter from URL values; a value that is not on offer is dropped (the select shows 'all')."""
        def pick(value: str | None, options: list[tuple[str, str]]) -> str | None:
            value = (value or "").strip()
            return value if value in {v for v, _ in options} else None

        return OverviewFilter(pick(programme, self.programmes), pick(theme, self.themes),
                              pick((wijk or "").upper(), self.wijken))


# --- text matching ----------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents: 'Cliënten' -> 'clienten'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = fold(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def clean_query(text: str | None) -> str:
    """The search text as typed, trimmed, whitespace collapsed and cut at MAX_QUERY_LENGTH characters."""
    return " ".join((text or "").split())[:MAX_QUERY_LENGTH]


def terms(text: str | None) -> list[str]:
    """The folded words of a query; every word must occur (as part of a word) in an item to match."""
    return [t for t in fold(clean_query(text)).split() if t]


def is_searchable(text: str | None) -> bool:
    return len(fold(clean_query(text)).replace(" ", "")) >= MIN_QUERY_LENGTH


def find_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) in `text` of every occurrence of the folded words, sorted and not overlapping."""
    folded, index = _fold_with_map(text)
    spans = []
    for word in words:
        for m in re.finditer(re.escape(word), folded):
            spans.append((index[m.start()], index[m.end() - 1] + 1))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, query: str | None) -> list[tuple[str, bool]]:
    """`text` in pieces, each marked True where it matches a word of the query (for <mark>)."""
    pieces, pos = [], 0
    for start, end in find_spans(text, terms(query)):
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def snippet(text: str, words: Sequence[str], size: int = SNIPPET_CHARS) -> str:
    """About `size` characters of `text` around the first match (or its start), cut at word boundaries."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    spans = find_spans(text, words)
    first = spans[0][0] if spans else 0
    start = max(0, first - size // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _matches(words: Sequence[str], *fields: str | None) -> bool:
    haystack = fold(" ".join(f for f in fields if f))
    return all(w in haystack for w in words)


def theme_slug(name: str) -> str:
    """'Leefgebieden: mentale gezondheid en eenzaamheid' -> 'leefgebieden-mentale-gezondheid-en-eenzaamheid'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


# --- filters ----------------------------------------------------------------------------------------------------


def filter_cards(cards: Iterable[C], slugs: set[str] | None) -> list[C]:
    """The programme cards (anything with a `slug`) that pass `programmes_matching`; all when None."""
    return [c for c in cards if slugs is None or c.slug in slugs]


# --- search -----------------------------------------------------------------------------------------------------


