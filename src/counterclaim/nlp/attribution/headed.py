"""Quotations headed by who said them and a colon, with no reporting verb.

Roundups of reactions and live pages quote a speaker or a speaker's message
after a colon: "Interior Minister X on X: “...”", "President Y in a post:
“...”", "The ministry's statement was blunt: “...”". The words before the
colon name the speaker (or the message, whose author the statement resolver
finds); the quotation is what they said. A quotation some reporting verb
already claims is left to that rule.
"""

from __future__ import annotations

from spacy.tokens import Doc

from counterclaim.nlp.attribution.quotes import QuoteIndex
from counterclaim.nlp.attribution.spans import char_span
from counterclaim.nlp.doctext import doc_text
from counterclaim.records import Attribution, Span

#: The longest heading, in words, that may name a speaker before its colon.
MAX_HEAD_WORDS = 14
_NOUNS = ("NOUN", "PROPN")


def headed_attributions(doc: Doc, found: list[Attribution], quotes: QuoteIndex) -> list[Attribution]:
    """An attribution for each quotation that follows a colon after a phrase naming its speaker."""
    text = doc_text(doc)
    claimed = [(a.content.start, a.content.end) for a in found if a.content is not None]
    out = []
    for quote in quotes.quotes:
        colon = text.rfind(":", max(0, quote.start - 3), quote.start)
        if colon < 0 or text[colon + 1 : quote.start].strip():
            continue
        if any(s <= quote.start < e or quote.start <= s < quote.end for s, e in claimed):
            continue
        source = _heading_speaker(doc, text, colon)
        content = char_span(doc, quote.start, quote.end)
        if source is None or content is None:
            continue
        cue = Span(start=colon, end=colon + 1, text=":")
        out.append(
            Attribution(
                source=source,
                cue=cue,
                content=content,
                direct=True,
                producer="attribution.direct.headed",
                confidence=0.6,
            )
        )
    return out


def _heading_speaker(doc: Doc, text: str, colon: int) -> Span | None:
    """The noun phrase the words before ``colon`` are about: "Minister X on X", "the ministry's statement was"."""
    start = max(text.rfind("\n", 0, colon), max(text.rfind(c, 0, colon) for c in ".!?")) + 1
    heading = doc.char_span(start, colon, alignment_mode="contract")
    if heading is None or not len(heading) or len([t for t in heading if not t.is_punct]) > MAX_HEAD_WORDS:
        return None
    root = heading.root
    if root.pos_ not in _NOUNS:  # "The statement was blunt:": the subject of a copula or a light verb
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in _NOUNS), None)
        if subject is None or any(c.dep_ in ("dobj", "ccomp") and c.i < heading.end for c in root.children):
            return None
        root = subject
    # the phrase up to its head noun, without what follows it ("on X", "in a post") or opens the line ("On Monday,")
    modifiers = [
        c for c in root.lefts if c.dep_ not in ("prep", "advmod", "npadvmod", "punct") and c.i >= heading.start
    ]
    first = min((c.left_edge for c in modifiers), key=lambda t: t.i, default=root)
    return char_span(doc, first.idx, root.idx + len(root))
