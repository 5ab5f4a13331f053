"""Rules for the stance an act takes, before the whole document is known.

A negated act ("did not claim") states nothing, except a confirmation of a
claim withheld ("could not verify X's claim": ``other``); a condemnation condemns; a
claim claims for the speaker's group (``other`` when hedged); a denial clears
the parties it names or the speaker's own side; any other act attributes the
attack to each party it makes responsible: provisionally ``attribute``,
which ``stance.finalise`` turns into a claim, confirmation or accusation
once every claim in the document is known.
"""

from __future__ import annotations

from dataclasses import replace

from counterclaim.nlp.statement.claimants import named_like_group
from counterclaim.nlp.statement.lexicon import stance_lexicon
from counterclaim.nlp.statement.narrated import Act
from counterclaim.nlp.statement.parties import Party
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.stance import Draft, DraftStance, cleared_side, group_of, same_party, side_of
from counterclaim.nlp.statement.targets import generic_attack

#: What the stance rules read: each party the act makes responsible, with whether it is hedged and negated.
Targets = list[tuple[Party, bool, bool]]


@rule("stance.withheld")
def withheld(act: Act, speaker: Party, targets: Targets, claim_like: bool) -> list[Draft] | None:
    """ "could not confirm X's claim", "declined to verify the claim by X", "is verifying X's claim": the claim left
    open, ``other`` for X (a verification still going on has confirmed nothing yet)."""
    if act.rule != "act.endorsed_claim" or not (act.negated or _verifying(act)):
        return None
    return [Draft(act, speaker, "other", party, f"statements.{act.producer}.withheld") for party, _, _ in targets]


def _verifying(act: Act) -> bool:
    """ "is validating the claim", "are still verifying it": a verification verb in the progressive."""
    verb = act.cue
    progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    return progressive and verb.lemma_.lower() in stance_lexicon().verification_verbs


@rule("stance.negated")
def negated(act: Act, speaker: Party, targets: Targets, claim_like: bool) -> list[Draft] | None:
    """ "did not claim", "never denied": no speech act."""
    return [] if act.negated else None


@rule("stance.condemnation")
def condemnation(act: Act, speaker: Party, targets: Targets, claim_like: bool) -> list[Draft] | None:
    """A condemning act condemns; its target is left empty. A militant group's vow of revenge answers attacks on it."""
    if act.kind != "condemn":
        return None
    if act.rule == "act.vow" and group_of(speaker) is not None:
        return []
    if _explains_a_denial(act):
        return []
    return [Draft(act, speaker, "condemn", None, f"statements.{act.producer}")]


#: Dependencies by which a clause says what its head verb said ("denied it, saying it rejects terrorism").
_ELABORATING = ("ccomp", "advcl", "xcomp")


def _explains_a_denial(act: Act) -> bool:
    """ "denied any role, stating that it rejects terrorism in all forms": a stance on terrorism in general
    given as the reason for a denial is part of the denial, not a condemnation of the attack ("denied any
    role and condemned the attack", "denied any role, saying it condemned the bombing" are both)."""
    token = act.cue
    thing = next((c for c in token.children if c.dep_ == "dobj"), None)
    if thing is None or not (generic_attack(thing) or not any(c.dep_ in ("det", "poss") for c in thing.children)):
        return False
    for _ in range(4):
        if token.dep_ not in _ELABORATING or token.head == token:
            return False
        token = token.head
        if token.lemma_.lower() in stance_lexicon().deny_verbs and token.pos_ == "VERB":
            return True
    return False


@rule("stance.claim")
def claim(act: Act, speaker: Party, targets: Targets, claim_like: bool) -> list[Draft] | None:
    """A claiming act claims for the speaker's group (a spokesman for his group); ``other`` when hedged."""
    if act.kind != "claim":
        return None
    own = group_of(speaker)
    target = Party(speaker.start, speaker.end, speaker.text, own.name, own) if own else speaker
    return [Draft(act, speaker, "other" if act.hedged else "claim", target, f"statements.{act.producer}")]


@rule("stance.denial")
def denial(act: Act, speaker: Party, targets: Targets, claim_like: bool) -> list[Draft] | None:
    """A denying act clears the parties it names, else the speaker's own side.

    Rejecting an accusation against another party (``hedged``: "the governor
    dismissed the claim that X did it") clears no one's own side: it doubts, ``other``.
    """
    if act.kind != "deny":
        return None
    side = side_of(speaker)
    cleared = [(party, hedged) for party, hedged, _ in targets] or [(cleared_side(speaker), False)]
    producer = f"statements.{act.producer}"
    return [
        Draft(act, speaker, "other" if doubt and party and not same_party(party, side) else "deny", party, producer)
        for party, doubt in cleared
    ]


@rule("stance.attribution")
def attribution(act: Act, speaker: Party, targets: Targets, claim_like: bool) -> list[Draft] | None:
    """Each party made responsible is attributed the attack (``other`` when hedged); a party cleared is a denial.

    "we had nothing to do with it" clears the speaker's side; "accusations
    against X are baseless" clears X; "there is no evidence that X did it"
    doubts X's part (provisionally ``doubt``: see ``stance.finalise``). A group's own account of the attack
    with no party named ("our fighters stormed ...") is its claim.
    """
    producer = f"statements.{act.producer}"
    out = []
    for party, hedged, negative in targets:
        if negative:
            own = same_party(party, speaker) or same_party(party, side_of(speaker))
            cleared = cleared_side(speaker) if own else (party if party.actor is not None else None)
            if cleared is not None and not hedged:
                out.append(Draft(act, speaker, "deny", cleared, f"{producer}.deny"))
            elif cleared is not None and not own:  # "no evidence that X did it": a doubt about another party
                out.append(Draft(act, speaker, "doubt", cleared, f"{producer}.doubt"))
            continue
        stance: DraftStance = "other" if hedged or act.hedged else "attribute"
        out.append(Draft(act, speaker, stance, party, producer))
    own = group_of(speaker)
    if not targets and claim_like and own is not None:
        target = Party(speaker.start, speaker.end, speaker.text, own.name, own)
        out.append(Draft(act, speaker, "claim", target, f"{producer}.own_account"))
    elif not targets and claim_like and _own_deed(act) and named_like_group(speaker, stance_lexicon()):
        # "the X Brigade said it carried out the bombing": a group no knowledge base knows, by its name
        out.append(Draft(act, speaker, "claim", replace(speaker), f"{producer}.own_account"))
    return out


_SELF = ("it", "they", "we", "its", "their", "our")


def _own_deed(act: Act) -> bool:
    """ "said it carried out the bombing", "said its fighters stormed the base": the speaker's side did the deed.

    A name no knowledge base knows needs this much to claim: a group word in
    a name ("the Northern Army said it repelled the attack") says less than
    the knowledge base does.
    """
    if act.content is None:
        return False
    root = act.content.root
    lex = stance_lexicon()
    if root.lemma_.lower() not in lex.perpetrate_verbs and root.lower_ not in lex.claim_markers:
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return subject.lower_ in _SELF or any(c.dep_ == "poss" and c.lower_ in _SELF for c in subject.children)
