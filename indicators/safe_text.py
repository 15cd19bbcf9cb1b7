"""User text made safe to show: a small Markdown subset parsed into plain nodes (never HTML), a link check, the
check of a story's video link, and spreadsheet cells that cannot start a formula.

Editors write story bodies and transcripts in a little Markdown: paragraphs, line breaks, *emphasis*, **strong**,
bullet and numbered lists and [links](https://…). Everything else – raw HTML, images, links with another scheme
than http, https or mailto – stays visible as the text that was typed. The parser returns dataclasses; the
dashboard turns them into Dash components, so no user text is ever handed to the browser as markup."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

# The name dashboard.uploads.store_upload gives a stored file: 22 random URL-safe characters and the extension of
# the content found (never a path). Uploaded images and videos are served from /media/<name>.
UPLOAD_NAME = re.compile(r"^[A-Za-z0-9_-]{22}\.(png|jpg|webp|mp4|vtt)$")
IMAGE_EXTENSIONS = ("png", "jpg", "webp")

# --- links -------------------------------------------------------------------------------------------------------

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_URL = 2000
_URL_FORBIDDEN = frozenset('<>"\\`')


def _invisible(ch: str) -> bool:
    """Whitespace, control and format characters (zero-width joiners, bidi overrides …): never in a link."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn")


def safe_link(url: object) -> str | None:
    """`url` when it is an absolute http(s) link to a host or a mailto: address, else None (javascript:,
    data:, vbscript:, relative and protocol-relative links, or any with spaces, control or invisible characters)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > MAX_URL or any(_invisible(c) or c in _URL_FORBIDDEN for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        return None
    if scheme == "mailto":
        return url if "@" in parts.path and not parts.netloc else None
    return url if host and not url[len(scheme) + 1:].startswith("///") else None


# --- video links -------------------------------------------------------------------------------------------------

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/{id}?rel=0"
VIMEO_EMBED = "https://player.vimeo.com/video/{id}?dnt=1"
YOUTUBE_HOSTS = frozenset({"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com",
                           "youtube-nocookie.com"})
VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"})
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")

MEDIA_REASONS = {
    "empty": "Geef een link naar de video.",
    "invisible": "De link bevat spaties, onzichtbare tekens of tekens die niet in een link horen (< > \" \\ `).",
    "too_long": f"De link is te lang (hoogstens {MAX_URL} tekens).",
    "not_https": "Een link moet met https:// beginnen.",
    "scheme": "Dit soort link is niet toegestaan: alleen https://-links naar YouTube of Vimeo.",
    "host": "Alleen video's op YouTube of Vimeo kunnen worden getoond; upload de video anders als bestand.",
    "login": "Een link met een gebruikersnaam, wachtwoord of poortnummer is niet toegestaan.",
    "no_video": "In deze link staat geen video: gebruik de deellink van de video zelf.",
}


@dataclass(frozen=True)
class MediaCheck:
    """The verdict on a story's video link: where to embed it (privacy-friendly player), or why not (Dutch)."""

    ok: bool
    provider: str | None = None  # "youtube" | "vimeo"
    embed_url: str | None = None
    reason: str = ""

    @classmethod
    def refuse(cls, code: str) -> MediaCheck:
        return cls(False, reason=MEDIA_REASONS[code])


def safe_media_url(url: object) -> MediaCheck:
    """Check a story's `media_url`: only https links to a video on YouTube (embedded from youtube-nocookie.com) or
    Vimeo (player.vimeo.com with dnt=1); javascript:, data:, protocol-relative links and other hosts are
    refused with a reason in Dutch."""
    if not isinstance(url, str) or not url.strip():
        return MediaCheck.refuse("empty")
    url = url.strip()
    if len(url) > MAX_URL:
        return MediaCheck.refuse("too_long")
    if (scheme := _SCHEME.match(url)) and scheme.group(1).lower() not in ("http", "https"):
        return MediaCheck.refuse("scheme")
    if any(_invisible(c) or c in _URL_FORBIDDEN for c in url):
        return MediaCheck.refuse("invisible")
    if url.startswith("//"):
        return MediaCheck.refuse("not_https")
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return MediaCheck.refuse("host")
    scheme = parts.scheme.lower()
    if scheme in ("http", ""):
        return MediaCheck.refuse("not_https")
    if scheme != "https" or not url[:8].lower() == "https://" or url[8:9] == "/":
        return MediaCheck.refuse("scheme")
    if parts.username is not None or parts.password is not None or port is not None:
        return MediaCheck.refuse("login")
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            candidate = parts.path.strip("/")
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
        elif parts.path.rstrip("/") == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        else:
            candidate = ""
        if not _YOUTUBE_ID.match(candidate):
            return MediaCheck.refuse("no_video")
        return MediaCheck(True, "youtube", YOUTUBE_EMBED.format(id=candidate))
    if host in VIMEO_HOSTS:
        segments = [s for s in parts.path.split("/") if s]
        if host == "player.vimeo.com":
            candidate = segments[1] if len(segments) == 2 and segments[0] == "video" else ""
        else:
            candidate = segments[0] if len(segments) == 1 else ""
        if not _VIMEO_ID.match(candidate):
            return MediaCheck.refuse("no_video")
        return MediaCheck(True, "vimeo", VIMEO_EMBED.format(id=candidate))
    return MediaCheck.refuse("host")


