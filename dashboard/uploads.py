"""Uploads of story media: images (PNG, JPEG, WebP), video (MP4) and captions (WebVTT).

POST /media (multipart: `file`, `kind` = image | video | captions, `programme_id`) stores a file for an editor of
that programme and answers JSON {name, url, kind}, or 400/413 with a Dutch message. The content decides: the
first bytes must be those of the kind (the client's Content-Type and file name are ignored), within the size limit
of the kind. Files get a random name and are served from GET /media/<name> with the type found when stored,
`nosniff`, a sandboxing Content-Security-Policy and never as HTML or SVG.

`store_upload(file_storage, kind)` does the checking and storing without HTTP (for the entry forms and tests)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from flask import Flask, Response, current_app, has_app_context, jsonify, request, send_from_directory
from werkzeug.exceptions import NotFound, RequestEntityTooLarge

from dashboard import texts
from dashboard.auth import can, current_user, require
from dashboard.data import read_session, write_session
from dashboard.limits import parse_id
from db.accounts import is_programme
from db.read.stories import media_references
from db.write.media import record_upload
from indicators.enums import Action, Role
from indicators.safe_text import UPLOAD_NAME
from settings import Settings, get_settings

UPLOAD_PATH = "/media"
MEDIA_PREFIX = "/media/"
CONFIG_KEY = "PERSPECTIEF_UPLOADS"
CAPTIONS_MAX_MB = 1
MB = 1024 * 1024
CHUNK = MB
KINDS = ("image", "video", "captions")
# What is served for each stored extension; the extension is chosen from the content, never from the client.
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "mp4": "video/mp4",
                 "vtt": "text/vtt"}  # Flask adds "; charset=utf-8" to text types
EXTENSIONS_OF = {"image": ("png", "jpg", "webp"), "video": ("mp4",), "captions": ("vtt",)}
# ISO base media files whose major brand is an MP4 flavour browsers play (QuickTime 'qt  ' is not among them)
MP4_BRANDS = frozenset({b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ",
                        b"dash", b"mmp4", b"MSNV"})
# The response is a file to show, never a document: no scripts, plugins or forms even when opened directly.
MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox"
_NAME = UPLOAD_NAME
_HEAD = 64


class FileLike(Protocol):
    """What store_upload needs of an upload: werkzeug's FileStorage has it."""

    stream: IO[bytes]


@dataclass(frozen=True)
class UploadConfig:
    directory: Path
    max_bytes: dict[str, int]

    @classmethod
    def from_settings(cls, settings: Settings) -> UploadConfig:
        return cls(Path(settings.upload_dir), {
            "image": int(settings.upload_max_image_mb * MB), "video": int(settings.upload_max_video_mb * MB),
            "captions": CAPTIONS_MAX_MB * MB})

    @property
    def largest(self) -> int:
        return max(self.max_bytes.values())


@dataclass(frozen=True)
class StoredMedia:
    name: str  # random, with the extension of the content found
    kind: str  # image | video | captions
    content_type: str
    size: int

    @property
    def url(self) -> str:
        return MEDIA_PREFIX + self.name


class UploadRefused(Exception):
    """An upload that is not stored: `status` 400 (wrong or no content) or 413 (too large), message in Dutch."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def sniff(head: bytes) -> str | None:
    """The extension of the media type the first bytes belong to (png, jpg, webp, mp4, vtt), else None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    text = head.removeprefix(b"\xef\xbb\xbf")
    if text.startswith(b"WEBVTT") and text[6:7] in (b"", b" ", b"\t", b"\n", b"\r"):
        return "vtt"
    return None


def _config(config: UploadConfig | None) -> UploadConfig:
    if config is not None:
        return config
    if has_app_context() and CONFIG_KEY in current_app.config:
        return current_app.config[CONFIG_KEY]
    return UploadConfig.from_settings(get_settings())


def upload_config() -> UploadConfig:
    """The app's upload folder and limits (in a request of the app), else those of the settings."""
    return _config(None)


