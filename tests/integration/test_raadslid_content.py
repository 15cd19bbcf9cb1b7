"""The demo as a raadslid reads it (issue 14), without a browser: stories agree with the results they belong to,
every story shows its medium, the bundled pictures exist with alt text and licence, and the programme page no
longer needs plotly.js."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from dashboard.components.story_tile import story_tile
from dashboard.pages import indicator as indicator_page
from dashboard.pages import programme as programme_page
from dashboard.story_media import MEDIA_DIR, pictures_for
from db.models import Measurement, Result, Story
from db.read.indicator import indicator_view
from db.read.programmes import programme_view
from db.session import session_scope
from indicators.enums import StoryKind
from indicators.stories import figure_conflicts, media_for
from tests.dash_tree import components

ROOT = Path(__file__).resolve().parents[2]


def test_every_story_of_the_demo_agrees_with_its_result(demo_sqlite_url: str) -> None:
    checked = 0
    with session_scope(demo_sqlite_url) as s:
        for story in s.scalars(select(Story).where(Story.result_id.is_not(None))):
            result = s.get(Result, story.result_id)
            realised = [v for (v,) in s.execute(
                select(Measurement.realised).where(Measurement.result_id == result.id,
                                                   Measurement.period_start <= story.story_date,
                                                   Measurement.realised.is_not(None))
                .order_by(Measurement.period_start))]
            problems = figure_conflicts(f"{story.title}. {story.summary}", [story.body, story.transcript],
                                        result.unit, realised)
            assert problems == [], (story.title, problems)
            checked += 1
    assert checked >= 4


def test_the_old_film_title_would_be_caught() -> None:
    """The film spoke of 19 partners while the result showed 22 (what issue 14 found)."""
    history = [10, 19, 19, 20, 21, 21, 21, 22, 22]
    assert figure_conflicts("Negentien partners, één doel. Het Pact groeide van 10 naar 19 partners.", [],
                            "partners", history) == ["de kop noemt 19 partners, het resultaat staat dan op 22"]
    assert figure_conflicts("Tweeëntwintig partners, één doel", ["Van tien partners naar 22 partners."], "partners",
                            history) == []


def test_bundled_story_pictures_exist_with_alt_text_credit_and_licence() -> None:
    manifest = json.loads((MEDIA_DIR / "verhalen" / "beelden.json").read_text(encoding="utf-8"))
    assert manifest["licence"] and manifest["credit"] and manifest["illustration"] is True
    for media_file, images in manifest["stories"].items():
        assert (MEDIA_DIR / media_file).is_file()
        pictures = pictures_for(media_for(None, media_file), "titel")
        assert pictures.illustration and pictures.licence == "CC0 1.0"
        for image in images:
            assert (MEDIA_DIR / image["file"]).is_file() and len(image["alt"]) > 20
    assert "CC0" in (MEDIA_DIR / "verhalen" / "README.md").read_text(encoding="utf-8")


def test_every_story_tile_shows_its_medium(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        stories = [st for slug in ("sociaal-en-vitaal", "zorg-en-veiligheid")
                   for st in programme_view(s, slug).stories]
    kinds = {st.kind for st in stories}
    assert kinds == {k.value for k in StoryKind}
    for story in stories:
        visual = next(c for c in components(story_tile(story)) if "story-visual" in (getattr(c, "className", "")
                                                                                      or ""))
        if story.kind in (StoryKind.FILM.value, StoryKind.PHOTO_STORY.value):
            assert "story-visual-image" in visual.className, story.title  # a poster frame or a photo
        elif story.kind == StoryKind.QUOTE.value:
            assert "story-visual-quote" in visual.className
        else:
            assert "story-visual-icon" in visual.className  # a portrait for an interview


def test_hoort_bij_links_to_the_result_and_the_trend(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        story = next(st for st in programme_view(s, "sociaal-en-vitaal").stories if st.indicator_code)
    hrefs = [c.href for c in components(story_tile(story)) if hasattr(c, "href") and c.href]
    assert f"/programma/sociaal-en-vitaal#resultaat-{story.result_id}" in hrefs
    assert f"/indicator/{story.indicator_code}" in hrefs
    assert any(h.startswith("/programma/sociaal-en-vitaal?tekst=") for h in hrefs)  # the project's results


def test_programme_and_indicator_pages_have_no_plotly_graph(demo_app) -> None:  # noqa: ANN001 - a dash.Dash
    with demo_app.server.app_context():
        pages = [programme_page.layout("sociaal-en-vitaal"), indicator_page.layout("misdrijven")]
    for page in pages:
        names = {type(c).__name__ for c in components(page)}
        assert "Graph" not in names and "Picture" in names


def test_indicator_page_draws_basisjaar_target_and_the_line_of_before(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        view = indicator_view(s, "eenzaamheid")
    assert view.baseline_year == 2022 and view.target_value is not None and view.forecast is not None
    spec_parts = indicator_page.figures(view)
    image = next(c for part in spec_parts for c in components(part) if type(c).__name__ == "Img")
    from urllib.parse import unquote

    svg = unquote(image.src)
    assert ">basisjaar</text>" in svg and "doel 2026" in svg and "stroke-dasharray='8 5'" in svg
