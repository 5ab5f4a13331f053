"""Condemnation read from what a speaker said rather than from a cue verb.

Speakers condemn without saying "condemn": they call the attack "cowardly" or
"this heinous act", declare themselves "horrified" by it, "stand with" the
victims' country, "firmly oppose terrorism", express "solidarity" or vow to
"hunt down the perpetrators". A reported statement whose words do any of that
is a condemnation by its speaker, unless the words report someone else
condemning ("X condemned the attack, his office said"), which is X's act. The
word lists live in ``lexicons/stance.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.targets import RESUMPTIVE, TargetFinder, is_negated
from counterclaim.nlp.tokenwords import word_flags

#: How far up the parse an evaluative word may sit from the attack it describes.
_DESCRIBE_HOPS = 3
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")
_FUTURE = {"will", "would", "shall", "'ll", "must"}
#: How far above an action a promise ("would spare no effort to hunt down") may sit.
_VOW_HOPS = 3


class CondemnationReader:
    """Decides whether reported words condemn the attack."""

    def __init__(self, lexicon: StanceLexicon, targets: TargetFinder) -> None:
        self.lex = lexicon
        self.targets = targets
        #: Lemmas and forms some test of :meth:`condemns` starts from; other tokens are passed over at once.
        self.cue_lemmas = frozenset().union(
            lexicon.condemn_feelings,
            lexicon.solidarity_nouns,
            lexicon.solidarity_verbs,
            lexicon.condemn_verbs,
            lexicon.vow_actions,
            lexicon.affront_nouns,
            lexicon.pejorative_nouns,
            lexicon.condemning_labels,
        )
        self.cue_forms = lexicon.condemn_adjectives | lexicon.condemn_feelings

    def condemns(self, content: Span) -> bool:
        """Whether ``content`` condemns the attack, declares horror at it or solidarity with its victims."""
        lex = self.lex
        doc = content.doc
        flags = word_flags(doc, self.cue_lemmas, self.cue_forms)
        cues = [doc[i] for i in range(content.start, content.end) if flags[i]]
        if any(self._others_condemn(token) for token in cues):
            return False
        for token in cues:
            lemma, word = token.lemma_.lower(), token.lower_
            if word in lex.condemn_adjectives and self._describes_attack(token):
                return True
            if (word in lex.condemn_feelings or lemma in lex.condemn_feelings) and token.pos_ in ("ADJ", "VERB"):
                return True
            if lemma in lex.solidarity_nouns:
                return True
            if lemma in lex.solidarity_verbs and any(
                c.dep_ == "prep" and c.lower_ in lex.solidarity_prepositions for c in token.children
            ):
                return True
            if lemma in lex.condemn_verbs and token.pos_ == "VERB" and self._about_attack(_child(token, "dobj")):
                return True
            if lemma in lex.vow_actions and self._vowed(token) and self._at_perpetrators(_patient(token)):
                return True
            if lemma in lex.affront_nouns and token.dep_ == "attr" and self._affront(token):
                return True
            if word in lex.pejorative_nouns and self._names_perpetrators(token):
                return True
            if word in lex.condemning_labels and token.dep_ in ("attr", "oprd") and self._labels_attack(token):
                return True
        return False

    def _names_perpetrators(self, noun: Token) -> bool:
        """ "described the assailants as terrorists", "they are cowards", "these cowards will face justice"."""
        verb = noun.head
        if is_negated(verb, self.lex) or any(c.dep_ == "neg" for c in noun.children):
            return False  # "the attackers were not ordinary criminals"
        if noun.dep_ in ("attr", "oprd"):
            return True
        if noun.dep_ == "pobj" and verb.lower_ == "as":  # "described them as terrorists", not "listed X as a terrorist"
            return verb.head.lemma_.lower() in self.lex.label_verbs
        return noun.dep_ == "nsubj" and any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)

    def _labels_attack(self, noun: Token) -> bool:
        """ "it was terrorism", "the bombing was a massacre": the label's subject is the attack."""
        subject = _child(noun.head, "nsubj")
        return subject is not None and (self._about_attack(subject) or subject.lower_ in ("this", "that", "what"))

    def feeling_subject(self, content: Span) -> Token | None:
        """The named subject of a declared feeling ("said X was appalled"): X is the one who condemns."""
        for token in content:
            if token.lower_ in self.lex.condemn_feelings or token.lemma_.lower() in self.lex.condemn_feelings:
                holder = token.head if token.dep_ == "acomp" else token
                subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ == "PROPN":
                    return subject
        return None

    def _affront(self, noun: Token) -> bool:
        """ "the attack was an attack on all of humanity", "attacks on civilians are a violation of the law"."""
        prepositions = self.lex.affront_prepositions
        if not any(c.dep_ == "prep" and c.lower_ in prepositions for c in noun.children):
            return False
        subject = _child(noun.head, "nsubj")
        return subject is not None and self._about_attack(subject)

    def _others_condemn(self, token: Token) -> bool:
        """A condemning verb with a named subject: someone else's condemnation, narrated on its own."""
        if token.lemma_.lower() not in self.lex.condemn_verbs or token.pos_ != "VERB":
            return False
        subject = _child(token, "nsubj")
        return subject is not None and subject.pos_ != "PRON"

    def _vowed(self, verb: Token) -> bool:
        """A promise, not a report of what was done: "will hunt down", "vowed to punish"."""
        if verb.pos_ != "VERB":
            return False
        node = verb
        for _ in range(_VOW_HOPS):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in node.children):
                return True
            if node is not verb and node.lemma_.lower() in self.lex.vow_verbs | self.lex.appeal_verbs:
                return True
            if node.head == node:
                return False
            node = node.head
        return False

    def _at_perpetrators(self, token: Token | None) -> bool:
        """ "hunt down the killers", "bring those responsible to justice"."""
        return token is not None and (self.targets.anonymous(token) or token.lower_ in RESUMPTIVE)

    def _about_attack(self, token: Token | None) -> bool:
        return token is not None and (self.targets.is_attack(token) or token.lower_ in RESUMPTIVE)

    def _describes_attack(self, word: Token) -> bool:
        """ "this heinous act", "the attack was cowardly", "called the bombing barbaric"."""
        node = word
        for _ in range(_DESCRIBE_HOPS):
            if node is not word and self.targets.is_attack(node):
                return True
            if any(c.dep_ in _ARGUMENTS and self._about_attack(c) for c in node.children if c is not word):
                return True
            if node.head == node:
                return False
            node = node.head
        return False


def _patient(verb: Token) -> Token | None:
    """Who an action is done to: its object, or its subject when passive ("those responsible must be held")."""
    return _child(verb, "dobj") or (_child(verb, "nsubjpass") if _child(verb, "auxpass") else None)


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)
