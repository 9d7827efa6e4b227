import dataclasses
from datetime import date, timedelta

import pytest

from newsetl.evaluation.stories import stream_key
from newsetl.ingest.articles import ingest_folder
from newsetl.warehouse.stories import StoryCandidate, assign_stories, hashed_terms, terms, words
from tests.conftest import SEED_CASED, SEED_DATED, SEED_DIR, SEED_REUTERS

DAY = date(2019, 7, 15)
# Three made-up events of the same week, two articles each, worded differently.
SHUTDOWN = "Senate leaders strike a deal to reopen the government after a three-day shutdown over Dreamers"
SHUTDOWN_2 = "The government shutdown ends as senators back a stopgap bill; Dreamers deal promised by McConnell"
EMBASSY = "Rockets hit the US embassy compound in Baghdad; no casualties reported by the embassy staff"
EMBASSY_2 = "Baghdad embassy compound struck by rockets, the second attack on the US embassy this month"
TARIFFS = "Trump raises tariffs on Chinese steel imports to 25 percent, Beijing vows retaliation"
TARIFFS_2 = "China vows retaliation after Trump tariffs on steel imports climb to 25 percent"


def _seed_candidates() -> dict[str, StoryCandidate]:
    articles = ingest_folder(SEED_DIR).articles
    return {a.source_uri.rsplit("/", 1)[-1]: StoryCandidate(a.article_id, a.published_date, a.clean_text, a.title)
            for a in articles}


def _stream() -> list[StoryCandidate]:
    texts = [(SHUTDOWN, 0), (EMBASSY, 0), (TARIFFS, 0), (SHUTDOWN_2, 1), (EMBASSY_2, 1), (TARIFFS_2, 1)]
    return [StoryCandidate(f"a{n}", DAY + timedelta(days=days), text) for n, (text, days) in enumerate(texts)]


def test_seeds_form_two_stories_in_the_order_of_group_stories():
    seeds = _seed_candidates()
    cased, reuters, dated = seeds[SEED_CASED], seeds[SEED_REUTERS], seeds[SEED_DATED]
    stream = sorted(seeds.values(), key=stream_key)
    assert stream == [dated, reuters, cased]  # March, June, then the undated cased copy last
    result = {a.article_id: a for a in assign_stories([], stream)}
    assert result[cased.article_id].story_id == result[reuters.article_id].story_id == f"story_{reuters.article_id}"
    assert result[dated.article_id].story_id == f"story_{dated.article_id}"
    assert result[cased.article_id].matched_article_id == reuters.article_id
    assert result[cased.article_id].similarity == 0.1574


def test_seed_stories_do_not_depend_on_the_order():
    seeds = _seed_candidates()
    cased, reuters, dated = seeds[SEED_CASED], seeds[SEED_REUTERS], seeds[SEED_DATED]
    result = {a.article_id: a.story_id for a in assign_stories([], [cased, dated, reuters])}
    assert result[cased.article_id] == result[reuters.article_id] != result[dated.article_id]


def test_words_and_terms():
    assert words("Trump’s strike force: the “Chicago Crime Gun Strike Force”") == [
        "trumps", "strike", "force", "chicago", "crime", "gun", "strike", "force"]
    counts = terms(StoryCandidate("a", None, "Federal agents arrive in Chicago", "Chicago help"))
    assert counts["chicago"] == 1 + 4 and counts["chicago help"] == 4 and counts["federal agents"] == 1
    assert "in" not in counts


def test_articles_on_the_same_event_share_a_story():
    result = assign_stories([], _stream())
    assert [a.story_id for a in result] == ["story_a0", "story_a1", "story_a2", "story_a0", "story_a1", "story_a2"]
    assert [a.matched_article_id for a in result[3:]] == ["a0", "a1", "a2"]


def test_assigning_in_two_calls_gives_the_ids_of_one_call():
    stream = _stream()
    at_once = assign_stories([], stream)
    first = assign_stories([], stream[:3])
    second = assign_stories([(c, a.story_id) for c, a in zip(stream[:3], first, strict=True)], stream[3:])
    assert [a.story_id for a in first + second] == [a.story_id for a in at_once]


def test_existing_story_ids_are_kept_and_the_date_window_applies():
    stream = _stream()
    old = [(stream[0], "story_x"), (stream[1], "story_y"), (stream[2], "story_z")]
    same_week = StoryCandidate("b", DAY + timedelta(days=1), SHUTDOWN_2)
    months_later = StoryCandidate("c", DAY + timedelta(days=120), SHUTDOWN)
    result = assign_stories(old, [same_week, months_later])
    assert [(r.article_id, r.story_id) for r in result] == [("b", "story_x"), ("c", "story_c")]


