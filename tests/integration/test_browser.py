"""The coverage report and the dbt docs site of the seed warehouse, opened in a real (headless) Chromium.

Reuses the seed warehouse of ``conftest.py`` (one ``make run``). Skipped, with
the reason, when Chromium is not installed; ``.ci/run`` installs it.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED_CASED, SEED_REUTERS
from tests.integration.browser import (
    dump_dom,
    needs_chromium,
    parse_html,
    read_png,
    screenshot,
    serve_folder,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow, needs_chromium]

UNKNOWN_CASED = f"(unknown outlet) {SEED_CASED}"
# Okabe-Ito blue and orange: the first two outlets of a story, in outlet order.
FIRST_OUTLET_RGB, SECOND_OUTLET_RGB = (0x00, 0x72, 0xB2), (0xE6, 0x9F, 0x00)
AGREE_BAND_RGB = (0xE3, 0xF2, 0xE1)
WHITE = (255, 255, 255)
# Test-only probe, added to a copy of the page: the laid-out box of every chart, in page pixels.
BOX_PROBE = """<script>
document.body.setAttribute("data-svg-boxes", JSON.stringify(Array.from(document.querySelectorAll("svg")).map(
  (svg) => { const r = svg.getBoundingClientRect();
    return [svg.closest("section").dataset.storyId, svg.getAttribute("class"),
            r.left, r.top + window.scrollY, r.width, r.height]; })));
</script></body>"""
# The right edge of every chart text as the browser lays it out, in the chart's own units.
TEXT_PROBE = """<script>
document.body.setAttribute("data-text-edges", JSON.stringify(Array.from(document.querySelectorAll("svg text")).map(
  (text) => { const box = text.getBBox();
    return [text.textContent, box.x + box.width, text.closest("svg").viewBox.baseVal.width]; })));
