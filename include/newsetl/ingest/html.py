"""HTML pages and feed-entry HTML to plain text (and the page's metadata)."""

from __future__ import annotations

import re

_BLOCK_TAGS = re.compile(r"(?i)</?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>")


def page_to_text(html: str) -> tuple[str | None, dict[str, str]]:
    """Main text and metadata (title, date, outlet, url) of a page, via trafilatura.

    Dates come from the page's metadata only (no guessing from the text).
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return None, {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    title = data.get("title")
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])  # trafilatura repeats the headline as the first line
    fields = {
        "title": title, "published_at": data.get("date"), "outlet": data.get("sitename"), "url": data.get("url"),
    }
    return "\n\n".join(p.strip() for p in text.split("\n") if p.strip()), {k: v for k, v in fields.items() if v}


def fragment_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one paragraph per block."""
    import lxml.html

    marked = _BLOCK_TAGS.sub("\n\n", html)
    text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    return "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())
