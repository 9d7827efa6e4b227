"""The SVG charts: one mark per outlet, conflicts first and highlighted, every text escaped."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

from newsetl.report.charts import (
    actors_chart,
    figures_chart,
    format_period,
    format_value,
    outlet_colours,
)
from newsetl.report.data import ActorCoverage, FigureReport

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "x'); drop table marts.dim_articles; -- <script>alert(1)</script>"


def _figure(outlet: str, value: float, agreement: str, metric: str = "shootings",
            qualifiers: str = "exact") -> FigureReport:
    return FigureReport("s1", metric, "Chicago", date(2017, 1, 1), date(2017, 6, 30), "this_year", outlet, value,
                        qualifiers, None, agreement)


def test_figures_chart_draws_one_mark_per_outlet_with_conflicts_first():
    figures = [
        _figure("Reuters", 320.0, "single_source", metric="murders"),
        _figure("Reuters", 1703.0, "conflict", metric="shooting_victims"),
        _figure("Tribune", 1714.0, "conflict", metric="shooting_victims"),
    ]
    svg = ElementTree.fromstring(str(figures_chart(figures, outlet_colours(["Reuters", "Tribune"]))))
    bands = svg.findall(f"{SVG}g")
    assert [b.get("class") for b in bands] == ["figure-key conflict", "figure-key single_source"]
    assert [b.get("data-metric") for b in bands] == ["shooting_victims", "murders"]
    marks = svg.findall(f".//{SVG}circle")
    assert [m.find(f"{SVG}title").text for m in marks] == ["Reuters: 1,703", "Tribune: 1,714", "Reuters: 320"]
    # The two outlets get their own colours; the conflict band is outlined in red.
    assert marks[0].get("fill") != marks[1].get("fill")
    assert bands[0].find(f"{SVG}rect").get("stroke") == "#b3261e"
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "agreement"]
    assert labels == ["CONFLICT", "one outlet only"]


def test_counts_of_different_peoples_get_bands_of_their_own_named_by_the_people():
    def killed(outlet, value, group, agreement):
        return FigureReport("s1", "people_killed", "Gaza", None, None, None, outlet, value, "exact", None,
                            agreement, group)

    figures = [killed("Fox News", 5.0, "israeli", "conflict"), killed("NPR", 3.0, "israeli", "conflict"),
               killed("Fox News", 138.0, "palestinian", "single_source")]
    svg = ElementTree.fromstring(str(figures_chart(figures, outlet_colours(["Fox News", "NPR"]))))
    bands = svg.findall(f"{SVG}g")
    assert [b.get("class") for b in bands] == ["figure-key conflict", "figure-key single_source"]
    assert [[t.text for t in b.findall(f"{SVG}text")[:2]] for b in bands] == [
        ["people_killed · Gaza", "Israeli · no period"], ["people_killed · Gaza", "Palestinian · no period"]]
    assert [len(b.findall(f"{SVG}circle")) for b in bands] == [2, 1]


def test_figures_chart_places_larger_values_further_right_on_the_log_axis():
    svg = ElementTree.fromstring(str(figures_chart(
        [_figure("A", 10.0, "conflict"), _figure("B", 1000.0, "conflict")], outlet_colours(["A", "B"]))))
    low, high = (float(c.get("cx")) for c in svg.iter(f"{SVG}circle"))
    assert low < high


def test_hostile_outlet_and_actor_names_are_escaped_text():
    colours = outlet_colours([HOSTILE])
    charts = [
        str(figures_chart([_figure(HOSTILE, 5.0, "single_source")], colours)),
        str(actors_chart([ActorCoverage("s1", HOSTILE, "PERSON", HOSTILE, 2, 1)], [HOSTILE], colours)),
    ]
    for chart in charts:
        assert "<script>" not in chart
        assert "x&#39;); drop table" in chart
        svg = ElementTree.fromstring(chart)  # still well-formed XML
        assert any("<script>" in "".join(t.itertext()) for t in svg.iter(f"{SVG}text"))


def test_actors_chart_marks_actors_quoted_by_only_some_outlets():
    actors = [
        ActorCoverage("s1", "Rahm Emanuel", "PERSON", "Reuters", 2, 1),
        ActorCoverage("s1", "Rahm Emanuel", "PERSON", "Tribune", 2, 0),
        ActorCoverage("s1", "Jeff Sessions", "PERSON", "Reuters", 4, 2),
        ActorCoverage("s1", "Jeff Sessions", "PERSON", "Tribune", 2, 4),
        ActorCoverage("s1", "ATF", "ORG", "Reuters", 3, 0),
    ]
    svg = ElementTree.fromstring(str(actors_chart(actors, ["Reuters", "Tribune"], outlet_colours(["Reuters", "Tribune"]))))
    groups = svg.findall(f"{SVG}g")
    names = [next(t.text for t in g.iter(f"{SVG}text") if t.get("class") == "actor-name") for g in groups]
    assert names == ["Jeff Sessions", "Rahm Emanuel", "ATF"]  # most quoted first
    assert [g.get("data-quoted-by") for g in groups] == ["2", "1", "0"]
    texts = [t.text for t in groups[2].iter(f"{SVG}text")]
    assert "3 mentions · 0 quotes · Reuters" in texts and "not mentioned · Tribune" in texts


def test_actor_lane_words_name_a_file_named_outlet_whole_beside_the_longest_bar():
    """An outlet without a name is "(unknown outlet) <file>": its lane still reads in full, not cut to "(unkn…"."""
    outlet = "(unknown outlet) 000_528f9b6ea483fdc1.txt"
    actors = [ActorCoverage("s1", "Jeff Sessions", "PERSON", outlet, 12, 14),
              ActorCoverage("s1", "Jeff Sessions", "PERSON", "Reuters", 14, 12)]
    svg = ElementTree.fromstring(str(actors_chart(actors, [outlet, "Reuters"], outlet_colours([outlet, "Reuters"]))))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert f"12 mentions · 14 quotes · {outlet}" in texts and "14 mentions · 12 quotes · Reuters" in texts


def test_empty_charts_draw_nothing():
    assert str(figures_chart([], {})) == "" and str(actors_chart([], ["Reuters"], {})) == ""


def test_values_and_periods_read_as_a_person_writes_them():
    assert format_value(1714.0) == "1,714" and format_value(2.5) == "2.5" and format_value(0.0) == "0"
    assert format_period(date(2017, 1, 1), date(2017, 6, 30), "this_year") == "2017-01-01 – 2017-06-30"
    assert format_period(None, None, "last_year") == "period unresolved (“last_year”)"
