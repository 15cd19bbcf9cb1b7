"""Uploaded media in the story form (issue 5): the upload callback's function (dashboard.pages.edit_item.
handle_upload: decoded, checked by content and size with store_upload, editors of the story's programme only), the
check of stored names when a story is saved (db.write: only files store_upload stored, or demo files – never a
path), the publication check counting uploaded captions, and the story page showing the uploaded video or image."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import pytest
from dash.exceptions import PreventUpdate
from sqlalchemy import select

from dashboard import texts
from dashboard.data import CONFIG_KEY as DB_KEY
from dashboard.pages import story as story_page
from dashboard.pages.edit_item import handle_upload
from dashboard.uploads import UploadConfig, store_upload
from db import write as ed
from db.accounts import Grant
from db.models import Programme, Story
from db.read.stories import story_detail
from db.session import session_scope
from db.write.media import record_upload
from db.write.workflow import Actor
from indicators.enums import Role, WorkflowState
from indicators.stories import media_for
from tests.dash_tree import components
from tests.integration.test_uploads import HTML, LIMITS, MP4, PNG, SVG, VTT, _file

SLUG = "sociaal-en-vitaal"
OTHER = "zorg-en-veiligheid"
S, A, P = WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED


def _url(data: bytes, mime: str = "application/octet-stream") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


@pytest.fixture
def config(tmp_path: Path) -> UploadConfig:
    return UploadConfig(tmp_path / "uploads", dict(LIMITS))


@pytest.fixture
def programmes(demo_app) -> dict[str, int]:  # noqa: ANN001
    with session_scope(demo_app.server.config[DB_KEY]) as s:
        return {slug: s.scalar(select(Programme.id).where(Programme.slug == slug)) for slug in (SLUG, OTHER)}


@pytest.fixture
def actors(programmes: dict[str, int]) -> dict[str, Actor | None]:
    return {"editor": Actor(901, "Eva Redacteur", frozenset({Grant(Role.EDITOR, programmes[SLUG])})),
            "other_editor": Actor(902, "Olaf Ander", frozenset({Grant(Role.EDITOR, programmes[OTHER])})),
            "approver": Actor(903, "Gijs Goedkeurder", frozenset({Grant(Role.APPROVER, programmes[SLUG])})),
            "viewer": Actor(904, "Vera Kijker", frozenset({Grant(Role.VIEWER)})),
            "anonymous": None}


def _uploaded(demo_app, config: UploadConfig, data: bytes, kind: str, slug: str = SLUG) -> str:  # noqa: ANN001
    """A file stored as the upload route stores it: checked, and recorded for the programme it is for
    (db.write.media)."""
    stored = store_upload(_file(data), kind, config)
    url = demo_app.server.config[DB_KEY]
    with session_scope(url) as s:
        programme_id = s.scalar(select(Programme.id).where(Programme.slug == slug))
        editor = Actor(0, "Redacteur", frozenset({Grant(Role.EDITOR, programme_id)}))
        record_upload(s, editor, stored.name, programme_id, kind, stored.size)
    return stored.name


def _files(config: UploadConfig) -> list[str]:
    return sorted(p.name for p in config.directory.iterdir()) if config.directory.exists() else []


# --- the upload callback's function ------------------------------------------------------------------------------


def test_upload_stores_real_files_for_editors_and_fills_the_field(demo_app, config: UploadConfig,  # noqa: ANN001
                                                                   actors: dict) -> None:
    new_story = {"kind": "verhaal", "id": None, "version": None, "parent": SLUG}
    with demo_app.server.test_request_context():
        video, note = handle_upload("media", _url(MP4, "video/mp4"), new_story, actors["editor"], config)
        assert video and video.endswith(".mp4") and len(video) == 26
        assert note.role == "status" and video in note.children
        image, _ = handle_upload("media", _url(PNG, "image/png"), new_story, actors["editor"], config)
        assert image and image.endswith(".png")
        captions, _ = handle_upload("captions", _url(VTT, "text/vtt"), new_story, actors["editor"], config)
        assert captions and captions.endswith(".vtt")
    assert (config.directory / video).read_bytes() == MP4
    assert (config.directory / image).read_bytes() == PNG
    assert (config.directory / captions).read_bytes() == VTT


@pytest.mark.parametrize(("target", "data", "expected"), [
    ("media", HTML, texts.UPLOAD_WRONG_CONTENT.format(kind=texts.UPLOAD_KINDS["image"])),
    ("media", SVG, texts.UPLOAD_WRONG_CONTENT.format(kind=texts.UPLOAD_KINDS["image"])),
    ("media", VTT, texts.UPLOAD_WRONG_CONTENT.format(kind=texts.UPLOAD_KINDS["image"])),
    ("captions", MP4, texts.UPLOAD_WRONG_CONTENT.format(kind=texts.UPLOAD_KINDS["captions"])),
    ("captions", HTML, texts.UPLOAD_WRONG_CONTENT.format(kind=texts.UPLOAD_KINDS["captions"])),
    ("media", PNG + b"\x00" * LIMITS["image"], "te groot"),  # an image over its limit (within the video's)
    ("media", MP4 + b"\x00" * LIMITS["video"], "te groot"),  # refused before it is decoded
    ("captions", VTT + b"x" * LIMITS["captions"], "te groot"),
    ("media", b"", texts.UPLOAD_BAD_DATA),
])
def test_upload_refusals_are_dutch_and_store_nothing(demo_app, config: UploadConfig, actors: dict,  # noqa: ANN001
                                                    target: str, data: bytes, expected: str) -> None:
    item = {"kind": "verhaal", "id": None, "parent": SLUG}
    contents = _url(data) if data else "data:text/plain;base64,@@@"
    with demo_app.server.test_request_context():
        name, note = handle_upload(target, contents, item, actors["editor"], config)
    assert name is None and note.role == "alert" and expected in note.children
    assert _files(config) == []


@pytest.mark.parametrize("who", ["other_editor", "approver", "viewer", "anonymous"])
def test_upload_refuses_who_may_not_edit_the_storys_programme(demo_app, config: UploadConfig, actors: dict,  # noqa: ANN001
                                                              who: str) -> None:
    url = demo_app.server.config[DB_KEY]
    with session_scope(url) as s:
        story_id = s.scalar(select(Story.id).join(Programme).where(Programme.slug == SLUG).limit(1))
    with demo_app.server.test_request_context():
        for item in ({"kind": "verhaal", "id": story_id, "parent": None},
                     {"kind": "verhaal", "id": None, "parent": SLUG}):
            name, note = handle_upload("media", _url(PNG), item, actors[who], config)
            assert name is None and note.children == texts.UPLOAD_REFUSED
        # a forged store: another kind of item, an unknown programme
        for item in ({"kind": "project", "id": 1}, {"kind": "verhaal", "parent": "bestaat-niet"}, None):
            assert handle_upload("media", _url(PNG), item, actors["editor"], config)[0] is None
        with pytest.raises(PreventUpdate):
            handle_upload("media", None, {"kind": "verhaal", "parent": SLUG}, actors["editor"], config)
    assert _files(config) == []


# --- names checked when a story is saved -------------------------------------------------------------------------


def _story(values: dict) -> dict:
    return {"kind": "film", "title": f"Film {uuid.uuid4().hex[:6]}", "story_date": "2026-06-04", "consent": True,
            **values}


def test_saved_names_must_be_uploaded_files_or_demo_files(demo_app, config: UploadConfig,  # noqa: ANN001
                                                          actors: dict) -> None:
    video = _uploaded(demo_app, config, MP4, "video")
    image = _uploaded(demo_app, config, PNG, "image")
    captions = _uploaded(demo_app, config, VTT, "captions")
    missing_mp4, missing_vtt = "A" * 22 + ".mp4", "B" * 22 + ".vtt"
    editor, upload_dir = actors["editor"], config.directory
    with session_scope(demo_app.server.config[DB_KEY]) as s:
        ok = ed.create_story(s, editor, SLUG, _story({"media_file": video, "captions_file": captions}),
                             upload_dir=upload_dir)
        stored = s.get(Story, ok.id)
        assert (stored.media_file, stored.captions_file) == (video, captions)
        assert ed.create_story(s, editor, SLUG, _story({"kind": "fotoverhaal", "media_file": image}),
                               upload_dir=upload_dir)
        assert ed.create_story(s, editor, SLUG, _story({"media_file": "buurt.mp4"}), upload_dir=upload_dir)
        refused = {
            missing_mp4: ("media_file", "niet (meer) geüpload"),
            "../../etc/passwd.mp4": ("media_file", ""),
            "/etc/passwd": ("media_file", ""),
            "foto.png": ("media_file", ""),  # an image must be an upload
            "x/../" + video: ("media_file", ""),
            "pagina.html": ("media_file", ""),
        }
        for name, (field, text) in refused.items():
            with pytest.raises(ed.Invalid) as raised:
                ed.create_story(s, editor, SLUG, _story({"media_file": name}), upload_dir=upload_dir)
            assert field in raised.value.errors and text in raised.value.errors[field], name
        for values, text in (({"media_file": video, "captions_file": missing_vtt}, "niet (meer) geüpload"),
                             ({"media_file": video, "captions_file": "../" + captions}, "vtt"),
                             ({"media_file": video, "captions_file": video}, "vtt"),
                             ({"media_file": image, "captions_file": captions}, "eerst de video"),
                             ({"captions_file": captions}, "eerst de video")):
            with pytest.raises(ed.Invalid) as raised:
                ed.create_story(s, editor, SLUG, _story(values), upload_dir=upload_dir)
            assert text in raised.value.errors["captions_file"], values
        # an update checks names that change; the stored ones stay valid even if their file is gone
        with pytest.raises(ed.Invalid):
            ed.update_story(s, editor, ok.id, ok.version, {"media_file": missing_mp4}, upload_dir=upload_dir)
        (upload_dir / captions).unlink()
        ref = ed.update_story(s, editor, ok.id, ok.version, {"summary": "Nieuw"}, upload_dir=upload_dir)
        assert ref.version == ok.version + 1
        with pytest.raises(ed.NotAllowed):
            ed.create_story(s, actors["other_editor"], SLUG, _story({"media_file": video}), upload_dir=upload_dir)


def test_publication_counts_uploaded_captions_and_the_page_shows_the_media(demo_app, config: UploadConfig,  # noqa: ANN001
                                                                          actors: dict) -> None:
    video = _uploaded(demo_app, config, MP4, "video")
    image = _uploaded(demo_app, config, PNG, "image")
    captions = _uploaded(demo_app, config, VTT, "captions")
    admin = Actor(0, "Beheerder", frozenset({Grant(Role.ADMIN)}))
    upload_dir = config.directory

    def approved(s, values: dict) -> ed.ItemRef:  # noqa: ANN001
        ref = ed.create_story(s, admin, SLUG, _story(values), upload_dir=upload_dir)
        ref = ed.transition(s, admin, "verhaal", ref.id, S, ref.version)
        return ed.transition(s, admin, "verhaal", ref.id, A, ref.version, four_eyes=False)  # set-up

    with session_scope(demo_app.server.config[DB_KEY]) as s:
        bare = approved(s, {"media_file": video})
        with pytest.raises(ed.Invalid) as raised:
            ed.transition(s, admin, "verhaal", bare.id, P, bare.version, media_dir=upload_dir)
        assert "ondertiteling" in raised.value.errors["transcript"]
        film = approved(s, {"media_file": video, "captions_file": captions})
        assert ed.transition(s, admin, "verhaal", film.id, P, film.version, media_dir=upload_dir).state is P
        photo = approved(s, {"kind": "fotoverhaal", "media_file": image})
        assert ed.transition(s, admin, "verhaal", photo.id, P, photo.version).state is P
        film_detail, photo_detail = story_detail(s, film.id), story_detail(s, photo.id)

    assert film_detail.media.src == f"/media/{video}" and film_detail.media.captions == f"/media/{captions}"
    shown = json.dumps(story_page.media_block(film_detail).to_plotly_json(), default=lambda c: c.to_plotly_json())
    assert '"type": "Video"' in shown and f"/media/{video}" in shown
    assert '"type": "Track"' in shown and f"/media/{captions}" in shown and '"srcLang": "nl"' in shown
    assert '"kind": "captions"' in shown and '"default": true' in shown
    block = story_page.media_block(photo_detail)
    img = next(c for c in components(block) if type(c).__name__ == "Img")
    assert img.src == f"/media/{image}" and img.alt == photo_detail.title
    assert block.children[0].children == texts.STORY_PHOTOS  # a photo story's uploaded picture


def test_media_for_keeps_demo_files_and_allowed_hosts() -> None:
    name = "C" * 22
    assert media_for(None, "pact.mp4").src == "/assets/media/pact.mp4"
    assert media_for(None, "pact.mp4").captions == "/assets/media/pact.vtt"
    assert media_for(None, f"{name}.mp4", f"{name}.vtt").captions == f"/media/{name}.vtt"
    assert media_for(None, f"{name}.mp4").captions is None
    assert media_for(None, f"{name}.jpg").kind == "image"
    assert media_for(None, f"{name}.mp4", "../x.vtt").captions is None
    assert media_for("https://youtu.be/abcdefghijk", None).src.startswith("https://www.youtube-nocookie.com/embed/")
    assert media_for("https://vimeo.com/76979871", None).kind == "vimeo"
    assert media_for("https://evil.example/x.mp4", "../x.mp4") is None
