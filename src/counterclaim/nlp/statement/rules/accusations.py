"""Rules for blame narrated with a cue verb: who the speaker makes responsible.

"X accused Y", "X blamed the attack on Y", "the attack was blamed on Y by
X", "officials pointed fingers at Y", "X held Y responsible", "X identified
Y as the group responsible", "X identified the attackers as members of Y",
"X attributed the bombing to Y", "X acknowledged Y's claim of responsibility".
Each names the party blamed itself, so the act carries its target.
"""

from __future__ import annotations

from spacy.tokens import Token

from counterclaim.nlp.statement.narrated import Act, Cue, pobj
from counterclaim.nlp.statement.rules.denials import accusing
from counterclaim.nlp.statement.rules.hedges import role_owners
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.speakers import clause_subject
from counterclaim.nlp.statement.targets import Blame
from counterclaim.nlp.syntax import bare_infinitive

_VERBS = ("VERB", "AUX")
#: Entity types of a party a speaker names as the culprit ("the evidence points to X" is ``target.pointing``'s).
_POINTING_ENTS = ("PERSON", "ORG", "GPE", "NORP")


@rule("act.accusation", lemmas=["accuse_verbs"], pos=_VERBS)
def accusation(cue: Cue) -> list[Act] | None:
    """ "accused X", "blamed X", "blamed the attack on X", "X was blamed by Y", "the attack was blamed on X".

    An accusing verb that names no one here is no other act either: the rule keeps the word.
    """
    patient = cue.obj if cue.obj is not None else cue.passive
    if patient is None and bare_infinitive(cue.token):
        return None  # "says X is to blame": the reported clause names X (``target.to_blame``)
    if patient is None or _of_other_attacks(cue) or _of_other_deeds(cue) or _reciprocal(cue, patient):
        return []
    producer = f"narrated.accuse.{cue.lemma}"
    if cue.targets.is_attack(patient) or _pronoun_thing(patient):  # "blamed the attack (it) on X"
        party = pobj(cue.token, "on", "upon") or pobj(patient, "on", "upon")
        if party is None:
            return []
        return cue.act("blame", producer, [Blame(p, "cue") for p in (party, *_companions(cue, party))])
    # "suspected the involvement of X": the owner of the part is the one blamed
    owners = role_owners(patient) if patient.lemma_.lower() in cue.lex.involvement_nouns else []
    blamed = _their_group(cue, patient) or patient
    parties = owners or [p for named in (blamed, *_companions(cue, patient)) for p in _principals(cue, named)]
    return cue.act("blame", producer, [Blame(party, "cue") for party in parties])


def _reciprocal(cue: Cue, patient: Token) -> bool:
    """ "X and Y blamed each other": the object is the speakers themselves, no party blamed by either."""
    return patient.doc[max(patient.i - 1, 0) : patient.i + 1].text.lower() in cue.lex.reciprocal_pronouns


def _companions(cue: Cue, party: Token) -> list[Token]:
    """ "accused X along with Y", "blamed it on X together with Y": a second party the verb or X takes "with"."""
    joints = [c for owner in (cue.token, party) for c in owner.children if c.lower_ in cue.lex.companion_words]
    return [g for j in joints if (g := pobj(j, "with")) is not None and g.pos_ in ("PROPN", "NOUN")]


def _principals(cue: Cue, party: Token) -> list[Token]:
    """ "blamed Indian proxies", "blamed agents of X": the blame passes to whom they serve (``target.proxy``)."""
    if party.lemma_.lower() not in cue.lex.proxy_nouns:
        return [party]
    found = cue.targets.agents(party)
    return [head for head, kind in found[1] if kind == "proxy"] or [party] if found is not None else [party]


def _their_group(cue: Cue, people: Token) -> Token | None:
    """ "blamed Islamists from X", "blamed militants from X": people the verb places in a named group are the group's.

    The parse often hangs the "from" phrase on the verb. Only people (an
    anonymous doer, a nationality or creed word) and only a proper name that
    is no place: "blamed militants from Pakistan" keeps the militants.
    """
    if not (cue.targets.anonymous(people) or people.ent_type_ == "NORP"):
        return None
    group = pobj(cue.token, "from")
    if group is None or group.pos_ != "PROPN" or group.ent_type_ in ("GPE", "LOC", "FAC"):
        return None
    return group


