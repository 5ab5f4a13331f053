"""Long texts in bounded pieces: cut at paragraph or sentence ends, analysed in turn, their records joined.

A news article is a few thousand characters; a report, a transcript or the
text of a PDF can be megabytes. spaCy refuses a text over ``nlp.max_length``
(a million characters), and below that our document-level rules, the parser's
and NER's memory grow faster than the text. So a text longer than
:data:`PIECE_CHARS` is cut into pieces of at most that many characters, each
ending at a paragraph break after a line of prose where there is one (else a
line break, else a sentence end, else a space; never inside a word), so no
sentence is split. The pieces are analysed one after another as articles of
their own, all dated like the first (its metadata date, or the date its
header or dateline states), and their records are joined: every offset moved
by where its piece starts, so evidence points into the whole stored text.
Time and memory are then linear in the length of the text.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

from counterclaim.records import ArticleRecord, Event, Evidence, Perpetrators, Span

#: Longest piece analysed at once, in characters: ten times a long news article, so an article is
#: never cut, yet small enough that every component stays near its per-character cost on news
#: (pieces of 10,000 to 50,000 characters all cost 33-35 µs of CPU per character on a 200 KB text;
#: ``bench/long_articles.py`` measures whole documents).
PIECE_CHARS = 50_000

#: Where a piece may end, best first: after a blank line that follows a line of prose, after any
#: line break, after a sentence's final stop, after a space.
_BREAKS = (
    re.compile(r"[.!?:;][\"'”’)\]]*[ \t]*\n(?:[ \t]*\n)+"),
    re.compile(r"\n+"),
    re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"),
    re.compile(r"\s+"),
)

M = TypeVar("M")


def cut(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, each at most ``limit`` characters.

    A piece ends at the best break in the second half of its window, so no
    piece is shorter than half the limit except the last.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        pieces.append((start, _break(text, start + limit // 2, end) or end))
        start = pieces[-1][1]
    pieces.append((start, len(text)))
    return pieces


def _break(text: str, low: int, high: int) -> int | None:
    """The offset after the last and best break ending between ``low`` and ``high``, or None."""
    for pattern in _BREAKS:
        found = None
        for m in pattern.finditer(text, low, high):
            found = m.end()
        if found is not None:
            return found
    return None


def shifted(value: M, offset: int) -> M:
    """``value`` with every span and evidence offset inside it moved by ``offset``."""
    if isinstance(value, Span | Evidence):
        return value.model_copy(update={"start": value.start + offset, "end": value.end + offset})
    if isinstance(value, BaseModel):
        fields = {name: shifted(getattr(value, name), offset) for name in type(value).model_fields}
        return value.model_copy(update=fields)
    if isinstance(value, list):
        return [shifted(item, offset) for item in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: shifted(item, offset) for key, item in value.items()}  # type: ignore[return-value]
    return value


def join(records: list[ArticleRecord]) -> ArticleRecord:
    """One record from the records of a document's pieces, in text order (offsets already moved).

    The document is the first piece's (with the publication date that piece
    found when the metadata had none).
    """
    return ArticleRecord(
        document=records[0].document,
        event=join_events([r.event for r in records if r.event is not None]),
        event_mentions=[e for r in records for e in r.event_mentions],
        statements=[s for r in records for s in r.statements],
        attributions=[a for r in records for a in r.attributions],
        mentions=[m for r in records for m in r.mentions],
    )


def join_events(events: list[Event]) -> Event | None:
    """The attack of a document from the attacks its pieces report, as the attack component would read it.

    The first piece to report an attack gives it (news put the attack up
    front); what it leaves unknown (the day, the toll) comes from later
    pieces in order. Every casualty figure is kept, and the perpetrators are
    everyone any piece names, as the component reads them off all statements.
    """
    if not events:
        return None
    first, rest = events[0], events[1:]
    values: dict[str, Any] = {}
    for name in ("date", "attack_type", "weapon", "killed", "injured"):
        if getattr(first, name) is None:
            source = next((e for e in rest if getattr(e, name) is not None), None)
            if source is not None:
                values[name] = getattr(source, name)
                for companion in _COMPANIONS.get(name, ()):
                    values[companion] = getattr(source, companion)
    if first.place.city is None and first.place.country is None:
        values["place"] = next((e.place for e in rest if e.place.city or e.place.country), first.place)
    values["casualties"] = [c for e in events for c in e.casualties]
    values["perpetrators"] = _join_perpetrators([e.perpetrators for e in events])
    values["groups_involved"] = list(dict.fromkeys(g for e in events for g in e.groups_involved))
    return first.model_copy(update=values)


#: Fields that travel with a value taken from a later piece (its evidence, its wording, its source).
_COMPANIONS = {
    "date": ("date_evidence",),
    "attack_type": ("attack_type_text", "suicide"),
    "killed": ("killed_source",),
    "injured": ("injured_source",),
}


def _join_perpetrators(found: list[Perpetrators]) -> Perpetrators:
    claimed = list(dict.fromkeys(name for p in found for name in p.claimed_by))
    accused, confirmed = _join_tables([p.accused for p in found]), _join_tables([p.confirmed for p in found])
    return Perpetrators(claimed_by=claimed, accused=accused, confirmed=confirmed)


def _join_tables(tables: list[dict[str, list[str]]]) -> dict[str, list[str]]:
    """Party -> speakers tables merged, first-seen order, each speaker once."""
    out: dict[str, list[str]] = {}
    for table in tables:
        for party, speakers in table.items():
            out[party] = list(dict.fromkeys([*out.get(party, []), *speakers]))
    return out
