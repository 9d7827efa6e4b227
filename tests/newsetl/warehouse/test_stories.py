from datetime import date

from newsetl.ingest.articles import ingest_folder
from newsetl.warehouse.stories import StoryCandidate, assign_stories
from tests.conftest import SEED_DIR


def test_seeds_form_two_stories():
    articles = ingest_folder(SEED_DIR).articles
    candidates = [StoryCandidate(a.article_id, a.published_date, a.clean_text) for a in articles]
    stories = {a.source_uri[:3]: s.story_id for a, s in zip(articles, assign_stories([], candidates), strict=True)}
    assert stories["000"] == stories["001"] != stories["002"]


def test_existing_story_ids_are_kept_and_the_date_window_applies():
    text = "the strike force will prosecute gun cases aggressively in the city this summer"
    old = StoryCandidate("a", date(2017, 6, 30), text)
    same_week = StoryCandidate("b", date(2017, 7, 1), text + " said officials")
    months_later = StoryCandidate("c", date(2017, 12, 1), text)
    result = assign_stories([(old, "story_x")], [same_week, months_later])
    assert [(r.article_id, r.story_id) for r in result] == [("b", "story_x"), ("c", "story_c")]
