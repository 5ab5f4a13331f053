"""Condemnation read from what a speaker said rather than from a cue verb.

Speakers condemn without saying "condemn": they call the attack "cowardly" or
"this heinous act", declare themselves "horrified" by it, "stand with" the
victims' country, "firmly oppose terrorism", express "solidarity" or vow to
"hunt down the perpetrators". A reported statement whose words do any of that
is a condemnation by its speaker, unless the words report someone else
condemning ("X condemned the attack, his office said"), which is X's act.
Each way of condemning is a ``condemnation`` rule of the registry
(``rules/condemnations.py``); the word lists live in ``lexicons/stance.yaml``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.parties import Party
from counterclaim.nlp.statement.rules.registry import Chain, Rule
from counterclaim.nlp.statement.stance import Draft, group_of
from counterclaim.nlp.statement.targets import TargetFinder
from counterclaim.nlp.tokenwords import word_flags

#: Possessives by which a speaker names their own side ("my government", "our nation").
_OWN_SIDE = ("my", "our")


class CondemnationReader:
    """Decides whether reported words condemn the attack, and by which rule."""

    def __init__(self, lexicon: StanceLexicon, targets: TargetFinder, rules: Chain[Token]) -> None:
        self.lex = lexicon
        self.targets = targets
        self.rules = rules
        #: Lemmas and forms some rule (or the check for others' condemnation) starts from; other tokens are passed over.
        self.cue_lemmas = rules.lemmas | lexicon.condemn_verbs
        self.cue_forms = rules.forms

    def condemns(self, content: Span) -> Rule[Token] | None:
        """The rule by which ``content`` condemns the attack (horror at it, solidarity with its victims), or None."""
        doc = content.doc
        flags = word_flags(doc, self.cue_lemmas, self.cue_forms)
        cues = [doc[i] for i in range(content.start, content.end) if flags[i]]
        if any(self._others_condemn(token) for token in cues):
            return None
        for token in cues:
            found = self.rules.first(self, token, token=token)
            if found is not None:
                return found[0]
        return None

    def feeling_subject(self, content: Span) -> Token | None:
        """The named subject of a declared feeling ("said X was appalled"): X is the one who condemns."""
        for token in content:
            if token.lower_ in self.lex.condemn_feelings or token.lemma_.lower() in self.lex.condemn_feelings:
                holder = token.head if token.dep_ == "acomp" else token
                subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ == "PROPN":
                    return subject
        return None

    def _others_condemn(self, token: Token) -> bool:
        """A condemning verb with a named subject: someone else's condemnation, narrated on its own.

        "My government deplores ...", "our country condemns ...": the speaker's own side, in the first person.
        """
        if token.lemma_.lower() not in self.lex.condemn_verbs or token.pos_ != "VERB":
            return False
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        own = subject is not None and any(c.dep_ == "poss" and c.lower_ in _OWN_SIDE for c in subject.children)
        return subject is not None and subject.pos_ != "PRON" and not own


#: Kinds of actor that speak through their leaders and officials: their own condemnation repeats their officials'.
_SIDES = ("state", "militant_group")


def most_specific_condemners(drafts: list[Draft]) -> list[Draft]:
    """A state's or group's condemnation is dropped when someone speaking for it also condemns.

    "Iran vowed revenge" and "Supreme Leader X vowed revenge", or "the TTP
    denounced the bombing, its spokesperson condemning it", report one act at
    two levels: the person who speaks for the side is the most specific
    speaker. Organs of an organisation (the Security Council, the
    Secretary-General) speak each for themselves. A state agency's official
    speaks for the state too ("the council's spokesman X said the state
    condemns it": X's act).
    """
    sides = {
        side
        for d in drafts
        if d.stance == "condemn"
        and (owner := d.speaker.affiliation) is not None
        and (d.speaker.actor is None or d.speaker.actor.id != owner.id)
        for side in (owner.id, owner.country if owner.kind == "agency" else None)
        if side
    }
    return [
        d
        for d in drafts
        if not (d.stance == "condemn" and (actor := d.speaker.actor) and actor.kind in _SIDES and actor.id in sides)
    ]


def without_claimants_condemning(drafts: list[Draft]) -> list[Draft]:
    """A group that claims the attack does not condemn it: such a "condemnation" is a misreading, dropped."""
    claimants = {d.target.actor.id for d in drafts if d.stance == "claim" and d.target and d.target.actor}
    return [
        d for d in drafts if not (d.stance == "condemn" and (group := group_of(d.speaker)) and group.id in claimants)
    ]


#: Entity types that make a phrase a name ("Uzbek leaders", "the Vatican").
_NAME_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


def named_condemner(doc: Doc, speaker: Party, lexicon: StanceLexicon) -> bool:
    """Whether a condemnation's speaker names someone: an actor, a side, a person, a name or one office-holder.

    "People across the region condemned the attack", "world leaders
    condemned it": a crowd of common nouns says no one in particular
    condemned. "The governor vowed ..." names the one holding that office.
    """
    if speaker.actor is not None or speaker.affiliation is not None or speaker.is_person:
        return True
    span = speaker.tokens(doc)
    if span is None:
        return True
    # a capital that only opens the sentence ("World leaders ...") makes no name
    if any(t.ent_type_ in _NAME_ENTITIES or (t.pos_ == "PROPN" and not t.is_sent_start) for t in span):
        return True
    head = span.root
    return head.tag_ not in ("NNS", "NNPS") and head.lemma_.lower() in lexicon.speaker_nouns


#: Condemnation rules that read a judgement from the words a report uses ("the brutal murder", "terrorist").
_WORDING_RULES = frozenset({"condemnation.terror_label", "condemnation.evaluative_word"})


def classifies(draft: Draft, lexicon: StanceLexicon) -> bool:
    """Whether a condemnation is only a security body naming the attack "terrorist" ("what police called a
    terrorist incident"), or a news outlet's own wording in what it reports ("sentenced X for the brutal murder
    ..., AFP reported"): police classify a crime and agencies describe it; neither is a judgement of it."""
    if draft.rule not in _WORDING_RULES:
        return False
    if draft.speaker.actor is not None and draft.speaker.actor.kind == "media":
        return True
    words = re.findall(r"[a-z]+", f"{draft.speaker.role or ''} {draft.speaker.text}".lower())
    return draft.rule == "condemnation.terror_label" and any(w in lexicon.classifying_speakers for w in words)


def without_vows_of_accusers(drafts: list[Draft]) -> list[Draft]:
    """A vow of retribution by a speaker who blames a party in the same sentence is part of that blame.

    "X blamed Y and vowed to retaliate against it", "X vowed a strong response,
    saying Y would pay": the vow threatens the party blamed; it is not a
    condemnation of its own (a condemning verb beside the blame still is one).
    """
    blaming = {(d.act.cue.sent.start, d.speaker.name.lower()) for d in drafts if d.stance in ("accuse", "confirm")}
    return [
        d
        for d in drafts
        if not (
            d.stance == "condemn"
            and d.act.rule == "act.vow"
            and (d.act.cue.sent.start, d.speaker.name.lower()) in blaming
        )
    ]