def test_a_story_spans_at_most_two_days_so_a_developing_storyline_does_not_chain():
    """Regression (AllSides dev): shutdown articles of 18..23 January chained into one story, a day at a time."""
    stream = _stream()
    day_three = StoryCandidate("late", DAY + timedelta(days=2), SHUTDOWN_2 + " on Wednesday")
    result = assign_stories([], [*stream, day_three])
    assert result[3].story_id == "story_a0"  # day 1 joins the story of day 0
    assert result[-1].story_id == "story_late"  # day 2 would stretch it over three days


def test_an_undated_article_joins_the_closest_story_whatever_its_dates():
    stream = _stream()
    undated = StoryCandidate("u", None, EMBASSY_2 + " officials said")
    assert assign_stories([], [*stream, undated])[-1].story_id == "story_a1"


def test_group_stories_stage_stores_the_seed_stories_once(tmp_path):
    from newsetl import stages
    from newsetl.config import load_settings
    from newsetl.warehouse import load
    from newsetl.warehouse.schema import connect

    settings = dataclasses.replace(load_settings(), warehouse=tmp_path / "news.duckdb")
    import pandas as pd

    articles = pd.DataFrame([dataclasses.asdict(a) for a in ingest_folder(SEED_DIR).articles]).assign(load_id="test")
    with connect(settings.warehouse) as connection:
        load.insert_frame(connection, "raw.articles", articles)
    assert stages.group_stories(settings) == {"assigned": 3, "stories": 2}
    assert stages.group_stories(settings) == {"assigned": 0, "stories": 2}
    with connect(settings.warehouse) as connection:
        rows = connection.execute(
            """select a.source_uri, s.story_id, s.similarity, s.matched_article_id
               from raw.article_stories as s inner join raw.articles as a using (article_id) order by 1""").fetchall()
    reuters = _seed_candidates()[SEED_REUTERS].article_id
    assert [(uri.rsplit("/", 1)[-1], *rest) for uri, *rest in rows] == [
        (SEED_CASED, f"story_{reuters}", 0.1574, reuters),
        (SEED_REUTERS, f"story_{reuters}", None, None),
        (SEED_DATED, f"story_{_seed_candidates()[SEED_DATED].article_id}", None, None),
    ]


def _store_articles(connection, candidates: list[StoryCandidate]) -> None:
    import pandas as pd

    from newsetl.warehouse import load

    load.insert_frame(connection, "raw.articles", pd.DataFrame([{
        "article_id": c.article_id, "source_uri": f"test/{c.article_id}.txt", "published_date": c.published_date,
        "title": c.title, "raw_text": c.text, "clean_text": c.text, "is_lowercased": False, "load_id": "test"}
        for c in candidates]))


def test_stories_grouped_over_several_runs_match_one_run_in_memory(tmp_path):
    """group_stories reads stored terms, not stored texts; the stories are those of one in-memory pass."""
    from newsetl import stages
    from newsetl.config import load_settings
    from newsetl.warehouse.schema import connect

    settings = dataclasses.replace(load_settings(), warehouse=tmp_path / "news.duckdb")
    stream = [*_stream(), StoryCandidate("u", None, EMBASSY_2 + " officials said")]
    expected = {a.article_id: (a.story_id, a.matched_article_id) for a in assign_stories([], stream)}
    for part in (stream[:3], stream[3:5], stream[5:]):
        with connect(settings.warehouse) as connection:
            _store_articles(connection, part)
        stages.group_stories(settings)
    with connect(settings.warehouse) as connection:
        stored = {row[0]: tuple(row[1:]) for row in connection.execute(
            "select article_id, story_id, matched_article_id from raw.article_stories").fetchall()}
        terms_stored = connection.execute("select count(distinct article_id), count(*) from raw.article_terms").fetchall()
        # Articles grouped before terms were stored get them on the next run that has new articles.
        connection.execute("delete from raw.article_terms where article_id in ('a0', 'a3')")
        # A story removed by hand is given again, its article's stored terms not counted twice.
        connection.execute("delete from raw.article_stories where article_id = 'a4'")
        _store_articles(connection, [StoryCandidate("a6", DAY + timedelta(days=1), SHUTDOWN + ", the Senate says")])
    assert stored == expected
    assert stored["a3"] == ("story_a0", "a0") and stored["u"] == ("story_a1", "a4")
    assert terms_stored[0][0] == 7 and terms_stored[0][1] > 7 * 10
    stages.group_stories(settings)
    with connect(settings.warehouse) as connection:
        assert connection.execute("select story_id from raw.article_stories where article_id = 'a6'").fetchall() == [
            ("story_a0",)]
        assert connection.execute("select count(distinct article_id) from raw.article_terms").fetchall() == [(8,)]
        assert connection.execute("select count(*) from raw.article_terms where article_id = 'a4'").fetchall() == [
            (len(hashed_terms(stream[4])),)]
        # Same story; its closest member is now "u", a near copy grouped after a4 the first time.
        assert connection.execute("select story_id, matched_article_id from raw.article_stories "
                                  "where article_id = 'a4'").fetchall() == [("story_a1", "u")]


