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
from counterclaim.nlp.statement.targets import RESUMPTIVE, TargetFinder

#: How far up the parse an evaluative word may sit from the attack it describes.
_DESCRIBE_HOPS = 3
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")
_FUTURE = {"will", "would", "shall", "'ll"}


class CondemnationReader:
    """Decides whether reported words condemn the attack."""

    def __init__(self, lexicon: StanceLexicon, targets: TargetFinder) -> None:
        self.lex = lexicon
        self.targets = targets

    def condemns(self, content: Span) -> bool:
        """Whether ``content`` condemns the attack, declares horror at it or solidarity with its victims."""
        lex = self.lex
        if any(self._others_condemn(token) for token in content):
            return False
        for token in content:
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
            if lemma in lex.vow_actions and self._vowed(token) and self._at_perpetrators(_child(token, "dobj")):
                return True
        return False

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
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.vow_verbs

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


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)
