import random

from newsetl.ingest.near_duplicates import (
    MIN_SIMILARITY,
    SIGNATURE_BITS,
    NearDuplicate,
    find_near_duplicates,
    hamming,
    jaccard,
    shingles,
    signature,
    stored_signature,
    words,
)

HEADLINE = "City Council Approves $412 Million Budget After Late-Night Debate"
BODY = """The Riverton City Council voted 7-2 early Wednesday to approve a $412 million operating budget for the coming fiscal year, ending weeks of tense negotiations over police staffing, library hours and a proposed property tax increase.
The spending plan raises the property tax rate by 1.5 percent, less than the 3 percent increase Mayor Linda Okafor had requested in March. Council members trimmed the difference by delaying the purchase of new fire engines and freezing hiring in several administrative departments.
"Nobody got everything they wanted, but this budget keeps our streets safe and our libraries open," said Council President Marcus Hale, who brokered the final compromise shortly after midnight.
The budget adds 14 police officers, restores Sunday hours at four neighborhood libraries and sets aside $6.2 million for road repairs on the city's east side. It also funds a pilot program that sends mental health counselors, rather than officers, to some emergency calls.
The two dissenting members, Rosa Delgado and Tom Whitfield, argued that the tax increase would burden homeowners already struggling with rising costs. Whitfield said the city should have drawn more heavily on its $30 million reserve fund instead.
Okafor is expected to sign the budget later this week. The new fiscal year begins July 1."""
ORIGINAL = f"{HEADLINE}\n{BODY}"

# Wire copy as another outlet ran it: its own first line and the agency's credit line.
SYNDICATED = (
    f"Riverton passes budget with smaller tax hike than mayor sought\n{BODY}\n"
    "Reporting by Jane Doe; Editing by John Roe"
)

# The same words after another pipeline's formatting: upper case, one line, spaced-out
# commas, straight quotes doubled, a curly apostrophe.
REFORMATTED = (
    " ".join(ORIGINAL.upper().split()).replace(",", " ,").replace('"', "''").replace("'S ", "’S ")
)

# A copy of the syndicated copy: a new prefix, a credit and a paragraph added.
UPDATED = "UPDATE 1-" + SYNDICATED.replace(
    "Reporting by",
    "Additional reporting by Sam Poe.\nCouncil staff said a detailed breakdown of the spending "
    "plan will be posted on the city website by Friday, and residents can comment on it at a "
    "hearing next month.\nReporting by",
)

# Another outlet's own story on the same vote: same facts and names, its own sentences.
REWRITTEN = """Riverton homeowners will pay more in property taxes next year after the City Council on Wednesday adopted a $412 million budget by a 7-2 vote.
The increase of 1.5 percent is half of what Mayor Linda Okafor proposed this spring. To close the gap, the council postponed buying fire engines and froze some administrative hiring, according to a summary released by the city's finance office.
Council President Marcus Hale defended the plan as a fair compromise that protects public safety and keeps neighborhood branches open. Library advocates, who packed the chamber for much of the evening, cheered when Sunday hours were restored at four locations.
The plan also pays for 14 additional police officers and $6.2 million in street repairs, mostly east of the river, along with a trial program pairing counselors with dispatchers on certain emergency calls.
Council members Rosa Delgado and Tom Whitfield voted against the budget, saying residents are already stretched by higher prices. Whitfield urged colleagues to tap the city's $30 million rainy-day fund rather than raise taxes.
The mayor has said she will sign the measure, and the budget takes effect when the fiscal year starts on July 1."""


def _link(copy_id: str, copy: str, original_id: str, original: str) -> NearDuplicate:
    """The row expected when ``copy`` is linked straight to ``original``."""
    return NearDuplicate(
        article_id=copy_id,
        original_article_id=original_id,
        distance=hamming(signature(copy), signature(original)),
        similarity=round(jaccard(shingles(copy), shingles(original)), 4),
    )


def _reference_simhash(text: str) -> int:
    """The textbook bit-by-bit SimHash, to check the byte-column shortcut against."""
    votes = [0] * SIGNATURE_BITS
    for shingle in shingles(text):
        value = int.from_bytes(shingle, "big")
        for bit in range(SIGNATURE_BITS):
            votes[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit, vote in enumerate(votes) if vote > 0)


def test_texts_are_news_sized():
    assert 150 <= len(words(ORIGINAL)) <= 250 and 150 <= len(words(REWRITTEN)) <= 250


def test_syndicated_copy_with_new_first_line_and_credit_is_linked():
    rows = find_near_duplicates([("copy", SYNDICATED)], [("orig", ORIGINAL)])
    assert rows == [_link("copy", SYNDICATED, "orig", ORIGINAL)]
    assert rows[0].distance <= 6 and rows[0].similarity >= 0.85


def test_copy_differing_only_in_case_spacing_and_punctuation_is_identical_to_the_hash():
    assert REFORMATTED != ORIGINAL and words(REFORMATTED) == words(ORIGINAL)
    rows = find_near_duplicates([("copy", REFORMATTED)], [("orig", ORIGINAL)])
    assert rows == [NearDuplicate("copy", "orig", distance=0, similarity=1.0)]


def test_rewritten_story_on_the_same_vote_is_not_linked():
    assert jaccard(shingles(ORIGINAL), shingles(REWRITTEN)) < 0.1
    assert find_near_duplicates([("other", REWRITTEN)], [("orig", ORIGINAL)]) == []
    # Even with every pair a SimHash candidate, the shingle check turns it down.
    assert find_near_duplicates([("other", REWRITTEN)], [("orig", ORIGINAL)], max_distance=64) == []


