"""The pictures of a story with their alt text, credit and licence: an uploaded image (alt text: the story's title),
or pictures bundled with the app under assets/media/, described in a manifest next to them
(assets/media/verhalen/beelden.json: per media file its pictures, alt texts and captions, one credit and licence)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from indicators.stories import MEDIA_URL_PREFIX, Media, StoryImage, StoryPictures

MEDIA_DIR = Path(__file__).resolve().parent.parent / "assets" / "media"
MANIFESTS = ("verhalen/beelden.json",)


@lru_cache(maxsize=1)
def _bundled() -> dict[str, StoryPictures]:
    out: dict[str, StoryPictures] = {}
    for name in MANIFESTS:
        path = MEDIA_DIR / name
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for media_file, images in data.get("stories", {}).items():
            out[MEDIA_URL_PREFIX + media_file] = StoryPictures(
                tuple(StoryImage(MEDIA_URL_PREFIX + i["file"], i["alt"], i.get("caption", "")) for i in images),
                data.get("credit", ""), data.get("licence", ""), data.get("licence_url", ""),
                bool(data.get("illustration")))
    return out


def pictures_for(media: Media | None, title: str) -> StoryPictures | None:
    """The pictures a story shows (photos, or a film's poster frame), None when it has no image."""
    if media is None or media.kind != "image":
        return None
    return _bundled().get(media.src) or StoryPictures((StoryImage(media.src, title),))
