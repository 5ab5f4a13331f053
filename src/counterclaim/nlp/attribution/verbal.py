"""Reporting verbs read off the dependency parse: "X said (that) ...", "…," he said, passives.

The cue is the verb with its auxiliaries, negation, adverbs and particle
("has also said", "pointed out"); the source is its subject's subtree
(inherited from the governing verb for "…, saying" and coordinated verbs, or
the by-agent of a passive); the content is an adjacent quotation, else the
complement clause, else the interrupted clause, else (for verbs such as
"deny") the object with its modifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import IS_QUOTE, IS_SPACE
from spacy.tokens import Doc, Token

from counterclaim.nlp.attribution.cues import ATTITUDE, SPEECH, CueLexicon
from counterclaim.nlp.attribution.quotes import Quote, QuoteIndex
from counterclaim.nlp.attribution.spans import (
    char_span,
    pruned_bounds,
    subtree_bounds,
    subtree_without,
    token_bounds,
    union,
)
from counterclaim.nlp.doccache import memo
from counterclaim.nlp.doctext import doc_text, token_texts
from counterclaim.nlp.syntax import SUBJECTS, acronym_subject, dated_subject, repaired_subject
from counterclaim.records import Attribution, Span

#: What may separate a speaker from an adjacent quotation: blanks, commas, colons, dashes.
_GLUE = re.compile(r"[\s,:;—–-]*")
_CONTINUED = re.compile(r"[^\n\"“”«»]{0,80}?[.,]?[^\S\n]*")
#: What a speaker's name never spans: a paragraph break or a dateline dash ("CITY (Agency) – Jane Doe said").
_SOURCE_BREAK = re.compile(r"\n|\s[–—―]\s|\s--\s")
_CUE_LEFT = ("aux", "auxpass", "neg")
_COMPLEMENTS = ("dobj", "dative", "prep", "ccomp", "xcomp", "oprd", "attr", "npadvmod", "acomp")
_INHERITING = ("conj", "xcomp", "advcl", "acl")
_PARENTHETICAL = ("parataxis", "ccomp", "advcl")
#: Links by which a clause hangs inside another's complement: "said [that she believed [he wanted ...]]".
_EMBEDDED = ("ccomp", "xcomp", "conj")
_QUOTE_SPACE_KEY = "counterclaim.quote_space"


@dataclass(frozen=True)
class _Content:
    """A content range found for a cue and the rule that found it."""

    start: int
    end: int
    rule: str
    confidence: float
    direct: bool


def verb_attributions(doc: Doc, lexicon: CueLexicon, quotes: QuoteIndex) -> list[Attribution]:
    """Every attribution whose cue is a reporting verb."""
    found = []
    for i in lexicon.verbs_among(doc, lexicon.speech | lexicon.attitude):
        tok = doc[i]
        kind = lexicon.verb_kind(tok)
        if kind is None or quotes.encloses(tok.idx) or _naming(tok) or _in_question(tok):
            # a report quoted within a report, a name ("so-called") or a question is not annotated
            continue
        lead = _phase_verb(tok, lexicon)
        if (lead is None and _infinitive(tok)) or _modal(tok) or (kind == ATTITUDE and _reported(tok, lexicon)):
            # "wants voters to know", "met to discuss": a purpose or a wish, not a report;
            # "she said she wanted to ...": the belief is part of what was said, not a report of its own
            continue
        if lexicon.lemma(tok) in lexicon.preposition_only and not _takes_cue_preposition(tok, lexicon):
            continue  # "spoke about the flood" reports, "spoke at a rally" does not
        named = acronym_subject(tok)  # "IS claimed": the auxiliary the parser saw is the speaker
        passive = any(c.dep_ in ("auxpass", "nsubjpass") and c != named for c in tok.children)
        source = _passive_agent(tok) if passive else _subject(tok)
        cue = _cue_range(tok, lexicon)
        if lead is not None:  # "went on to say": the phase verb opens the cue
            cue = (_cue_range(lead, lexicon)[0], cue[1])
        content = _content(doc, tok, kind, passive, source, cue, lexicon, quotes)
        if content is None or (source is None and content.rule == "indirect.object"):
            continue  # "to support X" with nobody supporting is a plan or a purpose, not a report
        confidence = content.confidence if source is not None else content.confidence - 0.2
        found.append(
            Attribution(
                source=_source_span(doc, source, lexicon),
                cue=char_span(doc, *cue),
                content=char_span(doc, content.start, content.end),
                direct=content.direct,
                producer=f"attribution.{content.rule}",
                confidence=round(max(confidence, 0.1), 2),
            )
        )
    return found


def _infinitive(tok: Token) -> bool:
    """Whether a verb is a to-infinitive ("to say"): PolNeAR rarely marks one as a cue of its own."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _modal(tok: Token) -> bool:
    """Whether a verb is under a modal ("would support", "could say"): a possible report, not one made."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _phase_verb(tok: Token, lexicon: CueLexicon) -> Token | None:
    """The verb of phase a report's infinitive continues ("went on to say", "began to argue"), if any."""
    head = tok.head
    if tok.dep_ not in ("xcomp", "advcl") or head.i == tok.i or not _infinitive(tok):
        return None
    phrasal = " ".join([lexicon.lemma(head), *(c.lower_ for c in head.children if c.dep_ == "prt")])
    return head if phrasal in lexicon.phase else None