def _valid_captions(path: Path) -> bool:
    """WebVTT is text: all of it must be UTF-8, without NUL bytes."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


def store_upload(file_storage: FileLike, kind: str, config: UploadConfig | None = None) -> StoredMedia:
    """Check an uploaded file by its content and size and store it under a random name; raises UploadRefused."""
    if kind not in KINDS:
        raise UploadRefused(texts.UPLOAD_UNKNOWN_KIND)
    if file_storage is None or getattr(file_storage, "stream", None) is None:
        raise UploadRefused(texts.UPLOAD_NO_FILE)
    config = _config(config)
    limit = config.max_bytes[kind]
    label = texts.UPLOAD_KINDS[kind]
    stream = file_storage.stream
    head = stream.read(_HEAD)
    if not head:
        raise UploadRefused(texts.UPLOAD_EMPTY)
    ext = sniff(head)
    if ext not in EXTENSIONS_OF[kind]:
        raise UploadRefused(texts.UPLOAD_WRONG_CONTENT.format(kind=label))
    config.directory.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_urlsafe(16)}.{ext}"
    final = config.directory / name
    partial = config.directory / f".{name}.part"
    size = len(head)
    try:
        with open(partial, "xb") as out:
            out.write(head)
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise UploadRefused(texts.UPLOAD_TOO_LARGE.format(kind=label, mb=f"{limit / MB:g}"), 413)
                out.write(chunk)
        if size > limit:
            raise UploadRefused(texts.UPLOAD_TOO_LARGE.format(kind=label, mb=f"{limit / MB:g}"), 413)
        if ext == "vtt" and not _valid_captions(partial):
            raise UploadRefused(texts.UPLOAD_WRONG_CONTENT.format(kind=label))
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    return StoredMedia(name, kind, CONTENT_TYPES[ext], size)


def _refusal(message: str, status: int) -> Response:
    response = jsonify({"message": message})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def upload() -> Response:
    """POST /media: store one file for an editor of `programme_id` (401/403 otherwise; CSRF is checked before)."""
    raw_id = request.args.get("programme_id") or request.form.get("programme_id", "")
    programme_id = parse_id(raw_id)
    require(Action.EDIT, programme_id)
    with read_session() as s:
        if programme_id is None or not is_programme(s, programme_id):
            return _refusal(texts.UPLOAD_NO_PROGRAMME, 400)
    try:
        stored = store_upload(request.files.get("file"), request.form.get("kind", ""))
    except UploadRefused as exc:
        return _refusal(exc.message, exc.status)
    with write_session() as s:  # the programme it is for: a story elsewhere may not use it unpublished (db.write.media)
        record_upload(s, current_user(), stored.name, programme_id, stored.kind, stored.size)
    response = jsonify({"name": stored.name, "url": stored.url, "kind": stored.kind})
    response.status_code = 201
    response.headers["Cache-Control"] = "no-store"
    return response


def may_see_media(name: str) -> bool:
    """Who may fetch an uploaded file: anyone who may read published content when a published story shows it;
    otherwise those who may read a referring story's unpublished content; a file no story refers to yet (just
    uploaded, the form not saved) only editors, approvers and admins. The random name alone is no permission."""
    with read_session() as session:
        references = media_references(session, name)
    if any(published for _, published in references):
        return can(Action.READ_PUBLISHED)
    if references:
        return any(can(Action.READ_UNPUBLISHED, pid) for pid, _ in references)
    user = current_user()
    return user is not None and any(g.role in (Role.EDITOR, Role.APPROVER, Role.ADMIN) for g in user.grants)


def serve_media(name: str) -> Response:
    """GET /media/<name>: a stored file with the type found when it was stored, never as a document; 404 for a
    visitor who may not see it (so an unpublished file's existence is not told either)."""
    if not _NAME.match(name) or not may_see_media(name):
        raise NotFound()
    ext = name.rsplit(".", 1)[1]
    response = send_from_directory(current_app.config[CONFIG_KEY].directory, name, mimetype=CONTENT_TYPES[ext],
                                   max_age=0, conditional=True)
    disposition = "attachment" if ext == "vtt" else "inline"  # only images and video are shown in the browser
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["Content-Security-Policy"] = MEDIA_CSP  # dashboard.security keeps a policy the view set
    response.headers["X-Content-Type-Options"] = "nosniff"
    # private: a new visitor's response may set a cookie; no-cache: asked again each time, so a file whose story
    # goes back to concept is no longer shown from a cache
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _too_large(exc: RequestEntityTooLarge) -> Response | RequestEntityTooLarge:
    if request.path == UPLOAD_PATH:
        config = current_app.config[CONFIG_KEY]
        return _refusal(texts.UPLOAD_TOO_LARGE.format(kind=texts.UPLOAD_KINDS["video"],
                                                      mb=f"{config.max_bytes['video'] / MB:g}"), 413)
    return exc


def register_uploads(server: Flask, settings: Settings) -> None:
    """POST /media and GET /media/<name> on the Flask server behind the Dash app."""
    server.config[CONFIG_KEY] = UploadConfig.from_settings(settings)

    def limit_body(endpoint: str | None, _values: dict | None) -> None:
        # Runs before every before_request function – also before the CSRF check, which may read the form – so
        # an upload body larger than the largest allowed file is refused (413) before it is read at all.
        if endpoint == "upload_media":
            request.max_content_length = server.config[CONFIG_KEY].largest + MB  # room for the other form fields

    server.url_value_preprocessor(limit_body)
    server.register_error_handler(RequestEntityTooLarge, _too_large)
    server.add_url_rule(UPLOAD_PATH, "upload_media", upload, methods=["POST"])
    server.add_url_rule(f"{MEDIA_PREFIX}<name>", "media", serve_media, methods=["GET"])