</script></body>"""


@pytest.fixture(scope="module")
def report_path(seed_warehouse):
    path = seed_warehouse.parent / "report" / "index.html"
    assert path.exists(), "build_marts wrote no coverage report"
    return path


@pytest.fixture(scope="module")
def report_dom(report_path):
    return parse_html(dump_dom(report_path.as_uri()))


@pytest.fixture(scope="module")
def story(report_dom):
    """The section of the story that holds the Reuters article of 30 June 2017."""
    sections = [s for s in report_dom.find_all("section") if s.has_class("story")
                and any(SEED_REUTERS in row.text for row in s.find_all("tr"))]
    assert len(sections) == 1
    return sections[0]


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.find_all("td")] for row in table.find_all("tr") if row.find_all("td")]


def test_report_story_holds_the_two_articles_of_30_june_2017(report_dom, story):
    assert story.find_all("h2")[0].text == "Story of 2017-06-30"
    articles = next(t for t in story.find_all("table") if t.has_class("articles"))
    assert _rows(articles) == [
        ["Reuters", "2017-06-30", "(no title)", SEED_REUTERS],
        [UNKNOWN_CASED, "undated", "(no title)", SEED_CASED],  # the cased copy has no date of its own
    ]
    # The most contested story comes first, and the page runs no script at all.
    assert [s.attrs["data-story-id"] for s in report_dom.find_all("section") if s.has_class("story")][0] \
        == story.attrs["data-story-id"]
    assert report_dom.find_all("script") == []


def test_report_charts_the_1714_shootings_that_both_outlets_agree_on(story):
    chart = next(svg for svg in story.find_all("svg") if svg.has_class("figures-chart"))
    band = next(g for g in chart.find_all("g") if g.attrs.get("data-metric") == "shootings")
    assert band.attrs["class"] == "figure-key agree"
    assert [c.text for c in band.find_all("circle")] == [
        f"{UNKNOWN_CASED}: 1,714 · said by Donald Trump",
        "Reuters: 1,714 · said by Donald Trump",
    ]
    assert "2017-01-01 – 2017-06-30" in band.text and "agree" in band.text
    # The agreeing figure is drawn first: there is no conflict in this story.
    assert chart.find_all("g")[0] is band
    assert not [g for g in chart.find_all("g") if "conflict" in g.attrs.get("class", "")]


def test_report_lists_where_the_figures_disagree_and_why(story):
    items = [li for li in story.find_all("li") if li.attrs.get("data-conflict-type")]
    assert [li.attrs["data-conflict-type"] for li in items] == [
        "politician_vs_official", "politician_vs_official", "metric_framing", "unattributed", "unattributed"]
    texts = [li.text for li in items]
    assert any("Reuters reports 1,714 shootings (Donald Trump, politician); "
               "Reuters reports 1,703 shooting victims (police)" in text for text in texts)
    assert any(f"{UNKNOWN_CASED} reports 760 people killed (no source named); "
               "Reuters reports 760 murders (no source named)" in text for text in texts)


def test_report_charts_the_actors_each_outlet_quotes(story):
    chart = next(svg for svg in story.find_all("svg") if svg.has_class("actors-chart"))
    quoted_by = {g.find_all("text", class_="actor-name")[0].text: g.attrs["data-quoted-by"]
                 for g in chart.find_all("g") if g.has_class("actor")}
    assert {name: n for name, n in quoted_by.items() if n != "0"} == {
        "Jeff Sessions": "2", "Adam Collins": "2", "Donald Trump": "2", "Eddie Johnson": "2",
        "Rahm Emanuel": "1",  # quoted by Reuters only: the amber band
    }
    table = next(t for t in story.find_all("table") if t.has_class("actors"))
    quoted = sorted((r[0], r[2], r[3], r[4]) for r in _rows(table) if r[4] != "0")
    assert quoted == [
        ("Adam Collins", UNKNOWN_CASED, "1", "2"), ("Adam Collins", "Reuters", "1", "2"),
        ("Donald Trump", UNKNOWN_CASED, "4", "1"), ("Donald Trump", "Reuters", "4", "1"),
        ("Eddie Johnson", UNKNOWN_CASED, "1", "1"), ("Eddie Johnson", "Reuters", "1", "1"),
        ("Jeff Sessions", UNKNOWN_CASED, "2", "4"), ("Jeff Sessions", "Reuters", "4", "2"),
        ("Rahm Emanuel", "Reuters", "2", "1"),
    ]


def test_report_screenshot_shows_the_charts_drawn(report_path, story, tmp_path):
    probed = tmp_path / "probed.html"
    probed.write_text(report_path.read_text().replace("</body>", BOX_PROBE))
    boxes = json.loads(parse_html(dump_dom(probed.as_uri())).find_all("body")[0].attrs["data-svg-boxes"])
    charts = {kind: box for story_id, kind, *box in boxes if story_id == story.attrs["data-story-id"]}
    assert set(charts) == {"figures-chart", "actors-chart"}
    image = read_png(screenshot(report_path.as_uri(), tmp_path / "report.png"))
    assert (image.width, image.height) == (1280, 2000)
    for kind, (left, top, width, height) in charts.items():
        assert width > 600 and height > 150, (kind, width, height)
        assert top + height <= image.height, f"{kind} is below the screenshot"
        pixels = list(image.region(int(left), int(top), int(left + width), int(top + height)))
        inked = sum(1 for p in pixels if p != WHITE)
        colours = set(pixels)
        assert inked > 0.3 * len(pixels), (kind, inked, len(pixels))  # bands, bars and dots, not a blank box
        assert len(colours) > 50, (kind, len(colours))  # text, anti-aliased marks, several fills
        assert FIRST_OUTLET_RGB in colours and SECOND_OUTLET_RGB in colours, kind  # one colour per outlet
    figures = charts["figures-chart"]
    assert AGREE_BAND_RGB in set(image.region(int(figures[0]), int(figures[1]),
                                              int(figures[0] + figures[2]), int(figures[1] + 60)))


def test_report_chart_words_fit_inside_their_chart_and_name_each_outlet_whole(report_path, story, tmp_path):
    """Labels are cut by a character count; the browser's own text widths show the count keeps them on the chart."""
    probed = tmp_path / "probed.html"
    probed.write_text(report_path.read_text().replace("</body>", TEXT_PROBE))
    edges = json.loads(parse_html(dump_dom(probed.as_uri())).find_all("body")[0].attrs["data-text-edges"])
    assert len(edges) > 50
    assert [(text, right) for text, right, width in edges if right > width] == []
    assert "2 mentions · 4 quotes · " + UNKNOWN_CASED in [text for text, _, _ in edges]  # Sessions: the longest bar