def _reported(tok: Token, lexicon: CueLexicon) -> bool:
    """Whether a verb lies inside the complement clause of a verb of saying ("said he believed ...")."""
    while tok.dep_ in _EMBEDDED and tok.head.i != tok.i:
        tok = tok.head
        if lexicon.verb_kind(tok) == SPEECH:
            return True
    return False


def _in_question(tok: Token) -> bool:
    """Whether a verb sits in a question ("Do you think ...?"): asking is no report of a view.

    A sentence with a quotation mark is the quoted speaker's question, not the
    narrator's. Read off per-doc lists of token flags, since many cues ask.
    """
    sentence = tok.sent
    doc = tok.doc
    quote, space = memo(doc, _QUOTE_SPACE_KEY, lambda: doc.to_array([IS_QUOTE, IS_SPACE]).T.tolist())
    if any(quote[sentence.start : sentence.end]):
        return False
    last = next((k for k in range(sentence.end - 1, sentence.start - 1, -1) if not space[k]), None)
    return last is not None and token_texts(doc)[last] == "?"


def _naming(tok: Token) -> bool:
    """A participle naming or describing a noun ("a show called X", "the so-called deal"): no one speaks."""
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "compound") and not any(c.dep_ == "agent" for c in tok.children)


def _source_span(doc: Doc, source: Token | None, lexicon: CueLexicon) -> Span | None:
    """The source's subtree, without a trailing report ("X, who said ...") or participle ("X, speaking at ...").

    A dateline or an earlier paragraph the parse glued on is cut off, and so are
    leading focus adverbs ("even", "only"), which PolNeAR leaves out of the source.
    """
    if source is None:
        return None

    def reports(child: Token) -> bool:
        """A clause that is itself a report, or an "X, speaking at ..." circumstance."""
        if child.dep_ not in ("relcl", "acl"):
            return False
        return child.tag_ == "VBG" or any(lexicon.verb_kind(t) for t in child.subtree)

    bounds = pruned_bounds(source, reports)
    if not bounds:
        return None
    breaks = list(_SOURCE_BREAK.finditer(doc_text(doc), bounds[0], source.idx))
    if breaks:
        bounds = (breaks[-1].end(), bounds[1])
    lead = doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    for tok in lead or ():
        if tok.i == source.i or tok.dep_ not in ("advmod", "preconj") or tok.head.i == tok.i:
            break
        bounds = (tok.idx + len(tok.text), bounds[1])
    return char_span(doc, *bounds)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The speaker: the verb's subject, or the governing verb's for "…, saying" and "and added"."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:  # two subjects are a misparse, often of a dateline ("CITY (Agency) – X said"): the nearest speaks
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in _CUE_LEFT for c in verb.children):
        return None  # "Asked whether ..., the minister said": the main subject was asked, not asking
    repaired = repaired_subject(verb)
    if repaired is not None:
        return repaired
    if depth == 0 and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.i > 0 and verb.doc[verb.i - 1].is_punct:
        # '"…," said Jane Doe' is often parsed with the speaker as the verb's object.
        follower = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if follower is not None and follower.head.i == verb.i and follower.pos_ in ("PROPN", "NOUN", "PRON"):
            return follower
        if follower is not None and follower.head.head.i == verb.i and follower.head.pos_ in ("PROPN", "NOUN"):
            return follower.head
    if depth < 3 and verb.dep_ in _INHERITING and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head if verb.tag_ == "VBG" else None
        return _subject(verb.head, depth + 1)
    return None


def _passive_agent(verb: Token) -> Token | None:
    """The by-phrase object of a passive reporting verb ("was blamed on X by Y").

    The small model often hangs the by-phrase on the preceding noun, so any
    "by" after the verb inside its subtree is taken, the last one winning.
    """
    agents = [t for t in verb.subtree if t.i > verb.i and t.lower_ == "by" and t.dep_ in ("agent", "prep")]
    if not agents:
        return None
    return next((c for c in agents[-1].children if c.dep_ == "pobj"), None)


