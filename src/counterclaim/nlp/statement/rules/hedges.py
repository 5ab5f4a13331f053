"""Rules for acts that only hint at who is responsible: "X hinted at Ukrainian involvement".

A speaker who hints, alludes or insinuates neither accuses nor clears: the act
is hedged, and the stance step makes each party it names an ``other``. A
defendant who admits his part ("admitted his role in the attack") neither
claims for a group nor clears himself: ``other`` toward himself.
"""

from __future__ import annotations

from spacy.tokens import Token

from counterclaim.nlp.statement.narrated import Act, Cue, pobj
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.targets import Blame

_VERBS = ("VERB",)
#: Entity types of a word on a role noun that name whose role it is ("Ukrainian involvement", "an Iranian hand").
_OWNER_ENTS = ("NORP", "GPE", "ORG")


def role_owners(noun: Token) -> list[Token]:
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
    owners = role_owners(noun) or [g for g in (pobj(noun, "for"),) if g is not None and g.pos_ == "PROPN"]
    if not owners:
        return None
    return cue.act("blame", "narrated.hint", [Blame(owner, "cue") for owner in owners], hedged=True)


def _admitted_part(cue: Cue) -> bool:
    """ "admitted his role (in the attack)", "confessed to planting the bomb", "confessed to the bombing"; a gerund
    counts only with an object, a deed done ("confessed to feeling angry" owns up to nothing)."""
    lex = cue.lex
    noun = cue.obj
    if noun is not None and noun.lemma_.lower() in lex.words("role_nouns", "involvement_nouns"):
        if any(c.dep_ == "poss" and c.lower_ not in lex.own_possessives for c in noun.children):
            return False  # "acknowledged Iran's role": the speaker speaks of another's part
        about = pobj(noun, "in") or pobj(cue.token, "in")  # the parse may hang "in the attack" on the verb
        return about is None or cue.targets.about_attack(about)
    for prep in cue.token.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        deed = next((c for c in prep.children if c.dep_ in ("pcomp", "pobj")), None)
        done = deed is not None and deed.tag_ == "VBG" and any(c.dep_ == "dobj" for c in deed.children)
        if done or cue.targets.is_attack(deed):  # "confessed to feeling angry" does nothing
            return True
    return False


def _a_body(cue: Cue, speaker: Token) -> bool:
    """Whether a subject names a group, not a defendant: a nationality ("the Uzbeks") or a group word in its
    name ("the Khorasan Brigade"). Entity types alone do not tell: the small model tags many surnames ``ORG``."""
    words = {t.lemma_.lower() for t in speaker.subtree}
    return speaker.ent_type_ == "NORP" or bool(words & cue.lex.words("group_descriptors", "group_name_words"))


@rule("act.admission", lemmas=["admission_verbs"], pos=_VERBS)
def admission(cue: Cue) -> list[Act] | None:
    """ "X admitted his role in the attack", "X confessed to driving the truck": X owns up to a part, ``other``
    toward X himself (a plea the other way round; "admitted responsibility" is ``act.claim``'s).

    Only a person's admission (a name or a pronoun): a group subject is left to the claim and report rules.
    """
    speaker = cue.speaker
    if speaker is None or speaker.pos_ not in ("PROPN", "PRON") or _a_body(cue, speaker):
        return None
    if not _admitted_part(cue):
        return None
    return cue.act("blame", f"narrated.admission.{cue.lemma}", [Blame(speaker, "plea")], hedged=True)
