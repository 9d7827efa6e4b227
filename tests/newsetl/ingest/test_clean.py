from newsetl.ingest.clean import (
    clean_text,
    detokenize,
    is_lowercased,
    looks_ptb_tokenized,
    remove_ad_blocks,
)


def test_vendor_ad_block_between_paragraphs_is_removed():
    text = ("First paragraph.\n\nAcme Research\n\nMarkets are shifting - will you react?\n\n"
            "Stay ahead with data.\n\nBy Acme\n\nLast paragraph.")
    assert remove_ad_blocks(text) == "First paragraph.\n\nLast paragraph."


def test_opener_without_closer_is_kept():
    text = "First.\n\nGlobalData Strategic Intelligence\n\nA real paragraph that goes on."
    assert remove_ad_blocks(text) == text


def test_single_advertisement_lines_are_removed():
    assert remove_ad_blocks("One.\n\nAdvertisement\n\nTwo.") == "One.\n\nTwo."


def test_ptb_tokenised_wire_copy_is_detokenised():
    raw = "chicago ’ s violent crime , “ epidemic ” proportions ( reuters ) - we can not accept 4 , 300 ."
    assert looks_ptb_tokenized(raw)
    assert detokenize(raw) == "chicago’s violent crime, “epidemic” proportions (reuters) - we cannot accept 4,300."


def test_normal_prose_is_not_taken_for_tokenised_text():
    assert not looks_ptb_tokenized("He said: “It works, really.” (Then he left.)")


def test_clean_text_normalises_whitespace_and_control_characters():
    assert clean_text("a\u00a0 b\x00c\r\n\r\n\r\n\r\nd") == "a bc\n\nd"


def test_lowercased_text_is_detected():
    assert is_lowercased("president donald trump said on friday he was sending federal help to chicago.")
    assert not is_lowercased("President Donald Trump said on Friday he was sending federal help to Chicago.")
