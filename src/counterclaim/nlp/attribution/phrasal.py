"""Cues that are not verbs: "according to X, ..." and nouns such as "X's claim that ...".

Both are read off the parse: the prepositional cue's object is the source and
the clause it modifies (minus the cue phrase) is the content; a cue noun needs
a that-clause complement, so relative clauses ("the statement he made") are
not taken for reports.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from counterclaim.nlp.attribution.cues import CueLexicon
from counterclaim.nlp.attribution.quotes import QuoteIndex
from counterclaim.nlp.attribution.spans import char_span, pruned_bounds, subtree_bounds, subtree_without, token_bounds
from counterclaim.nlp.tokenwords import lowers
from counterclaim.records import Attribution

#: Prepositions that still name the source: "a report from the inspector general", "a poll by X".
_SOURCE_PREPOSITIONS = frozenset({"of", "from", "by", "for", "at", "with"})


def preposition_attributions(doc: Doc, lexicon: CueLexicon, quotes: QuoteIndex) -> list[Attribution]:
    """Attributions cued by a multi-word preposition such as "according to"."""
    found = []
    words = lowers(doc)
    for phrase in lexicon.source_prepositions:
        size = len(phrase)
        for i, word in enumerate(words):
            if word != phrase[0] or i + size > len(doc):
                continue
            tok = doc[i]
            span = doc[tok.i : tok.i + size]
            if tuple(t.lower_ for t in span) != phrase:
                continue
            source = next((c for t in span for c in t.children if c.dep_ == "pobj"), None)
            head = _clause_head(tok)
            phrase_top = tok if tok.head.i not in range(tok.i, tok.i + size) else tok.head
            content = subtree_without(head, phrase_top) if head is not None and head.i != phrase_top.i else None
            if source is None or content is None:
                continue
            found.append(
                Attribution(
                    source=char_span(doc, *pruned_bounds(source, _circumstance)),
                    cue=char_span(doc, *token_bounds(span)),
                    content=char_span(doc, *content),
                    direct=bool(quotes.overlapping(*content)),
                    producer="attribution.according_to",
                    confidence=0.85,
                )
            )
    return found


def finding_attributions(doc: Doc, lexicon: CueLexicon, quotes: QuoteIndex) -> list[Attribution]:
    """Findings located "in" a poll or study: "In the latest survey, 40 percent back X".

    The preposition is the cue and the poll its source, as PolNeAR annotates;
    only nouns of measured findings count (a statement "in a speech" has a
    verb cue of its own).
    """
    found = []
    for i, word in enumerate(lowers(doc)):
        if word != "in":
            continue
        tok = doc[i]
        if tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        source = next(
            (c for c in tok.children if c.dep_ == "pobj" and c.tag_ == "NN" and lexicon.lemma(c) in lexicon.findings),
            None,
        )
        content = subtree_without(tok.head, tok) if source is not None else None
        if content is None:
            continue
        found.append(
            Attribution(
                source=char_span(doc, *subtree_bounds(source)),
                cue=char_span(doc, tok.idx, tok.idx + len(tok.text)),
                content=char_span(doc, *content),
                direct=bool(quotes.overlapping(*content)),
                producer="attribution.finding",
                confidence=0.6,
            )
        )
    return found


def _circumstance(child: Token) -> bool:
    """A modifier telling where or when a source spoke, not who it is ("X in a filing to be released")."""
    return child.dep_ in ("acl", "relcl") or (child.dep_ == "prep" and child.lower_ not in _SOURCE_PREPOSITIONS)


def _clause_head(token: Token) -> Token | None:
    """The verb of the clause a phrase modifies (its sentence root when it hangs off a noun)."""
    head = token.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.i != token.i else None


def noun_attributions(doc: Doc, lexicon: CueLexicon, quotes: QuoteIndex) -> list[Attribution]:
    """Attributions cued by a noun: "the group's claim that ...", "its decision to ...", "her support for ...".

    A that-clause makes any cue noun a report; an infinitive ("decision to") and
    a preposition ("support for") only the nouns listed for them, and only with
    a possessor or by-phrase naming the source, since "support for the bill"
    alone names no one's view.
    """
    found = []
    # _noun_frame turns away any noun whose lemma none of these lists holds
    cues = lexicon.nouns | lexicon.infinitive_nouns | frozenset(lexicon.noun_prepositions)
    for i in lexicon.nouns_among(doc, cues):
        tok = doc[i]
        lemma = lexicon.lemma(tok)
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        source = owner or _by_phrase(tok)
        frame = _noun_frame(tok, lemma, lexicon, source is not None)
        if frame is None:
            continue
        content_head, cue_prep, rule = frame
        content = subtree_bounds(content_head)
        cue = _noun_cue(tok, owner, source) + ([cue_prep] if cue_prep is not None else [])
        found.append(
            Attribution(
                source=char_span(doc, *_owner_bounds(source)) if source is not None else None,
                cue=char_span(doc, *token_bounds(cue)),
                content=char_span(doc, *content),
                direct=bool(quotes.overlapping(*content)),
                producer=rule,
                confidence=0.6 if source is not None else 0.4,
            )
        )
    return found


def _noun_frame(noun: Token, lemma: str, lexicon: CueLexicon, sourced: bool) -> tuple[Token, Token | None, str] | None:
    """What a cue noun reports (clause or prepositional object), the preposition joining the cue, and the rule."""
    if lemma in lexicon.nouns:
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
        if clause is not None:
            return clause, None, "attribution.noun"
    if not sourced:
        return None
    if lemma in lexicon.infinitive_nouns:
        clause = next((c for c in noun.rights if c.dep_ == "acl" and _has_to(c)), None)
        if clause is not None:
            return clause, None, "attribution.noun.infinitive"
    preps = lexicon.noun_prepositions.get(lemma)
    if preps:
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in preps:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return pobj, child, "attribution.noun.object"
    return None


def _has_to(clause: Token) -> bool:
    """Whether a clause is an infinitive with "to" ("a decision to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _noun_cue(noun: Token, owner: Token | None, source: Token | None) -> list[Token]:
    """The cue noun with its determiner and modifiers ("an earlier statement"), as PolNeAR marks it.

    A "from"/"by" introducing the source belongs to the cue; a possessive's "'s"
    does not (PolNeAR leaves it out of the cue more often than it puts it in).
    """
    left = [t for c in noun.lefts if c.dep_ != "poss" for t in c.subtree]
    by = [source.head] if source is not None and owner is None else []
    return [*left, noun, *by]


def _owner_bounds(source: Token) -> tuple[int, int] | None:
    """A source's subtree without its possessive "'s"."""
    return token_bounds([t for t in source.subtree if not (t.dep_ == "case" and t.head.i == source.i)])


def _has_that(clause: Token) -> bool:
    """Whether a clause opens with the complementiser "that" (not a relative pronoun)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _by_phrase(noun: Token) -> Token | None:
    """The object of a "by"/"from" phrase after a cue noun ("a statement by the ministry")."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
