"""Posts embedded in a web page: the post's words, then a signature line "— Name (@handle) Date".

A page that embeds a post from X (Twitter) keeps, in its text, the post and
below it (or at the end of its line) a dash, the author's name, the
account's handle in brackets and the day: no verb reports the words, the
signature says who wrote them. Each signature gives one attribution: the
name as source, the dash as cue, the post as content (the words before the
dash on its line, else the line above it).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from counterclaim.nlp.attribution.spans import char_span
from counterclaim.nlp.doctext import doc_text
from counterclaim.records import Attribution, Span

#: "— Name (@handle) Month D, YYYY": the dash, the name, the handle, the optional day, and the line's end.
_SIGNATURE = re.compile(
    r"(?P<dash>[—–])[ \t]*(?P<name>[^\n()@—–]{2,80}?)[ \t]*\(@\w{1,30}\)[ \t]*"
    r"(?P<day>[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]*\d{4}|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4})?[ \t]*$",
    re.MULTILINE,
)
#: A word of the name written in Latin letters; a name given twice, in two scripts, keeps its Latin spelling.
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ][\w.'’-]*")


def signed_attributions(doc: Doc) -> list[Attribution]:
    """One attribution per embedded post whose signature line names its author."""
    text = doc_text(doc)
    found = []
    for match in _SIGNATURE.finditer(text):
        content = _post(text, match.start("dash"))
        source = _name(text, match.start("name"), match.end("name"))
        if content is None or source is None:
            continue
        span = char_span(doc, *content)
        if span is None:
            continue
        cue = Span(start=match.start("dash"), end=match.end("dash"), text=match.group("dash"))
        found.append(
            Attribution(
                source=source, cue=cue, content=span, direct=True, producer="attribution.signed", confidence=0.8
            )
        )
    return found


def signature_name(text: str, offset: int) -> Span | None:
    """The author's name of the signature line whose name holds ``offset``, or None."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    for match in _SIGNATURE.finditer(text[start : len(text) if end < 0 else end]):
        if match.start("name") <= offset - start < match.end("name"):
            return _name(text, start + match.start("name"), start + match.end("name"))
    return None


def signature_below(text: str, offset: int, lines: int = 3) -> tuple[str, str] | None:
    """The signature of the post whose words a sentence at ``offset`` holds or introduces: on the rest of its line
    or on one of the next ``lines`` non-empty lines, as (the author's name, the day as written or "")."""
    rest = text[offset:].split("\n")
    candidates = rest[:1] + [line for line in rest[1:] if line.strip()][:lines]
    for line in candidates:
        if (match := _SIGNATURE.search(line)) is not None:
            name = _name(line, match.start("name"), match.end("name"))
            return (name.text if name is not None else "", match.group("day") or "")
    return None


def _post(text: str, dash: int) -> tuple[int, int] | None:
    """Where the post signed at ``dash`` lies: before the dash on its line, else the line just above it.

    Pages often break paragraphs with single line breaks, so only one line
    is taken: a longer post loses its first lines rather than the article's.
    """
    line_start = text.rfind("\n", 0, dash) + 1
    if text[line_start:dash].strip():
        return line_start, dash
    end = line_start - 1  # the line break before the signature
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)  # blank lines between the post and its signature
    if end <= 0:
        return None
    return text.rfind("\n", 0, end) + 1, end


def _name(text: str, start: int, end: int) -> Span | None:
    """The author's name as the signature writes it in Latin letters ("Mazloum Abdi" of a name given twice)."""
    words = list(_LATIN_WORD.finditer(text, start, end))
    if not words:
        return Span(start=start, end=end, text=text[start:end]) if text[start:end].strip() else None
    run = [words[0]]
    for word in words[1:]:  # the Latin run that opens the name
        if text[run[-1].end() : word.start()].strip():
            break
        run.append(word)
    return Span(start=run[0].start(), end=run[-1].end(), text=text[run[0].start() : run[-1].end()])
