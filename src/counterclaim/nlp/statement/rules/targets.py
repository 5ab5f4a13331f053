"""Rules for targets: who a stretch of what was said makes responsible for the attack.

"Zionists funded the attack", "X was behind the bombing", "Y was involved in
the attacks", "the rocket came from X", "the attackers were members of X",
"X had nothing to do with it" (a disclaimer: X is cleared). Each rule starts
from a predicate of responsibility and answers the parties it makes
responsible, each with a label of how ("perpetrate", "proxy", "disclaim",
...) that later steps read; an empty answer means the predicate is the
rule's but names no one here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from counterclaim.nlp.doccache import memo
from counterclaim.nlp.statement.narrated import owner_named, pobj
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.speakers import clause_subject, passive_agent, relative_antecedent
from counterclaim.nlp.statement.targets import generic_attack, is_hedged, is_negated, nothing_shows
from counterclaim.nlp.syntax import bare_infinitive, preposition_objects, repaired_subject

if TYPE_CHECKING:
    from counterclaim.nlp.statement.targets import TargetFinder

#: What a target rule answers: each party's head with the label of how it was made responsible.
Agents = list[tuple[Token, str]]

#: Entity types of a name that can own a weapon or attack ("a Hezbollah rocket"), not its make or place.
_OWNER_ENTS = ("ORG", "NORP", "GPE", "PERSON")
#: Pronouns that may stand for the attackers in a report about them ("they are linked to X").
_ATTACKER_PRONOUNS = ("they", "he", "she", "these", "those")
#: Entity types of a place: "the gunmen from X" names a group only if X is none.
_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _subject(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "nsubj"), None)


def _objects(token: Token, *prepositions: str) -> list[Token]:
    """Objects of ``token``'s prepositions (of any, when none is named), or of ``token`` itself if a preposition."""
    if token.dep_ == "prep" and not prepositions:
        return [g for g in token.children if g.dep_ == "pobj"]
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "agent") and (not prepositions or c.lower_ in prepositions)
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _purpose(noun: Token) -> bool:
    """ "operations to track down the assailants": an operation with a purpose is a response, not the attack."""
    return any(c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children) for c in noun.children)


def _places(verb: Token) -> list[Token]:
    """Named places a verb happened "in" or "from"."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("in", "from")
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ == "GPE"
    ]


def _owner(finder: TargetFinder, named: Token) -> Token | None:
    """Whose weapon or attack a predicate names: "a Hezbollah rocket", "the rocket was Russia's"."""
    if any(c.dep_ == "case" for c in named.children) and named.pos_ == "PROPN":
        return named
    if not finder.is_attack(named):
        return None
    for child in named.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in _OWNER_ENTS:
            return child
    return None


def _attackers(finder: TargetFinder, token: Token | None) -> bool:
    """Whether a phrase stands for the attackers: "the gunmen", or a pronoun in a report about them."""
    return token is not None and (finder.anonymous(token) or token.lower_ in _ATTACKER_PRONOUNS)


@rule("target.proxy", lemmas=["proxy_nouns"], pos=("NOUN",))
def proxy(finder: TargetFinder, token: Token) -> Agents | None:
    """ "agents of X", "X's proxies", "the work of X", "... on behalf of X": the blame passes to the principal."""
    out = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("of", "for")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    out += [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]  # "Israel's agents"
    out += [c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]  # "Indian proxies"
    for word in token.doc[token.i + 1 : token.i + 6]:
        if word.lower_ != "behalf":
            continue
        out += [g for c in word.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [(principal, "proxy") for principal in out]


@rule("target.behest", forms=["instigation_nouns"], pos=("NOUN",))
def behest(finder: TargetFinder, token: Token) -> Agents | None:
    """ "carried out by terrorists at the behest of X", "gunmen acting on the orders of X": X is behind them.

    Only a phrase hung on the attackers or on a verb of perpetration: "on
    behalf of the government, the minister said" blames no one.
    """
    prep = token.head if token.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("at", "on", "under", "upon"):
        return None
    host = prep.head
    if not (finder.anonymous(host) or host.lemma_.lower() in finder.lex.perpetrate_verbs):
        return None
    return [(g, "proxy") for g in _objects(token, "of")]


@rule("target.by_agent", lemmas=["attack_nouns"], forms=["attack_nouns"], pos=("NOUN",))
def by_agent(finder: TargetFinder, token: Token) -> Agents | None:
    """ "these terrorist acts by the X militia": the agent of an attack noun (not of "a similar attack by Y").

    An attack that only sets the time ("vowed to help after an onslaught by X") is the writer's framing.
    """
    if finder.other_attack(token):
        return []
    if token.dep_ == "pobj" and token.head.lower_ in finder.lex.time_prepositions:
        return []
    return [(g, "by_agent") for g in _objects(token, "by")][:1]


@rule("target.origin", lemmas=["origin_verbs"])
def origin(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the rocket came from X": where the attack came from (kept only for a group)."""
    if not finder.about_attack(_subject(token)):
        return None
    return [(g, "origin") for g in _objects(token, "from")][:1]


