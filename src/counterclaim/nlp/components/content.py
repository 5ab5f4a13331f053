"""Finds where article content ends and site furniture (navigation, tag lists, bylines) begins.

Pages scraped from news sites end with menus naming groups ("Islamic State /
Al-Shabaab / Boko Haram"), tag lists and author bios. Read as content they
would put uninvolved groups into the record, so later components only look
before ``doc._.content_end``. The cut is decided by layout, from the end of
the document backwards: lines that start with a known boilerplate prefix, runs
of short lines without sentence punctuation, and a closing author bio.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.extensions import register_extensions

#: Characters that end a sentence-like line (closing quotes and brackets after the stop included).
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$|[\"”’]$")


@cache
def _bio_pattern() -> re.Pattern[str]:
    roles = "|".join(re.escape(r) for r in load_lexicon("boilerplate")["bio_roles"])
    name = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
    return re.compile(rf"^{name}\s+(?:is|was|writes)\s+(?:a|an|the)\b.{{0,120}}?\b(?:{roles})s?\b")


def _is_marker(line: str, max_words: int) -> bool:
    """A line opening with a boilerplate prefix ("Tags:", "Read more", "Reporting by") and not a long paragraph."""
    lowered = line.lower()
    prefixes = load_lexicon("boilerplate")["prefixes"]
    return len(line.split()) <= max_words and any(lowered.startswith(p) for p in prefixes)


def is_menu_line(line: str, max_words: int = 12) -> bool:
    """A short line without sentence punctuation: a menu entry, a tag, a link title."""
    return len(line.split()) <= max_words and not SENTENCE_END.search(line)


def content_end(text: str, menu_words: int = 12, marker_words: int = 30) -> int:
    """Character offset just after the last line of article content in ``text``.

    Scans lines from the end and stops at the first line that reads as prose.
    The whole text is content when no line does (a headline-only snippet).
    """
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]+", text)]
    bio_seen = False
    for start, end, line in reversed(lines):
        if not line:
            continue
        if _is_marker(line, marker_words) or is_menu_line(line, menu_words):
            continue
        if not bio_seen and _bio_pattern().match(line):
            bio_seen = True
            continue
        return start + len(text[start:end].rstrip())
    return len(text)


#: A line reads as a full sentence of the body when it has this many words and ends like a sentence.
LEDE_WORDS = 12


def body_start(text: str) -> int:
    """Where the body begins: the first line of ``LEDE_WORDS`` words or more that ends like a sentence.

    What comes before (masthead, headline, standfirst, byline) summarises in
    the present tense what the body reports in the past.
    """
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip().rstrip("\"'”’")
        if len(stripped.split()) >= LEDE_WORDS and stripped[-1:] in (".", "!", "?"):
            return position
        position += len(line)
    return 0


class ContentBoundary:
    """Sets ``doc._.content_end``: where article content ends."""

    def __init__(self, nlp: Language, name: str, menu_words: int, marker_words: int) -> None:
        register_extensions()
        self.name = name
        self.menu_words = menu_words
        self.marker_words = marker_words

    def __call__(self, doc: Doc) -> Doc:
        doc._.content_end = content_end(doc_text(doc), self.menu_words, self.marker_words)
        return doc


@Language.factory("cc_content", default_config={"menu_words": 12, "marker_words": 30})
def make_content(nlp: Language, name: str, menu_words: int, marker_words: int) -> ContentBoundary:
    return ContentBoundary(nlp, name, menu_words, marker_words)
