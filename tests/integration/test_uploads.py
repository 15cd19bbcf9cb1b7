"""Uploads of story media (dashboard/uploads.py): content checked by its first bytes, size limits (413), random
names, editors of the programme only, CSRF, and the headers the files are served with."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from dashboard import texts
from dashboard.auth import SESSION_AT, SESSION_USER, SESSION_VERSION
from dashboard.data import CONFIG_KEY as DB_KEY
from dashboard.security import CSRF_COOKIE, CSRF_HEADER
from dashboard.uploads import CONFIG_KEY, MB, UploadConfig, UploadRefused, sniff, store_upload
from db.accounts import create_user, grant_role
from db.models import Programme, Story
from db.session import session_scope
from indicators.enums import Role, StoryKind, WorkflowState

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" \
      b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 32 + b"\xff\xd9"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\x00" * 24
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free"
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nGoedemorgen, <i>Almelo</i>\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
LIMITS = {"image": 2000, "video": 4000, "captions": 1000}


def _file(data: bytes, name: str = "bestand.png", content_type: str = "image/png") -> FileStorage:
    return FileStorage(io.BytesIO(data), filename=name, content_type=content_type)


@pytest.fixture
def config(tmp_path: Path) -> UploadConfig:
    return UploadConfig(tmp_path / "uploads", dict(LIMITS))


@pytest.mark.parametrize(("data", "ext"), [(PNG, "png"), (JPEG, "jpg"), (WEBP, "webp"), (MP4, "mp4"),
                                           (b"\xef\xbb\xbfWEBVTT\r\n", "vtt"), (b"WEBVTT", "vtt"), (HTML, None),
                                           (SVG, None), (b"GIF89a", None), (b"WEBVTTX", None),
                                           (b"\x00\x00\x00\x14ftypqt  ", None), (b"%PDF-1.7", None)])
def test_sniff(data: bytes, ext: str | None) -> None:
    assert sniff(data) == ext


def test_store_upload_checks_content_not_name_or_type(config: UploadConfig) -> None:
    stored = store_upload(_file(PNG, "foto.exe", "text/html"), "image", config)
    assert stored.kind == "image" and stored.content_type == "image/png" and stored.size == len(PNG)
    assert stored.name.endswith(".png") and "foto" not in stored.name and len(stored.name) == 26
    assert stored.url == f"/media/{stored.name}"
    assert (config.directory / stored.name).read_bytes() == PNG
    assert store_upload(_file(JPEG), "image", config).name.endswith(".jpg")
    assert store_upload(_file(MP4, "film.mp4", "video/mp4"), "video", config).content_type == "video/mp4"
    assert store_upload(_file(VTT, "film.vtt", "text/vtt"), "captions", config).name.endswith(".vtt")
    names = {store_upload(_file(PNG), "image", config).name for _ in range(5)}
    assert len(names) == 5  # a new random name every time, never the client's
    for data, kind in ((HTML, "image"), (SVG, "image"), (PNG, "video"), (MP4, "image"), (HTML, "captions"),
                       (b"WEBVTT\n\n\xff\xfe", "captions"), (b"WEBVTT\n\x00", "captions")):
        with pytest.raises(UploadRefused) as info:
            store_upload(_file(data, "x.png"), kind, config)
        assert info.value.status == 400 and info.value.message == texts.UPLOAD_WRONG_CONTENT.format(
            kind=texts.UPLOAD_KINDS[kind])
    with pytest.raises(UploadRefused, match="leeg"):
        store_upload(_file(b""), "image", config)
    with pytest.raises(UploadRefused, match="Kies wat u uploadt"):
        store_upload(_file(PNG), "html", config)
    assert sorted(p.suffix for p in config.directory.iterdir()) == [".jpg", ".mp4"] + [".png"] * 6 + [".vtt"]


def test_store_upload_size_limits(config: UploadConfig) -> None:
    assert store_upload(_file(PNG + b"\x00" * (LIMITS["image"] - len(PNG))), "image", config).size == LIMITS["image"]
    with pytest.raises(UploadRefused) as info:
        store_upload(_file(PNG + b"\x00" * (LIMITS["image"] - len(PNG) + 1)), "image", config)
    assert info.value.status == 413
    assert info.value.message == texts.UPLOAD_TOO_LARGE.format(kind=texts.UPLOAD_KINDS["image"],
                                                               mb=f"{LIMITS['image'] / MB:g}")
    with pytest.raises(UploadRefused) as info:
        store_upload(_file(MP4 + b"\x00" * LIMITS["video"]), "video", config)
    assert info.value.status == 413
    assert len(list(config.directory.iterdir())) == 1  # nothing half-written left behind


def test_limits_come_from_settings(tmp_path: Path) -> None:
    from settings import Settings

    settings = Settings(upload_dir=tmp_path, upload_max_image_mb=5, upload_max_video_mb=200)
    config = UploadConfig.from_settings(settings)
    assert config.directory == tmp_path
    assert config.max_bytes == {"image": 5 * MB, "video": 200 * MB, "captions": MB}
    assert Settings().upload_max_image_mb == 5 and Settings().upload_max_video_mb == 200
    assert Settings().upload_dir.parts[-2:] == ("var", "uploads")


# --- over HTTP, in the app as `python app.py` builds it ----------------------------------------------------------


@pytest.fixture
def client(demo_app, config: UploadConfig, monkeypatch: pytest.MonkeyPatch) -> Iterator[FlaskClient]:  # noqa: ANN001
    monkeypatch.setitem(demo_app.server.config, CONFIG_KEY, config)
    with demo_app.server.test_client() as c:
        yield c


@pytest.fixture
def programme_ids(demo_app) -> dict[str, int]:  # noqa: ANN001
    with session_scope(demo_app.server.config[DB_KEY]) as s:
        return {slug: pid for slug, pid in s.execute(select(Programme.slug, Programme.id))}


def _sign_in_as_editor(client: FlaskClient, db_url: str, programme_id: int) -> None:
    email = f"redacteur-{time.monotonic_ns()}@gemeente.nl"
    with session_scope(db_url) as s:
        user = create_user(s, email, "Redacteur", "een lang genoeg wachtwoord")
        grant_role(s, user, Role.EDITOR, programme_id)
        uid, version = user.id, user.session_version
    with client.session_transaction() as session:
        session[SESSION_USER], session[SESSION_VERSION], session[SESSION_AT] = uid, version, int(time.time())


def _token(client: FlaskClient) -> str:
    client.get("/inloggen")
    return client.get_cookie(CSRF_COOKIE).value


def _post(client: FlaskClient, data: bytes, kind: str, programme_id: int, token: str | None,
          name: str = "x.png", content_type: str = "image/png"):  # noqa: ANN202 - a werkzeug TestResponse
    headers = {CSRF_HEADER: token} if token else {}
    return client.post("/media", headers=headers, content_type="multipart/form-data", data={
        "file": (io.BytesIO(data), name, content_type), "kind": kind, "programme_id": str(programme_id)})


def test_upload_route_for_editors_of_the_programme(client: FlaskClient, demo_app, programme_ids: dict[str, int],  # noqa: ANN001
                                                   config: UploadConfig) -> None:
    own, other = programme_ids["sociaal-en-vitaal"], programme_ids["zorg-en-veiligheid"]
    token = _token(client)
    assert _post(client, PNG, "image", own, token).status_code == 401  # anonymous
    _sign_in_as_editor(client, demo_app.server.config[DB_KEY], own)
    assert _post(client, PNG, "image", own, token).status_code == 403  # the token from before sign-in: renewed
    token = _token(client)
    assert _post(client, PNG, "image", other, token).status_code == 403  # another programme
    assert _post(client, PNG, "image", own, None).status_code == 403  # no CSRF token
    assert not config.directory.exists() or not any(config.directory.iterdir())

    done = _post(client, PNG, "image", own, token, "plaatje.html", "text/html")
    assert done.status_code == 201
    body = done.get_json()
    assert body["kind"] == "image" and body["url"] == f"/media/{body['name']}" and body["name"].endswith(".png")

    for data, kind in ((HTML, "image"), (SVG, "image"), (HTML, "video")):
        refused = _post(client, data, kind, own, token, "foto.png", "image/png")
        assert refused.status_code == 400
        assert refused.get_json() == {"message": texts.UPLOAD_WRONG_CONTENT.format(kind=texts.UPLOAD_KINDS[kind])}
    too_big = _post(client, PNG + b"\x00" * LIMITS["image"], "image", own, token)
    assert too_big.status_code == 413 and "te groot" in too_big.get_json()["message"]
    # a body larger than the largest allowed file (+1 MB) is refused before it is read, in Dutch
    huge = _post(client, MP4 + b"\x00" * (LIMITS["video"] + MB + 10), "video", own, token, "film.mp4", "video/mp4")
    assert huge.status_code == 413 and "te groot" in huge.get_json()["message"]
    assert len(list(config.directory.iterdir())) == 1


def test_media_is_served_with_its_sniffed_type_and_never_as_a_document(client: FlaskClient, demo_app,  # noqa: ANN001
                                                                        programme_ids: dict[str, int],
                                                                        config: UploadConfig) -> None:
    _sign_in_as_editor(client, demo_app.server.config[DB_KEY], programme_ids["sociaal-en-vitaal"])
    polyglot = PNG + b"<html><script>alert(1)</script></html>"  # a PNG that also looks like HTML
    image = store_upload(_file(polyglot, "x.html", "text/html"), "image", config)
    video = store_upload(_file(MP4), "video", config)
    captions = store_upload(_file(VTT), "captions", config)
    for stored, disposition in ((image, "inline"), (video, "inline"), (captions, "attachment")):
        response = client.get(stored.url)
        assert response.status_code == 200
        headers = response.headers
        assert headers["Content-Type"].split(";")[0] == stored.content_type
        assert "html" not in headers["Content-Type"] and "svg" not in headers["Content-Type"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Disposition"] == f'{disposition}; filename="{stored.name}"'
        csp = headers["Content-Security-Policy"]
        assert csp.startswith("default-src 'none'") and "sandbox" in csp and "script-src" not in csp
    assert client.get(image.url).data == polyglot
    partial = client.get(video.url, headers={"Range": "bytes=0-7"})
    assert partial.status_code == 206 and partial.data == MP4[:8]
    for bad in ("..png", "x.html", "abc.png", image.name.replace(".png", ".svg"), "." + image.name):
        assert client.get(f"/media/{bad}").status_code == 404
    # the pages keep the site's own policy
    assert "default-src 'self'" in client.get("/").headers["Content-Security-Policy"]


def test_who_may_fetch_an_uploaded_file(demo_app, config: UploadConfig, programme_ids: dict[str, int],  # noqa: ANN001
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The random name is no permission: a file of a concept story only for those who may read the programme's
    unpublished content, a file no story shows yet only for editors; once the story is published, for everyone."""
    monkeypatch.setitem(demo_app.server.config, CONFIG_KEY, config)
    db_url = demo_app.server.config[DB_KEY]
    own, other = programme_ids["sociaal-en-vitaal"], programme_ids["zorg-en-veiligheid"]
    video = store_upload(_file(MP4), "video", config)
    clients = {name: demo_app.server.test_client() for name in ("anonymous", "editor_own", "editor_other")}
    _sign_in_as_editor(clients["editor_own"], db_url, own)
    _sign_in_as_editor(clients["editor_other"], db_url, other)

    def codes() -> dict[str, int]:
        return {name: c.get(video.url).status_code for name, c in clients.items()}

    assert codes() == {"anonymous": 404, "editor_own": 200, "editor_other": 200}  # just uploaded: editors only
    with session_scope(db_url) as s:
        story = Story(programme_id=own, kind=StoryKind.FILM, title="Film in concept", story_date=date(2026, 10, 1),
                      media_file=video.name, workflow_state=WorkflowState.CONCEPT)
        s.add(story)
        s.flush()
        story_id = story.id
    try:
        assert codes() == {"anonymous": 404, "editor_own": 200, "editor_other": 404}
        with session_scope(db_url) as s:
            s.get(Story, story_id).workflow_state = WorkflowState.PUBLISHED
        assert codes() == {"anonymous": 200, "editor_own": 200, "editor_other": 200}
    finally:
        with session_scope(db_url) as s:
            s.delete(s.get(Story, story_id))