@rule("target.pointing", lemmas=["pointing_verbs"])
def pointing(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the evidence points to a X rocket", "all signs point to X", "the findings point at the X organisation"."""
    named = next(iter(_objects(token, *finder.lex.pointing_prepositions)), None)
    owner = _owner(finder, named) if named is not None else None
    if owner is not None:
        return [(owner, "pointing")]
    return [(named, "pointing")] if named is not None and (named.pos_ == "PROPN" or finder.has_name(named)) else []


@rule("target.penalty", lemmas=["penalty_verbs"], pos=("VERB",))
def penalty(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X will pay for this", "X will pay a heavy price": who is to pay for the attack.

    Without "for", the price ("a heavy price", "dearly") makes it a reckoning, told in a report about the attack.
    """
    paid_for = [g for t in token.subtree if t.dep_ == "prep" and t.lower_ == "for" for g in _objects(t)]
    prices = finder.lex.penalty_objects
    priced = any(c.dep_ in ("dobj", "advmod") and c.lemma_.lower() in prices for c in token.children)
    subject = _subject(token)
    if subject is None or not (any(map(finder.about_attack, paid_for)) or (priced and not paid_for)):
        return []
    return [(subject, "penalty")]


@rule("target.to_blame", lemmas=["accuse_verbs"], pos=("VERB",))
def to_blame(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X is to blame", "(says) X to blame": the subject of the infinitive with no object is at fault."""
    if not bare_infinitive(token):
        return None
    subject = _subject(token)
    if subject is None and token.dep_ == "xcomp" and token.head.lemma_.lower() in finder.lex.copulas:
        subject = _subject(token.head)  # "X is to blame"
    return [(subject, "behind")] if subject is not None else []


def _response(finder: TargetFinder, verb: Token) -> bool:
    """ "launched operations to hunt down the attackers": the verb is the response to the attack."""
    actions = finder.lex.response_actions
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in actions for c in verb.children)


@rule("target.perpetrator", lemmas=["perpetrate_verbs"], forms=["perpetrate_forms"], pos=("VERB", "AUX"))
def perpetrator(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X carried out the attack", "the bombing was orchestrated by X", "a rocket fired by X"."""
    lemma = token.lemma_.lower()
    if lemma == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return []
    if _response(finder, token):
        return []
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and not _purpose(c)]
    if token.dep_ == "acl" and passive_agent(token) is not None:  # "a rocket fired by X": its noun was done
        objects.append(token.head)
    if not any(finder.about_attack(o) or finder.anonymous(o) for o in objects):
        return []
    agent = passive_agent(token) or (clause_subject(token) if token.dep_ in ("conj", "ROOT", "ccomp") else None)
    agent = agent or next((c for c in token.children if c.dep_ == "nsubj"), None)
    if agent is not None and agent.dep_ == "nsubjpass":
        agent = None  # "the attackers were surrounded and carried out ...": a passive head is no agent
    agent = agent or _suspected_of(finder, token)
    if agent is not None and agent.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
        agent = token.head  # "it is X who planted the device": the relative pronoun stands for X
    if agent is not None and not (agent.dep_ == "nsubj" and finder.about_attack(agent)):
        return [(agent, "perpetrate")]
    if lemma in finder.lex.planning_verbs:  # "the attack was planned in X": kept only if X is a state
        return [(p, "planned_in") for p in _places(token)][:1]
    return []


def _suspected_of(finder: TargetFinder, verb: Token) -> Token | None:
    """ "X were suspected of carrying out the attack", "X is accused of planning it": the one held under suspicion.

    The gerund's doer is the passive subject of the verb of blame its "of" phrase hangs on; "suspected" hedges it.
    """
    prep = verb.head if verb.dep_ == "pcomp" else None
    if prep is None or prep.lower_ != "of" or prep.head.lemma_.lower() not in finder.lex.accuse_verbs:
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubjpass"), None) or repaired_subject(prep.head)


@rule("target.assault", lemmas=["assault_verbs"], pos=("VERB",))
def assault(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X militants killed 92 soldiers", "the fighters of X attacked our forces", "X had struck back": the doer.

    The deed told outright, done (past), by its subject or its passive agent. The label keeps the doer to a
    militant group ("the army killed 20 militants" blames no one), checked once the name is linked.
    """
    if token.tag_ not in ("VBD", "VBN") or _response(finder, token):
        return None
    agent = passive_agent(token) or next((c for c in token.children if c.dep_ == "nsubj"), None)
    if agent is not None and agent.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
        agent = token.head  # "X, which attacked the base": the relative pronoun stands for X
    if agent is None or agent.pos_ == "PRON" or finder.is_attack(agent):
        return []  # "the bombings that killed dozens": the deed is the subject, told by the writer
    framing = [token, *token.ancestors]
    if any(a.dep_ == "prep" and a.lower_ in finder.lex.time_prepositions for a in framing) or any(
        c.dep_ == "mark" and c.lower_ in finder.lex.time_prepositions for a in framing for c in a.children
    ):
        return []  # "an emergency after bombings by X that killed dozens", "ended a siege after X stormed it": a time
    verb = token.head if token.dep_ == "conj" else token
    patients = [c for c in (*token.children, *verb.children) if c.dep_ in ("dobj", "nsubjpass")]
    if any(finder.anonymous(p) for p in patients):
        return []  # "the attacker was shot by the guards": the response to the attack, not the attack
    return [(agent, "assault")]


@rule("target.complicity", lemmas=["complicity_verbs"], pos=("VERB",))
def complicity(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X assisted with the attack", "X and Y conspired with the attackers", "X helped the bombers": X took part.

    The help must go to the attack or the attackers: "the army helped the wounded" blames no one.
    """
    helped = [c for c in token.children if c.dep_ == "dobj"] + _objects(token, "with", "in")
    if not any(finder.about_attack(h) or finder.anonymous(h) for h in helped):
        return None
    subject = _subject(token) or (token.head if token.dep_ in ("acl", "relcl") else None)
    if subject is None or subject.pos_ == "PRON" or finder.anonymous(subject):
        return []  # "he was conspiring with them": whom a pronoun means is left to the words that name him
    return [(subject, "complicity")]


@rule("target.deed", lemmas=["deed_verbs"], pos=("VERB", "AUX"))
def deed(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X did this", "it is X that did it": who did what a pronoun points back to (the attack).

    Only a done deed counts ("we will do that" promises, names no doer), and only a pronoun
    object: "did the work" or "did everything" is no attack.
    """
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "PRON" or not finder.about_attack(obj) or token.tag_ not in ("VBD", "VBN"):
        return None
    agent = _subject(token)
    if agent is not None and agent.tag_ in ("WP", "WDT"):
        agent = _cleft_name(finder, token)
    return [(agent, "perpetrate")] if agent is not None else []


def _cleft_name(finder: TargetFinder, verb: Token) -> Token | None:
    """The name a relative pronoun subject stands for: "X, who did this", "it is X that did this".

    "whoever did this" or "we know who did this" name no one.
    """
    named = verb.head if verb.dep_ == "relcl" else None
    cleft = verb.head.lemma_.lower() in finder.lex.copulas and (_subject(verb.head) or verb).lower_ == "it"
    if named is None and cleft:
        named = next((c for c in verb.head.children if c.dep_ == "attr"), None)
    return named if named is not None and named.pos_ == "PROPN" else None


@rule("target.responsible", lemmas=["responsible_adjectives"], forms=["responsible_adjectives"])
def responsible(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X is responsible", "X was involved in the attack", "Iran holds X accountable" (X, not Iran).

    A phrase of manner ("involved in any way") says how far, not in what.
    """
    about = [
        g
        for c in token.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj" and g.lemma_.lower() not in finder.lex.manner_nouns
    ]
    if about and not any(finder.about_attack(a) for a in about):
        return []
    governor = token.head if token.dep_ in ("acomp", "oprd", "ccomp", "xcomp") else token
    if governor.lemma_.lower() in finder.lex.hold_verbs:
        held = next((c for c in token.children if c.dep_ == "nsubj"), None) or next(
            (c for c in governor.children if c.dep_ == "dobj"), None
        )
        return [(held, "held")] if held is not None else []
    holder = token.head if token.dep_ == "acomp" else token
    manner = token.head
    if token.dep_ == "acl" and manner.lemma_.lower() in finder.lex.manner_nouns and manner.dep_ == "pobj":
        holder = manner.head.head  # "X was in any way involved": the parse hangs the word on the manner phrase
    subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and holder.dep_ == "conj" and holder.pos_ in ("VERB", "AUX"):
        # "X backs terror and may be responsible for the blast": the subject the two verbs share
        subject = next((c for c in holder.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return [(subject, "responsible")] if subject is not None else []


def _ties(finder: TargetFinder, noun: Token, subject: Token | None, parties: list[Token]) -> Agents:
    """The attackers' ties ("they have links with X"): X is blamed, or cleared when they have "no" links.

    A relative pronoun stands for its noun: "the gunmen, who had ties to X" are the attackers, "the group, which
    Washington says has links to X" is a group named before, whose ties say nothing of this attack.
    """
    subject = (relative_antecedent(subject, through_reports=True) or subject) if subject is not None else None
    if not _attackers(finder, subject) or noun.lemma_.lower() not in finder.lex.tie_nouns:
        return []
    label = "disclaim" if any(c.lower_ == "no" for c in noun.children) else "linked"
    return [(p, label) for p in parties if p.dep_ == "pobj"]


@rule("target.responsibility", lemmas=["claim_verbs", "role_verbs"])
def responsibility(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X bears responsibility", "X played a role in the attack", "they have links with X" (the attackers' ties)."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    words = finder.lex.words("responsibility_nouns", "role_nouns")
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "conj":  # "the gunmen were trained abroad and had ties to X"
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
        subject = token.head  # "the X regime, which bears direct responsibility"
    about = [g for c in (obj.children if obj is not None else ()) if c.dep_ == "prep" for g in c.children]
    if about and not any(finder.about_attack(a) for a in about):  # "has links to al-Qaeda"
        return _ties(finder, obj, subject, about) if obj is not None else []
    claimed = [a for a in (*about, *_objects(token, "for")) if finder.about_attack(a)]
    if claimed and all(generic_attack(a) for a in claimed):
        return []  # "they claim responsibility for virtually every attack": a habit, not this attack
    if obj is not None and obj.lemma_.lower() in words and subject is not None:
        # "X claimed responsibility" reported by another is X's claim; "X bears responsibility" blames X
        claimed = _claims_it(finder, token) and obj.lemma_.lower() in finder.lex.responsibility_nouns
        return [(subject, "claimed" if claimed else "responsibility")]
    return []


def _claims_it(finder: TargetFinder, verb: Token) -> bool:
    """ "X claimed (took, admitted) responsibility": X's own claim, where "X bears responsibility" or "X must take
    responsibility" is someone's blame."""
    lemma = verb.lemma_.lower()
    obliged = any(c.dep_ in ("aux", "auxpass") and c.lower_ in finder.lex.obligation_modals for c in verb.children)
    return lemma in finder.lex.claim_verbs and lemma not in finder.lex.burden_verbs and not obliged


def _attack_site(finder: TargetFinder, place: Token) -> bool:
    """Whether a territory is where an attack struck ("operations inside Saudi territory"), not a haven."""
    prep = place.head
    return place.dep_ == "pobj" and prep.lower_ in ("in", "inside", "within", "into") and finder.is_attack(prep.head)


def _place_in(noun: Token) -> Token | None:
    """A state a phrase places someone in ("handlers based in X", "ringleaders in X")."""
    return next((t for t in noun.subtree if t.dep_ == "pobj" and t.ent_type_ == "GPE" and t.head.lower_ == "in"), None)


@rule("target.contact", lemmas=["tie_nouns"], pos=("NOUN",))
def contact(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the attackers were in contact with handlers in X": the state their handlers sit in; "ties to Y": Y."""
    verb = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ in ("dobj", "attr") else None
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not _attackers(finder, subject):
        return None
    label = "disclaim" if any(c.lower_ == "no" for c in token.children) else "linked"
    out: Agents = []
    for obj in _objects(token, "with", "to"):
        if obj.pos_ == "PROPN":
            out.append((obj, label))
        elif (place := _place_in(obj) or _place_in(token)) is not None:
            out.append((place, "planned_in"))  # "handlers in Afghanistan": kept only for a state
    return out


@rule("target.possible_link", lemmas=["tie_nouns"], pos=("NOUN",))
def possible_link(finder: TargetFinder, token: Token) -> Agents | None:
    """ "there may be links to X", "there could be a connection with X": a hedged tie of the attack to X.

    Only hedged: an existential with no subject says nothing of whose ties
    they are, so a plain "there are links to X" is left to the sentence's other words.
    """
    verb = token.head
    if token.dep_ != "attr" or not any(c.dep_ == "expl" for c in verb.children):
        return None
    if not is_hedged(verb, finder.lex, stop=verb) or any(c.lower_ == "no" for c in token.children):
        return None
    return [(g, "linked") for g in _objects(token, "to", "with") if g.pos_ == "PROPN"]


@rule("target.haven", lemmas=["haven_nouns"])
def haven(finder: TargetFinder, token: Token) -> Agents | None:
    """ "from X soil", "X soil was used": the state whose territory served the attackers."""
    if token.dep_ not in ("pobj", "nsubjpass") or _attack_site(finder, token):
        return None  # not "operations inside Saudi territory", where the attack struck
    if _supposed(finder, token):
        return None  # "if it was launched from X soil": a supposition blames no state
    named = (c for c in token.children if c.dep_ in ("amod", "compound", "poss") and c.text[:1].isupper())
    of = (g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)
    owner = next(named, None) or next((g for g in of if g.dep_ == "pobj"), None)
    if owner is not None and owner.pos_ == "PRON":
        return [(token, "haven")]  # "our soil": the territory itself, whose owner the statement resolves
    return [(owner, "haven")] if owner is not None else []


def _supposed(finder: TargetFinder, token: Token) -> bool:
    """Whether a conditional ("if", "unless") governs the clause the token sits in."""
    marks = finder.lex.conditional_marks
    return any(c.dep_ == "mark" and c.lower_ in marks for a in (token, *token.ancestors) for c in a.children)


@rule("target.linked", lemmas=["attribute_verbs"], pos=("VERB",))
def linked(finder: TargetFinder, token: Token) -> Agents | None:
    """ "they are linked to X", "the gunmen were tied to X": the attackers' links name who is behind them."""
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if _attackers(finder, subject):
        return [(g, "linked") for o in _objects(token, "to", "with") for g in (o, *o.conjuncts)]
    return []


def _backer(finder: TargetFinder, group: Token) -> Token | None:
    """Who stands behind an unnamed group ("a group funded by Saudi Arabia"): the agent of its backing verb."""
    if group.pos_ != "NOUN":
        return None
    for verb in (c for c in group.children if c.dep_ == "acl" and c.lemma_.lower() in finder.lex.perpetrate_verbs):
        agent = passive_agent(verb)
        if agent is not None:
            return agent
    return None


def _tied_to(finder: TargetFinder, group: Token) -> Token | None:
    """The named group an unnamed cell is tied to: "a cell linked to X" (X)."""
    if not finder.anonymous(group) or finder.has_name(group):
        return None
    tied = (c for c in group.children if c.dep_ == "acl" and c.lemma_.lower() in finder.lex.attribute_verbs)
    return next((o for verb in tied for o in _objects(verb, "to", "with") if o.pos_ == "PROPN"), None)


@rule("target.attackers_from", lemmas=["anonymous_perpetrators"], pos=("NOUN",))
def attackers_from(finder: TargetFinder, token: Token) -> Agents | None:
    """ "(pursuing) the attackers from X", "the gunmen from X": the group the attackers came from (not a place).

    Kept only when X is a militant group: "the attackers from the village" or "from the city" name no one.
    """
    if _blamed_subject(finder, token):
        return None  # "fighters from X were suspected of ...": the verb of blame says how X is blamed
    named = _objects(token, "from")
    if not named and token.dep_ == "dobj":  # the parse may hang the "from" right after the noun on its verb
        named = [g for g in _objects(token.head, "from") if g.head.i == token.right_edge.i + 1]
    groups = [g for g in named if g.pos_ == "PROPN" and g.ent_type_ not in _PLACE_ENTS]
    return [(g, "enlisted") for g in groups][:1] or None


#: The doc memo of each sentence's blamed subjects (:func:`_blamed_subjects`).
_BLAMED_SUBJECTS_KEY = "counterclaim.blamed_subjects"


def _blamed_subject(finder: TargetFinder, token: Token) -> bool:
    """Whether a noun is what a verb of blame is said of ("X were suspected of ..."), though the parse lost it.

    The sentence's blamed subjects are found once and kept with the doc: the six subject repairs would otherwise
    run for every verb of blame again for each anonymous noun of the sentence.
    """
    sent = token.sent
    key = (_BLAMED_SUBJECTS_KEY, id(finder.lex), sent.start)
    return token.i in memo(token.doc, key, lambda: _blamed_subjects(finder, sent))


def _blamed_subjects(finder: TargetFinder, sent: Span) -> frozenset[int]:
    """The indices of the subjects the verbs of blame in ``sent`` are said of: passive subjects, or repaired ones."""
    found: set[int] = set()
    for verb in (v for v in sent if v.pos_ == "VERB" and v.lemma_.lower() in finder.lex.accuse_verbs):
        found.update(c.i for c in verb.children if c.dep_ == "nsubjpass")
        repaired = repaired_subject(verb)
        if repaired is not None:
            found.add(repaired.i)
    return frozenset(found)


@rule("target.membership", lemmas=["membership_verbs"])
def membership(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the gunmen belonged to X", "belong to a group funded by Y" (Y), "to a cell linked to Z" (Z).

    "she belonged to X's squad" counts too, kept only when X is a militant group: a pronoun may be anyone.
    """
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    group = next((g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
    if subject is None or group is None:
        return []
    if finder.anonymous(subject):
        return [(_backer(finder, group) or _tied_to(finder, group) or group, "membership")]
    if subject.lower_ in _ATTACKER_PRONOUNS and finder.has_name(group):
        return [(group, "enlisted")]
    return []


def _nationality(finder: TargetFinder, token: Token) -> bool:
    """ "a Tajik national", "Afghan citizens": where the attackers come from, not who is behind them."""
    return token.lemma_.lower() in finder.lex.nationality_nouns or token.lower_ in finder.lex.nationality_nouns


@rule("target.among_suspects", lemmas=["copulas"])
def among_suspects(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X and Y were among the main suspects": parties held under suspicion, a hedge (``other``), each named one."""
    if not any(g.lemma_.lower() in finder.lex.suspicion_nouns for g in _objects(token, "among")):
        return None
    subject = _subject(token)
    if subject is None:
        return []
    return [(p, "possible") for p in (subject, *subject.conjuncts) if finder.has_name(p)]


def _resolved(subject: Token | None) -> Token | None:
    """A subject, or the noun a relative pronoun subject stands for."""
    return relative_antecedent(subject) or subject if subject is not None else None


@rule("target.identity", lemmas=["copulas"])
def identity(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the attackers were X fighters", "the main sponsor is X", "the rocket was X's", "they are not from X".

    A copula under a verb of belief takes that verb's subject: "the gunmen were suspected to be X" (hedged by it).
    A relative pronoun stands for the noun its clause modifies ("a plant that is a joint X venture", "the strike,
    which was the deadliest in X": no perpetrators). "They are from X" names X's men only when X is a group
    ("origin"): a place the bomber was from is no one who sent him.
    """
    subject = _resolved(next((c for c in token.children if c.dep_ == "nsubj"), None))
    named = next((c for c in token.children if c.dep_ == "attr"), None)
    origins = _objects(token, "from")
    if named is None and origins and _attackers(finder, subject):  # "they are (not) from X": X's men, or not
        return [(origins[0], "disclaim" if is_negated(token, finder.lex) else "origin")]
    if subject is None and named is not None and token.dep_ == "xcomp":
        subject = _resolved(next((c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")), None))
    if subject is None or named is None:
        return None
    whole = _objects(named, "of")[:1] if named.lemma_.lower() in finder.lex.role_nouns else []
    if whole and (whole[0].pos_ == "PROPN" or finder.has_name(whole[0])):
        named = whole[0]  # "the bomber was part of the X cell": the named cell is what he was
    if finder.anonymous(subject) and not _nationality(finder, named):
        return [(named, "identity")]
    # "the main sponsor is India", "X was the mastermind"
    if subject.lemma_.lower() in finder.lex.responsible_words and named.pos_ == "PROPN":
        return [(named, "identity")]
    if named.lemma_.lower() in finder.lex.responsible_words and subject.pos_ == "PROPN":
        return [(subject, "identity")]
    if subject.lower_ in _ATTACKER_PRONOUNS and finder.anonymous(named) and finder.has_name(named):
        return [(named, "identity")]  # "they are members of X", "they are X fighters"
    if finder.about_attack(subject):
        owner = _owner(finder, named)
        return [(owner, "owner")] if owner is not None else []
    if subject.lower_ in ("it", "they") and named.pos_ == "PROPN" and any(c.dep_ == "relcl" for c in named.children):
        return [(named, "cleft")]  # "it is X that has been terrorising ...": kept for groups
    return None


@rule("target.involvement", lemmas=["involvement_nouns"], pos=("NOUN",))
def involvement(finder: TargetFinder, token: Token) -> Agents | None:
    """ "evidence indicates the involvement of X", "X's complicity" (not in "denied the involvement of X")."""
    if token.dep_ not in ("dobj", "attr", "pobj", "nsubj"):
        return None
    of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) or next(iter(of), None)
    if owner is not None and token.head.lemma_.lower() not in finder.lex.deny_verbs:
        return [(owner, "involvement")]
    return None


@rule("target.responsibility_of", lemmas=["responsibility_nouns"], pos=("NOUN",))
def responsibility_of(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the bombings were the responsibility of X", "the attack was X's responsibility": X is made responsible.

    Only as what the attack *was* (the noun a copula's complement, the attack
    its subject); "X claimed responsibility" is ``target.responsibility``'s.
    """
    if token.dep_ != "attr" or token.head.lemma_.lower() not in finder.lex.copulas:
        return None
    subject = _subject(token.head)
    if subject is None or not finder.about_attack(subject) or finder.other_attack(subject):
        return None
    of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) or next(iter(of), None)
    return [(owner, "responsibility")] if owner is not None else []


#: Links by which a negation above a verb reaches it: "not in a position to rule out", "unwilling to exclude".
_GOVERNING = ("xcomp", "relcl", "acl", "pobj", "prep", "acomp")


def _barred(finder: TargetFinder, verb: Token) -> bool:
    """Whether a verb is negated, itself or through what governs it ("cannot rule out", "not in a position to")."""
    node = verb
    for _ in range(4):
        if is_negated(node, finder.lex):
            return True
        if node.dep_ not in _GOVERNING or node.head == node:
            return False
        node = node.head
    return False


@rule("target.not_excluded", lemmas=["exclusion_verbs"], pos=("VERB",))
def not_excluded(finder: TargetFinder, token: Token) -> Agents | None:
    """ "cannot rule out a role for X", "did not exclude X": X left possible, a hedge; "ruled out X's role" clears X.

    A speaker who will not exclude a party neither blames nor clears it: the
    stance step makes it ``other``. The party is the object itself or the
    owner of a role, tie or involvement named as the object.
    """
    if token.lemma_.lower() == "rule" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return None
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return None
    parties = [obj] if obj.pos_ == "PROPN" else _tied_parties(finder, obj)
    label = "possible" if _barred(finder, token) else "disclaim"
    return [(p, label) for p in parties]


def _tied_parties(finder: TargetFinder, noun: Token) -> list[Token]:
    """The named parties a role, tie or involvement noun is of ("X's role", "a role for X", "links to X")."""
    lex = finder.lex
    if noun.lemma_.lower() not in lex.words("role_nouns", "involvement_nouns", "tie_nouns"):
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    parties = owners + [p for p in _objects(noun, "of", "for", "to", "with", "by") if not finder.about_attack(p)]
    return [p for p in parties if p.pos_ == "PROPN"]


@rule("target.inquiry", lemmas=["inquiry_verbs"], pos=("VERB",))
def inquiry(finder: TargetFinder, token: Token) -> Agents | None:
    """ "investigators are probing possible links to X", "looking into X's role": ties under inquiry, a hedge."""
    nouns = [c for c in token.children if c.dep_ == "dobj"] + _objects(token, "into", "at")
    parties = [p for n in nouns for p in _tied_parties(finder, n)]
    lex = finder.lex
    if not parties and any(n.lemma_.lower() in lex.words("tie_nouns", "role_nouns") for n in nouns):
        # "probing possible links to X" with "to X" hung on the verb
        parties = [p for p in _objects(token, "to", "with") if p.pos_ == "PROPN"]
    return [(p, "possible") for p in parties] if parties else None


def _unverified(finder: TargetFinder, verb: Token) -> bool:
    """Whether a verb leaves its subject unverified: "could not be verified", "had yet to be confirmed",
    "remained unconfirmed"."""
    lex = finder.lex
    if any(c.dep_ in ("acomp", "oprd") and c.lower_ in lex.unverified_words for c in verb.children):
        return True
    check = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in lex.verification_verbs), None)
    if check is not None:  # "had yet to be verified"
        return is_negated(verb, lex) or any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)
    return verb.lemma_.lower() in lex.verification_verbs and is_negated(verb, lex)


@rule("target.unverified", lemmas=["claim_nouns"], pos=("NOUN",))
def unverified(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X's claim could not be verified", "the X claim had yet to be confirmed": X's part left open, a hedge.

    A speaker who says a claim is unverified neither confirms nor rejects it:
    the stance step makes it ``other``, with the claimant as its target.
    """
    if token.dep_ not in ("nsubj", "nsubjpass") or not _unverified(finder, token.head):
        return None
    owner = owner_named(token, finder.lex.claim_nouns)
    return [(owner, "possible")] if owner is not None else []


@rule("target.unsupported", lemmas=["claim_nouns"], pos=("NOUN",))
def unsupported(finder: TargetFinder, token: Token) -> Agents | None:
    """ "no evidence to support a claim from X", "nothing to back up X's claim": X's part doubted, a hedge.

    Like a claim left unverified, a claim nothing supports is neither confirmed nor rejected: ``other`` toward
    the claimant.
    """
    if token.dep_ != "dobj" or not nothing_shows(token.head, finder.lex.doubt_verbs):
        return None
    owner = owner_named(token, finder.lex.claim_nouns) or pobj(token, "from")
    return [(owner, "possible")] if owner is not None else []


@rule("target.inspired", lemmas=["inspiration_verbs"], pos=("VERB",))
def inspired(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the gunman was inspired by X", "he had been radicalised by X's propaganda": X moved the attacker.

    Inspiration is not direction: the text leaves open whether X had a hand in the attack, a hedge (``other``
    toward X). Only the attackers' or a named person's inspiration, by a named inspirer or the owner of the
    propaganda or teachings named ("al-Shabaab videos").
    """
    agent = pobj(token, "by")
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if agent is None or token.tag_ != "VBN":
        return None
    if not (_attackers(finder, subject) or (subject is not None and subject.ent_type_ == "PERSON")):
        return []  # "the design was inspired by Paris": only the attacker's inspiration says who moved him
    if agent.lemma_.lower() in finder.lex.inspiration_sources or agent.lower_ in finder.lex.inspiration_sources:
        agent = next((c for c in agent.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
    if agent is None or agent.pos_ != "PROPN":
        return []
    return [(agent, "possible")]


@rule("target.harboured", lemmas=["haven_verbs"])
def harboured(finder: TargetFinder, token: Token) -> Agents | None:
    """ "the men who planned this massacre sit in X": where the perpetrators are is a state harbouring them."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and finder.anonymous(subject) and not finder.has_name(subject):
        return [(p, "planned_in") for p in _places(token)][:1]
    return None


@rule("target.disclaimer", lemmas=["disclaim_objects"])
def disclaimer(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X had nothing to do with the attack": a disclaimer, recorded as a negated agent."""
    if token.dep_ != "dobj" or token.head.lemma_.lower() not in finder.lex.role_verbs:
        return None
    about = [g for t in token.subtree if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and any(finder.about_attack(a) for a in about):
        return [(subject, "disclaim")]
    return None


@rule("target.dismissal", lemmas=["dismissal_words"])
def dismissal(finder: TargetFinder, token: Token) -> Agents | None:
    """ "accusations against X were baseless": X is cleared."""
    if token.dep_ != "acomp":
        return None
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in finder.lex.deny_objects:
        return [(p, "disclaim") for p in preposition_objects(subject, "against")][:1]  # "accusations against X"
    return None


@rule("target.behind", forms=["responsible_prepositions"])
def behind(finder: TargetFinder, token: Token) -> Agents | None:
    """ "X was behind the attack", "who is behind this"."""
    if token.head.lemma_ != "be":
        return None
    about = next((c for c in token.children if c.dep_ == "pobj"), None)
    if about is None and token.dep_ == "advmod":  # "X may have been behind the attack" read as "been" + attribute
        about = next((c for c in token.head.children if c.dep_ == "attr" and c.i > token.i), None)
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and finder.about_attack(about):
        return [(subject, "behind")]
    return None
