"""Finds where article content ends, and the site furniture inside it (captions, bylines, link lines).

Pages scraped from news sites end with menus naming groups ("Islamic State /
Al-Shabaab / Boko Haram"), tag lists and author bios. Read as content they
would put uninvolved groups into the record, so later components only look
before ``doc._.content_end``. The cut is decided by layout, from the end of
the document backwards: lines that start with a known boilerplate prefix, runs
of short lines without sentence punctuation, and a closing author bio.

Furniture also sits between the paragraphs: photo captions and credit lines
(a caption often printed twice), bylines, "Read more:" and share-button lines,
link lists, a headline repeated, and the store's date label glued before the
lead (" date 2023-01-30 The blast ..."). ``doc._.furniture`` lists their
character ranges; components leave them out, so they yield no actors,
statements or casualty figures. The component runs before the parser and
starts a sentence at each range's edges, so furniture glued to a line does
not run into the sentence beside it.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.dates import dates_in_text
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.extensions import register_extensions

#: What opens an item of a list ("- ", "• ", "► ", "2. ").
_BULLET = re.compile(r"(?:[-–•►»▪*]|\d{1,2}[.)])\s")
#: What ends a dateline made of a day alone: a colon or a dash, then the text.
_DATELINE_SEPARATOR = re.compile(r"\s*[:—–-]{1,2}(?=\s)")
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


#: A line of at least this many words, most of them in lower case, is prose cut short, not a menu entry.
PROSE_WORDS = 8


def is_menu_line(line: str, max_words: int = 12) -> bool:
    """A short line without sentence punctuation: a menu entry, a tag, a link title.

    A line that reads as prose ("Prime Minister X also condemned the attack in a s", the end of a page's excerpt
    cut mid-sentence) is no menu entry: menus and tags are mostly capitalised words.
    """
    words = line.split()
    if len(words) > max_words or SENTENCE_END.search(line):
        return False
    lower = sum(w[:1].islower() for w in words)
    return not (len(words) >= PROSE_WORDS and 2 * lower >= len(words))


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
        if _is_marker(line, marker_words) or is_menu_line(line, menu_words) or _is_share_line(line):
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


@cache
def _furniture_lexicon() -> dict:
    lex = load_lexicon("boilerplate")
    labels = "|".join(re.escape(w) for w in lex["date_labels"])
    credits = "|".join(re.escape(w) for w in sorted(lex["credit_marks"], key=len, reverse=True))
    return {
        "date_label": re.compile(rf"^\s*(?:{labels})\s*:?\s*\d{{4}}-\d{{2}}-\d{{2}}\b", re.IGNORECASE),
        "credit": re.compile(rf"(?:{credits})", re.IGNORECASE),
        "openers": tuple(lex["caption_openers"]),
        "bylines": tuple(lex["byline_prefixes"]),
        "share": frozenset(lex["share_words"]),
        "lists": frozenset(lex["list_openers"]),
    }


def _is_caption(line: str) -> bool:
    """A photo caption or credit line.

    It opens like a caption ("In this photo ..."), or its credit stands
    apart after its last sentence (". Photo/REUTERS", " — Photo by ...", a
    closing "(AP Photo/...)"), or it is a short line holding only a credit
    ("Jane Roe/Pool Photo via AP"); a sentence that speaks of a photo ("the
    group released a photo: it shows ...") is no caption.
    """
    lex = _furniture_lexicon()
    if line.lower().startswith(lex["openers"]):
        return True
    credits = list(lex["credit"].finditer(line))
    if not credits:
        return False
    stops = [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s|\s[—–|-]\s", line[: credits[-1].start()])]
    tail = line[stops[-1] if stops else 0 :].lstrip("—–|-( ")
    bracket = line.rfind("(")
    closing = line.rstrip().endswith(")") and bracket >= 0 and lex["credit"].search(line, bracket) is not None
    credit_line = len(line.split()) <= 10 and not SENTENCE_END.search(line)
    return lex["credit"].match(tail) is not None or closing or credit_line


def _is_byline(line: str) -> bool:
    """A short line naming the writer ("By Jane Doe and John Roe", "Posted by Editor on ...")."""
    lowered = line.lower()
    return len(line.split()) <= 12 and lowered.startswith(_furniture_lexicon()["bylines"]) and line[:1].isupper()


def _is_share_line(line: str) -> bool:
    """Share-button text: a short line made only of network and button names ("Facebook Twitter WhatsApp")."""
    words = re.findall(r"[a-z]+", line.lower())
    return 0 < len(words) <= 8 and all(w in _furniture_lexicon()["share"] for w in words)


def _date_label(line: str) -> int:
    """Length of the store's date label opening a line (" date 2023-01-30 "), else 0."""
    label = _furniture_lexicon()["date_label"].match(line)
    return label.end() if label else 0


def _date_opening(line: str) -> int:
    """Length of a day opening a line as its dateline ("August 1: ", "12 May 2024 — "), else 0."""
    hits = dates_in_text(line[:40])
    if not hits or hits[0][0] != 0 or hits[0][3] not in ("explicit", "inferred_year"):
        return 0
    separator = _DATELINE_SEPARATOR.match(line, hits[0][1])
    return separator.end() if separator else 0


def _normal(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.lower()))


