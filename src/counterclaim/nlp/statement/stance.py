"""The stance of each statement, decided over the whole document.

Whether attributing the attack to a group is a ``confirm`` or an ``accuse``
depends on who claimed it, which the article may say before or after; so
acts first become :class:`Draft` statements with a provisional ``attribute``
stance, and :func:`finalise` decides once every claim in the document is known:
attributing it to oneself is a claim, to the claimant (or its parent or
branch) a confirmation, to anyone else an accusation, unless the speaker is the
claimant (its own account names its enemies, not its accomplices). Hedged attributions are
``other``; negated ones are no statement, except that saying one's own side
was not involved is a denial. A doubt ("no evidence that X did it") is ``other``
when X claimed the attack (the claim is doubted), else a denial (X is cleared).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from counterclaim.kb import KnowledgeBase
from counterclaim.nlp.statement.lexicon import stance_lexicon
from counterclaim.nlp.statement.narrated import Act
from counterclaim.nlp.statement.parties import Party
from counterclaim.nlp.statement.rules.registry import Chain
from counterclaim.records import Actor

DraftStance = Literal["claim", "attribute", "doubt", "confirm", "accuse", "deny", "condemn", "other"]


@dataclass
class Draft:
    """A statement with its parties resolved and its stance possibly still provisional."""

    act: Act
    speaker: Party
    stance: DraftStance
    target: Party | None
    producer: str
    #: The registered rule that decided the stance ("stance.claim", "condemnation.feeling", ...).
    rule: str = ""


def group_of(party: Party | None) -> Actor | None:
    """The militant group a party is or speaks for (a spokesman or outlet for its group)."""
    if party is None:
        return None
    for actor in (party.actor, party.affiliation):
        if actor is not None and actor.kind == "militant_group":
            return actor
    return None


def side_of(party: Party) -> Party:
    """Who a denial clears when the speaker denies for their own side: the state, organisation or agency.

    An agency cleared answers for its state in the record (a ministry's spokesman clears the state).
    """
    if party.affiliation is not None and party.affiliation.kind in (
        "state",
        "militant_group",
        "organisation",
        "agency",
    ):
        return Party(party.start, party.end, party.text, party.affiliation.name, party.affiliation, rules=party.rules)
    return party


def cleared_side(speaker: Party) -> Party | None:
    """Who a speaker's denial of their own involvement clears; None for a person of no known side.

    A person's own name is never the party cleared: a minister clears the
    state, a spokesman the group, and an unaffiliated person nobody we can name.
    """
    side = side_of(speaker)
    return None if side.is_person and same_party(side, speaker) else side


def same_party(a: Party, b: Party) -> bool:
    """Whether two parties are one actor (by knowledge-base id, else by name)."""
    if a.actor is not None and b.actor is not None:
        return a.actor.id == b.actor.id
    return a.name.lower() == b.name.lower()


def drafts(
    rules: Chain[list[Draft]], act: Act, speaker: Party, targets: list[tuple[Party, bool, bool]], claim_like: bool
) -> list[Draft]:
    """Draft statements for one act and one speaker, by the first ``stance`` rule that fires.

    ``targets`` holds ``(party, hedged, negated)`` for each party the act makes
    responsible; ``claim_like`` says the content reads as a group's own account
    of the attack (its fighters, its operation).
    """
    return rules.named(act, speaker, targets, claim_like)


def _own_denial(draft: Draft) -> bool:
    """Whether a denial is a group's denial of its own part in the attack."""
    own = group_of(draft.speaker)
    target = draft.target.actor if draft.target else None
    return own is not None and target is not None and target.id == own.id


def _individual(party: Party) -> bool:
    """A single person speaking for no organisation or state (an attacker's name), not "Pakistan's army chief X"."""
    if party.actor is not None:
        return party.actor.kind == "person" and party.affiliation is None
    return party.is_person and party.affiliation is None


#: The act rules that read a verdict: whom they convict is whom the court blames.
_VERDICT_RULES = ("act.conviction", "act.found_guilty")


def _verdict(draft: Draft) -> bool:
    """Whether a draft is a verdict: a conviction, or a court or judge ruling ("chief magistrate X ruled that ...").

    Other words of a judge (a remark in a hearing) name attackers as anyone else does.
    """
    if draft.act.rule in _VERDICT_RULES:
        return True
    lex = stance_lexicon()
    words = f"{draft.speaker.name} {draft.speaker.role or ''}".lower().split()
    return draft.act.cue.lemma_.lower() in lex.ruling_verbs and any(w in lex.court_nouns for w in words)


def _claimant(speaker: Party, claimed: list[Actor], kb: KnowledgeBase) -> bool:
    """Whether a speaker is, or speaks for, a group that claims the attack."""
    own = group_of(speaker)
    return own is not None and any(kb.related(own.id, c.id) for c in claimed)


def finalise(items: list[Draft], kb: KnowledgeBase) -> list[Draft]:
    """Turn provisional attributions into claims, confirmations or accusations."""
    for draft in items:
        own = group_of(draft.speaker)
        target = draft.target.actor if draft.target else None
        if draft.stance == "attribute" and own is not None and target is not None and kb.related(own.id, target.id):
            draft.stance = "claim"
    # a claim of other operations ("had claimed several attacks elsewhere") does not make this attack claimed,
    # nor does any claim of a group that denies this attack ("X, which claimed strikes on Saturday, denied ...")
    disowned = {d.target.actor.id for d in items if d.stance == "deny" and d.target and _own_denial(d)}
    claims = [d for d in items if d.stance == "claim" and d.target and not d.act.elsewhere]
    claims = [d for d in claims if not (d.target.actor and d.target.actor.id in disowned)]
    claimed = [d.target.actor for d in claims if d.target.actor]
    claimed_names = {d.target.name.lower() for d in claims}
    # a person named as the attacker ("named one of the attackers as X", a claim naming its fighters) is no
    # party blamed: responsibility is tallied for groups and states
    # a court's verdict is the exception: who it convicts is whom it blames; so is a name given the doer's part
    # ("identified X as the suicide bomber", label "doer")
    items = [
        d
        for d in items
        if not (d.stance == "attribute" and d.target is not None and _individual(d.target))
        or _verdict(d)
        or any(b.kind == "doer" for b in d.act.targets)
    ]
    # a claimant's own words naming others ("the mujahedeen struck the invaders", "it accuses X of arming them")
    # are its claim and its grievances: a group that claims the attack attributes it to no one else
    items = [d for d in items if not (d.stance == "attribute" and _claimant(d.speaker, claimed, kb))]
    for draft in items:
        if draft.stance == "doubt":  # doubting the claimant's part doubts its claim; any other party's, clears it
            target = draft.target.actor if draft.target else None
            doubted = target is not None and any(kb.related(target.id, c.id) for c in claimed)
            draft.stance = "other" if doubted else "deny"
        if draft.stance != "attribute" or draft.target is None:
            continue
        target = draft.target.actor
        if target is not None:
            confirmed = any(kb.related(target.id, c.id) for c in claimed)
        else:
            confirmed = draft.target.name.lower() in claimed_names
        draft.stance = "confirm" if confirmed else "accuse"
    return items
