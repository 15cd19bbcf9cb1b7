"""Part 3 – Rijkere verantwoording: a story as the story page shows it, its links from results and trends, and
the privacy-friendly way to show its media (the queries are in db.read.stories)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from indicators.enums import WorkflowState
from indicators.safe_text import IMAGE_EXTENSIONS, UPLOAD_NAME, safe_media_url

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


