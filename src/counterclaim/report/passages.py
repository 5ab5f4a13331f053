"""The passages a report cites: each piece of evidence as its sentence, inside its paragraph, with its words marked.

Evidence is stored as offsets: a statement's sentence and its quote, a
casualty figure's few words, an attack's place name. A reader checking the
report needs more: the whole sentence, the paragraph around it, and the words
the report rests on highlighted. Several pieces of evidence in one sentence
(three outlets named in one line, a death toll and an injury toll) become one
passage with several marks, so the report quotes that sentence once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from counterclaim.events.merge_statements import EvidenceRef
from counterclaim.report.models import Passage, Range

#: Where a sentence ends: a stop (with closing quotes or brackets) before blank space, or a line break.
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n")
#: Characters of the paragraph shown on each side of a cited sentence (a text without line breaks is one long line).
CONTEXT_CHARS = 700


def build_passages(refs: Iterable[EvidenceRef], texts: dict[str, str], order: list[str]) -> list[Passage]:
    """One passage per cited sentence, in document order (``order``: document ids) then text order."""
    found: dict[tuple[str, int, int], Passage] = {}
    done: set[tuple[str, int, int, str, str]] = set()
    for ref in refs:
        text = texts.get(ref.document_id)
        key = (ref.document_id, ref.start, ref.end, ref.sentence, ref.quote)
        if text is None or key in done:  # a report cites most evidence several times (line, matrix, brief)
            continue
        done.add(key)
        start, end = sentence_of(text, ref)
        passage = found.get((ref.document_id, start, end))
        if passage is None:
            paragraph_start, paragraph_end = paragraph_of(text, start, end)
            passage = Passage(
                document_id=ref.document_id,
                document_name=ref.document_name,
                start=start,
                end=end,
                paragraph_start=paragraph_start,
                paragraph=text[paragraph_start:paragraph_end],
                marks=[],
                cites=[],
            )
            found[(ref.document_id, start, end)] = passage
        cite = Range(start=ref.start, end=ref.end)
        if cite not in passage.cites:
            passage.cites.append(cite)
        mark = _mark(text, ref, start, end)
        if mark is not None:
            passage.marks = _union([*passage.marks, mark])
    rank = {doc: i for i, doc in enumerate(order)}
    return sorted(found.values(), key=lambda p: (rank.get(p.document_id, len(rank)), p.start))


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inwards past blank space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_of(text: str, ref: EvidenceRef) -> tuple[int, int]:
    """Offsets of the sentence holding the evidence: its recorded sentence where the text has it, else found."""
    core_start, core_end = _core(text, max(0, ref.start), min(len(text), ref.end))
    sentence = ref.sentence.strip()
    if sentence:
        at = text.find(sentence, max(0, core_start - len(sentence)))
        while 0 <= at <= core_start:
            if at + len(sentence) >= core_end:
                return at, at + len(sentence)
            at = text.find(sentence, at + 1)
    return _sentence_around(text, core_start, core_end)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    begin = line_start
    for m in SENTENCE_END.finditer(text, line_start, start):
        begin = m.end()
    stop = SENTENCE_END.search(text, max(begin, end - 1))
    finish = stop.start() + len(stop.group().rstrip()) if stop else len(text)
    return _core(text, begin, max(finish, end))


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The line(s) the sentence is on, cut at sentence ends :data:`CONTEXT_CHARS` away when longer."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    if start - para_start > CONTEXT_CHARS:
        cut = [m.end() for m in SENTENCE_END.finditer(text, start - CONTEXT_CHARS, start)]
        para_start = cut[0] if cut else start
    if para_end - end > CONTEXT_CHARS:
        stop = SENTENCE_END.search(text, end + CONTEXT_CHARS)
        para_end = stop.start() + 1 if stop and stop.start() < para_end else para_end
    return _core(text, para_start, para_end)


def _mark(text: str, ref: EvidenceRef, start: int, end: int) -> Range | None:
    """The words the evidence rests on inside the sentence: its quote, else its span when narrower than the sentence."""
    quote = ref.quote.strip()
    if quote:
        at = text.find(quote, start, end)
        if at < 0:
            at = text.find(quote, max(0, ref.start - len(quote)), ref.end + len(quote))
        if at >= 0:
            mark_start, mark_end = max(at, start), min(at + len(quote), end)
            return Range(start=mark_start, end=mark_end) if mark_start < mark_end else None
    core_start, core_end = _core(text, max(ref.start, start), min(ref.end, end))
    if core_start < core_end and (core_start, core_end) != (start, end):
        return Range(start=core_start, end=core_end)
    return None


def _union(ranges: list[Range]) -> list[Range]:
    """Overlapping ranges joined, in text order."""
    out: list[Range] = []
    for r in sorted(ranges, key=lambda r: (r.start, r.end)):
        if out and r.start <= out[-1].end:
            out[-1] = Range(start=out[-1].start, end=max(out[-1].end, r.end))
        else:
            out.append(r)
    return out


def passage_index(passages: list[Passage]) -> dict[tuple[str, int, int], Passage]:
    """Evidence key (document id, start, end) -> the passage citing it."""
    return {(p.document_id, c.start, c.end): p for p in passages for c in p.cites}


def evidence_key(ref: EvidenceRef) -> tuple[str, int, int]:
    """The key :func:`passage_index` looks evidence up by."""
    return (ref.document_id, ref.start, ref.end)
