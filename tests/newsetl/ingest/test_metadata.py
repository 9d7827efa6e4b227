from datetime import date

import pytest

from newsetl.ingest.metadata import outlet_from_dateline, parse_published_date, split_header


def test_inline_date_header_is_split_from_the_text():
    header = split_header(" date 2017-03-09 Chicago Mayor Rahm Emanuel speaks")
    assert header.fields == {"published_at": "2017-03-09"}
    assert header.body == "Chicago Mayor Rahm Emanuel speaks"


def test_front_matter_lines_give_metadata():
    header = split_header("title: A story\noutlet: The Ledger\ndate: 2024-05-03\n\nBody text here.")
    assert header.fields == {"title": "A story", "outlet": "The Ledger", "published_at": "2024-05-03"}
    assert header.body.strip() == "Body text here."


def test_fenced_front_matter():
    header = split_header("---\nsource: Wire\n---\nBody.")
    assert header.fields == {"outlet": "Wire"} and header.body == "Body."


def test_text_without_header_is_untouched():
    text = "Police said: three arrests were made."
    assert split_header(text).body == text and split_header(text).fields == {}


@pytest.mark.parametrize(("text", "outlet"), [
    ("chicago/washington (reuters) - president donald trump said", "Reuters"),
    ("WASHINGTON (AP) — The Senate voted", "Associated Press"),
    ("The mayor (a Democrat) - said nothing", None),
    ("No dateline here.", None),
])
def test_outlet_from_dateline(text, outlet):
    assert outlet_from_dateline(text) == outlet


def test_published_dates():
    assert parse_published_date("2017-03-09") == date(2017, 3, 9)
    assert parse_published_date("2024-05-04T09:30:00Z") == date(2024, 5, 4)
    assert parse_published_date(None) is None and parse_published_date(" ") is None
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        parse_published_date("03/09/2017")
    with pytest.raises(ValueError, match="must be an ISO 8601 string"):
        parse_published_date(20170309)
