"""Issue 4 without a browser, on SQLite and PostgreSQL: wijk boundaries (etl.geo), the wijk view with its
classes, story details and their reverse links, and the download tables."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from dashboard.downloads import districts_table, results_table, trend_table
from dashboard.exports.spreadsheet import DownloadError, to_csv, to_xlsx
from db.models import DataLoad, Region, RegionGeometry, Result, Story
from db.read.districts import district_view
from db.read.programmes import programme_view
from db.read.stories import story_detail
from db.session import session_scope
from etl.geo import GeoError, load_boundaries
from indicators.districts import sort_rows
from indicators.enums import DistrictClass, RegionKind

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "geo" / "almelo_wijken_rechthoeken.geojson"


def _regions(url: str) -> None:
    with session_scope(url) as s:
        gm = Region(code="GM0141", name="Almelo", kind=RegionKind.MUNICIPALITY)
        s.add(gm)
        s.flush()
        for f in json.loads(FIXTURE.read_text())["features"]:
            s.add(Region(code=f["properties"]["statcode"], name=f["properties"]["statnaam"],
                         kind=RegionKind.DISTRICT, parent_id=gm.id))


def _write(tmp_path: Path, data: object, name: str = "grenzen.geojson") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_load_boundaries_stores_every_feature_and_replaces_on_reload(db_url: str) -> None:
    _regions(db_url)
    assert load_boundaries(db_url, FIXTURE) == 12
    assert load_boundaries(db_url, FIXTURE) == 12  # a second load replaces, never duplicates
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(RegionGeometry)) == 12
        geom = s.scalar(select(RegionGeometry.geometry).join(Region, Region.id == RegionGeometry.region_id)
                        .where(Region.code == "WK014110"))
        assert geom["type"] == "Polygon" and geom["coordinates"][0][0] == [6.6, 52.33]
        loads = s.scalars(select(DataLoad).where(DataLoad.kind == "grenzen")).all()
        assert [load.rows_loaded for load in loads] == [12, 12] and all(load.file_hash for load in loads)


BAD = [
    ("geen json {", "geen geldige JSON"),
    ({"type": "Feature"}, "geen GeoJSON FeatureCollection"),
    ({"type": "FeatureCollection", "features": []}, "bevat geen features"),
    ("no-code", "heeft geen regiocode"),
    ("point", "alleen Polygon en MultiPolygon"),
    ("rd", "geen lengte/breedte (WGS84)"),
    ("duplicate", "meer dan één keer"),
    ("unknown", "staan niet in de database"),
]


@pytest.mark.parametrize(("bad", "message"), BAD, ids=[m for _, m in BAD])
def test_load_boundaries_refuses_bad_input_in_dutch_and_stores_nothing(db_url: str, tmp_path: Path, bad: object,
                                                                        message: str) -> None:
    _regions(db_url)
    good = json.loads(FIXTURE.read_text())
    data = copy.deepcopy(good)
    if bad == "no-code":
        data["features"][3]["properties"] = {"naam": "zonder code"}
    elif bad == "point":
        data["features"][0]["geometry"] = {"type": "Point", "coordinates": [6.6, 52.3]}
    elif bad == "rd":  # RD New metres instead of lon/lat
        data["features"][0]["geometry"]["coordinates"] = [[[250000, 485000], [251000, 485000], [251000, 486000],
                                                           [250000, 485000]]]
    elif bad == "duplicate":
        data["features"].append(copy.deepcopy(data["features"][0]))
    elif bad == "unknown":
        data["features"][5]["properties"]["statcode"] = "WK999999"
    else:
        data = bad
    with pytest.raises(GeoError, match=re.escape(message)):
        load_boundaries(db_url, _write(tmp_path, data))
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(RegionGeometry)) == 0


def test_load_boundaries_accepts_bare_cbs_numbers_and_multipolygons(db_url: str, tmp_path: Path) -> None:
    _regions(db_url)
    square = [[[6.6, 52.3], [6.7, 52.3], [6.7, 52.4], [6.6, 52.3]]]
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"gemeentecode": "0141"},
         "geometry": {"type": "MultiPolygon", "coordinates": [square]}},
        {"type": "Feature", "properties": {"wijkcode": "014111"}, "geometry": {"type": "Polygon",
                                                                               "coordinates": square}},
    ]}
    assert load_boundaries(db_url, _write(tmp_path, data)) == 2
    with pytest.raises(GeoError, match="bestaat niet"):
        load_boundaries(db_url, tmp_path / "weg.geojson")


def test_district_view_classes_and_sorting(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        view = district_view(s, "GM0141", "wmo-clienten")
        assert view.indicator.code == "wmo-clienten" and view.period.code == "2018"
        assert len(view.rows) == 12 and view.gemeente_value == 65
        by_name = {r.name: r for r in view.rows}
        # configured thresholds 70/90, higher is worse
        assert by_name["Binnenstad"].value == 103 and by_name["Binnenstad"].district_class is DistrictClass.RED
        assert by_name["Ossenkoppelerhoek"].value == 70 and by_name["Ossenkoppelerhoek"].district_class is \
            DistrictClass.ORANGE
        assert by_name["Aadorp"].district_class is DistrictClass.GREEN
        # thresholds from the URL win
        strict = district_view(s, "GM0141", "wmo-clienten", None, 20, 25)
        assert strict.thresholds.origin == "url"
        assert {r.name: r.district_class for r in strict.rows}["Bornerbroek"] is DistrictClass.ORANGE  # 20 ≤ 24 < 25
        half = district_view(s, "GM0141", "wmo-clienten", "1e halfjaar 2018")
        assert half.period.code == "2018-H1" and {r.name: r.value for r in half.rows}["Binnenstad"] == 94
        assert view.geometries == {}
        assert district_view(s, "GM9999") is None
    values = [r.value for r in sort_rows(view.rows, "waarde-af")]
    assert values == sorted(values, reverse=True)
    assert [r.name for r in sort_rows(view.rows, "naam")][0] == "Aadorp"
    assert [r.code for r in sort_rows(view.rows, "code")][0] == "WK014110"


def test_story_detail_and_links_both_ways(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        story_id, result_id = s.execute(select(Story.id, Story.result_id).join(Result, Result.id == Story.result_id)
                                        .where(Result.name == "Partners in het Pact")).one()
        story = story_detail(s, story_id)
        assert story.result_id == result_id and story.programme_slug == "sociaal-en-vitaal"
        assert story.kind == "film" and story.media is None and "negentien" in story.transcript
        assert story_detail(s, 999_999) is None
        view = programme_view(s, "sociaal-en-vitaal", [])
        result = next(r for r in view.results if r.id == result_id)
        assert [link.id for link in result.stories] == [story_id]
        trend = next(t for t in view.trends if t.indicator.code == "eenzaamheid")
        assert [link.title for link in trend.stories] == ["‘Ik durfde weer naar de inloop’"]


def test_downloads_hold_the_rows_of_the_page(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        wijken = districts_table(s, {"gemeente": "GM0141", "sorteer": "waarde-af"})
        results = results_table(s, {"programma": "zorg-en-veiligheid"})
        trend = trend_table(s, {"programma": "sociaal-en-vitaal", "indicator": "jeugdhulp", "vergelijk": "NL01"})
        view = programme_view(s, "zorg-en-veiligheid", [])
        with pytest.raises(DownloadError):
            results_table(s, {"programma": "bestaat-niet"})
        with pytest.raises(DownloadError):
            trend_table(s, {"programma": "sociaal-en-vitaal", "indicator": "misdrijven"})
    assert [r[1] for r in wijken.rows][:2] == ["Binnenstad", "Nieuwstraat-Kwartier"]
    assert len(results.rows) == sum(len(r.measurements) for r in view.results)
    assert {r[0] for r in trend.rows} == {"Almelo", "Nederland"}
    text = to_csv(wijken).decode("utf-8-sig").splitlines()
    assert text[0] == "Wijkcode;Wijk;Waarde;Klasse;Status"
    assert text[1] == "WK014110;Binnenstad;103;Rood;definitief"
    jeugd = to_csv(trend).decode("utf-8-sig")
    assert "Almelo;GM0141;2023;15,3;definitief;CBS;85098NED" in jeugd
    ws = load_workbook(io.BytesIO(to_xlsx(trend))).active
    row = next(r for r in ws.iter_rows(min_row=5, values_only=True) if r[1] == "GM0141" and r[2] == "2023")
    assert row[3] == pytest.approx(15.3) and ws.cell(row=5, column=4).number_format == "#,##0.0"
