"""Quotation marks paired into quotations, in one pass over the text.

News copy mixes straight, curly, doubled-apostrophe and angle quotes, leaves
marks unbalanced, and opens each paragraph of a long quotation with a fresh
mark but closes only the last one. Pairing here follows those conventions and
never lets a missing closing mark swallow the rest of the document: an
unclosed quotation ends with its paragraph (or ``max_chars`` after its start).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

#: One alternation for every mark and paragraph break: the text is scanned once.
_MARKS = re.compile(r"(?P<nl>\n+)|(?P<q>''|``|[\"“”«»‹›„‘’'])")
_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", "``": "''"}
_SINGLE_OPEN = {"‘": "’", "‹": "›"}
_STRAIGHT = {'"', "''"}
_LEFT_FLANK = " \t\n([{—–-/"


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start`` at its opening mark, ``end`` after its closing mark (or where it was cut)."""

    start: int
    end: int
    closed: bool


class _Open:
    """The quotation being read: where it opened and which marks may close it."""

    __slots__ = ("closers", "single", "start")

    def __init__(self, start: int, closers: frozenset[str], single: bool) -> None:
        self.start = start
        self.closers = closers
        self.single = single


def _opener(mark: str, before: str, after: str) -> _Open | None:
    """The quotation a mark opens given its neighbouring characters, or None."""
    if mark in _DOUBLE_OPEN:
        return _Open(0, frozenset({_DOUBLE_OPEN[mark], "”", '"', "''"}), single=False)
    if mark in _STRAIGHT:
        # A straight mark glued to the word before and followed by space is a stray closer.
        if before not in _LEFT_FLANK and (not after or after.isspace()):
            return None
        return _Open(0, frozenset(_STRAIGHT | {"”"}), single=False)
    if mark in _SINGLE_OPEN:
        return _Open(0, frozenset({_SINGLE_OPEN[mark], "’", "'"}), single=True)
    if mark == "'" and before in _LEFT_FLANK and after.isalnum():
        return _Open(0, frozenset({"'", "’"}), single=True)
    return None


def _closes(current: _Open, mark: str, before: str, after: str) -> bool:
    """Whether ``mark`` closes ``current`` (an apostrophe inside a word never does)."""
    if mark not in current.closers:
        return False
    if mark in ("'", "’"):
        return not (before.isalnum() and after.isalnum()) and not before.isspace()
    return True


def find_quotes(text: str, max_chars: int = 3000) -> list[Quote]:
    """Quotations in ``text``, in order, not overlapping.

    Single-quoted passages inside a double-quoted one are part of it; a single
    quotation left open at its paragraph's end was most likely an apostrophe
    and is dropped.
    """
    quotes: list[Quote] = []
    current: _Open | None = None
    skip_at = -1
    for m in _MARKS.finditer(text):
        i = m.start()
        if m.lastgroup == "nl":
            if current is None:
                continue
            nxt = m.end()
            mark = text[nxt : nxt + 2] if text.startswith(("''", "``"), nxt) else text[nxt : nxt + 1]
            if not current.single and mark in current.closers | set(_DOUBLE_OPEN) and nxt - current.start < max_chars:
                skip_at = nxt  # the paragraph reopens the same quotation
                continue
            if not current.single:
                quotes.append(Quote(current.start, _cut(text, current.start, i, max_chars), closed=False))
            current = None
            continue
        if i == skip_at:
            continue
        mark = m.group()
        before = text[i - 1] if i else " "
        after = text[m.end()] if m.end() < len(text) else ""
        if current is not None and i - current.start >= max_chars:
            if not current.single:
                quotes.append(Quote(current.start, _cut(text, current.start, i, max_chars), closed=False))
            current = None
        if current is None:
            opened = _opener(mark, before, after)
            if opened is not None:
                opened.start = i
                current = opened
        elif _closes(current, mark, before, after):
            quotes.append(Quote(current.start, m.end(), closed=True))
            current = None
        elif current.single and mark not in ("'", "’"):
            # A double mark inside a "single quotation": that opener was an apostrophe.
            current = _opener(mark, before, after)
            if current is not None:
                current.start = i
    if current is not None and not current.single:
        quotes.append(Quote(current.start, _cut(text, current.start, len(text), max_chars), closed=False))
    return quotes


def _cut(text: str, start: int, end: int, max_chars: int) -> int:
    """Where an unclosed quotation stops: ``end``, or the last sentence end within ``max_chars``."""
    if end - start <= max_chars:
        return end
    limit = start + max_chars
    stop = max(text.rfind(". ", start, limit), text.rfind("\n", start, limit))
    return stop + 1 if stop > start else limit


class QuoteIndex:
    """Quotations of one text, searchable by position in logarithmic time."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]
        self._ends = [q.end for q in quotes]

    def ending_at_or_before(self, pos: int) -> Quote | None:
        """The last quotation that ends at or before ``pos``."""
        k = bisect.bisect_right(self._ends, pos) - 1
        return self.quotes[k] if k >= 0 else None

    def starting_at_or_after(self, pos: int) -> Quote | None:
        """The first quotation that starts at or after ``pos``."""
        k = bisect.bisect_left(self._starts, pos)
        return self.quotes[k] if k < len(self.quotes) else None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """Quotations that share at least one character with ``[start, end)``."""
        k = max(bisect.bisect_right(self._ends, start), 0)
        found = []
        while k < len(self.quotes) and self.quotes[k].start < end:
            found.append(self.quotes[k])
            k += 1
        return found

    def encloses(self, pos: int) -> bool:
        """Whether ``pos`` lies strictly inside a closed quotation.

        An unclosed quotation is not trusted: its missing mark may have let it run over the speaker.
        """
        return any(q.closed and q.start < pos < q.end for q in self.overlapping(pos, pos + 1))