def _pronoun_thing(token: Token) -> bool:
    """ "blamed it on X", "blamed this on X": a pronoun for the deed, whose doer the "on" phrase names."""
    return token.pos_ == "PRON" and token.lower_ in ("it", "this", "that")


def _of_other_attacks(cue: Cue) -> bool:
    """ "accused X of using its territory to launch attacks": a charge about attacks in general, not this one."""
    charges = [g for c in cue.token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    nouns = [t for g in charges for t in g.subtree if cue.targets.is_attack(t) and t.pos_ == "NOUN"]
    return bool(nouns) and all(cue.targets.other_attack(t) for t in nouns)


def _of_other_deeds(cue: Cue) -> bool:
    """ "accused X of trying to divert attention", "of blaming the Kurds": the charge is another deed than the attack.

    Only a charge told as a gerund counts. It keeps the blame when its verb
    is one of doing, planning, helping or sheltering an attack, or when it
    names an attack or a word of responsibility ("of being behind it"),
    unless the verb is one of saying: blaming others for the attack is no
    part in it.
    """
    charges = _gerund_charges(cue, "of")
    return bool(charges) and not any(_charge_of_part(cue, g) for g in charges)


def _gerund_charges(cue: Cue, preposition: str) -> list[Token]:
    """The charges told as a gerund under the cue's preposition ("accused X of *planning* it", "for *being* behind")."""
    return [
        g
        for c in cue.token.children
        if c.dep_ == "prep" and c.lower_ == preposition
        for g in c.children
        if g.tag_ == "VBG"
    ]


def _charge_of_part(cue: Cue, charge: Token) -> bool:
    """Whether a gerund charge is a part in the attack: doing, planning, helping or sheltering it, or being behind it.

    A verb of saying is no part ("of blaming the Kurds for it").
    """
    lex = cue.lex
    deeds = lex.words("perpetrate_verbs", "planning_verbs", "complicity_verbs", "haven_verbs", "role_verbs")
    marks = lex.words("responsible_words", "responsible_adjectives", "involvement_nouns", "role_nouns")
    if charge.lemma_.lower() in lex.words("accuse_verbs", "report_verbs"):
        return False
    return charge.lemma_.lower() in deeds or any(
        cue.targets.is_attack(t) or _pronoun_thing(t) or t.lower_ in marks for t in charge.subtree
    )


@rule("act.censured", lemmas=["censure_verbs"], pos=_VERBS)
def censured(cue: Cue) -> list[Act] | None:
    """ "blasted X for being behind the attack", "lashed out at X" in a sentence about the attack: X is blamed.

    A rebuke blames only with a charge of a part in the attack ("for
    orchestrating it"), or, said "out at X", when its sentence tells the
    attack (not another); "slammed the attack" is a condemnation, not this.
    """
    party = cue.obj
    if party is not None and not cue.targets.is_attack(party):
        charges = _gerund_charges(cue, "for")
        if charges and any(_charge_of_part(cue, g) for g in charges) and not _of_other_attacks(cue):
            return cue.act("blame", f"narrated.{cue.lemma}_for", [Blame(party, "cue")])
        return None
    if party is None and any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.token.children):
        party = pobj(cue.token, "at")
        named = party is not None and party.pos_ == "PROPN" and party.ent_type_ in _POINTING_ENTS
        if named and any(cue.targets.is_attack(t) and not cue.targets.other_attack(t) for t in cue.token.sent):
            return cue.act("blame", f"narrated.{cue.lemma}_out_at", [Blame(party, "cue")])
    return None


