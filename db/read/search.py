"""The overview's search and filters on the database: which programmes pass a filter, what each filter offers,
and the hits (indicators, projects, results, stories) of a search, best first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models.figures import Indicator, Observation, Region
from db.models.programmes import Programme, ProgrammeIndicator, ProgrammeLine, Project, Result, Story
from db.read.districts import district_indicators
from indicators.enums import HitKind, RegionKind
from indicators.search import (
    KIND_ORDER,
    FilterOptions,
    OverviewFilter,
    SearchHit,
    _matches,
    fold,
    is_searchable,
    snippet,
    terms,
    theme_slug,
)


def filter_options(session: Session) -> FilterOptions:
    programmes = session.execute(select(Programme.slug, Programme.name, Programme.region_id)
                                 .order_by(Programme.sort_order, Programme.name)).all()
    themes: dict[str, str] = {}
    for name in session.scalars(select(ProgrammeLine.name).join(Programme)
                                .order_by(Programme.sort_order, Programme.name, ProgrammeLine.sort_order)):
        themes.setdefault(theme_slug(name), name)
    gemeente_ids = list(dict.fromkeys(p.region_id for p in programmes))
    wijken = session.execute(select(Region.code, Region.name)
                             .where(Region.parent_id.in_(gemeente_ids), Region.kind == RegionKind.DISTRICT)
                             .order_by(Region.code)).all() if gemeente_ids else []
    return FilterOptions([(s, n) for s, n, _ in programmes], list(themes.items()), [(c, n) for c, n in wijken])


def _indicators_with_figures_for(session: Session, wijk: str) -> set[int]:
    wijk_id = select(Region.id).where(Region.code == wijk).scalar_subquery()
    return set(session.scalars(select(Observation.indicator_id).where(Observation.region_id == wijk_id).distinct()))


def programmes_matching(session: Session, flt: OverviewFilter) -> set[str] | None:
    """Slugs of the programmes that pass the filter (None when no filter is set): the programme itself; the
    programmes with a line of that theme; the programmes with a trend indicator that has figures for the wijk."""
    if not flt.active:
        return None
    slugs = set(session.scalars(select(Programme.slug)))
    if flt.programme:
        slugs &= {flt.programme}
    if flt.theme:
        slugs &= {slug for slug, name in session.execute(select(Programme.slug, ProgrammeLine.name)
                                                          .join(ProgrammeLine)) if theme_slug(name) == flt.theme}
    if flt.wijk:
        ids = _indicators_with_figures_for(session, flt.wijk)
        slugs &= set(session.scalars(select(Programme.slug).join(ProgrammeIndicator)
                                     .where(ProgrammeIndicator.indicator_id.in_(ids)))) if ids else set()
    return slugs


@dataclass(frozen=True)
class _Programme:
    slug: str
    name: str


def search(session: Session, text: str | None, flt: OverviewFilter | None = None) -> list[SearchHit]:
    """Indicators (name, code, definition), projects (name, description), results (name) and stories (title,
    summary) whose text holds every word of `text`, best first: title matches, then by kind and title. Projects,
    results and stories only when published.

    Only what the dashboard shows: the programmes' indicators and, not in a programme, the indicators on the wijk
    page (never one still marked `needs_review`), and the projects, results and stories of every programme. With a
    filter, hits are limited to the programme, to items of the theme's programme lines, and for a wijk to the
    indicators with figures for it and the projects and stories of the programmes that pass."""
    words = terms(text)
    if not is_searchable(text):
        return []
    programmes = {pid: _Programme(slug, name) for pid, slug, name in session.execute(
        select(Programme.id, Programme.slug, Programme.name).order_by(Programme.sort_order, Programme.name))}
    lines = {lid: (pid, theme_slug(name)) for lid, pid, name in session.execute(
        select(ProgrammeLine.id, ProgrammeLine.programme_id, ProgrammeLine.name))}
    links = session.execute(select(ProgrammeIndicator.indicator_id, ProgrammeIndicator.programme_id,
                                   ProgrammeIndicator.programme_line_id)
                            .order_by(ProgrammeIndicator.programme_id, ProgrammeIndicator.sort_order)).all()
    wijk_indicators = _indicators_with_figures_for(session, flt.wijk) if flt and flt.wijk else None
    hits = [*_indicator_hits(session, words, programmes, lines, links, wijk_indicators, flt.wijk if flt else None),
            *_project_and_result_hits(session, words, programmes, lines),
            *_story_hits(session, words, programmes, lines, links)]
    if flt and flt.active:
        hits = _apply_filter(session, hits, flt)
    return sorted(hits, key=lambda h: (not h.title_match, KIND_ORDER[h.kind], fold(h.title)))


def _apply_filter(session: Session, hits: list[SearchHit], flt: OverviewFilter) -> list[SearchHit]:
    if flt.programme:
        hits = [h for h in hits if h.programme_slug == flt.programme]
    if flt.theme:
        hits = [h for h in hits if flt.theme in h.themes]
    if flt.wijk:  # indicators were limited to those with figures for the wijk; projects and stories have no wijk
        in_wijk = programmes_matching(session, OverviewFilter(wijk=flt.wijk)) or set()
        hits = [h for h in hits if h.kind is HitKind.INDICATOR or h.programme_slug in in_wijk]
    return hits


def _indicator_hits(session: Session, words: Sequence[str], programmes: dict[int, _Programme],
                    lines: dict[int, tuple[int, str]], links: Sequence, only: set[int] | None = None,
                    wijk: str | None = None) -> list[SearchHit]:
    """Indicator hits, one per programme that shows the indicator; `only` limits them to those ids (the
    indicators with figures for `wijk`, whose hits then open on the wijk)."""
    by_indicator: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for ind_id, pid, line_id in links:
        by_indicator[ind_id].append((pid, line_id))
    on_wijk_page: set[int] = set()
    for gemeente_id in set(session.scalars(select(Programme.region_id).distinct())):
        codes = [c for c, _ in district_indicators(session, gemeente_id)]
        on_wijk_page |= set(session.scalars(select(Indicator.id).where(Indicator.code.in_(codes))))
    shown = set(by_indicator) | on_wijk_page
    if only is not None:
        shown &= only
    query = f"?regio={wijk}" if only is not None and wijk else ""
    hits = []
    for ind_id, code, name, definition in session.execute(
            select(Indicator.id, Indicator.code, Indicator.name, Indicator.definition)
            .where(Indicator.id.in_(shown), Indicator.needs_review.is_(False))):
        if not _matches(words, name, code, definition):
            continue
        context = snippet(definition or "", words)
        title_match = _matches(words, name, code)
        for pid, line_id in by_indicator.get(ind_id) or [(None, None)]:
            programme = programmes.get(pid) if pid is not None else None
            themes = frozenset({lines[line_id][1]} if line_id in lines else set())
            hits.append(SearchHit(HitKind.INDICATOR, name, context, f"/indicator/{code}{query}",
                                  programme.slug if programme else None, programme.name if programme else None,
                                  themes, title_match))
    return hits


def _project_and_result_hits(session: Session, words: Sequence[str], programmes: dict[int, _Programme],
                             lines: dict[int, tuple[int, str]]) -> list[SearchHit]:
    first_result = dict(session.execute(select(Result.project_id, func.min(Result.id)).where(Result.is_published())
                                        .group_by(Result.project_id)).all())
    projects = {pid: (name, line_id) for pid, name, line_id in session.execute(
        select(Project.id, Project.name, Project.programme_line_id).where(Project.is_published()))}
    hits = []
    for project_id, name, description, line_id in session.execute(
            select(Project.id, Project.name, Project.description, Project.programme_line_id)
            .where(Project.is_published())):
        if line_id not in lines or not _matches(words, name, description):
            continue
        programme = programmes[lines[line_id][0]]
        # The result table has no anchor per project: its first result row sits right under the project heading.
        anchor = f"resultaat-{first_result[project_id]}" if project_id in first_result else "resultaten"
        hits.append(SearchHit(HitKind.PROJECT, name, snippet(description or "", words),
                              f"/programma/{programme.slug}#{anchor}", programme.slug, programme.name,
                              frozenset({lines[line_id][1]}), _matches(words, name)))
    for result_id, name, project_id in session.execute(select(Result.id, Result.name, Result.project_id)
                                                       .where(Result.is_published())):
        if project_id not in projects:  # a published result of a project that is not (yet) published
            continue
        project_name, line_id = projects[project_id]
        if line_id not in lines or not _matches(words, name):
            continue
        programme = programmes[lines[line_id][0]]
        hits.append(SearchHit(HitKind.RESULT, name, project_name,
                              f"/programma/{programme.slug}#resultaat-{result_id}", programme.slug, programme.name,
                              frozenset({lines[line_id][1]}), True))
    return hits


def _story_hits(session: Session, words: Sequence[str], programmes: dict[int, _Programme],
                lines: dict[int, tuple[int, str]], links: Sequence) -> list[SearchHit]:
    project_line = dict(session.execute(select(Project.id, Project.programme_line_id)).all())
    result_project = dict(session.execute(select(Result.id, Result.project_id)).all())
    indicator_line = {(pid, ind_id): line_id for ind_id, pid, line_id in links}
    hits = []
    for sid, pid, project_id, result_id, ind_id, title, summary in session.execute(
            select(Story.id, Story.programme_id, Story.project_id, Story.result_id, Story.indicator_id,
                   Story.title, Story.summary).where(Story.is_published())):
        if pid not in programmes or not _matches(words, title, summary):
            continue
        line_ids = {project_line.get(project_id), project_line.get(result_project.get(result_id)),
                    indicator_line.get((pid, ind_id))}
        themes = frozenset(lines[lid][1] for lid in line_ids if lid in lines)
        programme = programmes[pid]
        hits.append(SearchHit(HitKind.STORY, title, snippet(summary or "", words), f"/verhaal/{sid}",
                              programme.slug, programme.name, themes, _matches(words, title)))
    return hits
