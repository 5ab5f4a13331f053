"""The publication date of a web article, read from its header lines.

Relative days ("on Sunday", "yesterday") are counted from the day an article
was published, but scraped text rarely carries it as metadata: it sits in the
lines between the headline and the body, in many layouts ("Published 30 March
2021", "Issued on: 13/12/2019", "Wednesday, June 18, 2014", "Outlet, Place —
8 July 2024") or in the wire dateline that opens the body ("MOGADISHU, Aug. 3,
2024 (AP) —"), or glued before the first paragraph ("date 2023-01-30 The
blast ..."). A labelled publication date wins over an unlabelled date line,
that over the dateline's day, that over a date standing alone on a line
further down the top of the page (below a photo caption that ended the
header early); an "Updated" date is used only when nothing else is found,
since the attack is counted from the first publication, or when an
unlabelled date comes after it (a masthead's "today", not the story's day:
a page is published before it is updated). Of several unlabelled header
dates the earliest is the story's, for the same reason: a masthead's
"today" above a byline's day is later.
Vocabulary: ``lexicons/published.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.components.content import SENTENCE_END
from counterclaim.nlp.dates import DateHit, dates_in_text

#: A time of day with its zone, written before or after a header date ("02:55 AM", "7:02 PM GMT", "09.15").
CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?"
#: What may stand right before an unlabelled header date: nothing, or a separator ("Analysis — 8 July 2024"),
#: then perhaps the time ("/ 02:55 AM August 27, 2011").
SEPARATOR_BEFORE = re.compile(rf"(?:^|[—–|·•,:/-])\s*(?:{CLOCK}\s*)?$")
#: What may follow a date that stands alone on its line: a separator, the time, nothing else.
ALONE_AFTER = re.compile(rf"[\s,|·•/—–-]*(?:(?:at\s+)?{CLOCK})?\s*$")
#: What sets a date that opens a line apart from the text after it ("Tuesday 23 May 2017 — This page ...").
SEPARATOR_AFTER = re.compile(r"\s*[—–|·•]")


@dataclass(frozen=True)
class Published:
    """A publication date found in the text, with where it was read and how."""

    date: dt.date
    start: int
    end: int
    rule: str
    confidence: float


@cache
def _label_pattern(key: str) -> re.Pattern[str]:
    labels = sorted(load_lexicon("published")[key], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(label) for label in labels) + r")\b\s*:?", re.IGNORECASE)


def _header_lines(text: str) -> list[tuple[int, str, bool]]:
    """The top lines as ``(offset, line, is_body)``; a body line is long prose (a lead paragraph)."""
    lex = load_lexicon("published")
    out = []
    for m in re.finditer(r"[^\n]+", text[: lex["max_header_chars"]]):
        line = m.group().strip()
        if not line:
            continue
        body = len(line.split()) > lex["body_min_words"] and bool(SENTENCE_END.search(line))
        if body and _dated(line):
            body = False  # a page's date glued before the lead ("date 2023-01-30 The blast ..."): read it
        out.append((m.start() + m.group().index(line), line, body))
        if len(out) >= lex["max_header_lines"]:
            break
    return out


def _written(line: str) -> list[DateHit]:
    """Calendar days written in full (day, month and year) on a line."""
    return [h for h in dates_in_text(line) if h[2] is not None and h[3] == "explicit"]


def _dated(line: str) -> bool:
    """Whether a line opens with a full date, labelled or not ("date 2023-01-30 The ...", "Tuesday 23 May 2017 —")."""
    labelled = _labelled(line, "published_labels")
    written = _written(line)
    set_apart = bool(written) and written[0][0] == 0 and SEPARATOR_AFTER.match(line, written[0][1]) is not None
    return (labelled is not None and labelled[0] == 0) or set_apart


def _labelled(line: str, key: str) -> tuple[int, int, dt.date] | None:
    """The first day written after a label of ``key`` on the line; a time may come between, little else."""
    for label in _label_pattern(key).finditer(line):
        after = _written(line[label.end() :])
        between = re.sub(CLOCK, "", line[label.end() : label.end() + after[0][0]]) if after else ""
        if after and between.strip(" ,|-—–").count(" ") <= 3:  # "Updated at 12:03 p.m. ET on 2021-03-28"
            _, end, day, _ = after[0]
            return label.start(), label.end() + end, day
    return None


def _date_line(line: str, first: bool) -> tuple[int, int, dt.date] | None:
    """An unlabelled full date standing alone or after a separator on a header line.

    The headline (``first``) counts only when the date is most of it, so a
    headline about "the 3 March 2024 attack" is not taken for the publication date.
    """
    for start, end, day, _ in _written(line):
        before = line[:start]
        if not SEPARATOR_BEFORE.search(before) or _label_pattern("updated_labels").search(before):
            continue
        if first and (end - start) * 2 < len(line):
            continue
        return start, end, day
    return None


def _alone(line: str) -> tuple[int, int, dt.date] | None:
    """A full date that is its line's only content but for a weekday, a time and separators ("Friday, August 26,
    2011"): a page's date below a photo caption that ended the header early."""
    written = _written(line)
    if len(written) != 1:
        return None
    start, end, day, _ = written[0]
    if line[:start].strip(" |·•—–-") or not ALONE_AFTER.fullmatch(line, end):
        return None
    return start, end, day


def find_published(text: str, dateline: dict | None = None) -> Published | None:
    """The publication date the header of ``text`` states, or None.

    ``dateline`` is :func:`~counterclaim.nlp.components.dateline.parse_dateline`'s
    result: its day is used when no header line gives one.
    """
    lines = _header_lines(text)
    header = []
    for n, (offset, line, body) in enumerate(lines):
        if body:
            break
        header.append((n, offset, line))
    for _, offset, line in header:
        if found := _labelled(line, "published_labels"):
            return Published(found[2], offset + found[0], offset + found[1], "published.label", 0.95)
    updated = next(  # the first "Updated" date as (day, start, end): a bound here, the last resort below; it may
        # stand below a photo caption that ended the header early, as a date standing alone may
        (
            (found[2], offset + found[0], offset + found[1])
            for offset, line, _ in lines
            if (found := _labelled(line, "updated_labels")) is not None
        ),
        None,
    )
    dated = [
        (found[2], offset + found[0], offset + found[1])
        for n, offset, line in header
        if (found := _date_line(line, n == 0 and len(lines) > 1)) is not None
        # a page is published before it is updated: a later unlabelled date is the site's own day
        and (updated is None or updated[0] >= found[2])
    ]
    if dated:  # of two unlabelled dates the earlier is the story's: a masthead shows the day the page is read
        day, start, end = min(dated)
        return Published(day, start, end, "published.header", 0.85)
    if dateline and dateline.get("date"):
        return Published(dateline["date"], dateline["start"], dateline["end"], "published.dateline", 0.8)
    for offset, line, _ in lines[len(header) :]:
        if found := _alone(line):
            return Published(found[2], offset + found[0], offset + found[1], "published.alone", 0.7)
    if updated is not None:
        return Published(*updated, "published.updated", 0.6)
    return None
