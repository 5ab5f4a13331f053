"""``cc_paragraphs``: sentence starts at line breaks, set before the parser.

News text carries its structure in line breaks: headline, byline and date
lines, paragraphs. The statistical parser often runs a headline into the lead
or a closing quote into the next paragraph, and every component downstream
then sees one sentence where the writer meant two. Marking a sentence start
after each line break, before the parser runs, keeps those boundaries (the
parser respects preset ones). A break inside a sentence (a hard-wrapped line
ending in a lower-case word or a comma, followed by a lower-case word) is
left alone. Some scraped pages are hard-wrapped throughout, their lines broken
anywhere ("... claimed by the Islamic\nState group"): when most of a text's
line breaks fall inside sentences, a break after a line that ends no sentence
is a wrap, whatever the next word's case, once the header (the lines above the
first that ends a sentence) is past.

Brackets inside a sentence do not end it either: wire copy glosses names in
brackets ("rebels of the X front [XF] in the north"), and the parser would
otherwise start a sentence at the bracket. A bracket after a word that ends
no sentence, and the word after its closing bracket, are marked as no
sentence start.
"""

from __future__ import annotations

import itertools

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.doctext import doc_text

#: Characters that may end a line in the middle of a sentence.
CONTINUING = frozenset(",;-–")
#: Tokens that end a sentence: a bracket after one of them may open the next.
SENTENCE_END = frozenset(".!?")
#: Characters a line may end with when it ends a sentence, a heading's colon or a quotation.
_LINE_END = frozenset(".!?:;\"”’')]")
#: A text is hard-wrapped when at least this share of its line breaks between two written lines falls inside a
#: sentence, over at least ``_WRAP_MIN_BREAKS`` breaks: pages laid out in paragraphs break inside a sentence only at
#: headings and menus.
_WRAP_SHARE = 0.4
_WRAP_MIN_BREAKS = 12


class ParagraphBoundaries:
    """Sets ``is_sent_start`` on the first token of each line."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        body = _wrapped_body(text)
        for token in doc[:-1]:
            if "\n" not in token.text_with_ws:
                continue
            following = doc[token.i + 1]
            if following.is_space:
                continue
            last = token.text[-1:] if not token.is_space else doc[token.i - 1].text[-1:] if token.i else ""
            wrapped = (last.islower() or last in CONTINUING) and following.text[:1].islower()
            if body is not None and following.idx > body and "\n\n" not in text[token.idx : following.idx]:
                wrapped = wrapped or (last != "" and last not in _LINE_END)
            if not wrapped:
                following.is_sent_start = True
        self._brackets(doc)
        return doc

    @staticmethod
    def _brackets(doc: Doc) -> None:
        """A bracketed gloss inside a sentence, and the words after it, continue that sentence."""
        for token in doc[1:-1]:
            if token.text != "[" or "\n" in doc[token.i - 1].text_with_ws or doc[token.i - 1].text in SENTENCE_END:
                continue
            close = next((t for t in doc[token.i + 1 : token.i + 12] if t.text == "]"), None)
            if close is None or close.i + 1 >= len(doc) or "\n" in close.text_with_ws:
                continue
            token.is_sent_start = False
            after = doc[close.i + 1]
            if after.text[:1].islower() or after.is_punct:
                after.is_sent_start = False


def _wrapped_body(text: str) -> int | None:
    """Where the body of a hard-wrapped text starts (after the first line that ends a sentence), or None when the
    text is not hard-wrapped."""
    lines = text.split("\n")
    breaks = [(a.rstrip(), b) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    inside = sum(1 for a, _ in breaks if a[-1] not in _LINE_END)
    if len(breaks) < _WRAP_MIN_BREAKS or inside < _WRAP_SHARE * len(breaks):
        return None
    offset = 0
    for line in lines:
        offset += len(line) + 1
        if line.rstrip()[-1:] in SENTENCE_END:
            return offset
    return None


@Language.factory("cc_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries(nlp, name)
