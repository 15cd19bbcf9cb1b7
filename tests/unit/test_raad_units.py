"""Issue 4 pure functions: privacy-friendly video embeds, wijk classes, polygon winding for the map, CSV format,
and the story page's media block."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.exports.spreadsheet import DownloadTable, to_csv
from dashboard.pages.story import media_block
from indicators.districts import Thresholds, _signed_area, d3_winding
from indicators.enums import DistrictClass
from indicators.safe_text import youtube_id
from indicators.stories import Media, StoryDetail, media_for


@pytest.mark.parametrize(("url", "vid"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
    ("javascript:alert(1)", None),
    ("https://www.youtube.com/watch?v=<script>", None),
    (None, None),
])
def test_youtube_id(url: str | None, vid: str | None) -> None:
    assert youtube_id(url) == vid


def test_media_prefers_own_file_with_captions_and_never_embeds_plain_youtube() -> None:
    assert media_for("https://youtu.be/dQw4w9WgXcQ", None) == Media(
        "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0")
    assert media_for("https://youtu.be/dQw4w9WgXcQ", "verhalen/pact.mp4") == Media(
        "video", "/assets/media/verhalen/pact.mp4", "/assets/media/verhalen/pact.vtt")
    assert media_for(None, "../../etc/passwd.mp4") is None
    assert media_for("https://vimeo.com/123", None) == Media("vimeo", "https://player.vimeo.com/video/123?dnt=1")
    assert media_for("https://evil.example/watch?v=dQw4w9WgXcQ", None) is None
    assert media_for("javascript:alert(1)//youtu.be/dQw4w9WgXcQ", None) is None


def _story(**kw) -> StoryDetail:  # noqa: ANN003
    base = dict(id=1, kind="film", title="T", summary="", body="", transcript="", story_date=date(2026, 10, 3),
                is_example=True, media=None, media_url=None, programme_slug="p", programme_name="P",
                project_name=None, result_id=None, result_name=None, indicator_code=None, indicator_name=None)
    return StoryDetail(**{**base, **kw})


def test_media_block_renders_captions_track_or_nocookie_iframe() -> None:
    own = str(media_block(_story(media=media_for(None, "pact.mp4"))))
    assert "Track" in own and "kind='captions'" in own and "/assets/media/pact.vtt" in own and "srcLang='nl'" in own
    yt = str(media_block(_story(media=media_for("https://youtu.be/dQw4w9WgXcQ", None))))
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in yt and "title='Video: T'" in yt
    assert "geen video beschikbaar" in str(media_block(_story()))
    assert media_block(_story(kind="citaat")) is None


def test_thresholds_both_directions_and_missing_values() -> None:
    worse_up = Thresholds(70, 90, True)
    assert [worse_up.classify(v) for v in (69.9, 70, 89.9, 90, None, float("nan"))] == [
        DistrictClass.GREEN, DistrictClass.ORANGE, DistrictClass.ORANGE, DistrictClass.RED, DistrictClass.NONE,
        DistrictClass.NONE]
    worse_down = Thresholds(60, 40, False)
    assert [worse_down.classify(v) for v in (61, 60, 41, 40)] == [
        DistrictClass.GREEN, DistrictClass.ORANGE, DistrictClass.ORANGE, DistrictClass.RED]


def test_d3_winding_makes_exteriors_clockwise_and_holes_counter_clockwise() -> None:
    ccw = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]  # RFC 7946 exterior
    hole_cw = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]]
    fixed = d3_winding({"type": "Polygon", "coordinates": [ccw, hole_cw]})
    assert _signed_area(fixed["coordinates"][0]) < 0 < _signed_area(fixed["coordinates"][1])
    multi = d3_winding({"type": "MultiPolygon", "coordinates": [[ccw], [list(reversed(ccw))]]})
    assert all(_signed_area(p[0]) < 0 for p in multi["coordinates"])


def test_csv_is_dutch_semicolon_with_decimal_comma_and_bom() -> None:
    table = DownloadTable("t", ["Naam", "Waarde", "Vb"], [["a;b", 1234.5, True], ["c", None, False]],
                          decimals=[None, 1])
    assert to_csv(table) == "\ufeffNaam;Waarde;Vb\r\n\"a;b\";1234,5;ja\r\nc;;nee\r\n".encode()


def test_sparkline_draws_realised_and_target_and_skips_too_little_data() -> None:
    from indicators.sparkline import sparkline_svg

    svg = sparkline_svg([10, None, 30], [20, 20, 20])
    assert svg.count("<polyline") == 2 and 'stroke-dasharray="3 2"' in svg
    # realised runs from the bottom-left (lowest value) to the top-right (highest value); None is skipped
    assert 'points="3.0,29.0 117.0,3.0"' in svg
    assert sparkline_svg([10], [20]) is None and sparkline_svg([None, None], [1, 2]) is None
