"""indicators.safe_text: the Markdown subset, the link and video-link checks, spreadsheet cells; the Dash rendering
of user Markdown; StoryRow refusing video links that are not allowed; CSV/XLSX downloads that keep formulas text."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pydantic import ValidationError

from dashboard.components.rich_text import rich_text
from dashboard.exports.spreadsheet import DownloadTable, to_csv, to_xlsx
from db.write.rows import StoryRow
from indicators.safe_text import (
    MEDIA_REASONS,
    Emphasis,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Text,
    parse_markdown,
    plain_text,
    safe_link,
    safe_media_url,
    spreadsheet_text,
    xml_text,
)


def test_paragraphs_emphasis_lists_and_line_breaks() -> None:
    assert parse_markdown("Een *klein* en **groot** woord.\nVolgende regel.\n\n- een\n- twee\n  verder\n\n1. a\n2) b") \
        == (Paragraph((Text("Een "), Emphasis((Text("klein"),)), Text(" en "), Strong((Text("groot"),)),
                       Text(" woord."), LineBreak(), Text("Volgende regel."))),
            ListBlock(False, ((Text("een"),), (Text("twee verder"),))),
            ListBlock(True, ((Text("a"),), (Text("b"),))))
    assert parse_markdown("*a **b** c*") == (Paragraph((Emphasis((Text("a "), Strong((Text("b"),)), Text(" c"))),)),)
    assert parse_markdown("snake_case_name, 3 * 4 * 5, **") == (Paragraph((Text("snake_case_name, 3 * 4 * 5, **"),)),)
    assert parse_markdown("# Kop\ntekst") == (Paragraph((Strong((Text("Kop"),)),)), Paragraph((Text("tekst"),)))
    assert parse_markdown(r"\*geen nadruk\*") == (Paragraph((Text("*geen nadruk*"),)),)
    assert parse_markdown("") == () and parse_markdown(None) == ()


def test_links_only_http_https_mailto_and_refused_ones_stay_as_typed() -> None:
    assert parse_markdown("Zie [de site](https://www.almelo.nl/a_(b)) of [mail](mailto:info@almelo.nl).") == (
        Paragraph((Text("Zie "), Link("https://www.almelo.nl/a_(b)", (Text("de site"),)), Text(" of "),
                   Link("mailto:info@almelo.nl", (Text("mail"),)), Text("."))),)
    for typed in ("[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,<script>)",
                  "[x](vbscript:msgbox(1))", "[x](//evil.example)", "[x](/relatief)", "[x](&#106;avascript:alert(1))",
                  "![plaatje](https://evil.example/p.png)", "[x](java\u200bscript:alert(1))"):
        blocks = parse_markdown(typed)
        assert blocks == (Paragraph((Text(typed),)),), typed
    # raw HTML is never markup: it is text
    html = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    assert parse_markdown(html) == (Paragraph((Text(html),)),)


@pytest.mark.parametrize(("url", "ok"), [
    ("https://www.almelo.nl/x?y=1#z", True), ("http://almelo.nl", True), ("mailto:a@b.nl", True),
    ("javascript:alert(1)", False), (" JAVASCRIPT:alert(1)", False), ("java\tscript:alert(1)", False),
    ("data:text/html;base64,PHNjcmlwdD4=", False), ("vbscript:x", False), ("//evil.example", False),
    ("/pad", False), ("https:evil.example", False), ("https:///evil.example", False), ("mailto:geen-adres", False),
    ("https://a.nl/\u202egnp.exe", False), ("https://a.nl:99999", False), ("https://a.nl/\"onmouseover=x", False),
    ("", False), (None, False), ("https://" + "a" * 2000 + ".nl", False),
])
def test_safe_link(url: str | None, ok: bool) -> None:
    assert (safe_link(url) is not None) is ok


@pytest.mark.parametrize(("url", "embed"), [
    ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"),
    ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"),
    ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
    ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
])
def test_media_url_allowed_hosts_become_privacy_friendly_embeds(url: str, embed: str) -> None:
    check = safe_media_url(url)
    assert check.ok and check.embed_url == embed and check.reason == ""


@pytest.mark.parametrize(("url", "reason"), [
    ("", "empty"), ("javascript:alert(1)", "scheme"), ("JavaScript:alert(document.domain)", "scheme"),
    ("data:text/html,<script>alert(1)</script>", "scheme"), ("vbscript:msgbox(1)", "scheme"),
    ("//youtu.be/dQw4w9WgXcQ", "not_https"), ("http://youtu.be/dQw4w9WgXcQ", "not_https"),
    ("youtu.be/dQw4w9WgXcQ", "not_https"), ("https://evil.example/watch?v=dQw4w9WgXcQ", "host"),
    ("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "host"),
    ("https://youtu.be@evil.example/dQw4w9WgXcQ", "login"), ("https://youtube.com:444/watch?v=dQw4w9WgXcQ", "login"),
    ("https://youtu.be/dQw4w9WgXcQ\" onload=\"alert(1)", "invisible"), ("https://you\u200btu.be/x", "invisible"),
    ("https://www.youtube.com/redirect?q=https://evil.example", "no_video"),
    ("https://vimeo.com/channels/x", "no_video"),
    ("https://youtu.be/<script>", "invisible"),
])
def test_media_url_refusals_say_why_in_dutch(url: str, reason: str) -> None:
    check = safe_media_url(url)
    assert not check.ok and check.embed_url is None and check.reason == MEDIA_REASONS[reason]


def _story(**kw: object) -> dict:
    return {"programme_slug": "p", "kind": "film", "title": "T", "story_date": date(2026, 10, 1), **kw}


def test_story_row_checks_media_url_when_saved() -> None:
    assert StoryRow(**_story(media_url="https://youtu.be/dQw4w9WgXcQ")).media_url == "https://youtu.be/dQw4w9WgXcQ"
    assert StoryRow(**_story(media_url=None)).media_url is None
    for url, reason in (("https://evil.example/film.mp4", "host"), ("https://youtu.be@evil.example/x", "login")):
        with pytest.raises(ValidationError) as info:
            StoryRow(**_story(media_url=url))
        assert MEDIA_REASONS[reason] in str(info.value)
    with pytest.raises(ValidationError):  # not even https: the pattern refuses it first
        StoryRow(**_story(media_url="javascript:alert(1)"))


def test_rich_text_builds_components_never_markup() -> None:
    div = rich_text("**Let op** <b>geen html</b> [site](https://a.nl) [kwaad](javascript:alert(1))\n\n- punt")
    p, ul = div.children
    strong, text, link, rest = p.children
    assert strong.children == ["Let op"] and text == " <b>geen html</b> "
    assert link.href == "https://a.nl" and link.rel == "noopener noreferrer nofollow"
    assert rest == " [kwaad](javascript:alert(1))"
    assert ul.children[0].children == ["punt"]
    assert "dangerously" not in repr(div)
    assert plain_text(parse_markdown("**a** [b](https://b.nl)\n\n- c")) == "a b\n\nc\n\n"


@pytest.mark.parametrize(("value", "out"), [
    ("=HYPERLINK(\"https://evil.example\",\"klik\")", "'=HYPERLINK(\"https://evil.example\",\"klik\")"),
    ("+31 6 1234", "'+31 6 1234"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("\uff1d1+1", "'\uff1d1+1"), ("gewoon = tekst", "gewoon = tekst"), ("", ""),
])
def test_spreadsheet_text(value: str, out: str) -> None:
    assert spreadsheet_text(value) == out


def test_downloads_keep_formulas_as_text() -> None:
    evil = ['=HYPERLINK("https://evil.example","klik")', "+1+1", "-1+1", "@SUM(1)", "\tx", "a\x00b\x1bc"]
    table = DownloadTable("=titel", ["Tekst", "Waarde"], [[e, -1.5] for e in evil], "Bron: test", [None, 1])
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig")), delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["'" + e for e in evil[:5]] + ["a\x00b\x1bc"]
    assert [r[1] for r in rows[1:]] == ["-1,5"] * len(evil)  # numbers stay numbers
    ws = load_workbook(io.BytesIO(to_xlsx(table))).active
    assert ws["A1"].value == "=titel" and ws["A1"].data_type == "s"
    assert [ws.cell(row=5 + i, column=1).value for i in range(len(evil))] == evil[:5] + ["abc"]
    assert all(ws.cell(row=5 + i, column=1).data_type == "s" for i in range(len(evil)))
    assert ws.cell(row=5, column=2).value == -1.5
    assert xml_text("a\x00\x08\tb\n") == "a\tb\n"
