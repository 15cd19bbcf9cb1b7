"""Unit tests of the production pieces without a server: the SECRET_KEY rule and the generated local key, database
ids in range, which statements raise the data version, log masking, the byte-bounded cache, asset URLs with content
hashes, account-name normalisation, and the settings every variable is documented for."""

from __future__ import annotations

import gzip
import json
import logging
import os
import stat
from pathlib import Path

import pytest
from pydantic import SecretStr

from dashboard.asset_urls import AssetHashes
from dashboard.cache import MemoryStore
from dashboard.limits import MAX_ID, parse_id
from dashboard.logs import RequestContextFilter, handler_for, redact
from dashboard.secret_key import OLD_DEFAULT, key_problem, local_key, signing_key, with_local_key
from db.account_names import hidden_characters, normalise_email, normalise_name
from db.write.data_version import IGNORED_TABLES, written_table
from settings import Settings


@pytest.mark.parametrize(("key", "problem"), [
    (None, "SECRET_KEY ontbreekt"),
    ("", "SECRET_KEY ontbreekt"),
    (OLD_DEFAULT, "oude, openbare standaardwaarde"),
    ("kort-maar-geheim", "te kort (16 tekens)"),
    ("x" * 32, None),
])
def test_a_production_key_is_set_not_the_old_default_and_long(key: str | None, problem: str | None) -> None:
    settings = Settings(secret_key=SecretStr(key) if key is not None else None)
    found = key_problem(settings)
    assert (found is None) if problem is None else (problem in found and "SECRET_KEY" in found)
    if problem is not None:
        assert "\n" not in found  # one line
        assert signing_key(settings) not in (key, OLD_DEFAULT) and len(signing_key(settings)) >= 32


def test_run_sh_generates_a_random_key_once_readable_by_the_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secret_key"
    first = with_local_key(Settings(), path).secret_key.get_secret_value()
    assert len(first) >= 32 and first != OLD_DEFAULT
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert local_key(path) == first  # kept: sessions survive a restart
    assert with_local_key(Settings(secret_key=SecretStr("y" * 40)), path).secret_key.get_secret_value() == "y" * 40
    other = tmp_path / "other"
    assert local_key(other) != first  # random per installation


@pytest.mark.parametrize(("value", "expected"), [
    ("1", 1), (7, 7), ("2147483647", MAX_ID), ("2147483648", None), (2**63, None), ("99999999999999999999", None),
    ("0", None), (-1, None), ("١٢", None), ("12a", None), (True, None), (None, None), ("", None), (1.0, None),
])
def test_ids_out_of_range_are_no_ids(value: object, expected: int | None) -> None:
    assert parse_id(value) == expected


@pytest.mark.parametrize(("statement", "table"), [
    ("INSERT INTO observation (a) VALUES (1)", "observation"),
    ('UPDATE "story" SET x = 1', "story"),
    ("  delete from measurement where id = 1", "measurement"),
    ("INSERT OR REPLACE INTO region VALUES (1)", "region"),
    ("SELECT * FROM observation", None),
    ("CREATE TABLE x (a int)", None),
])
def test_the_data_version_sees_writes_by_table(statement: str, table: str | None) -> None:
    assert written_table(statement) == table


def test_writes_that_change_no_public_content_leave_the_version_alone() -> None:
    assert {"web_session", "sign_in_attempt", "app_user", "data_version"} <= IGNORED_TABLES
    assert not {"observation", "story", "measurement", "quarter_snapshot", "meeting_note", "data_load"} \
        & IGNORED_TABLES


def test_logs_mask_secrets_and_json_lines_parse(capsys: pytest.CaptureFixture[str]) -> None:
    assert "hunter2" not in redact("wachtwoord=hunter2&email=a@b.nl")
    assert "abc.def" not in redact("Authorization: Bearer abc.def")
    assert "[verborgen]" in redact("token=abc.def")
    assert "s3cr3t" not in redact('{"csrf_token": "s3cr3t"}')
    logger = logging.getLogger("perspectief.test-json")
    handler = handler_for("json", stream=__import__("sys").stdout)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("inlog met wachtwoord=%s", "geheim123")
    finally:
        logger.removeHandler(handler)
    line = json.loads(capsys.readouterr().out.strip())
    assert line["level"] == "WARNING" and "time" in line and "geheim123" not in line["message"]
    assert isinstance(RequestContextFilter(), logging.Filter)


def test_memory_cache_is_bounded_by_bytes_least_recently_used_out_first() -> None:
    store = MemoryStore(1000)
    store.set("a", b"x" * 200)
    store.set("b", b"y" * 200)
    store.get("a")  # a is used again: b goes first
    for i in range(4):
        store.set(f"c{i}", b"z" * 200)
    assert store.get("b") is None and store.get("a") is not None
    assert sum(len(v) for v in store._items.values()) <= 1000
    store.set("huge", b"h" * 300)  # over a quarter of the cache: not kept
    assert store.get("huge") is None
    assert gzip.decompress(gzip.compress(b"ok")) == b"ok"


def test_asset_links_carry_the_content_hash(tmp_path: Path) -> None:
    (tmp_path / "10-site.css").write_text("body { color: black }")
    hashes = AssetHashes(tmp_path.resolve())
    html = '<link rel="stylesheet" href="/assets/10-site.css?m=1733.5"><script src="/assets/x.js?m=1"></script>'
    rewritten = hashes.rewrite(html)
    first = hashes.of("10-site.css")
    assert f'href="/assets/10-site.css?v={first}"' in rewritten and len(first) == 16
    assert "/assets/x.js?m=1" in rewritten  # a file that is not there keeps its link
    (tmp_path / "10-site.css").write_text("body { color: navy }")
    os.utime(tmp_path / "10-site.css", (1, 1))
    assert hashes.of("10-site.css") != first  # a changed file gets a new URL
    assert hashes.of("../etc/passwd") is None


@pytest.mark.parametrize("name", ["Ad\u200bmin", "Beheer\u202edrow", "Jan\u2066 de Vries", "Nul\u200d", "A\u00adB"])
def test_invisible_and_bidi_characters_are_found(name: str) -> None:
    assert hidden_characters(name)


def test_names_and_addresses_are_nfkc_normalised() -> None:
    assert normalise_email("ＡＤＭＩＮ@Gemeente.nl ") == "admin@gemeente.nl"
    assert normalise_name("  Ｊａｎ   de  Vries ") == "Jan de Vries"
    assert hidden_characters("Jan de Vries") == []


def test_every_setting_is_documented() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert field.description, name
        assert f"`{name.upper()}`" in readme, f"README lists no `{name.upper()}`"
