"""Building record spans from tokens and character ranges.

All rules express their spans through these helpers so that edges are trimmed
the same way everywhere (no stray commas, colons or blanks at either end).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from counterclaim.nlp.doctext import doc_text
from counterclaim.records import Span

#: Characters never kept at the edge of a span (besides any blank, no-break spaces included).
_EDGE = " \t\n,;:—–-"


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The record span for ``doc.text[start:end]`` with edge punctuation and blanks trimmed."""
    text = doc_text(doc)
    while start < end and (text[start] in _EDGE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1].isspace()):
        end -= 1
    if end <= start:
        return None
    return Span(start=start, end=end, text=text[start:end])


def token_bounds(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """Character range covering ``tokens`` (first start to last end), or None when empty."""
    start = end = None
    for tok in tokens:
        if start is None or tok.idx < start:
            start = tok.idx
        tok_end = tok.idx + len(tok.text)
        if end is None or tok_end > end:
            end = tok_end
    return None if start is None else (start, end)


def subtree_bounds(token: Token) -> tuple[int, int]:
    """Character range of a token's subtree (projective parses keep it contiguous)."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def subtree_without(token: Token, excluded: Token) -> tuple[int, int] | None:
    """Range of ``token``'s subtree minus ``excluded``'s subtree and the punctuation around it.

    Reports like "the attack, she said, was planned" interrupt the content; the
    flattened range (first to last remaining token) is what evaluation compares.
    """
    inner = set(range(excluded.left_edge.i, excluded.right_edge.i + 1))
    kept = [t for t in token.subtree if t.i not in inner]
    while kept and kept[0].is_punct:
        kept.pop(0)
    while kept and kept[-1].is_punct:
        kept.pop()
    return token_bounds(kept)


def union(*ranges: tuple[int, int] | None) -> tuple[int, int] | None:
    """Smallest range covering every given range (None ones ignored)."""
    present = [r for r in ranges if r]
    if not present:
        return None
    return min(r[0] for r in present), max(r[1] for r in present)


def pruned_bounds(token: Token, drop: Callable[[Token], bool]) -> tuple[int, int] | None:
    """Range of ``token``'s subtree without the right-hand children ``drop`` selects.

    Sources keep their appositions ("X, a spokesman for Y") but not a trailing
    clause that is itself a report ("X, who said ...").
    """
    cut = [c for c in token.rights if drop(c)]
    excluded = {t.i for c in cut for t in c.subtree}
    kept = [t for t in token.subtree if t.i not in excluded]
    while kept and kept[-1].is_punct:
        kept.pop()
    return token_bounds(kept)
