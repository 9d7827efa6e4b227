"""The coverage page from a small warehouse: what it lists, in which order, and that it stays inert."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html.parser import HTMLParser

import duckdb
import pytest

from newsetl.report.data import read_coverage
from newsetl.report.render import render_report, safe_url, write_report

HOSTILE = "x'); drop table marts.dim_articles; -- <script>alert(1)</script>"

MARTS = """
create schema marts;
create table marts.dim_stories (story_id varchar, n_articles integer, n_outlets integer,
    first_published_date date, last_published_date date, outlets varchar, title varchar);
create table marts.dim_articles (story_id varchar, outlet_label varchar, published_date date, title varchar,
    source_uri varchar, url varchar, is_near_duplicate boolean, is_story_corrected boolean);
create table marts.crime_figures_by_source (story_id varchar, metric varchar, location varchar,
    period_start date, period_end date, period_label varchar, outlet varchar, value double, qualifiers varchar,
    attributed_to varchar, agreement varchar, counted_group varchar);
create table marts.actor_coverage_by_source (story_id varchar, actor varchar, actor_type varchar,
    outlet varchar, mentions bigint, quotes bigint);
create table marts.figure_conflicts (story_id varchar, conflict_type varchar, explanation varchar);
insert into marts.dim_stories values
    ('story_quiet', 1, 1, '2017-03-09', '2017-03-09', 'Sun-Times', null),
    ('story_fight', 2, 2, '2017-06-30', '2017-06-30', 'Reuters; Tribune', 'Chicago shootings');
"""


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "news.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute(MARTS)
        connection.executemany("insert into marts.dim_articles values (?, ?, ?, ?, ?, ?, ?, ?)", [
            ("story_quiet", "Sun-Times", date(2017, 3, 9), None, "002.txt", None, False, True),
            ("story_fight", "Reuters", date(2017, 6, 30), "Chicago shootings", "001.txt",
             "https://www.reuters.com/a", False, False),
            ("story_fight", HOSTILE, date(2017, 6, 30), HOSTILE, "000.txt", "javascript:alert(1)", False, False),
        ])
        connection.executemany(
            "insert into marts.crime_figures_by_source values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)", [
                ("story_fight", "shooting_victims", "Chicago", date(2017, 1, 1), date(2017, 6, 30), "this_year",
                 "Reuters", 1703.0, "exact", "police", "conflict"),
                ("story_fight", "shooting_victims", "Chicago", date(2017, 1, 1), date(2017, 6, 30), "this_year",
                 HOSTILE, 1714.0, "exact", "Donald Trump", "conflict"),
                ("story_quiet", "homicides", "Chicago", date(2017, 1, 1), date(2017, 3, 9), "so_far_this_year",
                 "Sun-Times", 110.0, "exact", None, "single_source"),
            ])
        connection.executemany("insert into marts.figure_conflicts values (?, ?, ?)", [
            ("story_fight", "unattributed", "a figure with no attribution: Reuters reports 9 arrests (no source named)"),
            ("story_fight", "value_conflict", f"same metric, place and period, different values: {HOSTILE} reports 1,714"),
        ])
        connection.executemany("insert into marts.actor_coverage_by_source values (?, ?, ?, ?, ?, ?)", [
            ("story_fight", "Jeff Sessions", "PERSON", "Reuters", 4, 2),
            ("story_fight", "Jeff Sessions", "PERSON", HOSTILE, 2, 4),
        ])
    return path


class _Collector(HTMLParser):
    """Tags, script elements and links of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.sections: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag == "section" and values.get("data-story-id"):
            self.sections.append(values["data-story-id"])


def test_stories_with_conflicts_come_first_with_their_articles_figures_and_actors(warehouse):
    stories = read_coverage(warehouse)
    assert [s.story_id for s in stories] == ["story_fight", "story_quiet"]
    fight = stories[0]
    assert fight.outlets == sorted(["Reuters", HOSTILE])
    assert (fight.n_compared, fight.n_conflicts) == (1, 1)
    assert [f.value for f in fight.figures] == [1703.0, 1714.0]
    assert {(a.outlet, a.quotes) for a in fight.actors} == {("Reuters", 2), (HOSTILE, 4)}
    # Real disagreements before figures stated without a source.
    assert [d.conflict_type for d in fight.disagreements] == ["value_conflict", "unattributed"]
    assert stories[1].disagreements == []
    assert fight.title == "Chicago shootings"  # dim_stories.title
    assert stories[1].title == "Story of 2017-03-09"  # no title: named by its date


def test_page_is_inert_whatever_the_outlets_are_called(warehouse):
    page = render_report(read_coverage(warehouse), warehouse_name="news.duckdb",
                         generated_at=datetime(2026, 1, 1, tzinfo=UTC))
    parsed = _Collector()
    parsed.feed(page)
    assert "script" not in parsed.tags
    assert parsed.links == ["#story_fight", "#story_quiet", "https://www.reuters.com/a"]  # no javascript: link
    assert parsed.sections == ["story_fight", "story_quiet"]
    assert parsed.tags.count("svg") == 3  # figures and actors of one story, figures of the other
    assert "x&#39;); drop table" in page and "1,703" in page and "1,714" in page
    assert page.index("different values</span>") < page.index("no source named</span>")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing to fetch


def test_write_report_replaces_the_page_and_leaves_no_temporary_file(warehouse, tmp_path):
    destination = tmp_path / "report" / "index.html"
    destination.parent.mkdir()
    destination.write_text("old")
    assert write_report(warehouse, destination) == destination
    assert destination.read_text().startswith("<!doctype html>")
    assert [p.name for p in destination.parent.iterdir()] == ["index.html"]


def test_only_http_links_are_clickable():
    assert safe_url("https://www.reuters.com/a") == "https://www.reuters.com/a"
    assert safe_url(" JavaScript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url(None) is None


def test_an_article_placed_by_a_story_correction_says_so(warehouse):
    stories = read_coverage(warehouse)
    assert [(a.source_uri, a.is_story_corrected) for s in stories for a in s.articles] == [
        ("001.txt", False), ("000.txt", False), ("002.txt", True)]
    page = render_report(stories, warehouse_name="news.duckdb", generated_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert page.count("placed in this story by story_corrections.csv") == 1
    quiet = page[page.index('data-story-id="story_quiet"'):]
    assert "<code>002.txt</code>" in quiet and "story_corrections.csv" in quiet


def test_the_table_of_figures_names_the_people_a_count_counts(warehouse):
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("update marts.crime_figures_by_source set counted_group = 'israeli' where outlet = 'Reuters'")
    page = render_report(read_coverage(warehouse), warehouse_name="news.duckdb",
                         generated_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert "<th>people counted</th>" in page
    assert "<td>shooting_victims</td><td>Israeli</td><td>Chicago</td>" in page
