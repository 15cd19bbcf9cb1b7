"""Read side of part 3 – Rijkere verantwoording: one story with its media and the figures it explains,
and the reverse links (which stories belong to a result or a trend)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import parse_qs, urlparse

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from db.models import Indicator, Programme, Project, Result, Story
from indicators.enums import WorkflowState
from indicators.safe_text import IMAGE_EXTENSIONS, UPLOAD_NAME, safe_media_url

NOCOOKIE = "https://www.youtube-nocookie.com/embed/"
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com",
                  "youtube-nocookie.com"}
_SAFE_FILE = re.compile(r"^[A-Za-z0-9_./-]+\.(mp4|webm)$")
MEDIA_URL_PREFIX = "/assets/media/"
UPLOAD_URL_PREFIX = "/media/"  # dashboard.uploads serves uploaded files here


@dataclass(frozen=True)
class Media:
    """How to show a story's media: a youtube-nocookie or vimeo embed, an own video with a captions track, or an
    uploaded image."""

    kind: str  # "youtube" | "vimeo" | "video" | "image"
    src: str
    captions: str | None = None  # WebVTT of an own video: uploaded, or next to a demo file (same name, .vtt)


@dataclass(frozen=True)
class StoryLink:
    id: int
    title: str
    kind: str


@dataclass(frozen=True)
class StoryDetail:
    id: int
    kind: str
    title: str
    summary: str
    body: str
    transcript: str
    story_date: date
    is_example: bool
    media: Media | None
    media_url: str | None
    programme_slug: str
    programme_name: str
    project_name: str | None
    result_id: int | None
    result_name: str | None
    indicator_code: str | None
    indicator_name: str | None
    workflow_state: str = WorkflowState.PUBLISHED.value  # anything else is shown only to the programme's editors


def youtube_id(url: str | None) -> str | None:
    """The video id of a YouTube watch/short/embed URL, else None."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or parsed.hostname not in _YOUTUBE_HOSTS:
        return None
    if parsed.hostname == "youtu.be":
        candidate = parsed.path.strip("/")
    elif parsed.path.startswith(("/embed/", "/shorts/")):
        candidate = parsed.path.split("/")[2]
    else:
        candidate = (parse_qs(parsed.query).get("v") or [""])[0]
    return candidate if _YOUTUBE_ID.match(candidate or "") else None


def media_for(media_url: str | None, media_file: str | None, captions_file: str | None = None) -> Media | None:
    """The privacy-friendly way to show a story's media: own file first (no third party at all) – an uploaded video
    or image from /media/, or a demo video under /assets/media/ – else a youtube-nocookie or player.vimeo.com
    (dnt=1) embed of a link that passes safe_media_url; nothing else."""
    if media_file and UPLOAD_NAME.match(media_file):
        ext = media_file.rsplit(".", 1)[1]
        if ext in IMAGE_EXTENSIONS:
            return Media("image", UPLOAD_URL_PREFIX + media_file)
        if ext == "mp4":
            captions = captions_file if captions_file and UPLOAD_NAME.match(captions_file) \
                and captions_file.endswith(".vtt") else None
            return Media("video", UPLOAD_URL_PREFIX + media_file,
                         UPLOAD_URL_PREFIX + captions if captions else None)
    elif media_file and _SAFE_FILE.match(media_file) and ".." not in media_file:
        path = PurePosixPath(media_file)
        return Media("video", MEDIA_URL_PREFIX + str(path), MEDIA_URL_PREFIX + str(path.with_suffix(".vtt")))
    if media_url and (check := safe_media_url(media_url)).ok:  # checked when saved, and again when shown
        return Media(check.provider, check.embed_url)
    return None


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