# The right edge of each band's key and the left edge of its agreement word, as laid out.
BAND_PROBE = """<script>
document.body.setAttribute("data-band-gaps", JSON.stringify(Array.from(document.querySelectorAll("g.figure-key")).map(
  (band) => { const key = band.querySelector("text.key").getBBox(), word = band.querySelector("text.agreement").getBBox();
    const shown = Array.from(band.querySelector("text.key").childNodes).filter((n) => n.nodeType === 3);
    return [shown.map((n) => n.textContent).join(""), key.x + key.width, word.x]; })));
</script></body>"""


def test_a_band_key_stops_before_its_agreement_word_however_long_the_place(tmp_path):
    from datetime import date

    from newsetl.report.charts import figures_chart, outlet_colours
    from newsetl.report.data import FigureReport

    places = ["Chicago", "the city of Chicago's South Side and the West Side", "Gaza Strip"]
    figures = [FigureReport("s1", metric, place, date(2017, 1, 1), date(2017, 6, 30), "this_year", outlet, value,
                            "exact", None, agreement, group)
               for metric, group in (("shooting_victims", None), ("people_killed", "palestinian"))
               for place in places
               for agreement, outlet, value in (("single_source", "A", 5.0),)] + [
        FigureReport("s1", "people_killed", places[1], None, None, None, outlet, value, "exact", None, "conflict",
                     "israeli") for outlet, value in (("A", 4.0), ("B", 5.0))]
    page = tmp_path / "bands.html"
    page.write_text(f"<!doctype html><html><body><section>{figures_chart(figures, outlet_colours(['A', 'B']))}"
                    f"</section>{BAND_PROBE}</html>")
    gaps = json.loads(parse_html(dump_dom(page.as_uri())).find_all("body")[0].attrs["data-band-gaps"])
    assert len(gaps) == 7
    assert [(key, right, left) for key, right, left in gaps if right >= left] == []
    assert "shooting_victims · Chicago" in [key for key, _, _ in gaps]  # a short key is whole


def test_dbt_docs_site_lists_the_marts_when_served_over_http(seed_warehouse):
    docs = seed_warehouse.parent / "docs"
    marts = ("crime_figures_by_source", "actor_coverage_by_source", "dim_articles")
    assert not [m for m in marts if m in (docs / "index.html").read_text()]  # they come from manifest.json
    with serve_folder(docs) as base:
        home = parse_html(dump_dom(f"{base}/index.html", virtual_time_budget_ms=15000))
        model = parse_html(dump_dom(f"{base}/index.html#!/model/model.newsetl.crime_figures_by_source",
                                    virtual_time_budget_ms=15000))
    listed = {a.attrs["data-nav-unique-id"] for a in home.iter("a") if "data-nav-unique-id" in a.attrs}
    assert {f"model.newsetl.{m}" for m in marts} <= listed
    page = model.find_all("body")[0].text
    assert "One row per story × metric × counted group × location × period × outlet" in page  # manifest.json
    assert "n_outlets BIGINT" in page and "agreement VARCHAR" in page  # column types: catalog.json
    # a column described by a doc block (models/_columns.md), rendered into the page
    assert "period_source VARCHAR Where the compared period comes from: `article` (the article's own date)" in page