def test_chains_collapse_to_the_root_article():
    new = [("orig", ORIGINAL), ("copy", SYNDICATED), ("copy-of-copy", UPDATED)]
    expected = [
        _link("copy", SYNDICATED, "orig", ORIGINAL),
        _link("copy-of-copy", UPDATED, "orig", ORIGINAL),
    ]
    assert find_near_duplicates(new, []) == expected
    # The copy of the copy is only confirmed against the copy, and still points to the root.
    assert jaccard(shingles(UPDATED), shingles(ORIGINAL)) < 0.8 <= jaccard(shingles(UPDATED), shingles(SYNDICATED))
    assert find_near_duplicates(new, [], min_similarity=0.8) == expected
    assert find_near_duplicates(new[1:], [("orig", ORIGINAL)], min_similarity=0.8) == expected


def test_existing_articles_are_preferred_and_ties_go_to_the_first():
    rows = find_near_duplicates([("reprint", REFORMATTED), ("copy", SYNDICATED)], [("wire", ORIGINAL)])
    assert [(r.article_id, r.original_article_id) for r in rows] == [("reprint", "wire"), ("copy", "wire")]
    # Two existing articles the copy is equally close to: the one listed first wins.
    both = [("wire", ORIGINAL), ("wire-caps", REFORMATTED)]
    assert find_near_duplicates([("copy", SYNDICATED)], both)[0].original_article_id == "wire"
    assert find_near_duplicates([("copy", SYNDICATED)], both[::-1])[0].original_article_id == "wire-caps"
    # Existing articles are originals only, never linked among themselves.
    assert find_near_duplicates([], both) == []


def test_highest_similarity_wins_over_input_order():
    longer = SYNDICATED + "\nCouncil staff said a detailed breakdown will be posted online."
    existing = [("orig", ORIGINAL), ("synd", SYNDICATED)]
    rows = find_near_duplicates([("longer", longer)], existing)
    assert rows == [_link("longer", longer, "synd", SYNDICATED)]
    assert rows[0].similarity > jaccard(shingles(longer), shingles(ORIGINAL)) >= MIN_SIMILARITY


def test_short_texts_never_match():
    seven = "Council approves budget after long night debate."
    eight = "Council approves budget after long night debate today."
    assert len(words(seven)) == 7 and len(words(eight)) == 8
    assert find_near_duplicates([("b", seven.upper())], [("a", seven)]) == []
    assert find_near_duplicates([("a", seven), ("b", seven + "!")], []) == []
    assert find_near_duplicates([("b", eight.upper())], [("a", eight)]) == [NearDuplicate("b", "a", 0, 1.0)]
    assert find_near_duplicates([("b", ""), ("c", "  ")], [("a", "")]) == []


def test_the_same_article_listed_twice_is_not_its_own_copy():
    assert find_near_duplicates([("orig", ORIGINAL)], [("orig", ORIGINAL)]) == []


def test_signature_fits_a_signed_bigint_and_is_deterministic():
    texts = [ORIGINAL, SYNDICATED, REWRITTEN, "short text", ""]
    signatures = [signature(t) for t in texts]
    assert all(-(2**63) <= s < 2**63 for s in signatures)
    assert any(s < 0 for s in signatures)  # the high bit set reads as negative
    assert signatures == [signature(t) for t in texts]
    # A fixed value: blake2b shingle hashes, not Python's per-process hash().
    assert signature("The quick brown fox jumps over the lazy dog") == 8624727436966258293
    assert signature("") == 0
    for text in texts:
        assert signature(text) % 2**64 == _reference_simhash(text)


def test_hamming_reads_signed_and_unsigned_patterns_alike():
    assert hamming(-1, 2**64 - 1) == 0 and hamming(-1, 0) == 64 and hamming(-(2**63), 0) == 1
    assert hamming(signature(ORIGINAL), signature(REFORMATTED)) == 0


def test_thousands_of_distinct_texts_are_not_linked():
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choices(letters, k=rng.randint(2, 9))) for _ in range(2000)]
    texts = [(f"a{i}", " ".join(rng.choices(vocabulary, k=rng.randint(80, 200)))) for i in range(3000)]
    assert find_near_duplicates(texts[1000:], texts[:1000]) == []
    # The same batch with one planted copy finds just that one.
    copy = ("copy", "Breaking: " + texts[42][1].upper() + " Reporting by Jane Doe")
    rows = find_near_duplicates([*texts[1000:2000], copy, *texts[2000:]], texts[:1000])
    assert [(r.article_id, r.original_article_id) for r in rows] == [("copy", "a42")]


def test_stored_signatures_spare_reading_texts_that_are_not_candidates():
    reads: list[str] = []

    def reader(article_id: str, text: str):
        return lambda: reads.append(article_id) or text

    existing = [("orig", reader("orig", ORIGINAL)), ("other", reader("other", REWRITTEN)), ("brief", reader("brief", "Short."))]
    known = {"orig": stored_signature(ORIGINAL), "other": stored_signature(REWRITTEN), "brief": stored_signature("Short.")}
    assert known["brief"] is None and known["orig"] == signature(ORIGINAL)
    rows = find_near_duplicates([("copy", SYNDICATED)], existing, known=known)
    assert rows == find_near_duplicates([("copy", SYNDICATED)], [("orig", ORIGINAL), ("other", REWRITTEN)])
    assert [row.original_article_id for row in rows] == ["orig"]
    assert reads == ["orig"]  # only the candidate's text was read
