"""Rules for denials narrated with a cue verb.

"X denied involvement", "X rejected the accusation", "X denied that it was
behind the attack", "X dismissed the Daesh claim" (the claim doubted: ``other``
for its owner, who is not cleared), "X rejected Y's claims of its involvement" (X is cleared and Y's
accusation reported), "X distanced itself from the attack". Rejecting attacks themselves ("rejected all attacks against
civilians") is a condemnation.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from counterclaim.nlp.statement.narrated import Act, Cue, child, owner_named, pobj, subtree_span
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.targets import Blame, generic_attack


def _accuser(noun: Token) -> Token | None:
    """Who made an accusation: "Pakistan's claims", "claims made by X", "allegations from X", "the Iranian charge"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for verb in (c for c in noun.children if c.dep_ == "acl"):  # "claims made by Pakistan's Foreign Office"
        agent = pobj(verb, "by")
        if agent is not None:
            return agent
    return pobj(noun, "by", "from") or next(
        (c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")), None
    )


def _accused(cue: Cue, noun: Token) -> list[Token]:
    """Whom an accusation names: "claims suggesting Indian involvement", "charges of Iran's role", "against X",
    "the claim that X was responsible".

    A pronoun ("its involvement") names no one here: the denier's own side is meant.
    """
    lex = cue.lex
    against = pobj(noun, "against")
    if against is not None:
        return [against]
    for token in noun.subtree:
        if token.i > noun.i and token.lemma_.lower() in lex.words("owned_denials", "involvement_nouns"):
            owners = (c for c in token.children if c.dep_ in ("poss", "amod", "compound") and c.pos_ != "PRON")
            owner = next(owners, None)
            if owner is not None and (owner.pos_ == "PROPN" or owner.ent_type_ in ("GPE", "NORP")):
                return [owner]
    said = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i]
    return [b.head for clause in said for b in cue.targets.blamed(clause.subtree) if not b.negated]


def accusing(cue: Cue, noun: Token, accuser: Token) -> bool:
    """Whether an owned "claim" is an accusation ("Pakistan's claims of Indian involvement"), not a group's own claim.

    "dismissed the Daesh claim" rejects a claim of responsibility; a claim
    that names someone else's involvement or responsibility ("the claim by
    the government that X was responsible"), or one a state or person made, accuses.
    """
    lex = cue.lex
    if noun.lemma_.lower() != "claim":
        return True
    after = [t.lemma_.lower() for t in noun.subtree if t.i > noun.i]
    if any(word in lex.responsibility_nouns for word in after):
        return False  # "the group's claim of responsibility"
    if any(word in lex.words("involvement_nouns", "role_nouns") for word in after):
        return True
    if any(party.pos_ == "PROPN" and party.lower_ != accuser.lower_ for party in _accused(cue, noun)):
        return True
    return accuser.ent_type_ in ("GPE", "NORP", "PERSON") or accuser.pos_ == "PRON"


def _spelled_out(claim: Token) -> bool:
    """A claim whose clause says what it claims ("claims by X that it carried out the massacre")."""
    return any(c.dep_ in ("acl", "ccomp", "relcl") for c in claim.children)


@rule("act.rejected_accusation", lemmas=["deny_verbs"], pos=("VERB", "AUX"))
def rejected_accusation(cue: Cue) -> list[Act] | None:
    """ "India rejected Pakistan's claims of its involvement": India denies, and Pakistan's accusation is reported.

    The denial clears the party the accusation names, else the denier's own
    side; the accuser is reported blaming that same party.
    """
    noun = cue.obj or cue.passive  # "rejected Pakistan's claims", "the claim by X ... was dismissed by Y"
    if noun is None or noun.lemma_.lower() not in cue.lex.accusation_nouns:
        return None
    accuser = _accuser(noun)
    if accuser is None or not accusing(cue, noun, accuser):
        return None
    named = _accused(cue, noun)
    # a party named is cleared only if it is the denier's own; another's case is a doubt ("doubted")
    denial = cue.act("deny", f"narrated.deny.{cue.lemma}", [Blame(party, "doubted") for party in named])
    accused = [Blame(party, "cue") for party in named] or ([Blame(cue.speaker, "side")] if cue.speaker else [])
    if not accused:
        return denial
    return [*denial, Act("blame", cue.token, accuser, f"narrated.accuse.{cue.lemma}_rejected", accused)]


@rule("act.distancing", lemmas=["distance_verbs"], pos=("VERB",))
def distancing(cue: Cue) -> list[Act] | None:
    """ "X distanced itself from the attack" (its side is cleared), "distanced the group from the blast" (the group)."""
    source = pobj(cue.token, "from", "with")
    if not cue.targets.about_attack(source) or generic_attack(source) or cue.obj is None:
        return None  # not "has distanced itself from some attacks by splinter groups": attacks in general
    reflexive = cue.obj.lower_.endswith(("self", "selves"))
    return cue.act("deny", f"narrated.deny.{cue.lemma}", [] if reflexive else [Blame(cue.obj, "cue")])


def _the_blame_before(cue: Cue, obj: Token) -> bool:
    """ "X blamed Y, but Y's spokesman denied this": a pronoun for the accusation the clause before reports."""
    if obj.pos_ != "PRON" or obj.lower_ not in ("this", "that", "it"):
        return False
    return cue.token.dep_ == "conj" and cue.token.head.lemma_.lower() in cue.lex.accuse_verbs


def _split_owner(cue: Cue, noun: Token) -> Token | None:
    """ "dismissed the X claims": the owner's name the parse cut off the noun, as a second object of the verb."""
    if noun.lemma_.lower() not in cue.lex.claim_nouns:
        return None
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is None or before.head != cue.token or before.pos_ != "PROPN" or before.dep_ not in ("dative", "dobj"):
        return None
    return before