@rule("act.conviction", lemmas=["conviction_verbs"], pos=_VERBS)
def conviction(cue: Cue) -> list[Act] | None:
    """ "the court convicted X of the bombing", "sentenced X to life for financing the attack": the court blames X.

    Only a charge about the attack the article reports ("for their part in
    the bombing", "of murder"), not "on terrorism charges" or another crime;
    a passive verdict with no court named ("X was sentenced ...") has no speaker here.
    """
    convicts = cue.obj if cue.obj is not None else cue.passive
    if convicts is None or not _charged_with_attack(cue, cue.token):
        return None
    if cue.passive is not None:
        court = _verdict_court(cue)
        if court is None:
            return []  # the convict is the subject: he does not blame himself
        return [Act("blame", cue.token, court, f"narrated.{cue.lemma}", [Blame(convicts, "cue")])]
    return cue.act("blame", f"narrated.{cue.lemma}", [Blame(convicts, "cue")])


@rule("act.found_guilty", lemmas=["verdict_verbs"], pos=_VERBS)
def found_guilty(cue: Cue) -> list[Act] | None:
    """ "the court found X guilty of the bombing", "the judges found X guilty of murder": the court blames X.

    The parse puts the convicts as the object (the word of guilt hung on the
    last of them) or as the subject of a clause "X guilty of ...". Only a
    charge about the attack counts, as for ``act.conviction``.
    """
    guilt = next((t for t in cue.token.subtree if t.lower_ in cue.lex.guilt_words and t.pos_ == "ADJ"), None)
    if guilt is None or not _charged_with_attack(cue, guilt):
        return None
    clause = guilt if guilt.dep_ in ("ccomp", "xcomp", "oprd") and guilt.head == cue.token else None
    convicts = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else cue.obj
    if cue.passive is not None:
        court = _verdict_court(cue)
        if court is None:
            return []  # "X was found guilty ..." with no court named: the convict does not blame himself
        return [Act("blame", cue.token, court, f"narrated.{cue.lemma}_guilty", [Blame(cue.passive, "cue")])]
    if convicts is None:
        return None
    return cue.act("blame", f"narrated.{cue.lemma}_guilty", [Blame(convicts, "cue")])


def _verdict_court(cue: Cue) -> Token | None:
    """The court of a passive verdict: its agent ("by the court"), the source of "according to a ruling by
    the X court" on it (or on the verdict it is joined to), or the court that "ruled" it; never anyone else."""
    if cue.speaker is not None:
        return cue.speaker
    courts = cue.lex.court_nouns
    verbs = [cue.token, cue.token.head] if cue.token.dep_ == "conj" else [cue.token]
    for verb in verbs:
        according = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "according"), None)
        source = pobj(according, "to") if according is not None else None
        if source is not None and source.lemma_.lower() not in courts:
            source = pobj(source, "by")
        if source is not None and source.lemma_.lower() in courts:
            return source
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cue.lex.ruling_verbs:
            subject = clause_subject(verb.head)
            if subject is not None and subject.lemma_.lower() in courts:
                return subject
    return None


_CHARGE_PREPS = ("of", "for", "over", "in")


def _charged_with_attack(cue: Cue, word: Token) -> bool:
    """Whether a verdict's charge ("of ...", "for ...", "over ...") is the attack, a part in it or its killings.

    The parse often hangs the charge on the last noun of the verb's phrases
    rather than the verb ("to life without parole for the murder of ..."): a
    charge "for" or "over" down a chain of the verb's phrases counts as the verb's.
    """
    charges = [c for c in word.children if c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS]
    chain = [c for c in word.children if c.dep_ == "prep"]
    while chain:
        nested = [p for c in chain for n in c.children if n.dep_ == "pobj" for p in n.children if p.dep_ == "prep"]
        charges.extend(p for p in nested if p.lower_ in ("for", "over"))
        chain = nested
    return any(cue.targets.charged(t) for c in charges for t in c.subtree)


@rule("act.finger_phrase", lemmas=["finger_phrases"], pos=_VERBS)
def finger_phrase(cue: Cue) -> list[Act] | None:
    """ "pointed fingers at X", "laid the blame on X": a verb, its object and the preposition naming the party."""
    obj = cue.obj
    if obj is None:
        return None
    for phrase in cue.lex.finger_phrases:
        if cue.lemma == phrase.verb and obj.lemma_.lower() == phrase.object:
            party = pobj(obj, phrase.preposition) or pobj(cue.token, phrase.preposition)
            if party is not None:
                return cue.act("blame", f"narrated.{phrase.verb}_{phrase.object}", [Blame(party, "cue")])
    return None