def _passive_content(verb: Token, source: Token | None) -> tuple[int, int] | None:
    """What a passive report says: its subject with the complements before the by-phrase."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or source is None:
        return None
    by_phrase = source.head
    kept = [subject] + [c for c in verb.rights if c.dep_ in _COMPLEMENTS and c.i < by_phrase.i]
    bounds = union(*(subtree_bounds(c) for c in kept))
    return (bounds[0], min(bounds[1], by_phrase.idx)) if bounds else None


def _cue_range(verb: Token, lexicon: CueLexicon) -> tuple[int, int]:
    """The verb with the auxiliaries, negation and adverbs next to it and its particle ("has since said").

    An infinitive's "to" belongs to the cue when a verb of phase leads it ("went on to say"), as PolNeAR marks it.
    """
    first = verb
    k = verb.i - 1
    doc = verb.doc
    named = acronym_subject(verb)
    while k >= 0:
        prev = doc[k]
        if prev == named:
            break
        if prev.head.i == verb.i and (prev.dep_ in _CUE_LEFT or (prev.dep_ == "advmod" and prev.tag_ != "WRB")):
            first = prev
            k -= 1
        else:
            break
    last = verb
    for child in verb.rights:
        if (child.dep_ == "prt" and child.i == last.i + 1) or (
            child.dep_ == "prep" and child.i == last.i + 1 and child.lower_ in _cue_prepositions(verb, lexicon)
        ):
            last = child
        elif child.dep_ == "prep" and child.i == last.i + 1 and _channel(child, lexicon):
            last = child.right_edge
        elif child.dep_ == "advmod" and child.tag_ == "RB" and child.i == last.i + 1:
            last = child
    return token_bounds((first, last))


def _takes_cue_preposition(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether the word right after a verb is one of its cue prepositions ("spoke about")."""
    preps = _cue_prepositions(verb, lexicon)
    return any(c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in preps for c in verb.rights)


def _cue_prepositions(verb: Token, lexicon: CueLexicon) -> frozenset[str]:
    """Prepositions that complete this verb's cue ("called for")."""
    return lexicon.verb_prepositions.get(lexicon.lemma(verb), frozenset())


def _channel(prep: Token, lexicon: CueLexicon) -> bool:
    """Whether a preposition names the channel of a statement ("in a statement")."""
    return prep.lower_ == "in" and any(c.dep_ == "pobj" and lexicon.lemma(c) in lexicon.channels for c in prep.children)


def _content(
    doc: Doc,
    verb: Token,
    kind: str,
    passive: bool,
    source: Token | None,
    cue: tuple[int, int],
    lexicon: CueLexicon,
    quotes: QuoteIndex,
) -> _Content | None:
    """The content of the report, tried from the most to the least explicit form."""
    lemma = lexicon.lemma(verb)
    hearer = [c for c in verb.children if c.dep_ in ("dobj", "dative")] if lemma in lexicon.hearer_object else []
    clause = _clause(verb, kind, passive)
    quote_only = lemma in lexicon.quote_only
    if kind != ATTITUDE and (
        quote_only or clause is None or clause.i < verb.i or quotes.overlapping(*subtree_bounds(clause))
    ):
        around = union(cue, subtree_bounds(source) if source is not None else None, *map(subtree_bounds, hearer))
        direct = _adjacent_quote(doc_text(doc), around, quotes)
        if direct is not None or quote_only:
            return direct
    if clause is not None:
        lost = dated_subject(clause)  # "said on Monday fighters from X were ...": the subject the parse cut off
        bounds = _with_quotes(union(subtree_bounds(clause), subtree_bounds(lost) if lost else None), quotes)
        is_quoted = bool(quotes.overlapping(*bounds))
        rule = "indirect.passive" if passive else ("direct.clause" if is_quoted else "indirect.clause")
        return _Content(*bounds, rule, 0.85 if kind != ATTITUDE else 0.6, is_quoted)
    if passive and kind != ATTITUDE:
        bounds = _passive_content(verb, source)
        if bounds:
            return _Content(*bounds, "indirect.passive", 0.7, False)
    fronted = _fronted_content(verb, source)
    if fronted is not None:
        return _Content(*fronted, "indirect.fronted", 0.75, bool(quotes.overlapping(*fronted)))
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if verb.dep_ in _PARENTHETICAL and source is not None and verb.head.i != verb.i and not has_object:
        bounds = subtree_without(verb.head, verb)
        if bounds and _set_off(verb):
            bounds = _with_quotes(bounds, quotes)
            return _Content(*bounds, "indirect.parenthetical", 0.75, bool(quotes.overlapping(*bounds)))
    if lemma in lexicon.object_content and (lemma not in lexicon.construal or _construes(verb, lexicon)):
        bounds = _object_range(verb, hearer, _cue_prepositions(verb, lexicon))
        if bounds and bounds[1] > cue[1]:
            bounds = (max(bounds[0], cue[1]), bounds[1])
            return _Content(*bounds, "indirect.passive" if passive else "indirect.object", 0.7, False)
    return None


