"""The ``cc_attributions`` component: reported speech as source, cue and content spans.

Rules read the dependency parse (reporting verbs, "according to", cue nouns)
and the quotation marks of the text; an embedded post is credited to the
author its signature line names, a quotation after a colon to the speaker
the words before the colon name; a quotation no rule claimed is credited
to the speaker of the neighbouring sentence, as news copy does when a quote
follows "X said ..." in a paragraph of its own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.attribution.cues import load_lexicon
from counterclaim.nlp.attribution.headed import headed_attributions
from counterclaim.nlp.attribution.phrasal import finding_attributions, noun_attributions, preposition_attributions
from counterclaim.nlp.attribution.quotes import QuoteIndex, find_quotes
from counterclaim.nlp.attribution.raising import raising_attributions
from counterclaim.nlp.attribution.signed import signed_attributions
from counterclaim.nlp.attribution.speakers import neighbour_attributions
from counterclaim.nlp.attribution.verbal import verb_attributions
from counterclaim.nlp.components.content import in_furniture
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.extensions import register_extensions
from counterclaim.records import Attribution


class AttributionFinder:
    """Writes ``doc._.attributions``: every reported statement found, in text order."""

    def __init__(self, nlp: Language, name: str, lexicon: str | None, max_quote_chars: int) -> None:
        register_extensions()
        self.name = name
        self.lexicon = load_lexicon(lexicon)
        self.max_quote_chars = max_quote_chars

    def __call__(self, doc: Doc) -> Doc:
        quotes = QuoteIndex(find_quotes(doc_text(doc), self.max_quote_chars))
        found = verb_attributions(doc, self.lexicon, quotes)
        found += preposition_attributions(doc, self.lexicon, quotes)
        found += noun_attributions(doc, self.lexicon, quotes)
        found += raising_attributions(doc, self.lexicon, quotes)
        found += finding_attributions(doc, self.lexicon, quotes)
        found += signed_attributions(doc)
        found += headed_attributions(doc, found, quotes)
        found += neighbour_attributions(doc, found, quotes)
        doc._.attributions = [a for a in _dedupe(found) if not in_furniture(doc, _anchor(a))]  # none from captions
        return doc


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """One attribution per (cue, content) pair, the most confident kept, ordered by position."""
    best: dict[tuple, Attribution] = {}
    for att in found:
        key = (_key(att.cue), _key(att.content))
        if key not in best or att.confidence > best[key].confidence:
            best[key] = att
    return sorted(best.values(), key=lambda a: (_anchor(a), -a.confidence))


def _key(span) -> tuple[int, int] | None:
    return (span.start, span.end) if span else None


def _anchor(att: Attribution) -> int:
    """Where an attribution sits in the text: its cue, else its content."""
    span = att.cue or att.content or att.source
    return span.start if span else 0


@Language.factory(
    "cc_attributions",
    default_config={"lexicon": None, "max_quote_chars": 3000},
)
def make_attributions(nlp: Language, name: str, lexicon: str | None, max_quote_chars: int) -> AttributionFinder:
    """Create the attribution finder; ``lexicon`` replaces the bundled cue lexicon file."""
    return AttributionFinder(nlp, name, lexicon, max_quote_chars)
