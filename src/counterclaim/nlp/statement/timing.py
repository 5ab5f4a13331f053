"""When a statement was made: the date phrase that governs its cue, or one carried from earlier.

A date counts for a statement when it modifies the cue's clause ("On Jan. 9,
X said", "the statement published on Jan. 19 claimed") or the clause of the
verb that reports it ("X condemned the attack, a spokesman said on Wednesday",
"X said on Friday that India rejects ...") — not when it modifies a noun
inside it ("the Jan. 3 attacks") or a relative clause on the speaker ("X, who
took office three weeks ago, said"). A date that opens a sentence also governs
the following sentences of the same paragraph, until another date or a word
that moves the story in time ("Meanwhile", "later"); the date of a speaker's
statement also dates what the same speaker says next, by name or through a
pronoun ("X said on Sunday ... 'We ...,' X said", "He also blamed ..."), up to
the next date. A date hung on the attack noun ("condemned the attack on
Monday") dates the statement when it is later than the attack, or on the attack's
own day when it trails the noun the act takes as object; an act noun takes the
date of the verb it is the subject of ("Condemnation came on Tuesday from ...");
a date in a joined clause with a subject of its own is that clause's, and one on a
passive subject ("the assertion of Tuesday was rejected on Wednesday by X") is
that thing's. A clause opened by "after"/"before" takes no date from the clause
above it, except counted in days ("on Thursday, a day after X claimed it"), nor does one with a subject of its
own ("the toll rose on Monday, as X claimed it"); an "according to" cue stands in the clause it cites. Words
told right above an embedded post take the day of its signature ("— Name (@handle) May 15, 2024"). A day
inside quotation marks is the speaker's own ("the raid we carried out yesterday"): it dates no statement. An
act in the present perfect about "today's attack", or "since" it in a report of its day, is of that day. A title
with "the" ("the security chief replied") refers back like a pronoun; without a
publication date, a weekday that would fall in the week before the attack is the
one after it. Relative days
resolve against the reference date or the attack date (``cc_attack``'s,
computed here since that component runs later); "the same day" and "that
night" are the day the text named last. A statement the text leaves undated in
an article published on the attack's own day is of that day: made after the
attack and reported by publication, it has no other day to fall on. Otherwise a
statement the text leaves undated, told in the simple past ("X said", "X
claimed") in a report filed within a week of the attack, is of the report's own
day (publication date or dateline): news copy names an earlier day ("on Monday",
"earlier") when it reports one. Such a date carries the rule ``date.report_day`` in the
statement's evidence, so an analyst can tell it from a day the text states; a
past perfect ("had said"), a sentence that names a day it does not give the act
or moves the story in time, and a piece filed long after the attack get no such
date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from counterclaim.kb import KnowledgeBase
from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.attribution.cues import load_lexicon as load_cues
from counterclaim.nlp.attribution.signed import signature_below
from counterclaim.nlp.components.attack import attack_day
from counterclaim.nlp.dates import find_dates, names_weekday, resolve_date
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.numbers import parse_number
from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.sentences import SentenceIndex
from counterclaim.records import REPORT_DAY_RULE

#: Dependencies by which a clause reports or continues the one above it: a date on the upper verb dates the lower.
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp", "conj", "parataxis", "advcl"})
#: Dependencies of an act noun on the verb that tells when it came ("Condemnation came on Tuesday from ...").
_ACT_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Conjunctions that open a clause counted from the one above it, with the direction of the count in days.
_COUNTING_MARKS = {"after": -1, "before": 1}
#: How many sentences back a speaker's earlier dated statement, or the day "the same day" refers to, is looked for.
_LOOKBACK = 6
#: Which of two dates governing one verb wins: a calendar day over a weekday over a count from the attack, any of
#: them over the page's own date glued to a sentence.
_KIND_RANK = {"explicit": 0, "inferred_year": 0, "relative": 1, "event_relative": 2, "anaphoric": 2}
#: A line that is only a time of day ("18:10 GMT", "2.45pm"): the stamp of a live blog's entry.
_CLOCK_LINE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?", re.IGNORECASE)
#: Words in quotation marks on one line: what a speaker said, in their own words.
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
#: How long after the attack a report's own day still dates the statements it leaves undated: past it, a piece
#: looking back quotes what was said at the time.
_REPORT_WINDOW = dt.timedelta(days=7)
#: Tags of a verb in the simple present ("says", "condemn"): news in that tense happens as the article is published.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _anchor_word(phrase: str) -> int | None:
    """The days from the reference day that a phrase such as "today's" names (``anchor_days`` of
    ``lexicons/dates.yaml``), or None."""
    word = re.sub(r"['’]s$", "", phrase.strip().lower())
    return load_lexicon("dates")["anchor_days"].get(re.sub(r"\s+", " ", word))


@cache
def _same_time_marks() -> frozenset[str]:
    """Conjunctions that open a clause of the same time as the one above ("when", "as"): ``lexicons/dates.yaml``."""
    return frozenset(load_lexicon("dates")["same_time_marks"])


def _page_date(doc: Doc, start: int) -> bool:
    """Whether a date at ``start`` is the page's own (the publication date read from the header, the dateline's day)."""
    evidence = doc._.published_evidence
    dateline = doc._.dateline or {}
    return (evidence is not None and evidence.start <= start < evidence.end) or (
        dateline.get("start", 0) <= start < dateline.get("end", 0)
    )


class StatementDater:
    """Dates statements in one document."""

    def __init__(self, doc: Doc, lexicon: StanceLexicon, sentences: SentenceIndex, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lexicon
        self.sentences = sentences
        self.anchor: dt.date | None = doc._.reference_date
        found = find_dates(doc, self.anchor)
        self._numbers = [sentences.number(doc.char_span(s, e, alignment_mode="expand")[0]) for s, e, _, _ in found]
        self.event_date = doc._.event.date if doc._.event is not None else attack_day(doc, kb)
        #: The day the article went out, for what it reports in the present tense; not a day guessed from its text.
        self.published: dt.date | None = doc._.published or (doc._.dateline or {}).get("date")
        ranked: dict[int, list[tuple[int, int, int, dt.date]]] = {}
        named: list[tuple[int, dt.date]] = []  # (sentence, day) of every resolved day so far, for "that day"
        # a day inside quotation marks is the speaker's, counted from when they spoke and telling what they speak of
        quoted = [m.span() for m in _QUOTED.finditer(self.text)]
        for number, (start, end, day, kind) in zip(self._numbers, found, strict=True):
            if kind == "event_relative" and self.event_date is not None:  # "the next day": known once the attack is
                day = resolve_date(self.text[start:end], self.anchor, self.event_date)
            elif kind == "anaphoric":
                day = next((d for n, d in reversed(named) if number - n <= _LOOKBACK), self.event_date)
            elif kind == "relative" and day is not None and self._weekday_after_attack(self.text[start:end], day):
                day += dt.timedelta(days=7)
            if day is not None:
                named.append((number, day))
            if day is not None and not any(lo < start < hi for lo, hi in quoted):
                rank = len(_KIND_RANK) if _page_date(doc, start) else _KIND_RANK[kind]
                ranked.setdefault(number, []).append((rank, start, end, day))
        self._hits = {n: [(start, end, day) for _, start, end, day in sorted(h)] for n, h in ranked.items()}
        #: Sentences that write a day other than the page's own, resolved or not, quoted or not: they place what they
        #: tell in time, so the report's own day does not date an act they leave undated.
        self._timed = {n for n, (start, *_) in zip(self._numbers, found, strict=True) if not _page_date(doc, start)}
        #: The reporting verbs of ``cc_attributions`` with the character range of what each reports.
        self._reports: list[tuple[int, int, Token]] = []
        for a in doc._.attributions or []:
            cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue and a.content else None
            if cue is not None and a.content is not None:
                self._reports.append((a.content.start, a.content.end, cue.root))

    def _weekday_after_attack(self, phrase: str, day: dt.date) -> bool:
        """Whether a weekday read back from the text's latest written day lands in the week before the attack.

        Without a publication date or a dateline the reference is the latest
        day the text writes out, often the attack's own ("Saturday, Sept. 22");
        the article was written on or after it, so "a video released Sunday"
        is the Sunday after the attack, not the one before.
        """
        if self.published is not None or self.event_date is None or not names_weekday(phrase):
            return False
        return day < self.event_date <= day + dt.timedelta(days=6) and not self._heads_text(self.anchor)

    def _heads_text(self, day: dt.date | None) -> bool:
        """Whether the text's first line writes ``day``: a dateline ("NAIROBI, Thursday, May 16, 2024 -"), the
        article's own day, which weekdays count back from."""
        first_line = self.text.find("\n") % (len(self.text) + 1)  # the whole text when it is one line
        return any(d == day and start < first_line for start, _, d, _ in find_dates(self.doc, self.anchor))

    def hits(self, sentence: Span) -> list[tuple[int, int, dt.date]]:
        """Resolved date phrases of a sentence, the surest kind first."""
        return self._hits.get(self.sentences.number(sentence[0]), [])

    def date_of(self, cue: Token, speaker: Token | None) -> tuple[dt.date | None, str | None]:
        """The day the statement with this cue (and subject) was made, with :data:`REPORT_DAY_RULE` when that day
        is only the report's own; None when the text does not say."""
        day = self._told(cue, speaker) or self._bounded()
        if day is not None:
            return day, None
        if self._report_day(cue):
            return self.published, REPORT_DAY_RULE
        return None, None

    def _report_day(self, cue: Token) -> bool:
        """Whether an undated statement is of the report's own day: told in the simple past, in a sentence that
        names no day of its own and does not move the story in time, in a report filed within
        :data:`_REPORT_WINDOW` of the attack."""
        if self.published is None:
            return False
        if self.event_date is not None and not dt.timedelta(0) <= self.published - self.event_date <= _REPORT_WINDOW:
            return False
        sentence = self.sentences.of(cue)
        if self.sentences.number(sentence[0]) in self._timed or self._moves_on(sentence, cue):
            return False
        telling = self._telling(cue)
        return telling.tag_ == "VBD" and not any(c.dep_ == "aux" for c in telling.children)

    def _told(self, cue: Token, speaker: Token | None) -> dt.date | None:
        """The day the text gives the statement, by a date phrase or one carried from earlier."""
        sentence = self.sentences.of(cue)
        day = self._speech_date(sentence, cue, speaker) or self._signed_day(sentence, speaker)
        if day is not None:
            return day
        if self._present(sentence, cue):
            return self.published
        if (day := self._perfect_on_todays_attack(sentence, cue)) is not None:
            return day
        if self._moves_on(sentence, cue):
            return None
        if self.hits(sentence):
            return self._carried(sentence)
        if speaker is not None and (day := self._speakers_last_date(sentence, speaker)) is not None:
            return day
        return self._carried(sentence) or self._detailed_next(sentence) or self._live_entry(sentence)

    def _bounded(self) -> dt.date | None:
        """The one day a reaction can have been made on when the article went out on the attack's own day.

        A statement about the attack is made after it and reported by the time
        of publication: with both on one day, that is its day, though the text
        names none.
        """
        same = self.published is not None and self.published == self.event_date
        return self.published if same else None

    def _signed_day(self, sentence: Span, speaker: Token | None) -> dt.date | None:
        """The day on the signature of an embedded post the sentence holds or introduces ('"We had no part in it,"
        he wrote.' above the post and its "— Name (@handle) November 14, 2022" line), when the speaker is the
        post's author or a pronoun for them."""
        signed = signature_below(self.text, sentence.start_char)
        if signed is None or not signed[1]:
            return None
        author = {w.lower() for w in signed[0].split()}
        if speaker is not None and speaker.pos_ != "PRON" and not any(t.lower_ in author for t in speaker.subtree):
            return None
        return resolve_date(signed[1], None)

    def _live_entry(self, sentence: Span) -> dt.date | None:
        """The publication day for a paragraph under a clock-time line: an entry of a live blog ("18:10 GMT")."""
        paragraph_start = self.text.rfind("\n", 0, sentence.start_char)
        before = self.text[:paragraph_start].rstrip().rsplit("\n", 1)[-1].strip()
        return self.published if _CLOCK_LINE.fullmatch(before) else None

    def _present(self, sentence: Span, cue: Token) -> bool:
        """Whether the act is told in the simple present ("X says", "the government condemns", a headline's
        "Group claims ...") or the present progressive ("X is condemning"): the news of the day the article went out.

        A present inside a quote does not count: its telling verb is the one outside. Nor does a verb of belief,
        intention or knowledge ("the group regards them as apostates"): a standing state, not an act of the day.
        """
        telling = self._telling(cue)
        if telling.lemma_.lower() in load_cues().attitude:  # "the group regards them as ...": a standing view
            return False
        auxiliaries = [c for c in telling.children if c.dep_ in ("aux", "auxpass")]
        if telling.tag_ in _PRESENT_TAGS:
            return not auxiliaries
        # the present progressive ("the United States is condemning ...") is the day's news too
        return telling.tag_ == "VBG" and [(a.lemma_, a.tag_ in _PRESENT_TAGS) for a in auxiliaries] == [("be", True)]

    def _perfect_on_todays_attack(self, sentence: Span, cue: Token) -> dt.date | None:
        """The day an act told in the present perfect about "today's attack" was made ("X has claimed
        responsibility for today's attack", or "X has since claimed it" in a report of the attack's own day): after
        the attack and by the time of the report, so that same day."""
        telling = self._telling(cue)
        has = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in _PRESENT_TAGS for c in telling.children)
        if telling.tag_ != "VBN" or not has or self.anchor is None:
            return None
        since = any(c.dep_ == "advmod" and c.lower_ == "since" for c in telling.children)
        if since and (day := self._bounded()) is not None:
            return day  # "has since claimed it", in a report of the attack's own day
        for start, end, day in self.hits(sentence):
            phrase = self.doc.char_span(start, end, alignment_mode="expand")
            today = day == self.anchor and _anchor_word(self.text[start:end]) == 0
            if today and phrase is not None and self._on_attack(phrase.root) and telling in phrase.root.ancestors:
                return day
        return None

    def _on_attack(self, token: Token) -> bool:
        """Whether a date phrase's word hangs on an attack noun as its owner ("today's attack")."""
        return token.dep_ == "poss" and token.head.lemma_.lower() in self.lex.attack_nouns

    def _moves_on(self, sentence: Span, cue: Token) -> bool:
        """Whether the sentence or the cue moves the story in time ("Later, ...", "X earlier said"): the act takes
        no day carried from before, nor the report's own."""
        return self._resets(sentence) or any(c.lower_ in self.lex.date_resets for c in cue.children)

    def _telling(self, cue: Token) -> Token:
        """The verb that tells the act: the reporting verb of the narrowest attribution holding the cue, or the cue."""
        return min(self._reporting(cue), default=(0, cue), key=lambda r: r[0])[1]

    def _reporting(self, cue: Token) -> list[tuple[int, Token]]:
        """The attributions' cues whose reported words hold ``cue``, with the length of what each reports."""
        return [(end - start, verb) for start, end, verb in self._reports if start <= cue.idx < end]

    def _detailed_next(self, sentence: Span) -> dt.date | None:
        """The date of the next sentence of the paragraph when it tells the same act in detail.

        "Abu Dhabi rejected the accusations. Its minister wrote on Sunday that
        ...": an undated summary followed by the dated statement behind it. A
        sentence that opens with another day moves the story on, unless that
        day is the date of the document it quotes ("In a video posted on Tuesday, ...");
        and the detail reports words ("His ministers were due to travel on
        Tuesday" tells no act of speech).
        """
        number = self.sentences.number(sentence[0])
        if number + 1 >= len(self.sentences.all):
            return None
        following = self.sentences.all[number + 1]
        if self._paragraph_break(sentence, following) or self._resets(following):
            return None
        opening = self._opening_date(following)
        if opening is not None and not self._opens_with_document(following):
            return None
        return self._root_date(following, reporting_only=True)

    def _opens_with_document(self, sentence: Span) -> bool:
        """Whether the date a sentence opens with dates the document that carries its act ("In a message sent to
        journalists on Tuesday, its spokesman said ..."): the detail of an act, not a move to another day."""
        for start, end, _ in self.hits(sentence):
            phrase = self.doc.char_span(start, end, alignment_mode="expand")
            if phrase is None or start >= sentence.root.idx:
                continue
            above = [t for t in phrase.root.ancestors if t.i < sentence.root.i]
            if any(t.lemma_.lower() in self.lex.document_nouns for t in above):
                return True
        return False

    def _speech_date(self, sentence: Span, cue: Token, speaker: Token | None) -> dt.date | None:
        """The date that governs the cue, else the verb reporting it (the nearest first), else the day a clause
        counted from ("rose on Thursday, a day after the group claimed it") places it."""
        for verb in self._reporting_verbs(cue):
            for start, end, day in self.hits(sentence):
                if self._governs(start, end, verb, speaker, day):
                    return day
        return self._counted_date(sentence, cue)

    def _counted_date(self, sentence: Span, cue: Token) -> dt.date | None:
        """The day of an act told in a clause counted in days from a dated one ("a day after X claimed it")."""
        node = cue
        while node.dep_ in _REPORTED_CLAUSES and node.head != node and self._time_mark(node) is None:
            node = node.head
        shift = self._time_mark(node)
        if not shift or node.head == node:
            return None
        for start, end, day in self.hits(sentence):
            if self._governs(start, end, node.head, None, day) and not self._governs(start, end, node, None, day):
                return day + dt.timedelta(days=shift)
        return None

    @staticmethod
    def _time_mark(clause: Token) -> int | None:
        """For a clause opened by "after" or "before": the days it counts back or ahead from the clause above
        ("a day after ...": -1; "two days before ...": 2; a bare "after ...": 0, no day told), else None."""
        mark = next((c.lower_ for c in clause.children if c.dep_ == "mark" and c.lower_ in _COUNTING_MARKS), None)
        if mark is None:
            return None
        days = 0
        for measure in (c for c in clause.children if c.dep_ == "npadvmod" and c.lemma_.lower() == "day"):
            count = next((c for c in measure.children if c.dep_ in ("nummod", "det")), None)
            parsed = parse_number(count.text) if count is not None and count.dep_ == "nummod" else None
            days = parsed[0] if parsed else 1 if count is not None and count.lower_ in ("a", "one") else 0
        return _COUNTING_MARKS[mark] * days

    def _reporting_verbs(self, cue: Token) -> list[Token]:
        """The cue, the verbs whose clause holds it ("said on Friday that ... rejects"; a prepositional cue such as
        "according to" stands in the clause it cites), and the attributions' cues."""
        verbs = [cue]
        node = cue
        # an act noun's verb ("Condemnation came on Tuesday from ..."), the clause an "according to" cites, unless
        # that clause tells the attack itself ("according to police, the group carried out the raid on Tuesday"):
        # its date is the attack's, not the source's
        if (cue.pos_ == "NOUN" and cue.dep_ in _ACT_SUBJECTS) or (cue.dep_ == "prep" and cue.head != cue):
            if cue.dep_ == "prep" and cue.head.lemma_.lower() in self.lex.perpetrate_verbs:
                return verbs
            node = cue.head
            verbs.append(node)
        while self._climbs(node):
            node = node.head
            verbs.append(node)
        around = sorted(self._reporting(cue), key=lambda r: r[0])
        return verbs + [verb for _, verb in around if verb not in verbs]

    def _climbs(self, clause: Token) -> bool:
        """Whether a date on the verb above ``clause`` tells when its act was made: a clause it reports or continues,
        not one counted from it ("a day after X claimed it") nor one with a subject of its own hung on it ("the toll
        rose on Monday, as the group claimed the bombing": the rise is dated, not the claim)."""
        if clause.dep_ not in _REPORTED_CLAUSES or clause.head == clause or self._time_mark(clause) is not None:
            return False
        return not (clause.dep_ == "advcl" and self._own_clause(clause))

    def _speakers_last_date(self, sentence: Span, speaker: Token) -> dt.date | None:
        """The date of the same speaker's statement in the sentences just before, up to the first other date.

        The speaker is the same when its name appears in the earlier sentence
        ("Kallon said on Sunday ... '...,' Kallon said"), a few paragraphs back
        at most, or when it is a pronoun or a definite description ("He said
        ...", "the police chief added"), whose antecedent is in this paragraph
        or the one before it; a paragraph whose words the same pronoun reports
        ('"...," he said.') carries the chain on to the paragraph above it.
        """
        number = self.sentences.number(sentence[0])
        speaker = self._antecedent(speaker)
        paragraphs = 0
        later = sentence
        for earlier in reversed(self.sentences.all[max(0, number - _LOOKBACK) : number]):
            paragraphs += self._paragraph_break(earlier, later)
            later = earlier
            day = self._root_date(earlier)
            same = self._names(earlier, speaker) or (self._anaphoric(speaker) and paragraphs <= 1)
            if day is not None and same:
                return day
            if self.hits(earlier) or self._resets(earlier):
                return None
            if self._anaphoric(speaker) and self._reported_by(earlier, speaker):
                paragraphs = 0
        return None

    def _reported_by(self, sentence: Span, speaker: Token) -> bool:
        """Whether a reporting verb of the sentence has the same word as subject ('"...," he said'): the same
        speaker still talking."""
        return any(
            c.dep_ == "nsubj" and c.lower_ == speaker.lower_
            for verb in self._reports_in(sentence)
            for c in verb.children
        )

    def _reports_in(self, sentence: Span) -> list[Token]:
        """The reporting verbs of a sentence."""
        return [verb for _, _, verb in self._reports if sentence.start <= verb.i < sentence.end]

    def _paragraph_break(self, earlier: Span, later: Span) -> bool:
        """Whether a line break separates two sentences (a sentence's span keeps the line breaks after it)."""
        end = earlier.start_char + len(earlier.text.rstrip())
        return "\n" in self.text[end : later.start_char]

    @staticmethod
    def _antecedent(speaker: Token) -> Token:
        """The name a pronoun speaker stands for when a verb above its clause has it as subject ("Envoy Ali Musa
        said he condemned ..."): then it points to no earlier sentence."""
        if speaker.pos_ != "PRON":
            return speaker
        named = [t for verb in speaker.head.ancestors for t in verb.children if t.dep_ == "nsubj" and t.pos_ == "PROPN"]
        return named[0] if named else speaker

    def _anaphoric(self, speaker: Token) -> bool:
        """Whether the speaker points back to someone named before: a pronoun, or a definite description ("the
        security chief replied") that a report uses for the person its previous paragraph named."""
        if speaker.pos_ != "NOUN" or speaker.lemma_.lower() not in self.lex.back_reference_titles:
            return speaker.pos_ == "PRON"
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in speaker.children)
        # "the leader of the group, Ali Musa," says whom it means
        return definite and not any(c.dep_ in ("appos", "prep", "relcl") for c in speaker.children)

    @staticmethod
    def _names(sentence: Span, speaker: Token) -> bool:
        """Whether a sentence names the speaker (its proper name, or the last word of it)."""
        if speaker.pos_ != "PROPN":
            return False
        return any(t.text == speaker.text for t in sentence if t.i != speaker.i)

    def _root_date(self, sentence: Span, reporting_only: bool = False) -> dt.date | None:
        """The date that governs a sentence's main verb or one of its reporting verbs ("X said on Sunday that ..."),
        for other sentences to take: not the page's own date. ``reporting_only``: the reporting verbs alone."""
        reporting = self._reports_in(sentence)
        verbs = reporting if reporting_only else [sentence.root, *reporting]
        for verb in verbs:
            for start, end, day in self.hits(sentence):
                if not _page_date(self.doc, start) and self._governs(start, end, verb, None, day):
                    return day
        return None

    def _governs(self, start: int, end: int, cue: Token, speaker: Token | None, day: dt.date) -> bool:
        """Whether the date phrase at ``start:end`` modifies the cue's clause or the speaker's statement.

        On its way up to the cue the date may pass the document that carries
        the act ("claimed the bombing in a message sent on 8 August", however
        the parser hangs the message, or "a statement on Tuesday in which X said"), but not the attack noun ("the Jan. 3
        attacks") unless the day is later than the attack, and not a relative
        clause about something earlier ("X, who took office in May, said").
        """
        phrase = self.doc.char_span(start, end, alignment_mode="expand")
        if phrase is None:
            return False
        node = phrase.root
        for _ in range(12):
            if node == cue or (speaker is not None and node == speaker):
                return True
            if node.head == cue and node.dep_ == "nsubjpass" and (speaker is None or speaker not in node.subtree):
                return False  # "the assertion made on Tuesday was rejected on Wednesday by ...": the thing's own date
            if node.lemma_.lower() in self.lex.document_nouns and (cue in node.ancestors or node in cue.ancestors):
                return True  # the document the act is in, above it or holding it
            on_attack = node.lemma_.lower() in self.lex.attack_nouns and node.i not in range(phrase.start, phrase.end)
            if on_attack and (verb := self._closes_clause(phrase, node, day)) is not None:
                return verb == cue
            if on_attack and not self._after_attack(day):
                return False
            if node != cue and self._own_clause(node):
                return False
            if node.dep_ == "relcl" and not (self._document(node.head, speaker) or self._since_attack(day)):
                return False
            if node.head == node:
                return False
            node = node.head
        return False

    @staticmethod
    def _own_clause(verb: Token) -> bool:
        """Whether a verb heads a clause joined to another with a subject of its own ("X called it cowardly, while
        Y condemned it on Monday"): its date tells Y's act, not X's.

        A clause of the same time whose subject is a pronoun for the one above ("X condemned the bombings when
        he visited the wounded on 30 June") tells the occasion of X's act, and its date is the act's.
        """
        joined = verb.dep_ in ("advcl", "conj") and verb.pos_ in ("VERB", "AUX")
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not joined or not subjects:
            return False
        same_time = any(c.dep_ in ("mark", "advmod") and c.lower_ in _same_time_marks() for c in verb.children)
        return not (verb.dep_ == "advcl" and same_time and all(s.pos_ == "PRON" for s in subjects))

    def _closes_clause(self, phrase: Span, attack: Token, day: dt.date) -> Token | None:
        """The verb whose object the attack noun is, when a date on the attack's day trails that noun.

        "Ministers condemned the attack on Wednesday", "... condemned the
        bombing within hours", "X claimed responsibility for the bombing in
        the city on Sunday", "Y blamed Z for the attack on Sunday": the parser
        hangs the phrase on the noun, but English puts the time of the act at
        the end of its clause, and on the attack's own day both readings give
        the act that day. A date before the noun ("the Jan. 3 attack",
        "Monday's attack") names the attack alone.
        """
        verb = self._taking_verb(attack)
        if verb is None or not self._since_attack(day) or phrase.start <= attack.i:
            return None
        node = phrase.root
        while node.head != attack and node.head != node:
            node = node.head
        return verb if node.head == attack and node.dep_ == "prep" else None

    @staticmethod
    def _taking_verb(attack: Token) -> Token | None:
        """The verb that takes the attack noun as its object, directly ("condemned the attack") or through a
        preposition on the verb or on its object ("blamed Z for the attack", "claimed responsibility for it")."""
        if attack.dep_ == "dobj":
            return attack.head
        if attack.dep_ != "pobj" or attack.head.dep_ != "prep":
            return None
        above = attack.head.head
        if above.pos_ in ("VERB", "AUX"):
            return above
        return above.head if above.dep_ == "dobj" else None

    def _document(self, token: Token, speaker: Token | None) -> bool:
        """Whether ``token`` is the speaker and names a document ("the statement, which was posted on Sunday")."""
        return token == speaker and token.lemma_.lower() in self.lex.document_nouns

    def _since_attack(self, day: dt.date) -> bool:
        return self.event_date is not None and day >= self.event_date

    def _after_attack(self, day: dt.date) -> bool:
        return self.event_date is not None and day > self.event_date

    def _resets(self, sentence: Span) -> bool:
        first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
        return first is not None and first.lower_ in self.lex.date_resets

    def _opening_date(self, sentence: Span) -> dt.date | None:
        """The date a sentence opens with (before its main verb), which later sentences inherit; not the page's own
        (a dateline's day is when the report was filed, not when what its lede tells happened)."""
        for start, _, day in self.hits(sentence):
            if start < sentence.root.idx and not _page_date(self.doc, start):
                return day
        return None

    def _carried(self, sentence: Span) -> dt.date | None:
        """The date an earlier sentence of the same paragraph opens with, unless time moved on since.

        The first sentence of a paragraph dates it also by its main verb's date
        ("The ministry responded on Tuesday. Its spokesman called ...").
        """
        paragraph_start = self.text.rfind("\n", 0, sentence.start_char) + 1
        number = self.sentences.number(sentence[0])
        previous = [s for s in self.sentences.all[:number] if s.start_char >= paragraph_start]
        for n, earlier in reversed(list(enumerate(previous))):
            day = self._opening_date(earlier) or (self._root_date(earlier) if n == 0 else None)
            if day is not None:
                return day
            if self.hits(earlier) or self._resets(earlier):
                return None
        return None
