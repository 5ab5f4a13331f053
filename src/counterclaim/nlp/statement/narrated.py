"""Speech acts the narrator reports in their own words, found from cue words and syntax.

"X claimed responsibility", "X blamed the attack on Y", "the attack was blamed
on Y by X", "X accused Y of ...", "officials pointed fingers at Y", "X held Y
responsible", "X identified Y as the group responsible", "X denied any role",
"X condemned the attack", "X vowed to punish those behind it", and "X
confirmed that ..." whose clause says who is responsible. Reported speech found
by ``cc_attributions`` becomes an act too (see :func:`reported_act`); each cue
token yields one act.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy
from spacy.attrs import IDX, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.speakers import clause_subject, passive_agent
from counterclaim.nlp.statement.targets import (
    RESUMPTIVE,
    Blame,
    TargetFinder,
    generic_attack,
    is_hedged,
    is_negated,
)
from counterclaim.nlp.tokenwords import lemma_mask, lower_mask
from counterclaim.records import Attribution

ActKind = Literal["claim", "blame", "deny", "condemn", "report"]


@dataclass
class Act:
    """One speech act before its speaker, targets and stance are resolved."""

    kind: ActKind
    cue: Token
    speaker: Token | None
    rule: str
    targets: list[Blame] = field(default_factory=list)
    content: Span | None = None
    direct: bool = False
    negated: bool = False
    hedged: bool = False
    elsewhere: bool = False  # a claim of other operations ("claimed several attacks on army posts")


def _child(token: Token, *deps: str, lemma: str | None = None) -> Token | None:
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


def _owner_named(noun: Token, nouns: frozenset[str]) -> Token | None:
    """Whose claim or role a noun names ("the Daesh claim", "any IS role", "Pakistan's involvement"), or None."""
    if noun.lemma_.lower() not in nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
    if owner is None:  # "claims by the Somali militant group Al-Shabaab", "a claim of responsibility by X"
        agents = (t for t in noun.subtree if t.lower_ == "by" and t.dep_ in ("prep", "agent"))
        owner = next((_child(t, "pobj") for t in agents), None)
    return owner


def _named_membership(verb: Token, obj: Token) -> Token | None:
    """The organisation an "as" phrase puts someone in ("described him as a senior al-Shabaab commander").

    A person named as the mastermind is blamed as a member of the group the
    same phrase names; a name compounded to a noun of the phrase is that group.
    """
    as_words = [t for t in verb.subtree if t.i > obj.i and t.lower_ == "as"]
    if not as_words:
        return None
    phrase = list(as_words[0].subtree)
    return next((t for t in phrase if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.pos_ == "NOUN"), None)


def _pobj(token: Token, *prepositions: str) -> Token | None:
    """The object of a preposition under ``token`` ("blamed it on X" -> X)."""
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in prepositions:
            found = _child(child, "pobj")
            if found is not None:
                return found
    return None


def _that_clause(verb: Token) -> Token | None:
    """A "that" clause the parse hung elsewhere under the verb ("confirmed in a statement that ...")."""
    for token in verb.subtree:
        if token.i > verb.i and token.lower_ == "that" and token.dep_ == "mark" and token.head.i > token.i:
            return token.head
    return None


def _subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


class NarratedCues:
    """Finds narrated speech acts token by token from the stance lexicon."""

    def __init__(self, lexicon: StanceLexicon, targets: TargetFinder) -> None:
        self.lex = lexicon
        self.targets = targets
        #: Verbs that name someone as responsible: "held X responsible", "identified X as", "described X as".
        self._naming = lexicon.hold_verbs | lexicon.identify_verbs | lexicon.label_verbs
        #: Every verb lemma some rule of :meth:`act` starts from: any other verb is skipped at once.
        self.cue_lemmas = frozenset().union(
            lexicon.claim_verbs,
            lexicon.restate_verbs,
            lexicon.accuse_verbs,
            (phrase.verb for phrase in lexicon.finger_phrases),
            lexicon.hold_verbs,
            lexicon.identify_verbs,
            lexicon.attribute_verbs,
            lexicon.deny_verbs,
            lexicon.condemn_verbs,
            lexicon.vow_verbs,
            lexicon.confirm_verbs,
            lexicon.report_verbs,
            lexicon.label_verbs,
        )

    def acts(self, doc: Doc, end: int) -> list[Act]:
        """Every narrated act whose cue lies before character ``end`` (where content stops)."""
        out = []
        for i in self._possible_cues(doc, end):
            token = doc[i]
            if token.pos_ in ("VERB", "AUX"):
                act = self.act(token)
            elif token.pos_ == "NOUN" and token.lower_ in self.lex.condemn_nouns:
                act = self.condemnation(token)
            else:
                continue
            if act is not None and act.kind != "report" and self.habitual(token):
                continue  # "has repeatedly rejected such accusations": a habit, not a statement about this attack
            if act is not None and act.kind == "claim" and self._obliged(token):
                continue  # "X must take responsibility": a demand on X, not X's claim
            if act is not None:
                act.negated = is_negated(token, self.lex)
                act.hedged = act.hedged or is_hedged(token, self.lex)
                out.append(act)
                out += [replace(act, cue=echo, speaker=who, rule=f"{act.rule}.echo") for echo, who in _echoes(token)]
        return out

    def _possible_cues(self, doc: Doc, end: int) -> Iterator[int]:
        """Indices of the tokens before character ``end`` that :meth:`acts` must look at.

        Those are verbs with a cue lemma (:meth:`act` turns any other verb away
        at once) and condemnation nouns. They are read off attribute arrays, so
        no Token object is built for the many other tokens.
        """
        if not len(doc):
            return
        pos, starts = doc.to_array([POS, IDX]).T
        verbs = ((pos == VERB) | (pos == AUX)) & lemma_mask(doc, self.cue_lemmas.__contains__)
        nouns = (pos == NOUN) & lower_mask(doc, self.lex.condemn_nouns.__contains__)
        yield from numpy.flatnonzero((starts < end) & (verbs | nouns)).tolist()

    def act(self, verb: Token) -> Act | None:
        """The act ``verb`` reports, if it is a cue of the lexicon used the way a cue is used."""
        lemma = verb.lemma_.lower()
        if lemma not in self.cue_lemmas:
            return None
        lex = self.lex
        obj = _child(verb, "dobj")
        passive = _child(verb, "nsubjpass")
        speaker = passive_agent(verb) if passive is not None else clause_subject(verb)
        if lemma in lex.claim_verbs and self._claims(verb, obj or passive):
            claimed = (
                _pobj(obj, "for") or _pobj(verb, "for")
                if obj is not None and obj.lemma_.lower() in lex.responsibility_nouns
                else obj or passive
            )
            act = Act("claim", verb, speaker, f"narrated.claim.{lemma}")
            act.elsewhere = claimed is not None and generic_attack(claimed)
            return act
        if lemma in lex.restate_verbs and obj is not None and obj.lemma_.lower() in lex.claim_nouns:
            return Act("claim", verb, speaker, f"narrated.claim.{lemma}")  # "the group repeated the claim"
        if lemma in lex.accuse_verbs:
            return self._accusation(verb, obj, passive, speaker)
        for phrase in lex.finger_phrases:
            if lemma == phrase.verb and obj is not None and obj.lemma_.lower() == phrase.object:
                party = _pobj(obj, phrase.preposition) or _pobj(verb, phrase.preposition)
                if party is not None:
                    return Act("blame", verb, speaker, f"narrated.{phrase.verb}_{phrase.object}", [Blame(party, "cue")])
        if lemma in self._naming and obj is not None and self._as_responsible(verb, obj):
            blamed = _named_membership(verb, obj) or obj
            return Act("blame", verb, speaker, f"narrated.{lemma}_responsible", [Blame(blamed, "cue")])
        held = self._held_responsible(verb) if lemma in lex.hold_verbs else None
        if held is not None:
            return Act("blame", verb, speaker, f"narrated.{lemma}_responsible", [Blame(held, "cue")])
        if lemma in lex.identify_verbs and obj is not None and self.targets.anonymous(obj):
            group = _pobj(verb, "as") or _pobj(obj, "as")
            if group is not None:
                return Act("blame", verb, speaker, f"narrated.{lemma}_as", [Blame(group, "cue")])
        if lemma in lex.attribute_verbs and self.targets.is_attack(obj or passive):
            party = _pobj(verb, "to", "with") or _pobj(obj or passive, "to", "with")
            if party is not None:
                return Act("blame", verb, speaker, f"narrated.{lemma}_to", [Blame(party, "cue")])
        if lemma in lex.deny_verbs:
            return self._denial(verb, obj, speaker)
        if lemma in lex.condemn_verbs and (obj is None or self._about_attack(obj)):
            return Act("condemn", verb, speaker, f"narrated.condemn.{lemma}")
        if lemma in lex.vow_verbs:
            action = _child(verb, "xcomp")
            if action is not None and action.lemma_.lower() in lex.vow_actions:
                return Act("condemn", verb, speaker, f"narrated.vow.{action.lemma_.lower()}")
        clause = _child(verb, "ccomp") or _that_clause(verb)
        if clause is not None and lemma in lex.confirm_verbs | lex.claim_verbs | lex.report_verbs:
            content = _subtree_span(clause)
            quoted = any(t.is_quote for t in content)
            return Act("report", verb, speaker, f"narrated.report.{lemma}", content=content, direct=quoted)
        if lemma in lex.label_verbs and obj is not None:
            content = verb.doc[obj.i : verb.right_edge.i + 1]
            return Act("report", verb, speaker, f"narrated.label.{lemma}", content=content)
        return None

    def condemnation(self, noun: Token) -> Act | None:
        """ "drew condemnation from X and Y", "X's condemnation", "X voiced its condemnation".

        The condemners follow "from"/"by" or own the noun; otherwise the subject
        of the verb governing it speaks, unless that verb is one the attack
        itself does ("the attack drew condemnation"), which names nobody.
        """
        rule = f"narrated.condemn_noun.{noun.lemma_.lower()}"
        governor = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else None
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        speaker = owner or _pobj(noun, "from", "by") or (_pobj(governor, "from", "by") if governor else None)
        if speaker is None and governor is not None and governor.lemma_.lower() not in self.lex.drawn_verbs:
            speaker = clause_subject(governor) if noun.dep_ == "dobj" else None
        return Act("condemn", noun, speaker, rule) if speaker is not None else None

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

    def _held_responsible(self, verb: Token) -> Token | None:
        """ "held X responsible" parsed as a clause ("X responsible") under the verb: X."""
        for clause in verb.children:
            if clause.dep_ in ("ccomp", "xcomp", "oprd") and clause.lower_ in self.lex.responsible_words:
                subject = _child(clause, "nsubj")
                if subject is not None:
                    return subject
        return None

    def _claims(self, verb: Token, obj: Token | None) -> bool:
        """ "claimed responsibility", "took credit", "claimed the attack"."""
        if obj is None:
            return False
        word = obj.lemma_.lower()
        if word in self.lex.responsibility_nouns:
            return True
        return verb.lemma_.lower() not in self.lex.claim_needs_responsibility and self.targets.is_attack(obj)

    def _about_attack(self, token: Token) -> bool:
        return any(self.targets.is_attack(t) or t.lower_ in RESUMPTIVE for t in token.subtree)

    def _accusation(self, verb: Token, obj: Token | None, passive: Token | None, speaker: Token | None) -> Act | None:
        """ "accused X", "blamed X", "blamed the attack on X", "X was blamed by Y", "the attack was blamed on X"."""
        rule = f"narrated.accuse.{verb.lemma_.lower()}"
        patient = obj if obj is not None else passive
        if patient is None:
            return None
        if self.targets.is_attack(patient):
            party = _pobj(verb, "on", "upon") or _pobj(patient, "on", "upon")
            return Act("blame", verb, speaker, rule, [Blame(party, "cue")]) if party is not None else None
        return Act("blame", verb, speaker, rule, [Blame(patient, "cue")])

    def _as_responsible(self, verb: Token, obj: Token) -> bool:
        """ "held X responsible", "identified X as the group responsible / the perpetrator"."""
        for token in verb.subtree:
            if token.i <= obj.i or token.lower_ not in self.lex.responsible_words:
                continue
            between = verb.doc[obj.i : token.i]
            if verb.lemma_.lower() in self.lex.hold_verbs or any(t.lower_ == "as" for t in between):
                return True
        return False

    def _denial(self, verb: Token, obj: Token | None, speaker: Token | None) -> Act | None:
        """ "denied involvement", "rejected the accusation", "denied that it was behind the attack"."""
        rule = f"narrated.deny.{verb.lemma_.lower()}"
        clause = _child(verb, "ccomp")
        if clause is not None:
            return Act("deny", verb, speaker, rule, content=_subtree_span(clause))
        owner = _owner_named(obj, self.lex.owned_denials) if obj is not None else None
        if owner is not None:  # "dismissed the Daesh claim", "rejected any IS role": the owner is cleared
            return Act("deny", verb, speaker, rule, [Blame(owner, "cue")])
        if obj is not None and obj.lemma_.lower() in self.lex.deny_objects:
            return Act("deny", verb, speaker, rule, content=_subtree_span(obj))
        if obj is not None and self.targets.is_attack(obj):  # "rejected all attacks against civilians"
            return Act("condemn", verb, speaker, f"narrated.condemn.{verb.lemma_.lower()}")
        return None


def reported_act(doc: Doc, attribution: Attribution) -> Act | None:
    """An act for reported speech found by ``cc_attributions``: its content is read for who is responsible."""
    if attribution.cue is None or attribution.content is None:
        return None
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    content = doc.char_span(attribution.content.start, attribution.content.end, alignment_mode="expand")
    if cue is None or content is None:
        return None
    speaker = None
    if attribution.source is not None:
        source = doc.char_span(attribution.source.start, attribution.source.end, alignment_mode="expand")
        speaker = source.root if source is not None else None
    return Act("report", cue.root, speaker, "attribution.report", content=content, direct=attribution.direct)
