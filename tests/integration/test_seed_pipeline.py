"""The seed articles through the real DAGs: the figures and actors a reader finds in them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SEED_CASED, SEED_DATED, SEED_REUTERS
from tests.integration.conftest import query

pytestmark = [pytest.mark.integration, pytest.mark.slow]

UNKNOWN_CASED = f"(unknown outlet) {SEED_CASED}"
UNKNOWN_DATED = f"(unknown outlet) {SEED_DATED}"


def _article_id(warehouse, source_uri: str) -> str:
    return query(warehouse, "select article_id from marts.dim_articles where source_uri = ?", [source_uri])[0][0]


def _figures(warehouse, source_uri: str) -> set[tuple]:
    return set(query(warehouse, """
        select f.value, f.metric, f.qualifier, f.period_start, f.period_end
        from marts.fct_figures as f inner join marts.dim_articles as a using (article_id)
        where a.source_uri = ?""", [source_uri]))


def test_articles_have_their_metadata_and_stories(seed_warehouse):
    rows = query(seed_warehouse, "select source_uri, outlet, published_date, story_id from marts.dim_articles order by source_uri")
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (SEED_CASED, None, None),  # no date and no outlet in the file: left null, not invented
        (SEED_REUTERS, "Reuters", date(2017, 6, 30)),
        (SEED_DATED, None, date(2017, 3, 9)),
    ]
    stories = [r[3] for r in rows]
    assert stories[0] == stories[1] != stories[2]


def test_cleaning_removes_the_ad_block_and_detokenises_the_wire_copy(seed_warehouse):
    texts = dict(query(seed_warehouse, "select source_uri, clean_text from raw.articles"))
    assert "GlobalData" not in texts[SEED_CASED] and "US Tariffs are shifting" not in texts[SEED_CASED]
    assert "Last year, more than 760 people were shot and killed" in texts[SEED_CASED]
    assert "“epidemic” proportions" in texts[SEED_REUTERS] and "trump’s statement" in texts[SEED_REUTERS]
    assert texts[SEED_DATED].startswith("Chicago Mayor Rahm Emanuel speaks")


def test_both_outlets_of_the_story_agree_on_1714_shootings_this_year(seed_warehouse):
    rows = query(seed_warehouse, """
        select outlet, value, period_start, period_end, period_source, n_outlets, agreement
        from marts.crime_figures_by_source where metric = 'shootings' and location = 'Chicago' order by outlet""")
    assert rows == [
        (UNKNOWN_CASED, 1714.0, date(2017, 1, 1), date(2017, 6, 30), "story", 2, "agree"),
        ("Reuters", 1714.0, date(2017, 1, 1), date(2017, 6, 30), "article", 2, "agree"),
    ]
    # The undated article's own period stays unresolved in fct_figures.
    assert (1714.0, "shootings", "exact", None, None) in _figures(seed_warehouse, SEED_CASED)


def test_reuters_figures_have_metric_qualifier_and_period(seed_warehouse):
    figures = _figures(seed_warehouse, SEED_REUTERS)
    expected = {
        (1714.0, "shootings", "exact", date(2017, 1, 1), date(2017, 6, 30)),
        (320.0, "murders", "exact", date(2017, 1, 1), date(2017, 6, 30)),
        (322.0, "murders", "exact", date(2016, 1, 1), date(2016, 6, 30)),
        (1703.0, "shooting_victims", "exact", date(2017, 1, 1), date(2017, 6, 30)),
        (4300.0, "shooting_victims", "more_than", date(2016, 1, 1), date(2016, 12, 31)),
        (760.0, "murders", "more_than", date(2016, 1, 1), date(2016, 12, 31)),
    }
    assert expected <= figures
    assert {(f[0], f[1]) for f in figures} >= {(1935.0, "shooting_victims"), (2_700_000.0, "other"), (20.0, "other")}


def test_population_and_agents_are_not_crime_figures(seed_warehouse):
    rows = query(seed_warehouse, "select value, metric from marts.fct_figures where value in (2700000, 20)")
    assert sorted(rows) == [(20.0, "other"), (20.0, "other"), (2_700_000.0, "other")]


def test_homicides_so_far_this_year_in_the_dated_article(seed_warehouse):
    assert _figures(seed_warehouse, SEED_DATED) >= {(110.0, "homicides", "exact", date(2017, 1, 1), date(2017, 3, 9))}
    attributed = query(seed_warehouse, "select attributed_to from marts.fct_figures where value = 110")
    assert attributed == [("Chicago Tribune",)]


def test_cased_article_figures(seed_warehouse):
    figures = _figures(seed_warehouse, SEED_CASED)
    assert (760.0, "people_killed", "more_than", None, None) in figures  # "last year" in an undated article


def test_actor_coverage_names_the_actors_with_the_outlets_that_mention_and_quote_them(seed_warehouse):
    story = query(seed_warehouse, "select story_id from marts.dim_articles where source_uri = ?", [SEED_REUTERS])[0][0]
    rows = query(seed_warehouse, "select actor, outlet, mentions, quotes from marts.actor_coverage_by_source where story_id = ?", [story])
    coverage = {(actor, outlet): (mentions, quotes) for actor, outlet, mentions, quotes in rows}
    for actor in ("Donald Trump", "Jeff Sessions", "Rahm Emanuel", "Eddie Johnson", "Adam Collins"):
        for outlet in ("Reuters", UNKNOWN_CASED):
            assert coverage[(actor, outlet)][0] >= 1, (actor, outlet)
    quoted = {(actor, outlet) for (actor, outlet), (_, quotes) in coverage.items() if quotes}
    assert quoted == {
        ("Donald Trump", "Reuters"), ("Donald Trump", UNKNOWN_CASED),
        ("Jeff Sessions", "Reuters"), ("Jeff Sessions", UNKNOWN_CASED),
        ("Eddie Johnson", "Reuters"), ("Eddie Johnson", UNKNOWN_CASED),
        ("Adam Collins", "Reuters"), ("Adam Collins", UNKNOWN_CASED),
        ("Rahm Emanuel", "Reuters"),
    }
    actors = {actor for actor, _ in coverage}
    assert not actors & {"GlobalData", "Twitter", "Reuters"}


def test_dated_article_quotes_emanuel_and_sessions(seed_warehouse):
    rows = query(seed_warehouse, """select speaker, count(*) from marts.fct_quotes as q
                                    inner join marts.dim_articles as a using (article_id)
                                    where a.source_uri = ? and speaker is not null group by speaker""", [SEED_DATED])
    assert dict(rows) == {"Rahm Emanuel": 3, "Jeff Sessions": 2, "Donald Trump": 1, "Department of Justice": 2}


def test_every_load_was_validated_by_great_expectations(seed_warehouse):
    rows = query(seed_warehouse, """select suite, bool_and(success), count(*) from audit.validation_results
                                    group by suite order by suite""")
    assert [(suite, ok) for suite, ok, _ in rows] == [
        ("raw_articles", True), ("raw_entity_mentions", True), ("raw_figures", True), ("raw_quotes", True)]
    loads = query(seed_warehouse, "select stage from audit.loads order by stage")
    assert loads == [("articles",), ("facts",)]


def test_dbt_docs_site_is_generated_next_to_the_warehouse(seed_warehouse):
    docs = seed_warehouse.parent / "docs"
    assert (docs / "index.html").exists()
    import json

    manifest = json.loads((docs / "manifest.json").read_text())
    assert "model.newsetl.figure_conflicts" in manifest["nodes"]
    # Lineage reaches the two things people read: the coverage report and the README queries.
    report_inputs = manifest["exposures"]["exposure.newsetl.coverage_report"]["depends_on"]["nodes"]
    assert {"model.newsetl.figure_conflicts", "model.newsetl.actor_coverage_by_source"} <= set(report_inputs)
    assert set(manifest["exposures"]) == {"exposure.newsetl.coverage_report", "exposure.newsetl.readme_example_queries"}
    assert manifest["sources"]["source.newsetl.news.articles"]["freshness"]["warn_after"]["count"] == 2


def test_every_model_seed_and_source_states_its_grain_and_documents_every_column(seed_warehouse):
    import json

    docs = seed_warehouse.parent / "docs"
    manifest = json.loads((docs / "manifest.json").read_text())
    catalog = json.loads((docs / "catalog.json").read_text())  # the columns the built tables really have
    without_grain, undocumented = [], []
    for section in ("nodes", "sources"):
        for unique_id, table in catalog[section].items():
            node = manifest[section][unique_id]
            if not node["description"].startswith("One row per"):
                without_grain.append(unique_id)
            described = {name.lower() for name, column in node["columns"].items() if column["description"].strip()}
            undocumented += [f"{unique_id}.{name}" for name in table["columns"] if name.lower() not in described]
    assert len(catalog["nodes"]) == 24 and len(catalog["sources"]) == 6  # 19 models and 5 seeds; 6 raw tables
    assert without_grain == []
    assert undocumented == []
    # Shared columns read the same everywhere: doc blocks (models/_columns.md), rendered into the manifest.
    story_id = manifest["nodes"]["model.newsetl.fct_figures"]["columns"]["story_id"]["description"]
    assert story_id.startswith("The story the article belongs to (`dim_stories`)")


def _conflicts(warehouse, conflict_type: str) -> list[tuple]:
    return query(warehouse, """
        select outlet_a, metric_a, value_a, attribution_role_a, outlet_b, metric_b, value_b, attribution_role_b,
            period_start, period_end
        from marts.figure_conflicts where conflict_type = ? order by all""", [conflict_type])


def test_the_2016_killings_are_people_killed_for_one_outlet_and_murders_for_the_other(seed_warehouse):
    assert _conflicts(seed_warehouse, "metric_framing") == [
        (UNKNOWN_CASED, "people_killed", 760.0, "outlet", "Reuters", "murders", 760.0, "outlet",
         date(2016, 1, 1), date(2016, 12, 31)),
    ]
    # Neither outlet names a source for it.
    unattributed = {(row[0], row[1]) for row in _conflicts(seed_warehouse, "unattributed")}
    assert unattributed == {(UNKNOWN_CASED, "people_killed"), ("Reuters", "murders")}


def test_trumps_1714_shootings_stand_beside_the_police_count_of_1703_victims(seed_warehouse):
    rows = _conflicts(seed_warehouse, "politician_vs_official")
    # The politician's figure is side a; Trump's number, quoted by both outlets, beside the police's in Reuters.
    assert {(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7]) for row in rows} == {
        ("Reuters", "shootings", 1714.0, "politician", "Reuters", "shooting_victims", 1703.0, "police"),
        (UNKNOWN_CASED, "shootings", 1714.0, "politician", "Reuters", "shooting_victims", 1703.0, "police"),
    }
    explanations = [row[0] for row in query(seed_warehouse, """
        select explanation from marts.figure_conflicts
        where conflict_type = 'politician_vs_official' and outlet_a = outlet_b""")]
    assert explanations == [
        "a politician's figure beside an official one: Reuters reports 1,714 shootings (Donald Trump, politician); "
        "Reuters reports 1,703 shooting victims (police)"]
    # No outlet disagrees with another on the same metric.
    assert _conflicts(seed_warehouse, "value_conflict") == []


def test_only_reuters_quotes_rahm_emanuel_in_the_story(seed_warehouse):
    rows = query(seed_warehouse, """
        select outlet, actor, quotes, other_outlets_mentioning, other_outlets from marts.actor_quotes_exclusive""")
    assert rows == [("Reuters", "Rahm Emanuel", 1, 1, 1)]
    shares = dict(query(seed_warehouse, """
        select outlet, sum(quote_share) from marts.actor_coverage_by_source
        where story_id = (select story_id from marts.actor_quotes_exclusive) group by outlet"""))
    assert {outlet: round(share, 2) for outlet, share in shares.items()} == {"Reuters": 1.0, UNKNOWN_CASED: 1.0}


def test_dbt_unit_tests_pass_on_the_built_warehouse(seed_warehouse, tmp_path):
    """The DAG's `dbt build` leaves unit tests out (fixed inputs); they run here."""
    import dataclasses
    import shutil

    from newsetl import stages
    from newsetl.config import load_settings

    warehouse = tmp_path / "news.duckdb"
    shutil.copy(seed_warehouse, warehouse)
    results = stages.run_dbt(dataclasses.replace(load_settings(), warehouse=warehouse),
                             "test", "--select", "test_type:unit")
    assert sorted((r.node.name, str(r.status)) for r in results) == [
        ("a_bare_surname_is_the_storys_one_full_name_that_ends_in_it", "pass"),
        ("a_claim_allows_the_range_of_its_largest_figure", "pass"),
        ("a_figure_in_the_outlets_own_voice_is_the_outlets_under_its_catalog_name", "pass"),
        ("a_story_correction_wins_over_grouping", "pass"),
        ("a_story_is_named_by_its_earliest_titled_article", "pass"),
        ("a_surname_with_no_full_name_in_its_story_is_the_warehouses_dominant_one", "pass"),
        ("actors_quoted_by_one_outlet_only", "pass"),
        ("agreement_compares_the_ranges_figures_allow", "pass"),
        ("an_article_without_a_story_stands_for_itself", "pass"),
        ("conflicts_are_between_counts_of_one_people", "pass"),
        ("conflicts_are_explained_by_kind", "pass"),
        ("counts_of_different_peoples_are_not_compared", "pass"),
        ("one_name_spelled_two_ways_across_the_warehouse_takes_the_spelling_more_articles_write", "pass"),
        ("one_of_them_is_told_in_the_singular", "pass"),
        ("outlets_that_name_one_person_differently_cover_one_actor", "pass"),
        ("the_catalog_names_the_outlet_of_an_address", "pass"),
        ("the_same_claim_in_two_stories_is_two_claims", "pass"),
        ("undated_figure_takes_the_period_its_phrase_has_in_the_story", "pass"),
    ]
