"""Speech acts the narrator reports in their own words, found from cue words and syntax.

"X claimed responsibility", "X blamed the attack on Y", "the attack was blamed
on Y by X", "X accused Y of ...", "officials pointed fingers at Y", "X held Y
responsible", "X identified Y as the group responsible", "X denied any role",
"X condemned the attack", "X vowed to punish those behind it", and "X
confirmed that ..." whose clause says who is responsible. Each cue token
yields one act, from the first ``act`` rule of the registry that fires on it
(``nlp/statement/rules/``); reported speech found by ``cc_attributions``
becomes an act through the ``speech`` rule. This module holds the act record,
what the rules read off a cue, and the runner that applies them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

import numpy
from spacy.attrs import IDX, POS
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.rules.registry import Chain
from counterclaim.nlp.statement.speakers import clause_subject, passive_agent
from counterclaim.nlp.statement.targets import Blame, TargetFinder, is_hedged, is_negated
from counterclaim.nlp.tokenwords import lemma_mask, lower_mask

ActKind = Literal["claim", "blame", "deny", "condemn", "report"]


@dataclass
class Act:
    """One speech act before its speaker, targets and stance are resolved.

    ``producer`` is the fine-grained id kept in the evidence ("narrated.claim.take");
    ``rule`` is the registered rule that found the act ("act.claim").
    """

    kind: ActKind
    cue: Token
    speaker: Token | None
    producer: str
    targets: list[Blame] = field(default_factory=list)
    content: Span | None = None
    direct: bool = False
    negated: bool = False
    hedged: bool = False
    elsewhere: bool = False  # a claim of other operations ("claimed several attacks on army posts")
    rule: str = ""


def child(token: Token, *deps: str, lemma: str | None = None) -> Token | None:
    """The first child of ``token`` in one of ``deps`` (with that lemma, if given)."""
    return next((c for c in token.children if c.dep_ in deps and (lemma is None or c.lemma_.lower() == lemma)), None)


#: Words that make a bare "did" repeat the act before it: "as did X", "and so did X", "X did too".
_ECHO_MARKERS = ("as", "so", "too", "likewise")


def _echoes(verb: Token) -> list[tuple[Token, Token]]:
    """Elliptical repeats of an act by others ("X condemned the siege, as did Y"): (the auxiliary, Y)."""
    found = []
    for echo in verb.children:
        if echo.dep_ not in ("advcl", "conj") or echo.lemma_.lower() not in ("do", "have"):
            continue
        if not any(c.lower_ in _ECHO_MARKERS for c in echo.children) or any(c.dep_ == "dobj" for c in echo.children):
            continue
        subject = next((c for c in echo.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            found.append((echo, subject))
    return found


def pobj(token: Token, *prepositions: str) -> Token | None:
    """The object of a preposition under ``token`` ("blamed it on X" -> X)."""
    for found in token.children:
        if found.dep_ in ("prep", "dative", "agent") and found.lower_ in prepositions:
            obj = child(found, "pobj")
            if obj is not None:
                return obj
    return None


def owner_named(noun: Token, nouns: frozenset[str]) -> Token | None:
    """Whose claim or role a noun names ("the Daesh claim", "any IS role", "Pakistan's involvement"), or None."""
    if noun.lemma_.lower() not in nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
    if owner is None:  # "claims by the Somali militant group Al-Shabaab", "a claim of responsibility by X"
        agents = (t for t in noun.subtree if t.lower_ == "by" and t.dep_ in ("prep", "agent"))
        owner = next((child(t, "pobj") for t in agents), None)
    return owner


def subtree_span(token: Token) -> Span:
    """The words ``token`` heads, as a span."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


@dataclass
class Cue:
    """A word an ``act`` rule may read as a speech act, with what the rules read off it (each once, when asked)."""

    token: Token
    lex: StanceLexicon
    targets: TargetFinder

    @cached_property
    def lemma(self) -> str:
        return self.token.lemma_.lower()

    @cached_property
    def obj(self) -> Token | None:
        """The direct object ("claimed *responsibility*", "accused *X*")."""
        return child(self.token, "dobj")

    @cached_property
    def passive(self) -> Token | None:
        """The passive subject ("*the attack* was blamed on X")."""
        return child(self.token, "nsubjpass")

    @cached_property
    def describes(self) -> bool:
        """Whether the cue is a past participle hung on a noun ("the raid, condemned by X", "the attack claimed by X").

        Such a participle is passive, with no verb of its own: the noun is what was done, its agent who did it.
        """
        return self.token.dep_ == "acl" and self.token.tag_ == "VBN"

    @cached_property
    def speaker(self) -> Token | None:
        """Who acts: the ``by`` agent of a passive cue (a participle that :attr:`describes` a noun is one), else the
        subject of its clause."""
        return passive_agent(self.token) if self.passive is not None or self.describes else clause_subject(self.token)

    def act(self, kind: ActKind, producer: str, targets: list[Blame] | None = None, **kwargs) -> list[Act]:
        """The one act this cue reports, spoken by :attr:`speaker`."""
        return [Act(kind, self.token, self.speaker, producer, targets or [], **kwargs)]


