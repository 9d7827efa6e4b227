"""Every input format, and every kind of bad input, read from small files the tests write."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from newsetl.ingest.articles import ingest_folder

BODY = "Police Chief Maria Lopez said there have been 42 shootings in Springfield this year, down from 57."

HTML_PAGE = f"""<!doctype html><html><head><title>Shootings fall | Springfield Ledger</title>
<meta property="og:site_name" content="Springfield Ledger">
<meta property="article:published_time" content="2024-05-03T10:00:00Z">
<meta property="og:url" content="https://www.springfieldledger.com/news/shootings-fall">
<meta property="og:title" content="Shootings fall in Springfield"></head>
<body><nav>Home | News | Sports | Weather</nav><article><h1>Shootings fall in Springfield</h1>
<p>{BODY}</p><p>"We are seeing real progress in every district of the city," Lopez said at a news conference.</p>
</article><footer>Subscribe to our newsletter. Copyright 2024.</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Capital Wire</title><link>https://capitalwire.example/</link>
<item><title>Arrests in Springfield</title><link>https://capitalwire.example/a</link><guid>cw-1</guid>
<pubDate>Sat, 04 May 2024 09:30:00 GMT</pubDate><description>Short.</description>
<content:encoded><![CDATA[<p>Springfield police made 15 arrests on Thursday, officials said.</p><p>More follows.</p>]]></content:encoded></item>
<item><title>Summary only</title><link>https://capitalwire.example/b</link><description>Tiny teaser.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Metro Desk</title>
<entry><title>Two injured</title><id>urn:md:1</id><updated>2024-05-02T08:00:00Z</updated><link href="https://metro.example/1"/>
<content type="html">&lt;p&gt;Two people were injured in a crash on Main Street, police said on Wednesday.&lt;/p&gt;</content></entry></feed>"""


def _ingest(folder: Path, **kwargs):
    result = ingest_folder(folder, **kwargs)
    return ({a.source_uri: a for a in result.articles}, {r.source_uri: r.reason for r in result.rejections}, result)


def test_every_format_loads_with_its_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(f"title: Plain text\noutlet: The Ledger\ndate: 2024-05-01\n\n{BODY}")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "j1", "text": BODY + " (jsonl)", "outlet": "Wire"}) + "\n")
    (tmp_path / "c.json").write_text(json.dumps([{"id": "k1", "text": BODY + " (json)", "published_at": "2024-05-02"}]))
    (tmp_path / "d.csv").write_text(f'id,outlet,published_at,title,text\nc1,CSV Times,2024-05-03,A title,"{BODY} (csv)"\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(HTML_PAGE)
    (tmp_path / "feed.rss").write_text(FEED)
    (tmp_path / "metro.atom").write_text(ATOM)
    articles, reasons, _ = _ingest(tmp_path)
    got = {uri: (a.source_article_id, a.outlet, a.published_date, a.title) for uri, a in articles.items()}
    assert got == {
        "a.txt": (None, "The Ledger", date(2024, 5, 1), "Plain text"),
        "b.jsonl:1": ("j1", "Wire", None, None),
        "c.json:1": ("k1", None, date(2024, 5, 2), None),
        "d.csv:2": ("c1", "CSV Times", date(2024, 5, 3), "A title"),
        "sub/page.html": (None, "Springfield Ledger", date(2024, 5, 3), "Shootings fall in Springfield"),
        "feed.rss:1": ("cw-1", "Capital Wire", date(2024, 5, 4), "Arrests in Springfield"),
        "metro.atom:1": ("urn:md:1", "Metro Desk", date(2024, 5, 2), "Two injured"),
    }
    page = articles["sub/page.html"]
    assert page.clean_text.startswith("Police Chief Maria Lopez said") and "Subscribe" not in page.clean_text
    assert page.url == "https://www.springfieldledger.com/news/shootings-fall"
    assert articles["feed.rss:1"].clean_text == "Springfield police made 15 arrests on Thursday, officials said.\n\nMore follows."
    assert reasons == {"feed.rss:2": "feed entry has no full content (summary only): not an article"}


def test_outlet_from_dateline_or_url_domain_and_archive_copies(tmp_path):
    lines = [{"text": "WASHINGTON (AP) — The Senate voted on Tuesday to fund 20 new police posts."},
             {"text": "The city council approved 12 new officers for the downtown district.",
              "url": "https://web.archive.org/web/20170630120000/https://www.reuters.com/article/us-x"},
             {"text": "Springfield reported 3 burglaries on the east side last night.",
              "url": "https://www.springfieldledger.com/a/1"},
             {"text": "No metadata at all in this article about 4 arrests downtown."}]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(line) for line in lines))
    articles, _, _ = _ingest(tmp_path)
    assert [articles[f"x.jsonl:{i}"].outlet for i in range(1, 5)] == [
        "Associated Press", "Reuters", "springfieldledger.com", None]


def test_non_utf8_text_is_decoded(tmp_path):
    text = "The café owner said “three men” were arrested — police confirmed it on Friday."
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin1.txt").write_bytes("Le café du coin a été cambriolé trois fois cette année, selon la police.".encode("latin-1"))
    articles, reasons, _ = _ingest(tmp_path)
    assert articles["cp1252.txt"].clean_text == text
    assert articles["latin1.txt"].clean_text.startswith("Le café du coin a été cambriolé")
    assert reasons == {}


def test_every_kind_of_bad_input_is_quarantined_with_its_reason_and_good_rows_load(tmp_path):
    good = {"text": "Police said 7 people were arrested after the protest downtown on Sunday."}
    (tmp_path / "mixed.jsonl").write_text("\n".join([
        json.dumps(good), "{not json", json.dumps({"text": 42}), json.dumps({"text": "   \n  "}),
        json.dumps({"text": "Article with a NUL \u0000 character inside the body text."}),
        json.dumps({"text": "An article from the future about 3 arrests.", "published_at": "2999-01-01"}),
        json.dumps({"text": "An article with a date nobody can read, 5 arrests.", "published_at": "last Tuesday"}),
        json.dumps({"text": "x'); drop table raw.articles; -- 9 arrests were made", "outlet": "x'); drop table audit.quarantine; --"}),
    ]))
    (tmp_path / "empty.txt").write_text("  \n\t \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "undecodable.txt").write_bytes(b"police report \x81\x8d\x8f\x90\x9d " * 5)
    (tmp_path / "big.txt").write_text("arrests " * 400)
    (tmp_path / "bad.csv").write_text("headline,body\nA,B\n")
    (tmp_path / "bad.json").write_text('{"text": ')
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("A secret file outside the landing folder with 99 arrests.")
    os.symlink(outside, tmp_path / "link.txt")
    (tmp_path / "notes.txt~").write_text("editor leftover")
    articles, reasons, _ = _ingest(tmp_path, max_article_chars=1000)
    assert sorted(articles) == ["mixed.jsonl:1", "mixed.jsonl:8"]
    assert articles["mixed.jsonl:8"].outlet == "x'); drop table audit.quarantine; --"
    assert reasons == {
        "mixed.jsonl:2": "invalid JSON: Expecting property name enclosed in double quotes at column 2",
        "mixed.jsonl:3": "field 'text' must be a string, got int",
        "mixed.jsonl:4": "text is empty or too short (0 characters after cleaning)",
        "mixed.jsonl:5": "text contains NUL characters",
        "mixed.jsonl:6": "published_at 2999-01-01 is in the future",
        "mixed.jsonl:7": "published_at 'last Tuesday' is not an ISO 8601 date",
        "empty.txt": "text is empty or too short (0 characters after cleaning)",
        "binary.txt": "binary content: NUL bytes",
        "undecodable.txt": "undecodable bytes: not UTF-8 (byte 14: invalid start byte), cp1252 or latin-1",
        "big.txt": "text too long: 3,200 characters (limit 1,000; NEWSETL_MAX_ARTICLE_CHARS)",
        "bad.csv": "CSV header row has no 'text' column",
        "bad.json": "invalid JSON: Expecting value at line 1 column 10",
        "slides.pptx": "unsupported file type '.pptx' (expected one of .atom, .csv, .htm, .html, .json, .jsonl, .rss, .txt, .xml)",
        "link.txt": "symbolic link points outside the landing folder (not read)",
    }


def test_oversize_file_is_not_read(tmp_path):
    (tmp_path / "huge.jsonl").write_text(json.dumps({"text": "y " * 3000}))
    _, reasons, _ = _ingest(tmp_path, max_article_chars=1000)
    assert reasons == {"huge.jsonl": "file too large: 6,012 bytes (limit 4,000; NEWSETL_MAX_FILE_BYTES)"}


def test_unchanged_files_are_skipped_and_changed_files_reread(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY)
    first = ingest_folder(tmp_path)
    known_files = {f.source_path: f for f in first.files}
    known_ids = {a.article_id for a in first.articles}
    again = ingest_folder(tmp_path, known_ids, known_files)
    assert (again.unchanged_files, again.files, again.articles) == (1, [], [])
    os.utime(path, ns=(1, 1))  # touched, same bytes: hashed, not parsed
    touched = ingest_folder(tmp_path, known_ids, known_files)
    assert (touched.unchanged_files, touched.articles) == (1, [])
    path.write_text(BODY + " A correction was added later.")
    changed = ingest_folder(tmp_path, known_ids, known_files)
    assert [a.source_uri for a in changed.articles] == ["a.txt"] and len(changed.files) == 1


@pytest.mark.parametrize("name", [".hidden.txt", "draft.txt~", "draft.swp", "upload.part"])
def test_hidden_and_leftover_files_are_skipped(tmp_path, name):
    (tmp_path / name).write_text(BODY)
    _, reasons, result = _ingest(tmp_path)
    assert (result.articles, reasons) == ([], {})
