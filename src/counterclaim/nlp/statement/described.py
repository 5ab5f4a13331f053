"""A group blamed by description only ("a local Islamist group"): the one group the article names that fits.

Headlines and ledes blame "a local extremist group" and name it further
down; a description kept as written matches no record of the group. A
description of a militant group stands for the one militant group the
document names that claimed nothing (a claimant's rival is whom the speaker
means); with none or several such groups it names no one and the
accusation is dropped: a statement needs a named or resolved target.
"""

from __future__ import annotations

from dataclasses import replace

from counterclaim.kb import KnowledgeBase
from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.parties import Party
from counterclaim.nlp.statement.stance import Draft
from counterclaim.records import Actor, Mention


def group_description(target: Party, lex: StanceLexicon) -> bool:
    """ "a local Islamist group", "the banned militant outfit": a common-noun phrase for a militant group, unnamed."""
    if target.actor is not None or target.affiliation is not None or target.is_person:
        return False
    words = [w.strip(".,;:") for w in target.name.split()]
    if not words or any(w[:1].isupper() and w.lower() not in lex.descriptive_modifiers for w in words[1:]):
        return False  # "the Baloch group", "Syria Kurds": a name says which; "a local Islamist group" does not
    head = words[-1].lower()
    kinds = lex.description_kinds.get(head) or lex.description_kinds.get(head.removesuffix("s"), ())
    return "militant_group" in kinds


def resolved_descriptions(
    items: list[Draft], mentions: list[Mention], kb: KnowledgeBase, lex: StanceLexicon
) -> list[Draft]:
    """Accusations of a described group, their target replaced by the one unclaimed group named, else dropped: kept
    as written, the description would match no record of the group.

    Drafts are looked up by identity: testing membership in a list of drafts compares every field of each.
    """
    described = {
        id(d) for d in items if d.stance == "accuse" and d.target is not None and group_description(d.target, lex)
    }
    if not described:
        return items
    group = _unclaimed_group(items, mentions, kb)
    out = []
    for draft in items:
        target = draft.target
        if id(draft) not in described or target is None:
            out.append(draft)
        elif group is not None:
            out.append(replace(draft, target=target.standing_for(group)))
    return out


def _unclaimed_group(items: list[Draft], mentions: list[Mention], kb: KnowledgeBase) -> Actor | None:
    """The one militant group the document names that no claim there is of (a branch stands for its parent)."""
    claimed = [d.target.actor.id for d in items if d.stance == "claim" and d.target and d.target.actor]
    found: dict[str, Actor] = {}
    for mention in mentions:
        actor = kb.actor(mention.actor_id) if mention.actor_id else None
        if actor is not None and actor.kind == "militant_group" and not any(kb.related(actor.id, c) for c in claimed):
            found[actor.id] = actor
    top = [a for a in found.values() if not any(kb.is_branch_of(a.id, other) for other in found if other != a.id)]
    return top[0] if len(top) == 1 else None
