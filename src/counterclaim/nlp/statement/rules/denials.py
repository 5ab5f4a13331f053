"""Rules for denials narrated with a cue verb.

"X denied involvement", "X rejected the accusation", "X denied that it was
behind the attack", "X dismissed the Daesh claim" (the owner of the claim is
cleared). Rejecting attacks themselves ("rejected all attacks against
civilians") is a condemnation.
"""

from __future__ import annotations

from counterclaim.nlp.statement.narrated import Act, Cue, child, owner_named, subtree_span
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.targets import Blame


@rule("act.denial", lemmas=["deny_verbs"], pos=("VERB", "AUX"))
def denial(cue: Cue) -> list[Act] | None:
    """ "denied involvement", "rejected the accusation", "denied that it was behind the attack".

    A denying verb that denies nothing here is no other act either: the rule keeps the word.
    """
    producer = f"narrated.deny.{cue.lemma}"
    clause = child(cue.token, "ccomp")
    if clause is not None:
        return cue.act("deny", producer, content=subtree_span(clause))
    obj = cue.obj
    owner = owner_named(obj, cue.lex.owned_denials) if obj is not None else None
    if owner is not None:  # "dismissed the Daesh claim", "rejected any IS role": the owner is cleared
        return cue.act("deny", producer, [Blame(owner, "cue")])
    if obj is not None and obj.lemma_.lower() in cue.lex.deny_objects:
        return cue.act("deny", producer, content=subtree_span(obj))
    if obj is not None and cue.targets.is_attack(obj):  # "rejected all attacks against civilians"
        return cue.act("condemn", f"narrated.condemn.{cue.lemma}")
    return []
