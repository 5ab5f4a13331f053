"""Rules for claims of responsibility narrated with a cue verb.

"X claimed responsibility for the attack", "X took credit", "X claimed the
bombing", "the group repeated its claim". A claim of attacks in general
("claimed several attacks on army posts") is marked as elsewhere: it does not
make this attack claimed.
"""

from __future__ import annotations

from spacy.tokens import Token

from counterclaim.nlp.statement.narrated import Act, Cue, pobj
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.targets import generic_attack

_VERBS = ("VERB", "AUX")


def _claims(cue: Cue, obj: Token | None) -> bool:
    """ "claimed responsibility", "took credit", "claimed the attack"."""
    if obj is None:
        return False
    if obj.lemma_.lower() in cue.lex.responsibility_nouns:
        return True
    return cue.lemma not in cue.lex.claim_needs_responsibility and cue.targets.is_attack(obj)


@rule("act.claim", lemmas=["claim_verbs"], pos=_VERBS)
def claim(cue: Cue) -> list[Act] | None:
    """ "X claimed responsibility (for the attack)", "X took credit", "X claimed the bombing"."""
    obj = cue.obj
    if not _claims(cue, obj or cue.passive):
        return None
    if obj is not None and obj.lemma_.lower() in cue.lex.responsibility_nouns:
        claimed = pobj(obj, "for") or pobj(cue.token, "for")
    else:
        claimed = obj or cue.passive
    return cue.act("claim", f"narrated.claim.{cue.lemma}", elsewhere=claimed is not None and generic_attack(claimed))


@rule("act.restated_claim", lemmas=["restate_verbs"], pos=_VERBS)
def restated_claim(cue: Cue) -> list[Act] | None:
    """ "the group repeated its claim", "renewed the claim": a group restating its claim of responsibility."""
    if cue.obj is None or cue.obj.lemma_.lower() not in cue.lex.claim_nouns:
        return None
    return cue.act("claim", f"narrated.claim.{cue.lemma}")