def furniture(text: str, marker_words: int = 30) -> list[tuple[int, int]]:
    """Character ranges of the furniture inside the text: lines (or the date label opening one) that are no content.

    A repeated line (a headline or caption printed twice) is furniture from
    its second time on; so are the short lines of a link list after its
    opener ("Related", "Also read:").
    """
    lex = _furniture_lexicon()
    found: list[tuple[int, int]] = []
    seen: set[str] = set()
    listing = False
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if not line:
            continue
        start = m.start() + m.group().index(line)
        for opening in (_date_label, _date_opening):
            cut = opening(line)
            if cut:  # the store's label, or a dateline of a bare day ("August 1:"), opens the line
                found.append((start, start + cut))
                rest = line[cut:]
                start += cut + len(rest) - len(rest.lstrip())
                line = rest.strip()
        if not line:
            continue
        normal = _normal(line)
        repeated = len(normal.split()) >= 3 and normal in seen
        seen.add(normal)
        marker = _is_marker(line, marker_words) or normal in lex["lists"]
        listed = listing and (is_menu_line(line) or (_BULLET.match(line) is not None and len(line.split()) <= 15))
        if repeated or marker or listed or _is_caption(line) or _is_byline(line) or _is_share_line(line):
            found.append((start, start + len(line)))
        listing = (marker or listed) and (normal in lex["lists"] or line.endswith(":") or listed)
    return found


class ContentBoundary:
    """Sets ``doc._.content_end`` (where article content ends) and ``doc._.furniture`` (what inside it is not)."""

    def __init__(self, nlp: Language, name: str, menu_words: int, marker_words: int) -> None:
        register_extensions()
        self.name = name
        self.menu_words = menu_words
        self.marker_words = marker_words

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.content_end = content_end(text, self.menu_words, self.marker_words)
        doc._.furniture = furniture(text[: doc._.content_end], self.marker_words)
        if not doc.has_annotation("DEP") and doc._.furniture:  # glued furniture is a sentence of its own
            starts = [t.idx for t in doc]
            for edge in {edge for span in doc._.furniture for edge in span}:
                i = bisect.bisect_left(starts, edge)
                while i < len(doc) and doc[i].is_space:
                    i += 1
                if 0 < i < len(doc):
                    doc[i].is_sent_start = True
        return doc


def in_furniture(doc: Doc, offset: int) -> bool:
    """Whether the character at ``offset`` lies in furniture inside the content (``doc._.furniture``)."""
    ranges = doc._.furniture or []
    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


@Language.factory("cc_content", default_config={"menu_words": 12, "marker_words": 30})
def make_content(nlp: Language, name: str, menu_words: int, marker_words: int) -> ContentBoundary:
    return ContentBoundary(nlp, name, menu_words, marker_words)
