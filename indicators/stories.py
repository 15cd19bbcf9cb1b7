"""Part 3 – Rijkere verantwoording: a story as the story page shows it, its links from results and trends, and
the privacy-friendly way to show its media (the queries are in db.read.stories)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from indicators.enums import WorkflowState
from indicators.safe_text import IMAGE_EXTENSIONS, UPLOAD_NAME, safe_media_url

_SAFE_FILE = re.compile(r"^[A-Za-z0-9_./-]+\.(mp4|webm|png|jpg|webp|svg)$")
BUNDLED_IMAGES = ("png", "jpg", "webp", "svg")
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
class StoryImage:
    src: str
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class StoryPictures:
    """What a story shows as pictures: its photos (or a film's poster frame) with alt text, and who made them under
    which licence; `illustration` when they are drawings standing in for photos (the page says so)."""

    images: tuple[StoryImage, ...]
    credit: str = ""
    licence: str = ""
    licence_url: str = ""
    illustration: bool = False


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
        if path.suffix[1:] in BUNDLED_IMAGES:  # a picture bundled with the app (the demo's illustrations)
            return Media("image", MEDIA_URL_PREFIX + str(path))
        return Media("video", MEDIA_URL_PREFIX + str(path), MEDIA_URL_PREFIX + str(path.with_suffix(".vtt")))
    if media_url and (check := safe_media_url(media_url)).ok:  # checked when saved, and again when shown
        return Media(check.provider, check.embed_url)
    return None




_ONES = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
          "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
         "negentig": 90}


def dutch_number(word: str) -> int | None:
    """A number written in Dutch words or digits, 0–100 in words ('tweeëntwintig' → 22, '1.250' → 1250)."""
    w = word.lower().strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})*|\d+", w):
        return int(w.replace(".", ""))
    if w in ("honderd", "nul"):
        return 100 if w == "honderd" else 0
    if w in _ONES or w in _TEENS or w in _TENS:
        return _ONES.get(w) or _TEENS.get(w) or _TENS[w]
    m = re.fullmatch(r"(\w+?)(?:ën|en)(\w+tig)", w)
    if m and m.group(1) in _ONES and m.group(2) in _TENS:
        return _ONES[m.group(1)] + _TENS[m.group(2)]
    return None


def figures_of(text: str, unit: str) -> list[int]:
    """The numbers that `text` gives in the result's unit, in order: '22 partners', 'tweeëntwintig partners', '53%'."""
    if not unit.strip():
        return []
    if unit.strip() == "%":
        pattern = r"([\w.]+)\s*(?:%|procent)"
    else:
        pattern = r"([\w.]+)\s+" + re.escape(unit.strip().lower())
    return [n for n in (dutch_number(m) for m in re.findall(pattern, text.lower())) if n is not None]


def figure_conflicts(headline: str, texts: list[str], unit: str, realised_until: list[float],
                     ) -> list[str]:
    """Where a story's figures disagree with the result it belongs to (a film that speaks of 19 partners while the
    result shows 22). `realised_until`: the result's realised values up to the story's date, oldest first.
    Every figure in the story must be one of them (an earlier stand may be told), and the last figure of the
    headline (title and summary) must be the stand at the story's date."""
    known = {round(v) for v in realised_until}
    problems = [f"{n} {unit} komt niet voor bij het resultaat (wel: {', '.join(map(str, sorted(known)))})"
                for text in [headline, *texts] for n in figures_of(text, unit) if n not in known]
    said = figures_of(headline, unit)
    if said and realised_until and said[-1] != round(realised_until[-1]):
        problems.append(f"de kop noemt {said[-1]} {unit}, het resultaat staat dan op {round(realised_until[-1])}")
    return problems
