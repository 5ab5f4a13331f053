"""Rules for acts that only hint at who is responsible: "X hinted at Ukrainian involvement".

A speaker who hints, alludes or insinuates neither accuses nor clears: the act
is hedged, and the stance step makes each party it names an ``other``.
"""

from __future__ import annotations

from spacy.tokens import Token

from counterclaim.nlp.statement.narrated import Act, Cue, pobj
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.targets import Blame

_VERBS = ("VERB",)
#: Entity types of a word on a role noun that name whose role it is ("Ukrainian involvement", "an Iranian hand").
_OWNER_ENTS = ("NORP", "GPE", "ORG")


def _owners(cue: Cue, noun: Token) -> list[Token]:
    """Whose part a role noun names: "X's role", "the involvement of X", "Ukrainian involvement"."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    owners += [c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in _OWNER_ENTS]
    owners += [g for g in (pobj(noun, "of"),) if g is not None and g.pos_ == "PROPN"]
    return owners


@rule("act.hint", lemmas=["hint_verbs"], pos=_VERBS)
def hint(cue: Cue) -> list[Act] | None:
    """ "the governor hinted at Ukrainian involvement", "alluded to a role for X": X's part suggested, a hedge.

    Only a role, tie or involvement noun counts, and only one in the attack when it says in what
    ("hinted at Russian involvement in the election" is not about the attack).
    """
    noun = pobj(cue.token, "at", "to")
    lex = cue.lex
    if noun is None or noun.lemma_.lower() not in lex.words("involvement_nouns", "role_nouns", "tie_nouns"):
        return None
    about = pobj(noun, "in")
    if about is not None and not cue.targets.about_attack(about):
        return None
    owners = _owners(cue, noun) or [g for g in (pobj(noun, "for"),) if g is not None and g.pos_ == "PROPN"]
    if not owners:
        return None
    return cue.act("blame", "narrated.hint", [Blame(owner, "cue") for owner in owners], hedged=True)
