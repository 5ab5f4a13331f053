"""Quotations whose speaker is named in a neighbouring sentence.

News copy often introduces a speaker ("The governor said the town was
calm.") and continues with a quotation standing alone ("“We will rebuild.”").
A quotation no rule has claimed, long enough not to be a scare quote and
opening its sentence, is credited to the source of the nearest report just
before it, or else just after it, in a window of a few hundred characters.
"""

from __future__ import annotations

import bisect
import itertools

from spacy.tokens import Doc

from counterclaim.nlp.attribution.quotes import Quote, QuoteIndex
from counterclaim.nlp.attribution.spans import char_span
from counterclaim.nlp.doctext import doc_text
from counterclaim.records import Attribution

MIN_WORDS = 5
WINDOW = 400


def neighbour_attributions(doc: Doc, found: list[Attribution], quotes: QuoteIndex) -> list[Attribution]:
    """Attributions for the orphan quotations of ``doc``, from the reports already ``found``."""
    with_source = sorted((a for a in found if a.source is not None and a.cue is not None), key=lambda a: a.cue.start)
    if not with_source:
        return []
    anchors = [a.cue.start for a in with_source]
    claimed = sorted((a.content.start, a.content.end) for a in found if a.content is not None)
    starts = [start for start, _ in claimed]
    reach = list(itertools.accumulate((end for _, end in claimed), max))
    added = []
    for quote in quotes.quotes:
        if not _orphan(doc_text(doc), quote, starts, reach):
            continue
        k = bisect.bisect_left(anchors, quote.start)
        before = with_source[k - 1] if k > 0 and quote.start - anchors[k - 1] <= WINDOW else None
        after = with_source[k] if k < len(with_source) and anchors[k] - quote.end <= WINDOW else None
        speaker = before or after
        if speaker is None:
            continue
        added.append(
            Attribution(
                source=speaker.source,
                cue=None,
                content=char_span(doc, quote.start, quote.end),
                direct=True,
                producer="attribution.direct.speaker_previous" if before else "attribution.direct.speaker_next",
                confidence=0.5,
            )
        )
    return added


def _orphan(text: str, quote: Quote, starts: list[int], reach: list[int]) -> bool:
    """Whether a quotation stands alone: long, opening its sentence, and in no content yet.

    ``reach[k]`` is the furthest end among the first ``k + 1`` contents by start,
    so overlap with any content is one bisection.
    """
    if len(text[quote.start : quote.end].split()) < MIN_WORDS:
        return False
    k = bisect.bisect_left(starts, quote.end)
    if k and reach[k - 1] > quote.start:
        return False
    lead = text[max(0, quote.start - 3) : quote.start].strip()
    return not lead or lead[-1] in ".!?:\n"