@rule("act.pointed_to", lemmas=["pointing_verbs"], pos=_VERBS)
def pointed_to(cue: Cue) -> list[Act] | None:
    """ "the president pointed to X", "officials have pointed to X" in a sentence about the attack: X is blamed.

    Only a speaker points (a name, or a word for officials): evidence or signs that "point to X" are what
    someone says (``target.pointing``); and only about the attack (not "pointed to rising prices").
    """
    party = pobj(cue.token, *cue.lex.pointing_prepositions)
    subject = clause_subject(cue.token)
    named = party is not None and (party.pos_ == "PROPN" or _named_group(party))
    if cue.obj is not None or not named or subject is None:
        return None
    subject = _inquiry_owner(cue, subject) or subject
    speaks = subject.ent_type_ in _POINTING_ENTS or subject.lemma_.lower() in cue.lex.speaker_nouns
    about = any(cue.targets.is_attack(t) and not cue.targets.other_attack(t) for t in cue.token.sent)
    if not speaks or not about:
        return None
    return [Act("blame", cue.token, subject, "narrated.point_to", [Blame(party, "cue")])]


def _inquiry_owner(cue: Cue, subject: Token) -> Token | None:
    """ "the ministry's investigation pointed to X": the body whose inquiry points speaks through it."""
    if subject.lemma_.lower() not in cue.lex.inquiry_words:
        return None
    return next((c for c in subject.children if c.dep_ == "poss"), None)