def youtube_id(url: object) -> str | None:
    """The video id of a YouTube link that safe_media_url accepts, else None."""
    check = safe_media_url(url)
    if not check.ok or check.provider != "youtube":
        return None
    return check.embed_url.removeprefix(YOUTUBE_EMBED.split("{id}")[0]).split("?")[0]


# --- Markdown subset ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class LineBreak:
    pass


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    href: str  # passed safe_link
    children: tuple[Inline, ...]


Inline = Text | LineBreak | Strong | Emphasis | Link


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Inline, ...], ...]


Block = Paragraph | ListBlock

_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}\d{1,9}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
# [label](destination): no brackets in the label, balanced single parentheses allowed in the destination
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>")
_EMPHASIS = (("**", Strong), ("__", Strong), ("*", Emphasis), ("_", Emphasis))


def _close(text: str, start: int, marker: str) -> int:
    """Index of the marker that closes emphasis opened at `start`, or -1 (CommonMark's flanking rules, simplified:
    no space just inside the markers, and `_` only at word boundaries so snake_case stays text)."""
    inner = start + len(marker)
    if inner >= len(text) or text[inner].isspace():
        return -1
    if marker[0] == "_" and start > 0 and text[start - 1].isalnum():
        return -1
    end = text.find(marker, inner)
    while end != -1:
        after = end + len(marker)
        ok = not text[end - 1].isspace() and end > inner
        if ok and marker[0] == "_" and after < len(text) and text[after].isalnum():
            ok = False
        if ok and marker == "*" and text.startswith("**", end):
            ok = False  # `*a **b** c*`: skip the strong pair
        if ok:
            return end
        end = text.find(marker, end + 2 if marker == "*" and text.startswith("**", end) else end + 1)
    return -1


def parse_inline(text: str, links: bool = True) -> tuple[Inline, ...]:
    """Inline Markdown: emphasis, strong, links (safe ones only), backslash escapes and line breaks."""
    out: list[Inline] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Text("".join(buf)))
            buf.clear()

    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == "\n":
            flush()
            out.append(LineBreak())
            i += 1
            continue
        if ch == "!" and (m := _IMAGE.match(text, i)):
            buf.append(m.group(0))  # no images from elsewhere: the typed text stays
            i = m.end()
            continue
        if ch == "[" and links and (m := _LINK.match(text, i)):
            href = safe_link(m.group(2))
            if href is None:
                buf.append(m.group(0))  # a refused link is shown exactly as typed
            else:
                flush()
                out.append(Link(href, parse_inline(m.group(1), links=False) or (Text(href),)))
            i = m.end()
            continue
        if ch in "*_":
            for marker, kind in _EMPHASIS:
                if text.startswith(marker, i) and (end := _close(text, i, marker)) != -1:
                    flush()
                    out.append(kind(parse_inline(text[i + len(marker):end], links)))
                    i = end + len(marker)
                    break
            else:
                run = len(text[i:]) - len(text[i:].lstrip(ch))  # a run of markers that opens nothing stays text
                buf.append(text[i:i + run])
                i += run
            continue
        buf.append(ch)
        i += 1
    flush()
    return tuple(out)


def parse_markdown(text: str | None) -> tuple[Block, ...]:
    """Blocks of a Markdown text: paragraphs (blank line between), bullet and numbered lists; a heading line
    becomes a strong paragraph. Anything that looks like HTML is plain text here."""
    if not text:
        return ()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    para: list[str] = []
    items: list[list[str]] = []
    ordered = False

    def end_paragraph() -> None:
        if para:
            blocks.append(Paragraph(parse_inline("\n".join(para))))
            para.clear()

    def end_list() -> None:
        if items:
            blocks.append(ListBlock(ordered, tuple(parse_inline(" ".join(item)) for item in items)))
            items.clear()

    for line in lines:
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if not line.strip():
            end_paragraph()
            end_list()
        elif bullet or numbered:
            end_paragraph()
            if items and ordered != bool(numbered):
                end_list()
            ordered = bool(numbered)
            items.append([(bullet or numbered).group(1).strip()])
        elif items and line[:1].isspace():
            items[-1].append(line.strip())  # an indented line continues the list item
        elif heading := _HEADING.match(line):
            end_paragraph()
            end_list()
            blocks.append(Paragraph((Strong(parse_inline(heading.group(1))),)))
        else:
            end_list()
            para.append(line.strip())
    end_paragraph()
    end_list()
    return tuple(blocks)


def plain_text(nodes: tuple[Block, ...] | tuple[Inline, ...]) -> str:
    """The text a reader sees, without markup (for tests, search and summaries)."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        elif isinstance(node, Strong | Emphasis | Link | Paragraph):
            parts.append(plain_text(node.children))
            if isinstance(node, Paragraph):
                parts.append("\n\n")
        elif isinstance(node, ListBlock):
            parts.append("\n".join(plain_text(item) for item in node.items) + "\n\n")
    return "".join(parts)


# --- spreadsheets ------------------------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters XML 1.0 cannot hold (openpyxl refuses them): control characters other than tab, newline and CR.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def spreadsheet_text(value: str) -> str:
    """A text cell for CSV that a spreadsheet will not run as a formula (CSV injection): text starting with
    = + - @ (or their full-width forms), a tab or a line break gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def xml_text(value: str) -> str:
    """`value` without the control characters an XLSX file cannot hold."""
    return _XML_ILLEGAL.sub("", value)
