"""Part 3 – Rijkere verantwoording as the raad sees it: the published stories of programmes, one story with its
media and the figures it explains, and which stories explain a result or show an uploaded file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from db.models.figures import Indicator
from db.models.programmes import Programme, Project, Result, Story
from indicators.enums import WorkflowState
from indicators.periods import Period
from indicators.quarter import StoryItem
from indicators.stories import StoryDetail, StoryLink, media_for


def story_items(session: Session, programme_ids: Sequence[int], quarter: Period | None = None
                ) -> dict[int, list[StoryItem]]:
    """The published stories of the programmes (links only to a published project or result): all of them newest
    first, or with `quarter` those dated in it, oldest first (the quarter report)."""
    stmt = (
        select(Story, Project.name, Result.name, Indicator.code, Indicator.name)
        .outerjoin(Project, and_(Project.id == Story.project_id, Project.is_published()))
        .outerjoin(Result, and_(Result.id == Story.result_id, Result.is_published()))
        .outerjoin(Indicator, Indicator.id == Story.indicator_id)
        .where(Story.programme_id.in_(programme_ids), Story.is_published())
    )
    if quarter is None:
        stmt = stmt.order_by(Story.story_date.desc(), Story.id)
    else:
        stmt = stmt.where(Story.story_date >= quarter.start, Story.story_date <= quarter.end) \
            .order_by(Story.story_date, Story.id)
    out: dict[int, list[StoryItem]] = defaultdict(list)
    for story, project_name, result_name, ind_code, ind_name in session.execute(stmt):
        out[story.programme_id].append(StoryItem(
            id=story.id, kind=story.kind.value, title=story.title, summary=story.summary,
            story_date=story.story_date, is_example=story.is_example, project_name=project_name,
            result_name=result_name, indicator_code=ind_code, indicator_name=ind_name, media_url=story.media_url))
    return out


def media_references(session: Session, name: str) -> list[tuple[int, bool]]:
    """The stories that show an uploaded file (as media or captions): [(programme id, published?)]."""
    return [(pid, state == WorkflowState.PUBLISHED) for pid, state in session.execute(
        select(Story.programme_id, Story.workflow_state)
        .where((Story.media_file == name) | (Story.captions_file == name)))]


def story_detail(session: Session, story_id: int,
                 may_read_unpublished: Callable[[int], bool] | None = None) -> StoryDetail | None:
    """A published story; an unpublished one only when `may_read_unpublished(programme_id)` says so (the
    programme's editors and approvers), else None as if it did not exist. Links go to published results and
    projects only, unless the reader may see unpublished ones."""
    found = session.execute(select(Story.programme_id, Story.workflow_state).where(Story.id == story_id)).first()
    if found is None:
        return None
    insider = may_read_unpublished is not None and may_read_unpublished(found.programme_id)
    if found.workflow_state != WorkflowState.PUBLISHED and not insider:
        return None
    project_on = Project.id == Story.project_id
    result_on = Result.id == Story.result_id
    if not insider:
        project_on, result_on = and_(project_on, Project.is_published()), and_(result_on, Result.is_published())
    row = session.execute(
        select(Story, Programme.slug, Programme.name, Project.name, Result.name, Indicator.code, Indicator.name)
        .join(Programme, Programme.id == Story.programme_id)
        .outerjoin(Project, project_on)
        .outerjoin(Result, result_on)
        .outerjoin(Indicator, Indicator.id == Story.indicator_id)
        .where(Story.id == story_id)
    ).first()
    if row is None:
        return None
    s, slug, programme_name, project_name, result_name, ind_code, ind_name = row
    return StoryDetail(
        id=s.id, kind=s.kind.value, title=s.title, summary=s.summary, body=s.body, transcript=s.transcript,
        story_date=s.story_date, is_example=s.is_example, media=media_for(s.media_url, s.media_file, s.captions_file),
        media_url=s.media_url, programme_slug=slug, programme_name=programme_name, project_name=project_name,
        result_id=s.result_id if result_name is not None else None, result_name=result_name,
        indicator_code=ind_code, indicator_name=ind_name, workflow_state=WorkflowState(s.workflow_state).value,
    )


def stories_by_result(session: Session, result_ids: Sequence[int]) -> dict[int, list[StoryLink]]:
    """The published stories that explain each result ("het verhaal achter de cijfers"), newest first."""
    out: dict[int, list[StoryLink]] = defaultdict(list)
    if result_ids:
        for rid, sid, title, kind in session.execute(
                select(Story.result_id, Story.id, Story.title, Story.kind)
                .where(Story.result_id.in_(list(result_ids)), Story.is_published())
                .order_by(Story.story_date.desc(), Story.id)):
            out[rid].append(StoryLink(sid, title, kind.value))
    return out
