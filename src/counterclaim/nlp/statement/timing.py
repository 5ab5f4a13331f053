"""When a statement was made: the date phrase that governs its cue, or one carried from earlier.

A date counts for a statement when it modifies the cue's clause ("On Jan. 9,
X said", "the statement published on Jan. 19 claimed") — not when it modifies
a noun inside it ("the Jan. 3 attacks"). A date that opens a sentence also
governs the following sentences of the same paragraph, until another date or a
word that moves the story in time ("Meanwhile", "later"); a date on one
statement also dates the next sentence when that speaks through a pronoun ("X
said on Sunday ... He said ..."). A date hung on the attack noun ("condemned the
attack on Monday") dates the statement when it is later than the attack. Relative days resolve
against the reference date or the attack date, found here from the first
sentence that reports an attack with a date, since ``cc_attack`` runs later.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from counterclaim.nlp.dates import DateHit, find_dates, resolve_date
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.sentences import SentenceIndex

_DAY_KINDS = ("explicit", "inferred_year")


class StatementDater:
    """Dates statements in one document."""

    def __init__(self, doc: Doc, lexicon: StanceLexicon, sentences: SentenceIndex) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lexicon
        self.sentences = sentences
        self.anchor: dt.date | None = doc._.reference_date
        # one scan of the text serves both the attack date and the statements' dates
        found = find_dates(doc, self.anchor)
        self._numbers = [sentences.number(doc.char_span(s, e, alignment_mode="expand")[0]) for s, e, _, _ in found]
        self.event_date = doc._.event.date if doc._.event is not None else self._attack_date(found)
        self._hits: dict[int, list[tuple[int, int, dt.date]]] = {}
        for number, (start, end, day, kind) in zip(self._numbers, found, strict=True):
            if kind == "event_relative" and self.event_date is not None:  # "the next day": known once the attack is
                day = resolve_date(self.text[start:end], self.anchor, self.event_date)
            if day is not None:
                self._hits.setdefault(number, []).append((start, end, day))

    def _attack_date(self, found: list[DateHit]) -> dt.date | None:
        """The date of the first sentence that reports an attack and names a day (a relative one if no other)."""
        return self._first_attack_day(found, _DAY_KINDS) or self._first_attack_day(found, None)

    def _first_attack_day(self, found: list[DateHit], kinds: tuple[str, ...] | None) -> dt.date | None:
        days: dict[int, dt.date] = {}
        for number, (_, _, day, kind) in zip(self._numbers, found, strict=True):
            if day is not None and (kinds is None or kind in kinds):
                days.setdefault(number, day)
        for number in sorted(days):
            if any(t.lemma_.lower() in self.lex.attack_nouns for t in self.sentences.all[number]):
                return days[number]
        return None

    def hits(self, sentence: Span) -> list[tuple[int, int, dt.date]]:
        """Resolved date phrases of a sentence."""
        return self._hits.get(self.sentences.number(sentence[0]), [])

    def date_of(self, cue: Token, speaker: Token | None) -> dt.date | None:
        """The day the statement with this cue (and subject) was made, or None when the text does not say."""
        sentence = self.sentences.of(cue)
        for start, end, day in self.hits(sentence):
            if self._governs(start, end, cue, speaker, day):
                return day
        if self._resets(sentence) or any(c.lower_ in self.lex.date_resets for c in cue.children):
            return None
        if speaker is not None and speaker.pos_ == "PRON" and not self.hits(sentence):
            day = self._root_date(self._previous(sentence))
            if day is not None:
                return day
        return self._carried(sentence)

    def _previous(self, sentence: Span) -> Span | None:
        """The sentence before, if it is in the same paragraph."""
        number = self.sentences.number(sentence[0])
        if number == 0:
            return None
        earlier = self.sentences.all[number - 1]
        return None if "\n" in self.text[earlier.end_char : sentence.start_char] else earlier

    def _root_date(self, sentence: Span | None) -> dt.date | None:
        """The date that governs a sentence's main verb ("X said on Sunday that ...")."""
        if sentence is None:
            return None
        for start, end, day in self.hits(sentence):
            if self._governs(start, end, sentence.root, None, day):
                return day
        return None

    def _governs(self, start: int, end: int, cue: Token, speaker: Token | None, day: dt.date) -> bool:
        """Whether the date phrase at ``start:end`` modifies the cue's clause or the speaker's statement."""
        phrase = self.doc.char_span(start, end, alignment_mode="expand")
        if phrase is None:
            return False
        node = phrase.root
        for _ in range(12):
            if node == cue or (speaker is not None and node == speaker):
                return True
            on_attack = node.lemma_.lower() in self.lex.attack_nouns and node.i not in range(phrase.start, phrase.end)
            if on_attack and not self._after_attack(day):  # "the Jan. 3 attacks": the attack's date, not the speech's
                return False
            if node.head == node:
                return False
            node = node.head
        return False

    def _after_attack(self, day: dt.date) -> bool:
        return self.event_date is not None and day > self.event_date

    def _resets(self, sentence: Span) -> bool:
        first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
        return first is not None and first.lower_ in self.lex.date_resets

    def _opening_date(self, sentence: Span) -> dt.date | None:
        """The date a sentence opens with (before its main verb), which later sentences inherit."""
        for start, _, day in self.hits(sentence):
            if start < sentence.root.idx:
                return day
        return None

    def _carried(self, sentence: Span) -> dt.date | None:
        """The opening date of an earlier sentence of the same paragraph, unless time moved on since."""
        paragraph_start = self.text.rfind("\n", 0, sentence.start_char) + 1
        number = self.sentences.number(sentence[0])
        previous = [s for s in self.sentences.all[:number] if s.start_char >= paragraph_start]
        for earlier in reversed(previous):
            day = self._opening_date(earlier)
            if day is not None:
                return day
            if self.hits(earlier) or self._resets(earlier):
                return None
        return None