def _fronted_content(verb: Token, source: Token | None) -> tuple[int, int] | None:
    """ "Two bombs set by X killed 30 people, police said": what was said comes first, the report closes the sentence.

    A long clause before ", police said" is often parsed as a second subject of
    the verb, or as a dependent the parser could not label ("A pair of bombings
    carried out by X killed ...", ``dep``), rather than its complement; everything
    before the comma is the content. The parser may even cut that clause off as
    a sentence of its own, leaving ", police said." alone: the content is then
    the sentence before, when it is on the same line.
    """
    doc = verb.doc
    sentence = verb.sent
    if verb.dep_ != "ROOT" or source is None:
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1 : sentence.end]):
        return None  # "..., police said on Monday": a content clause the parse would have found
    before = source.left_edge.i - 1
    if before < 1 or doc[before].text != ",":
        return None
    if before == sentence.start:
        cut = doc[before - 1].sent
        return None if "\n" in doc[cut.start : before].text else token_bounds(doc[cut.start : before])
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS or c.dep_ == "dep"]
    if len(subjects) < 2 or min(s.i for s in subjects) == source.i or before <= sentence.start:
        return None
    return token_bounds(doc[sentence.start : before])


def _construes(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a verb of seeing casts its object "as" something ("sees the vote as a test"): a view, not a sighting."""
    return lexicon.lemma(verb) in lexicon.construal and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights)


def _clause(verb: Token, kind: str, passive: bool) -> Token | None:
    """The complement clause: "that ..." (ccomp), or "to ..." (xcomp) for claims and beliefs."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if not passive:
        for child in verb.children:
            if child.dep_ == "xcomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children):
                return child
    return None


def _set_off(token: Token) -> bool:
    """Whether a token's subtree is set off by punctuation or quotation marks on each side."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    before = doc[left] if doc[left].is_punct else (doc[left - 1] if left > 0 else None)
    after = doc[right] if doc[right].is_punct else (doc[right + 1] if right + 1 < len(doc) else None)
    return (before is None or before.is_punct or before.is_quote) and (after is None or after.is_punct)


def _object_range(verb: Token, hearer: list[Token], cue_preps: frozenset[str]) -> tuple[int, int] | None:
    """The object and modifiers after the verb, up to the first punctuation: "denied the report"."""
    kept = []
    for child in verb.rights:
        if child.dep_ == "punct" or child.dep_ in ("cc", "conj"):
            break
        if child in hearer or child.dep_ not in _COMPLEMENTS:
            continue
        kept.append(child)
    if not any(c.dep_ in ("dobj", "ccomp", "xcomp") or c.lower_ in cue_preps for c in kept):
        return None
    return union(*(subtree_bounds(c) for c in kept))


def _adjacent_quote(text: str, around: tuple[int, int], quotes: QuoteIndex) -> _Content | None:
    """A quotation right before or after the speaker and cue, joined with its continuation.

    "…," she said, "…" gives one content from the first quotation to the second.
    """
    lo, hi = around
    before = quotes.ending_at_or_before(lo)
    after = quotes.starting_at_or_after(hi)
    before_ok = before is not None and _glued(text, before.end, lo)
    after_ok = after is not None and _glued(text, hi, after.start)
    if before_ok and not after_ok and after is not None and hi <= after.start:
        # "…," he said. "…" continues the same quotation in the next sentence.
        after_ok = _CONTINUED.fullmatch(text, hi, after.start) is not None
    if before_ok and after_ok:
        return _Content(before.start, after.end, "direct.speaker_inside", 0.9, True)
    if before_ok:
        return _Content(before.start, before.end, "direct.speaker_after", 0.9, True)
    if after_ok:
        colon = ":" in text[hi : after.start]
        return _Content(after.start, after.end, "direct.colon" if colon else "direct.speaker_before", 0.85, True)
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """Whether only blanks and light punctuation lie between two positions."""
    return start <= end and _GLUE.fullmatch(text, start, end) is not None


def _with_quotes(bounds: tuple[int, int], quotes: QuoteIndex) -> tuple[int, int]:
    """A content range grown to the quotations it cuts into, so a quote is never half taken."""
    grown: list[tuple[int, int] | None] = [bounds]
    grown.extend((q.start, q.end) for q in quotes.overlapping(*bounds) if _partly_in(q, bounds))
    return union(*grown) or bounds


def _partly_in(quote: Quote, bounds: tuple[int, int]) -> bool:
    """Whether a quotation crosses an edge of ``bounds``."""
    return quote.start < bounds[0] < quote.end or quote.start < bounds[1] < quote.end