class NarratedCues:
    """Finds narrated speech acts token by token with the ``act`` rules of the registry."""

    def __init__(self, lexicon: StanceLexicon, targets: TargetFinder, rules: Chain[list[Act]]) -> None:
        self.lex = lexicon
        self.targets = targets
        self.rules = rules
        #: Every verb lemma some ``act`` rule starts from (from the rules' keys): any other verb is skipped at once.
        self.cue_lemmas = rules.lemmas
        #: Word forms some ``act`` rule starts from (the condemnation nouns).
        self.cue_forms = rules.forms

    def acts(self, doc: Doc, end: int) -> list[Act]:
        """Every narrated act whose cue lies before character ``end`` (where content stops)."""
        out = []
        for i in self._possible_cues(doc, end):
            token = doc[i]
            for act in self.act(token):
                if act.kind != "report" and self.habitual(token):
                    continue  # "has repeatedly rejected such accusations": a habit, not a statement about this attack
                if act.kind == "claim" and self._obliged(token):
                    continue  # "X must take responsibility": a demand on X, not X's claim
                act.negated = is_negated(token, self.lex)
                # a noun's governing verb hedges someone's talk of the act ("the claim could not be verified")
                act.hedged = act.hedged or (token.pos_ in ("VERB", "AUX") and is_hedged(token, self.lex))
                if act.kind == "claim" and act.hedged and self._sourced(token):
                    act.hedged = False  # "X has reportedly claimed it": the outlet's sourcing, not a doubtful claim
                out.append(act)
                out += [
                    replace(act, cue=echo, speaker=who, producer=f"{act.producer}.echo") for echo, who in _echoes(token)
                ]
        return out

    def _sourced(self, verb: Token) -> bool:
        """Whether the only hedge on ``verb`` is a word of the outlet's sourcing ("reportedly")."""
        hedges = [c for c in verb.children if c.dep_ in ("aux", "advmod") and c.lower_ in self.lex.hedge_modals]
        return bool(hedges) and all(c.lower_ in self.lex.sourcing_hedges for c in hedges)

    def _possible_cues(self, doc: Doc, end: int) -> Iterator[int]:
        """Indices of the tokens before character ``end`` that :meth:`acts` must look at.

        Those are verbs with a cue lemma and nouns or names with a cue form (every other
        word starts no rule). They are read off attribute arrays, so no Token
        object is built for the many other tokens.
        """
        if not len(doc):
            return
        pos, starts = doc.to_array([POS, IDX]).T
        verbs = ((pos == VERB) | (pos == AUX)) & lemma_mask(doc, self.cue_lemmas.__contains__)
        nouns = ((pos == NOUN) | (pos == PROPN)) & lower_mask(doc, self.cue_forms.__contains__)
        yield from numpy.flatnonzero((starts < end) & (verbs | nouns)).tolist()

    def act(self, token: Token) -> list[Act]:
        """The acts ``token`` reports: the answer of the first ``act`` rule that fires on it.

        Mostly one act; a cue may report two ("India rejected Pakistan's
        accusations": India's denial and, reported with it, Pakistan's accusation).
        """
        return self.rules.named(Cue(token, self.lex, self.targets), token=token)

    def _obliged(self, verb: Token) -> bool:
        """ "must take responsibility", "needs to take responsibility": what someone ought to do."""
        modals = self.lex.obligation_modals
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in modals

    def habitual(self, verb: Token) -> bool:
        """ "has repeatedly rejected", "have repeatedly fired drones ... and claimed": a habit, not this attack."""
        verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
        return any(c.dep_ == "advmod" and c.lower_ in self.lex.habitual_adverbs for v in verbs for c in v.children)
