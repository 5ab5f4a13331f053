"""Main text and metadata of a web page, by trafilatura, with a plain fallback.

Trafilatura drops navigation, comments and footers, which would otherwise feed
the extractors menus and "related stories" about other attacks. When it finds
no main text (or cannot be imported) the page's visible text is used instead,
so a page is never lost just because boilerplate removal failed.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass

import lxml.html

from counterclaim.ingest.dates import parse_published
from counterclaim.nlp.components.content import is_menu_line


@dataclass(frozen=True)
class HtmlArticle:
    """What a page yields: the text (headline first, paragraphs split by blank lines) and its metadata."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


def extract_html(html: str) -> HtmlArticle:
    """Main text, title, date, site name and URL of ``html``; the text is empty when the page holds no prose.

    A page of navigation only (an index, a menu, a consent wall) yields link
    titles and menu entries from trafilatura and from the fallback alike: a
    text in which no line reads as a sentence is no article.
    """
    found = _trafilatura(html)
    if found is None or not (found.get("text") or "").strip():
        text = _visible_text(html)
        return HtmlArticle(text=_prose_only(text), title=(found or {}).get("title") or _page_title(html))
    title = found.get("title") or None
    return HtmlArticle(
        text=_prose_only(_with_headline(found["text"], title)),
        title=title,
        published=parse_published(found.get("date")),
        outlet=found.get("sitename") or None,
        url=found.get("url") or None,
    )


def _prose_only(text: str) -> str:
    """``text`` if any line of it reads as prose (not a menu entry, a tag or a link title), else ""."""
    return text if any(not is_menu_line(line) for line in text.splitlines() if line.strip()) else ""


def _trafilatura(html: str) -> dict | None:
    try:
        import trafilatura
    except ImportError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura warns about lxml truth-testing on every page
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None:
        return None
    return document if isinstance(document, dict) else document.as_dict()


def _with_headline(text: str, title: str | None) -> str:
    """Paragraphs separated by blank lines, like a plain-text article, the headline first."""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and (not paragraphs or paragraphs[0] != title.strip()):
        paragraphs.insert(0, title.strip())
    return "\n\n".join(paragraphs)


def _root(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _page_title(html: str) -> str | None:
    root = _root(html)
    title = root.findtext(".//title") if root is not None else None
    return title.strip() if title and title.strip() else None


def _visible_text(html: str) -> str:
    root = _root(html)
    if root is None:
        return ""
    for element in root.xpath("//script|//style|//noscript|//head"):
        element.drop_tree()
    return _with_headline(root.text_content(), None)
