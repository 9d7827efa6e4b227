"""Text normalisation: what extraction reads is cleaned; the raw text is kept as it came.

Character offsets of every extraction refer to the cleaned text, which is stored
next to the raw text in ``raw.articles``.
"""

from __future__ import annotations

import re
import unicodedata

# An advertisement or newsletter block pasted into the article body: a short
# run of paragraphs that opens with a vendor banner ("GlobalData Strategic
# Intelligence") or a call to subscribe, and closes with a sign-off line
# ("By GlobalData", "Sponsored by ..."). Matched as a family, not one string.
_AD_OPENERS = re.compile(
    r"^(?:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3} (?:Strategic Intelligence|Intelligence Center|Research)"
    r"|Advertisement|ADVERTISEMENT|Sponsored(?: content)?|Sign up for (?:our|the) .*newsletter.*"
    r"|Subscribe to (?:our|the) .*newsletter.*)\s*$"
)
_AD_CLOSERS = re.compile(r"^(?:By|Sponsored by|Powered by|Presented by) [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}\s*$")
_AD_ONE_LINERS = re.compile(r"^(?:Advertisement|ADVERTISEMENT|Story continues below advertisement)\s*$")
_MAX_AD_PARAGRAPHS = 6

# Penn-Treebank style tokenisation seen in wire copy: spaces around punctuation,
# quote marks and clitics ("chicago ’ s", "“ epidemic ”", "( reuters )").
_PTB_SIGNS = re.compile(r" [,.;:!?] | [’'] s\b| n[’']t\b|[“(] | [”)]")
_DETOK_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d) , (\d{3})\b"), r"\1,\2"),  # 4 , 300 -> 4,300 (before the comma rule)
    (re.compile(r" ([’']) (s|d|ll|re|ve|m)\b"), r"\1\2"),  # chicago ’ s -> chicago’s
    (re.compile(r" (n[’']t)\b"), r"\1"),  # do n't -> don't
    (re.compile(r"\b(can) (not)\b"), r"\1\2"),  # can not -> cannot (PTB splits it)
    (re.compile(r"“ "), "“"),
    (re.compile(r" ”"), "”"),
    (re.compile(r"\( "), "("),
    (re.compile(r" \)"), ")"),
    (re.compile(r" ([,.;:!?%])(?=\s|$|[”\"’)])"), r"\1"),
    (re.compile(r"\$ (\d)"), r"$\1"),
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_unicode(text: str) -> str:
    """NFC, no NUL or control characters, uniform newlines and spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def remove_ad_blocks(text: str) -> str:
    """Drop advertisement/newsletter blocks (opener ... closer within a few paragraphs)."""
    paragraphs = text.split("\n\n")
    keep: list[str] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i].strip()
        if _AD_ONE_LINERS.match(para):
            i += 1
            continue
        if _AD_OPENERS.match(para):
            window = paragraphs[i + 1 : i + 1 + _MAX_AD_PARAGRAPHS]
            closer = next((j for j, p in enumerate(window) if _AD_CLOSERS.match(p.strip())), None)
            if closer is not None:
                i += closer + 2
                continue
        keep.append(paragraphs[i])
        i += 1
    return "\n\n".join(keep)


def looks_ptb_tokenized(text: str) -> bool:
    """True for wire copy with spaces around punctuation (a few signs per 1,000 chars)."""
    return len(_PTB_SIGNS.findall(text)) * 1000 >= 5 * max(len(text), 1)


def detokenize(text: str) -> str:
    """Undo PTB-style spacing: ``“ epidemic ”`` -> ``“epidemic”``, ``chicago ’ s`` -> ``chicago’s``."""
    for pattern, replacement in _DETOK_RULES:
        text = pattern.sub(replacement, text)
    return text


def is_lowercased(text: str) -> bool:
    """True for text with (almost) no capital letters, e.g. lowercased wire copy."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 40:
        return False
    return sum(ch.isupper() for ch in letters) / len(letters) < 0.005


def clean_text(raw: str) -> str:
    """The text extraction reads: normalised, ads removed, detokenised."""
    text = remove_ad_blocks(normalise_unicode(raw))
    if looks_ptb_tokenized(text):
        text = detokenize(text)
    return text.strip()
