"""`make run` on any folder in the input format, the public tables, and reruns that change nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.integration.conftest import make_run, query

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CONTRACT = {
    "marts.dim_articles": {"article_id", "source_article_id", "source_uri", "outlet", "published_date", "title", "story_id"},
    "marts.fct_entity_mentions": {"article_id", "entity", "entity_type", "mention_text", "start_char", "end_char"},
    "marts.fct_quotes": {"article_id", "speaker", "quote_text"},
    "marts.fct_figures": {"article_id", "value", "metric", "qualifier", "period_start", "period_end", "location",
                          "attributed_to", "mention_text", "sentence"},
    "marts.crime_figures_by_source": {"story_id", "metric", "location", "period_start", "period_end", "outlet", "value",
                                      "n_outlets", "min_value", "max_value", "agreement"},
    "marts.actor_coverage_by_source": {"story_id", "actor", "outlet", "mentions", "quotes"},
    "audit.quarantine": {"source_uri", "reason", "quarantined_at"},
    "audit.validation_results": {"load_id", "suite", "expectation", "success", "unexpected_count", "validated_at"},
}

TXT_ARTICLE = """title: Shootings fall in Springfield
outlet: Springfield Ledger
date: 2024-05-03

Police Chief Maria Lopez said on Friday that there have been 42 shootings in Springfield this year, down from 57 over the same period last year.
"We are seeing real progress in every district of the city," Lopez said.
"""

WIRE_3 = ("Mayor Tom Reed said four people were shot in Springfield on Saturday night, one fatally. "
          "The shooting happened outside a restaurant on the east side of the city, where officers found "
          "shell casings in the parking lot. Detectives were still looking for witnesses and asked anyone "
          "with video from the area to contact the police department as soon as possible.")
JSONL_LINES = [
    {"id": "wire-1", "outlet": "Capital Wire", "published_at": "2024-05-04T09:30:00Z",
     "title": "Springfield police make 15 arrests, seize 9 guns",
     "text": "Springfield police made 15 arrests on Thursday. Police Chief Maria Lopez told reporters that more than 30 people were shot in Springfield last year."},
    "this line is not JSON",
    {"id": "wire-2", "outlet": "Capital Wire", "text": 12345},
    {"id": "wire-3", "outlet": "Capital Wire", "published_at": "2024-05-05",
     "text": WIRE_3},
]
SYNDICATED = WIRE_3 + "\n\nReporting by Jane Doe; Editing by John Roe"


@pytest.fixture(scope="module")
def landing(tmp_path_factory):
    folder = tmp_path_factory.mktemp("landing")
    (folder / "ledger").mkdir()
    (folder / "ledger" / "shootings.txt").write_text(TXT_ARTICLE, encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in JSONL_LINES) + "\n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    (folder / "syndicated.txt").write_text(f"outlet: Valley Herald\ndate: 2024-05-06\n\n{SYNDICATED}", encoding="utf-8")
    warehouse = tmp_path_factory.mktemp("custom") / "custom.duckdb"
    output = make_run(folder, warehouse)
    return folder, warehouse, output


def test_make_run_reads_txt_and_jsonl_from_any_folder(landing):
    _, warehouse, output = landing
    rows = query(warehouse, "select source_uri, source_article_id, outlet, published_date, title from marts.dim_articles order by source_uri")
    assert rows == [
        ("ledger/shootings.txt", None, "Springfield Ledger", date(2024, 5, 3), "Shootings fall in Springfield"),
        ("syndicated.txt", None, "Valley Herald", date(2024, 5, 6), None),
        ("wire.jsonl:1", "wire-1", "Capital Wire", date(2024, 5, 4), "Springfield police make 15 arrests, seize 9 guns"),
        ("wire.jsonl:4", "wire-3", "Capital Wire", date(2024, 5, 5), None),
    ]
    assert "4 articles" in output


def test_syndicated_copy_is_linked_and_counted_once(landing):
    _, warehouse, _ = landing
    linked = query(warehouse, """select copy.source_uri, original.source_uri from marts.dim_articles as copy
                                 inner join marts.dim_articles as original on original.article_id = copy.original_article_id
                                 where copy.is_near_duplicate""")
    assert linked == [("syndicated.txt", "wire.jsonl:4")]
    outlets = {r[0] for r in query(warehouse, "select outlet from marts.crime_figures_by_source")}
    assert "Valley Herald" not in outlets and "Capital Wire" in outlets
    assert query(warehouse, "select count(*) from marts.fct_figures where outlet = 'Valley Herald'") == [(2,)]


def test_bad_inputs_are_quarantined_with_a_reason_beside_the_good_rows(landing):
    _, warehouse, _ = landing
    rows = dict(query(warehouse, "select source_uri, reason from audit.quarantine"))
    assert rows["wire.jsonl:2"].startswith("invalid JSON")
    assert rows["wire.jsonl:3"] == "field 'text' must be a string, got int"
    assert rows["notes.docx"].startswith("unsupported file type '.docx'")
    assert len(rows) == 3


def test_figures_of_the_custom_articles(landing):
    _, warehouse, _ = landing
    rows = set(query(warehouse, "select value, metric, qualifier, period_start, period_end, location from marts.fct_figures"))
    assert rows >= {
        (42.0, "shootings", "exact", date(2024, 1, 1), date(2024, 5, 3), "Springfield"),
        (57.0, "shootings", "exact", date(2023, 1, 1), date(2023, 5, 3), "Springfield"),
        (15.0, "arrests", "exact", date(2024, 5, 2), date(2024, 5, 2), "Springfield"),  # "on Thursday"
        (30.0, "shooting_victims", "more_than", date(2023, 1, 1), date(2023, 12, 31), "Springfield"),
        (4.0, "shooting_victims", "exact", date(2024, 5, 4), date(2024, 5, 4), "Springfield"),
        (1.0, "people_killed", "exact", date(2024, 5, 4), date(2024, 5, 4), "Springfield"),
    }
    speakers = query(warehouse, "select speaker from marts.fct_quotes")
    assert speakers == [("Maria Lopez",)]
    # The title's "15 arrests" is the text's figure, once; its "9 guns" only the title gives.
    headline = query(warehouse, """select value, metric, mention_text, sentence, location, outlet
                                   from marts.fct_figures where in_headline""")
    assert headline == [(9.0, "other", "9", "Springfield police make 15 arrests, seize 9 guns", "Springfield",
                         "Capital Wire")]
    assert query(warehouse, "select count(*) from marts.fct_figures where value = 15") == [(1,)]


def test_every_contract_table_has_its_columns(landing):
    _, warehouse, _ = landing
    for table, columns in CONTRACT.items():
        schema, name = table.split(".")
        found = {r[0] for r in query(warehouse, "select column_name from information_schema.columns where table_schema = ? and table_name = ?", [schema, name])}
        assert columns <= found, (table, columns - found)


def _snapshot(warehouse) -> dict[str, list[tuple]]:
    tables = query(warehouse, """select table_schema, table_name from information_schema.tables
                                 where table_schema in ('raw', 'audit', 'marts', 'reference') order by 1, 2""")
    return {f"{s}.{t}": sorted(query(warehouse, f'select * from "{s}"."{t}"'), key=repr) for s, t in tables}


def test_running_twice_leaves_every_table_identical(landing):
    folder, warehouse, _ = landing
    before = _snapshot(warehouse)
    output = make_run(folder, warehouse)
    assert "nothing new" in output
    # As under the scheduler, the downstream DAGs have nothing to do and are not started.
    assert "extract_article_facts    not started: every article is already extracted" in output
    assert "build_marts              not started: the marts, docs and report are newer" in output
    after = _snapshot(warehouse)
    assert before.keys() == after.keys() and len(before) >= 15
    for table in before:
        assert before[table] == after[table], table


def test_articles_of_an_older_extractor_are_named_and_extracted_again_when_asked(landing):
    """After an upgrade, `make run` says how many articles an older extractor did instead of
    "nothing to do"; `make run REEXTRACT=1` extracts them again, replacing their rows."""
    import duckdb

    from newsetl.extract import EXTRACTOR_VERSION

    folder, warehouse, _ = landing
    figures = "select article_id, value, metric, qualifier, extractor_version from raw.figures order by all"
    before = query(warehouse, figures)
    older = f"replace(load_id, 'facts-{EXTRACTOR_VERSION}-', 'facts-0.9.0-')"  # as version 0.9.0 would have loaded
    with duckdb.connect(str(warehouse)) as connection:
        for table in ("raw.extractions", "raw.figures", "raw.entity_mentions", "raw.quotes"):
            connection.execute(f"update {table} set extractor_version = '0.9.0', load_id = {older}")
        for table in ("audit.loads", "audit.validation_results"):
            connection.execute(f"update {table} set load_id = {older}")
    articles = query(warehouse, "select count(*) from raw.extractions")[0][0]
    output = make_run(folder, warehouse)
    assert (f"extract_article_facts    not started: every article is already extracted ({articles} by extractor "
            f"0.9.0, older than {EXTRACTOR_VERSION}: make run REEXTRACT=1 extracts them again)") in output
    output = make_run(folder, warehouse, "REEXTRACT=1")
    assert "extract_article_facts    running ... done in" in output
    assert query(warehouse, "select distinct extractor_version from raw.extractions") == [(EXTRACTOR_VERSION,)]
    assert query(warehouse, figures) == before  # the same figures, once each, from the current extractor


def test_going_back_to_an_earlier_extractor_extracts_again_when_asked(landing):
    """This version's load of these articles is in audit.loads from the first run; a newer
    extractor (simulated as 9.9.9) replaced its rows since. REEXTRACT=1 must load it again,
    not take the old audit record for the rows the articles hold now."""
    import duckdb

    from newsetl.extract import EXTRACTOR_VERSION

    folder, warehouse, _ = landing
    figures = "select article_id, value, metric, qualifier, extractor_version from raw.figures order by all"
    before = query(warehouse, figures)
    current_loads = query(warehouse, f"select load_id from audit.loads where load_id like 'facts-{EXTRACTOR_VERSION}-%'")
    assert current_loads  # the record that used to make the downgrade look done already
    newer = f"replace(load_id, 'facts-{EXTRACTOR_VERSION}-', 'facts-9.9.9-')"
    with duckdb.connect(str(warehouse)) as connection:
        for table in ("raw.extractions", "raw.figures", "raw.entity_mentions", "raw.quotes"):
            connection.execute(f"update {table} set extractor_version = '9.9.9', load_id = {newer}")
        connection.execute(f"insert into audit.loads select {newer}, stage, row_counts, now() from audit.loads "
                           f"where load_id like 'facts-{EXTRACTOR_VERSION}-%'")
    articles = query(warehouse, "select count(*) from raw.extractions")[0][0]
    output = make_run(folder, warehouse)
    assert (f"every article is already extracted ({articles} by extractor 9.9.9, other than {EXTRACTOR_VERSION}: "
            "make run REEXTRACT=1 extracts them again)") in output
    output = make_run(folder, warehouse, "REEXTRACT=1")
    assert "extract_article_facts    running ... done in" in output
    assert query(warehouse, "select distinct load_id from raw.extractions") == current_loads
    assert query(warehouse, "select distinct extractor_version from raw.extractions") == [(EXTRACTOR_VERSION,)]
    assert query(warehouse, figures) == before