def test_many_new_articles_are_grouped_in_chunks_with_the_same_stories(tmp_path, monkeypatch):
    from newsetl import stages
    from newsetl.config import load_settings
    from newsetl.warehouse.schema import connect

    monkeypatch.setattr(stages, "STORY_CHUNK", 2)
    settings = dataclasses.replace(load_settings(), warehouse=tmp_path / "news.duckdb")
    stream = _stream()
    with connect(settings.warehouse) as connection:
        _store_articles(connection, stream)
    assert stages.group_stories(settings) == {"assigned": 6, "stories": 3}
    with connect(settings.warehouse) as connection:
        stored = dict(connection.execute("select article_id, story_id from raw.article_stories").fetchall())
    assert stored == {a.article_id: a.story_id for a in assign_stories([], stream)}


def test_undated_articles_are_grouped_in_smaller_chunks(monkeypatch):
    from newsetl import stages

    monkeypatch.setattr(stages, "STORY_CHUNK", 3)
    monkeypatch.setattr(stages, "STORY_CHUNK_UNDATED", 2)
    new = [("d1", False), ("d2", False), ("d3", False), ("d4", False), ("u1", True), ("u2", True), ("u3", True)]
    # The dated chunk that reaches the undated ones keeps its size; from there on, the smaller one.
    assert list(stages._story_chunks(new)) == [["d1", "d2", "d3"], ["d4", "u1", "u2"], ["u3"]]
    assert list(stages._story_chunks([])) == []


# ---------------------------------------------------------------- corrections

def test_later_articles_join_the_story_a_correction_placed_an_article_in():
    stream = _stream()
    follow_up = StoryCandidate("late", DAY + timedelta(days=1), SHUTDOWN_2 + " officials said")
    result = {a.article_id: a for a in assign_stories([], [*stream, follow_up], corrections={"a3": "story_x"})}
    # a3 is returned as grouping placed it (with a0); its near copy follows it into the corrected story.
    assert result["a3"].story_id == "story_a0"
    assert (result["late"].story_id, result["late"].matched_article_id) == ("story_x", "a3")
    # A stored article's correction counts too.
    old = [(stream[0], "story_a0"), (stream[1], "story_a1"), (stream[2], "story_a2")]
    moved = assign_stories(old, stream[3:], corrections={"a1": "story_a0"})
    assert [(a.article_id, a.story_id, a.matched_article_id) for a in moved] == [
        ("a3", "story_a0", "a0"), ("a4", "story_a0", "a1"), ("a5", "story_a2", "a2")]


def test_group_stories_reads_the_stored_stories_as_corrected(tmp_path):
    from newsetl import stages
    from newsetl.config import load_settings
    from newsetl.warehouse.schema import connect

    seeds = tmp_path / "dbt" / "seeds"
    seeds.mkdir(parents=True)
    settings = dataclasses.replace(load_settings(), warehouse=tmp_path / "news.duckdb", dbt_project_dir=seeds.parent)
    stream = _stream()
    with connect(settings.warehouse) as connection:
        _store_articles(connection, stream[:3])
    assert stages.group_stories(settings) == {"assigned": 3, "stories": 3}
    # The embassy article is given a name of its own; the tariffs article is moved in with the shutdown.
    (seeds / "story_corrections.csv").write_text(
        "article_id,story_id,note\na1,baghdad_embassy,named by hand\na2,story_a0,test\n", encoding="utf-8")
    with connect(settings.warehouse) as connection:
        _store_articles(connection, stream[3:5])
    assert stages.group_stories(settings) == {"assigned": 2, "stories": 2}
    with connect(settings.warehouse) as connection:
        stored = {row[0]: row[1:] for row in connection.execute(
            "select article_id, story_id, matched_article_id from raw.article_stories").fetchall()}
    assert stored == {"a0": ("story_a0", None), "a1": ("story_a1", None), "a2": ("story_a2", None),
                      "a3": ("story_a0", "a0"), "a4": ("baghdad_embassy", "a1")}


def test_story_corrections_file_errors_name_the_line(tmp_path):
    from newsetl.warehouse.stories import read_story_corrections

    path = tmp_path / "story_corrections.csv"
    assert read_story_corrections(path) == {}  # no file, no corrections
    path.write_text("article_id,story_id,note\n a1 ,s1,\na2,s2,why\n", encoding="utf-8")
    assert read_story_corrections(path) == {"a1": "s1", "a2": "s2"}
    for text, error in [
        ("article,story_id\na1,s1\n", "the header has no article_id column"),
        ("article_id,story_id,note\na1,,forgot\n", "line 2: a correction needs both article_id and story_id"),
        ("article_id,story_id\na1,s1\na2,s2\na1,s3\n", "line 4: article a1 is corrected already on line 2"),
    ]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match=error):
            read_story_corrections(path)