def _named_group(noun: Token) -> bool:
    """ "the Islamic State group", "the X network": a common noun for a party that a name before it names."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i for c in noun.children)


def _as_responsible(cue: Cue, obj: Token) -> bool:
    """ "held X responsible", "identified X as the group responsible / the perpetrator"."""
    for token in cue.token.subtree:
        if token.i <= obj.i or token.lower_ not in cue.lex.responsible_words:
            continue
        between = cue.token.doc[obj.i : token.i]
        if cue.lemma in cue.lex.hold_verbs or any(t.lower_ == "as" for t in between):
            return True
    return False


def _named_membership(verb: Token, obj: Token) -> Token | None:
    """The organisation an "as" phrase puts someone in ("described him as a senior al-Shabaab commander").

    A person named as the mastermind is blamed as a member of the group the
    same phrase names; a name compounded to a noun of the phrase is that group.
    """
    as_words = [t for t in verb.subtree if t.i > obj.i and t.lower_ == "as"]
    if not as_words:
        return None
    phrase = list(as_words[0].subtree)
    return next((t for t in phrase if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.pos_ == "NOUN"), None)


@rule("act.named_responsible", lemmas=["hold_verbs", "identify_verbs", "label_verbs"], pos=_VERBS)
def named_responsible(cue: Cue) -> list[Act] | None:
    """ "held X responsible", "identified X as the perpetrator", "described X as the group responsible"."""
    obj = cue.obj
    if obj is None or not _as_responsible(cue, obj):
        return None
    blamed = _named_membership(cue.token, obj) or obj
    return cue.act("blame", f"narrated.{cue.lemma}_responsible", [Blame(blamed, "cue")])


@rule("act.held_responsible", lemmas=["hold_verbs"], pos=_VERBS)
def held_responsible(cue: Cue) -> list[Act] | None:
    """ "held X responsible" parsed as a clause ("X responsible") under the verb: X is blamed."""
    for clause in cue.token.children:
        if clause.dep_ in ("ccomp", "xcomp", "oprd") and clause.lower_ in cue.lex.responsible_words:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return cue.act("blame", f"narrated.{cue.lemma}_responsible", [Blame(subject, "cue")])
    return None


@rule("act.identified_as", lemmas=["identify_verbs"], pos=_VERBS)
def identified_as(cue: Cue) -> list[Act] | None:
    """ "identified the attackers as members of X": anonymous perpetrators named as a group's.

    The other way round, "identified X as the suicide bomber": a name given the perpetrator's part.
    """
    obj = cue.obj
    if obj is not None and obj.pos_ == "PROPN":
        role = pobj(cue.token, "as") or pobj(obj, "as")
        if role is not None and role.pos_ == "NOUN" and role.lemma_.lower() in cue.lex.doer_nouns:
            return cue.act("blame", f"narrated.{cue.lemma}_as", [Blame(obj, "doer")])
    if obj is None or not cue.targets.anonymous(obj):
        return None
    group = pobj(cue.token, "as") or pobj(obj, "as")
    if group is None:
        group = _loyal_clause(cue)
        return cue.act("blame", f"narrated.{cue.lemma}_as", [Blame(group, "cue")]) if group is not None else None
    return cue.act("blame", f"narrated.{cue.lemma}_as", [Blame(_affiliated(cue, group) or group, "cue")])


def _loyal_clause(cue: Cue) -> Token | None:
    """ "identified the gunmen as men loyal to X", parsed as a clause ("as [men] loyal to X") under the verb."""
    for clause in cue.token.children:
        if clause.dep_ != "advcl" or clause.lemma_.lower() not in cue.lex.affiliation_words:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
            group = pobj(clause, "with", "to", "of")
            return group if group is not None and group.pos_ == "PROPN" else None
    return None


def _affiliated(cue: Cue, people: Token) -> Token | None:
    """ "as brothers affiliated with X", "as men who belonged to X": the named group the described people are in."""
    if people.pos_ != "NOUN":
        return None
    for word in people.children:
        if word.dep_ in ("acl", "relcl", "amod") and word.lemma_.lower() in cue.lex.affiliation_words:
            group = pobj(word, "with", "to", "of")
            if group is not None and group.pos_ == "PROPN":
                return group
    return None


@rule("act.attributed_to", lemmas=["attribute_verbs"], pos=_VERBS)
def attributed_to(cue: Cue) -> list[Act] | None:
    """ "attributed the bombing to X", "the attack was linked to X", "they say the attack, attributed to X, ..."."""
    reduced = _reduced_passive(cue)
    patient = cue.obj or cue.passive or (cue.token.head if reduced else None)
    if not cue.targets.is_attack(patient):
        return None
    party = pobj(cue.token, "to", "with") or pobj(patient, "to", "with")
    if party is None:
        return None
    if not reduced:
        return cue.act("blame", f"narrated.{cue.lemma}_to", [Blame(party, "cue")])
    speaker = cue.speaker or _reporter(cue)  # the participle's "by" agent, else who reports the clause
    if speaker is None:
        return []  # "the bombing, attributed to X, wounded 30": the writer's framing, nobody's statement
    return [Act("blame", cue.token, speaker, f"narrated.{cue.lemma}_to", [Blame(party, "cue")])]


def _reduced_passive(cue: Cue) -> bool:
    """ "the attack, attributed to X, ...": a participle hung on the attack noun, with no verb of its own."""
    return cue.describes and cue.targets.is_attack(cue.token.head)


def _reporter(cue: Cue) -> Token | None:
    """Who reports the clause the attack noun stands in ("investigators believe the attack, attributed to X, ...")."""
    clause = cue.token.head.head
    verbs = cue.lex.words("report_verbs", "hold_verbs", "belief_verbs", "confirm_verbs")
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in verbs:
        return clause_subject(clause.head)
    return None


@rule("act.endorsed_claim", lemmas=["endorse_verbs"], pos=_VERBS)
def endorsed_claim(cue: Cue) -> list[Act] | None:
    """ "X acknowledged the group's claim of responsibility": X attributes the attack to the claimant.

    Not an accusation someone made ("confirmed Pakistan's claims of Indian
    involvement" is read by the other rules); negated ("could not verify the
    claim") it leaves the claim open (``stance.withheld``).
    """
    noun = cue.obj
    if noun is None or noun.lemma_.lower() not in cue.lex.claim_nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"), None)
    owner = owner or pobj(noun, "by")
    if owner is None or accusing(cue, noun, owner):
        return None
    return cue.act("blame", f"narrated.{cue.lemma}_claim", [Blame(owner, "cue")])