def _without_aside(obj: Token) -> Span:
    """What a denial's object says, up to a comma's relative clause that only describes the attack ("denied
    responsibility for the strike, which was the deadliest in years": the strike's toll names no one)."""
    span = subtree_span(obj)
    aside = next((t for t in span if t.dep_ == "relcl" and t.i > obj.i and t.left_edge.i > span.start), None)
    if aside is None or not aside.doc[aside.left_edge.i - 1].is_punct:
        return span
    return span.doc[span.start : aside.left_edge.i - 1]


@rule("act.denial", lemmas=["deny_verbs"], pos=("VERB", "AUX"))
def denial(cue: Cue) -> list[Act] | None:
    """ "denied involvement", "rejected the accusation", "denied that it was behind the attack".

    A denying verb that denies nothing here is no other act either: the rule keeps the word.
    """
    producer = f"narrated.deny.{cue.lemma}"
    clause = child(cue.token, "ccomp")
    if clause is not None:
        return cue.act("deny", producer, content=subtree_span(clause))
    gerund = child(cue.token, "xcomp")
    if gerund is not None and gerund.tag_ == "VBG" and any(cue.targets.is_attack(t) for t in gerund.subtree):
        return cue.act("deny", producer, content=subtree_span(gerund))  # "denied carrying out the attack"
    obj = cue.obj
    if obj is not None and cue.speaker is not None and obj.lemma_.lower() in cue.lex.guilt_nouns:
        return cue.act("deny", producer, [Blame(cue.speaker, "plea")])  # "denied his guilt": a defendant's plea
    owner = owner_named(obj, cue.lex.owned_denials) or _split_owner(cue, obj) if obj is not None else None
    if owner is not None and obj.lemma_.lower() in cue.lex.claim_nouns and not _spelled_out(obj):
        # "dismissed the Daesh claim": a claim of responsibility doubted, which clears no one (``other``);
        # "rejected claims by X that it carried out the massacre" rejects that X did it, and clears X
        return cue.act("deny", producer, [Blame(owner, "doubted")])
    if owner is not None:  # "rejected any IS role": the owner is cleared
        return cue.act("deny", producer, [Blame(owner, "cue")])
    if obj is not None and (obj.lemma_.lower() in cue.lex.deny_objects or _the_blame_before(cue, obj)):
        return cue.act("deny", producer, content=_without_aside(obj))
    if obj is None:  # "denied and condemned the attack": the object the verbs share
        obj = next((child(c, "dobj") for c in cue.token.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if obj is not None and cue.targets.is_attack(obj) and cue.lemma in cue.lex.disclaiming_verbs:
        return cue.act("deny", producer, content=subtree_span(obj))  # "X denied the bombing": X did not do it
    if obj is not None and cue.targets.is_attack(obj):  # "rejected all attacks against civilians"
        return cue.act("condemn", f"narrated.condemn.{cue.lemma}")
    return []


@rule("act.acquittal", lemmas=["acquittal_verbs", "freeing_verbs"], pos=("VERB",))
def acquittal(cue: Cue) -> list[Act] | None:
    """ "the court acquitted X", "the judge freed X for lack of evidence": the court clears X.

    Only a court or judge speaking (not "the gunmen freed the hostages"); a
    release verb clears only on its grounds ("for lack of evidence"), where an
    acquittal verb is one by itself.
    """
    speaker, obj = cue.speaker, cue.obj
    if speaker is None or obj is None or cue.passive is not None or speaker.lemma_.lower() not in cue.lex.court_nouns:
        return None
    if obj.pos_ != "PROPN":
        return None  # "acquitting one of all charges": no one named is cleared
    if cue.lemma not in cue.lex.acquittal_verbs:
        grounds = [t for c in cue.token.children if c.dep_ == "prep" for t in c.subtree if t.dep_ == "pobj"]
        if not any(t.lemma_.lower() in cue.lex.acquittal_grounds for t in grounds):
            return None
    return cue.act("deny", f"narrated.deny.{cue.lemma}", [Blame(obj, "cue")])


@rule("act.plea", lemmas=["plea_verbs"], pos=("VERB",))
def plea(cue: Cue) -> list[Act] | None:
    """ "She maintained her innocence", "he pleaded not guilty", "insisted he had been framed": a defendant's plea.

    The one who pleads is cleared (the target is the speaker, label ``plea``, kept even for a person). Only the
    plea's own words count: "maintained
    the pressure" or "insisted the attack was planned" plead nothing.
    """
    if cue.speaker is None:
        return None
    lex = cue.lex
    obj = cue.obj
    innocent = obj is not None and obj.lemma_.lower() in lex.innocence_words
    state = child(cue.token, "acomp", "oprd", "advmod")
    innocent = innocent or (state is not None and state.lower_ in lex.innocence_words)
    guilty = state is not None and state.lower_ in lex.guilt_words and any(c.dep_ == "neg" for c in state.children)
    if not (innocent or guilty or _framed(cue)):
        return None
    return cue.act("deny", f"narrated.deny.{cue.lemma}", [Blame(cue.speaker, "plea")])


def _framed(cue: Cue) -> bool:
    """ "insisted that she was set up", "says he was framed": the speaker's own clause says another did it to them."""
    clause = child(cue.token, "ccomp")
    if clause is None:
        return False
    particle = child(clause, "prt")
    verb = f"{clause.lemma_.lower()} {particle.lower_}" if particle is not None else clause.lemma_.lower()
    subject = child(clause, "nsubjpass")
    return verb in cue.lex.framed_verbs and subject is not None and subject.pos_ == "PRON"
