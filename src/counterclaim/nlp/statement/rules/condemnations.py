"""Rules for condemnation: narrated with a cue ("X condemned the attack") or said in the speaker's own words.

Narrated (``act`` rules): "X condemned the attack", "X vowed to punish those
behind it", "X vowed revenge", "the attack drew condemnation from X and Y",
"X's condemnation", "it was widely condemned, with X calling it ...", "X was
among the leaders who condemned it", "with X, Y and Z, among others,
condemning it", "the raid, condemned by X as ...", "an agency quoted X as
condemning it" (X, not the agency).

Said (``condemnation`` rules, read by ``CondemnationReader`` over what a
reported statement says): speakers condemn without saying "condemn": they call
the attack "cowardly" or "this heinous act" or "a terrorist act", declare
themselves "horrified" by it, "stand with" the victims' country, "firmly
oppose terrorism", express "solidarity", say nothing can justify it, or
promise retribution ("will hunt down the perpetrators", "revenge will be
taken", "will not go unpunished"). A call on others ("urged that those
responsible be brought to justice") is no promise of the speaker's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.narrated import Act, Cue, child, pobj
from counterclaim.nlp.statement.rules.claims import named_just_before, talked_about
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.speakers import RELATIVE_TAGS, clause_subject
from counterclaim.nlp.statement.targets import RESUMPTIVE, Blame, TargetFinder, is_hedged, is_negated
from counterclaim.nlp.syntax import named_example, preposition_objects

if TYPE_CHECKING:
    from counterclaim.nlp.statement.condemnation import CondemnationReader

#: How far up the parse an evaluative word may sit from the attack it describes.
_DESCRIBE_HOPS = 3
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "csubj")
_FUTURE = {"will", "would", "shall", "'ll", "must"}
#: How far above an action a promise ("would spare no effort to hunt down") may sit.
_VOW_HOPS = 3


# -- narrated ---------------------------------------------------------------


@rule("act.condemnation", lemmas=["condemn_verbs"], pos=("VERB", "AUX"))
def condemnation(cue: Cue) -> list[Act] | None:
    """ "X condemned the attack", "X strongly condemned" (no object), "it was condemned, with X calling it ...".

    A passive condemnation with no "by" names its condemners in an absolute
    "with" phrase when it has one ("was widely condemned, with nations
    including X and Y").
    """
    obj = cue.obj
    if obj is not None and not _condemned(cue, obj):
        return None
    if cue.passive is not None and cue.speaker is None:
        reacting = with_reaction(cue.lex, cue.token)
        if reacting is not None:
            return [Act("condemn", cue.token, reacting, f"narrated.condemn.{cue.lemma}.with")]
    acts = _condemning(cue, f"narrated.condemn.{cue.lemma}")
    doers = _doers_by(cue, obj) if obj is not None and acts else []
    for hedged in (False, True):  # "X condemned the attack by Y": X also holds Y responsible ("by suspected Y": other)
        named = [blame for blame, suspected in doers if suspected == hedged]
        if named:
            producer = f"narrated.accuse.{cue.lemma}_doer"
            acts.append(Act("blame", cue.token, acts[0].speaker, producer, named, hedged=hedged))
    return acts


def _doers_by(cue: Cue, obj: Token) -> list[tuple[Blame, bool]]:
    """The names an attack condemned is said to be by ("the attack by the Y militia on a church"), each with
    whether a hedge qualifies it ("by the suspected Y militia")."""
    doers = []
    for head in (obj, *obj.conjuncts):
        if cue.targets.is_attack(head):
            agents = [a for a in preposition_objects(head, "by") if a.pos_ == "PROPN" or cue.targets.has_name(a)]
            doers += [(Blame(a, "cue"), any(c.lower_ in cue.lex.hedge_modals for c in a.children)) for a in agents]
    return doers


@rule("act.headline_condemnation", forms=["condemn_forms"], pos=("NOUN", "PROPN"))
def headline_condemnation(cue: Cue) -> list[Act] | None:
    """ "Taliban condemn attack, but ...": a headline's or summary line's condemnation.

    A headline drops the article, and the parse reads the verb as a noun
    between two nouns; a known actor's name right before it and an attack
    noun right after it still make the act.
    """
    token = cue.token
    if talked_about(token):
        return None
    after = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    if after is None or not cue.targets.is_attack(after):
        return None
    actor = named_just_before(token)
    start = token.sent.start
    if actor is None or not all(t.is_punct for t in token.doc[start : max(start, actor.start)]):
        return None  # the name opens the line ("— X condemn attack"), as a headline's subject does
    return [Act("condemn", token, token.nbor(-1), f"narrated.condemn.{cue.lemma}.headline")]


def _condemned(cue: Cue, obj: Token) -> bool:
    """Whether what is condemned is the attack ("the bombing", "it", "this heinous act of terror") or its
    perpetrators ("those behind it"), not something about it ("the government's failure to prevent the attack")."""
    for head in (obj, *obj.conjuncts):
        if head.lower_ in RESUMPTIVE or cue.targets.is_attack(head) or perpetrators(cue.lex, cue.targets, head):
            return True
        if any(cue.targets.is_attack(g) for g in preposition_objects(head, "of")):  # "this episode of violence"
            return True
        if any(c.dep_ == "poss" and cue.targets.is_attack(c) for c in head.children):  # "the attack's cruelty"
            return True
        if head.pos_ not in ("NOUN", "PROPN") and any(cue.targets.is_attack(t) for t in head.subtree):
            return True  # "what it called a cowardly bombing"
    return False


def _condemning(cue: Cue, producer: str) -> list[Act]:
    """The cue's condemnation, spoken by its speaker, the noun its relative clause describes, or the subject
    of the verb it completes ("X joined others in condemning the attack")."""
    described = relative_speaker(cue.token, cue.speaker)
    if described is not None:
        return [Act("condemn", cue.token, described, f"{producer}.relative")]
    preposition = cue.token.head
    listed = _listed_before_others(cue.token)
    if listed is not None:
        return [Act("condemn", cue.token, listed, f"{producer}.among_others")]
    quoted = _quoted_as(cue.lex, cue.token)
    if quoted is not None:
        return [Act("condemn", cue.token, quoted, f"{producer}.quoted")]
    if cue.speaker is None and cue.token.dep_ == "pcomp" and preposition.dep_ == "prep":
        joined = clause_subject(preposition.head)
        if joined is not None:
            return [Act("condemn", cue.token, joined, f"{producer}.joined")]
    return cue.act("condemn", producer)


def _listed_before_others(verb: Token) -> Token | None:
    """ "..., with X, Y and Z, among others, condemning the attack": the list the "with" phrase names condemns.

    The parse hangs the participle on "others" and leaves the names as the
    object of "with" before it; the names, not "others", are the condemners.
    """
    others = verb.head
    among = others.head
    if verb.dep_ != "acl" or others.lemma_.lower() != "other" or others.dep_ != "pobj" or among.lower_ != "among":
        return None
    listing = [t for t in verb.sent if t.lower_ == "with" and t.dep_ == "prep" and t.i < among.i and child(t, "pobj")]
    return child(listing[-1], "pobj") if listing else None


def _quoted_as(lex: StanceLexicon, verb: Token) -> Token | None:
    """ "An agency quoted X as condemning the attack": X condemns; the agency that quotes only passes it on."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ != "as" or preposition.head.lemma_.lower() not in lex.quoting_verbs:
        return None
    return child(preposition.head, "dobj")


def relative_speaker(verb: Token, subject: Token | None) -> Token | None:
    """Who a relative clause's "who"/"which" stands for: "X, which condemned it" -> X.

    Counted among a group, the members speak: "X and Y were among the
    leaders who condemned it", "among the countries that condemned it were X and Y".
    """
    if subject is None or subject.tag_ not in RELATIVE_TAGS or verb.dep_ != "relcl":
        return None
    noun = verb.head
    among = noun.head
    if noun.dep_ == "pobj" and among.lower_ == "among" and among.head != among:
        return next((c for c in among.head.children if c.dep_ in ("nsubj", "nsubjpass")), noun)
    return noun


def with_reaction(lex: StanceLexicon, verb: Token) -> Token | None:
    """Who an absolute "with" phrase under ``verb`` names as reacting, or None.

    "..., with the UN describing it as the deadliest attack" (the UN);
    "..., with nations including X, Y and Z" (X, and the list it heads). A
    phrase whose verb denies, blames or claims ("with X denying any role") is
    another act, not a reaction.
    """
    other_acts = lex.words("deny_verbs", "accuse_verbs", "claim_verbs")
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        clause = child(prep, "pcomp")
        who = child(clause, "nsubj") if clause is not None else child(prep, "pobj")
        doing = clause if clause is not None else (child(who, "acl") if who is not None else None)
        if who is None or (doing is not None and doing.lemma_.lower() in other_acts):
            continue
        return named_example(who) or who
    return None


@rule("act.vow", lemmas=["vow_verbs"], pos=("VERB", "AUX"))
def vow(cue: Cue) -> list[Act] | None:
    """ "X vowed to punish those behind it", "X vowed revenge", "X vowed that the attackers would pay".

    What is promised is an action against the perpetrators, retribution
    itself ("revenge", "a crushing response", "tough action against them"),
    or a fate the perpetrators will meet.
    """
    action = child(cue.token, "xcomp")
    if action is not None and action.lemma_.lower() in cue.lex.vow_actions:
        return _condemning(cue, f"narrated.vow.{action.lemma_.lower()}")
    promised = cue.obj
    if promised is not None and retribution(cue.lex, cue.targets, promised):
        return _condemning(cue, f"narrated.vow.{promised.lemma_.lower()}")
    clause = child(cue.token, "ccomp")
    fated = (
        clause is not None
        and not is_hedged(clause, cue.lex, stop=cue.token)  # "warned that militants might strike again": a warning
        and any(c.dep_ in ("nsubj", "nsubjpass") and perpetrators(cue.lex, cue.targets, c) for c in clause.children)
    )
    return _condemning(cue, "narrated.vow.fate") if fated else None


def retribution(lex: StanceLexicon, targets: TargetFinder, noun: Token) -> bool:
    """ "revenge", "a severe pounding and a deserved retribution", "stern action against those involved"."""
    for word in (noun, *noun.conjuncts):
        lemma = word.lemma_.lower()
        if lemma in lex.vow_objects:
            return True
        if lemma in lex.vow_measures and any(
            perpetrators(lex, targets, g) for p in word.children if p.lower_ == "against" for g in p.children
        ):
            return True
    return False


def perpetrators(lex: StanceLexicon, targets: TargetFinder, noun: Token) -> bool:
    """Whether a noun names the perpetrators without naming them: "the attackers", "those behind it", "the cowards"."""
    return targets.anonymous(noun) or noun.lemma_.lower() in lex.pejorative_nouns or noun.lower_ in lex.pejorative_nouns


@rule("act.condemnation_noun", forms=["condemn_nouns"], pos=("NOUN",))
def condemnation_noun(cue: Cue) -> list[Act] | None:
    """ "drew condemnation from X and Y", "X's condemnation", "X voiced its condemnation".

    The condemners follow "from"/"by" or own the noun; otherwise the subject
    of the verb governing it speaks, unless that verb is one the attack
    itself does ("the attack drew condemnation"), which names nobody. A
    message carrying the condemnation ("statements of condemnation came from
    X") stands for it.
    """
    noun = cue.token
    carrier = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if carrier is not None and carrier.lemma_.lower() in cue.lex.document_nouns:
        noun = carrier
    if noun.dep_ == "conj" and noun.head.dep_ == "dobj":
        noun = noun.head  # "expressed his sadness and condemnation": the noun shares its conjunct's verb
    governor = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None and owner.pos_ == "NOUN" and noun.dep_ == "dobj" and clause_subject(noun.head) is not None:
        owner = None  # "spokesman X reiterated the kingdom's condemnation": X speaks for the kingdom
    speaker = owner or pobj(noun, "from", "by") or (pobj(governor, "from", "by") if governor else None)
    if speaker is None and governor is not None and governor.lemma_.lower() not in cue.lex.drawn_verbs:
        speaker = clause_subject(governor) if noun.dep_ == "dobj" else None
    if speaker is None and governor is not None:  # "the killings drew wide condemnation, with X calling it ..."
        speaker = with_reaction(cue.lex, governor)
    if speaker is None:
        return None
    return [Act("condemn", cue.token, speaker, f"narrated.condemn_noun.{cue.token.lemma_.lower()}")]


# -- said in the speaker's own words -------------------------------------------


def _about_attack(reader: CondemnationReader, token: Token | None) -> bool:
    return reader.targets.about_attack(token)


def _describes_attack(reader: CondemnationReader, node: Token, argument: Token) -> bool:
    """Whether an argument of ``node`` is the attack a word describes.

    A pronoun subject stands for the attack only under a copula ("it was
    cowardly"); the subject of any other verb is who acts ("it has opened a
    criminal probe": the body that speaks). A clause subject is the attack when
    it tells the deed ("killing worshippers shows their savagery").
    """
    if argument.dep_ == "csubj":
        return argument.tag_ == "VBG" and argument.lemma_.lower() in reader.lex.assault_verbs
    if argument.dep_ == "nsubj" and argument.pos_ == "PRON" and node.lemma_.lower() not in reader.lex.copulas:
        return False
    return _about_attack(reader, argument)


@rule("condemnation.evaluative_word", forms=["condemn_adjectives"])
def evaluative_word(reader: CondemnationReader, word: Token) -> Token | None:
    """ "this heinous act", "the attack was cowardly", "called the bombing barbaric"."""
    node = word
    for _ in range(_DESCRIBE_HOPS):
        if node is not word and reader.targets.is_attack(node):
            return None if _done_by_name(reader, node) else word
        if any(c.dep_ in _ARGUMENTS and _describes_attack(reader, node, c) for c in node.children if c is not word):
            return word
        if node.head == node:
            return None
        node = node.head
    return None


def _done_by_name(reader: CondemnationReader, attack: Token) -> bool:
    """ "X carried out the horrific attacks", "the same X that staged the horrible massacre": who did it, told
    with the attack's usual epithet; an accusation, read by its own rules, not a condemnation."""
    verb = attack.head
    if attack.dep_ != "dobj" or verb.lemma_.lower() not in reader.lex.perpetrate_verbs:
        return False
    relative = child(verb, "nsubj")
    doer = verb.head if verb.dep_ == "relcl" and relative is not None and relative.tag_ in RELATIVE_TAGS else None
    doer = doer or clause_subject(verb)
    return doer is not None and (doer.pos_ == "PROPN" or reader.targets.has_name(doer))


@rule("condemnation.feeling", lemmas=["condemn_feelings"], forms=["condemn_feelings"], pos=("ADJ", "VERB"))
def feeling(reader: CondemnationReader, word: Token) -> Token | None:
    """ "we are horrified", "X was saddened and appalled": a declared feeling about the attack."""
    return word


@rule("condemnation.solidarity", lemmas=["solidarity_nouns"])
def solidarity(reader: CondemnationReader, word: Token) -> Token | None:
    """ "expressed solidarity with the people of X"."""
    return word


@rule("condemnation.stand_with", lemmas=["solidarity_verbs"])
def stand_with(reader: CondemnationReader, word: Token) -> Token | None:
    """ "we stand with X", "stands by the victims"."""
    prepositions = reader.lex.solidarity_prepositions
    return word if any(c.dep_ == "prep" and c.lower_ in prepositions for c in word.children) else None


@rule("condemnation.condemning_verb", lemmas=["condemn_verbs"], pos=("VERB",))
def condemning_verb(reader: CondemnationReader, word: Token) -> Token | None:
    """ "we condemn this attack", "firmly oppose terrorism" said by the speaker.

    A named subject condemns for itself ("reported that X condemned the
    attack"): its own act, read as narrated, not the words of whoever reports it.
    """
    subject = clause_subject(word)
    if subject is not None and subject.pos_ == "PROPN":
        return None
    return word if _about_attack(reader, child(word, "dobj")) else None


def _vowed(reader: CondemnationReader, verb: Token) -> bool:
    """A promise, not a report of what was done: "will hunt down", "vowed to punish".

    A call on others ("urged that those responsible be brought to justice")
    is a demand, not the speaker's promise: it condemns nothing by itself.
    """
    if verb.pos_ != "VERB":
        return False
    node = verb
    for _ in range(_VOW_HOPS):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in node.children):
            return True
        if node is not verb and node.lemma_.lower() in reader.lex.vow_verbs:
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _patient(verb: Token) -> Token | None:
    """Who an action is done to: its object, or its subject when passive ("those responsible must be held")."""
    return child(verb, "dobj") or (child(verb, "nsubjpass") if child(verb, "auxpass") else None)


@rule("condemnation.vow", lemmas=["vow_actions"])
def vow_against(reader: CondemnationReader, word: Token) -> Token | None:
    """ "we will hunt down the killers", "vowed to bring those responsible to justice"."""
    patient = _patient(word)
    at_perpetrators = patient is not None and (reader.targets.anonymous(patient) or patient.lower_ in RESUMPTIVE)
    return word if _vowed(reader, word) and at_perpetrators else None


@rule("condemnation.retribution", lemmas=["vow_objects", "vow_measures"], pos=("NOUN",))
def promised_retribution(reader: CondemnationReader, noun: Token) -> Token | None:
    """ "revenge will be taken", "we will take revenge", "its organisers will face severe punishment"."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass", "nsubj") or not _vowed(reader, verb):
        return None
    return noun if retribution(reader.lex, reader.targets, noun) else None


@rule("condemnation.unpunished", forms=["unpunished_words"])
def unpunished(reader: CondemnationReader, word: Token) -> Token | None:
    """ "this crime will not go unpunished", "the attack will not remain unanswered"."""
    return word if word.dep_ in ("acomp", "oprd", "xcomp") and _vowed(reader, word.head) else None


@rule("condemnation.reckoning", lemmas=["reckoning_verbs"], pos=("VERB",))
def reckoning(reader: CondemnationReader, verb: Token) -> Token | None:
    """ "those who planned this will pay a heavy price", "whoever did it must answer for it"."""
    if not _vowed(reader, verb) or is_negated(verb, reader.lex):
        return None
    subject = child(verb, "nsubj")
    clause = child(verb, "csubj")  # "whoever is behind this will pay": the clause's own subject
    doers = subject if subject is not None else child(clause, "nsubj") if clause is not None else None
    if doers is None:
        return None
    return verb if doers.lower_ == "whoever" or reader.targets.anonymous(doers) else None


@rule("condemnation.unjustifiable", lemmas=["justify_words"])
def unjustifiable(reader: CondemnationReader, word: Token) -> Token | None:
    """ "nothing can justify this attack", "such acts cannot be justified", "there is no justification for it"."""
    justified = child(word, "dobj") or child(word, "nsubjpass") or next(iter(preposition_objects(word, "for")), None)
    denied = (
        is_negated(word, reader.lex)
        or any(c.lower_ in reader.lex.negations for c in word.children if c.dep_ in ("det", "nsubj"))
        or (word.dep_ in ("dobj", "attr") and is_negated(word.head, reader.lex))
    )
    return word if denied and _about_attack(reader, justified) else None


@rule("condemnation.affront", lemmas=["affront_nouns"])
def affront(reader: CondemnationReader, word: Token) -> Token | None:
    """ "the attack was an attack on all of humanity", "called the bombing a crime against humanity"."""
    prepositions = reader.lex.affront_prepositions
    if not any(c.dep_ == "prep" and c.lower_ in prepositions for c in word.children):
        return None
    described = _described(reader, word)
    if described is None or (word.dep_ != "attr" and described.pos_ == "PRON"):
        return None  # "rejected that claim, describing it as an insult": only the attack named is labelled so
    if word.dep_ == "attr" and is_negated(word.head, reader.lex):
        return None  # "this was not an attack on the state": the label denied
    return word if _about_attack(reader, described) else None


def _described(reader: CondemnationReader, noun: Token) -> Token | None:
    """What a predicate noun says something of: "X was N", "called X N", "described X as N".

    The subject of the copula, or the object of the labelling verb; "an act
    of N" is read as N.
    """
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "an act of terrorism"
    if noun.dep_ == "attr":
        return child(noun.head, "nsubj")
    if noun.dep_ == "oprd":
        return child(noun.head, "dobj")
    if noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return None
    holder = noun.head.head  # "described X as N": "as" hangs on the verb, or on X
    if holder.lemma_.lower() in reader.lex.label_verbs:
        return child(holder, "dobj")
    return holder if holder.dep_ == "dobj" and holder.head.lemma_.lower() in reader.lex.label_verbs else None


@rule("condemnation.pejorative", forms=["pejorative_nouns"])
def pejorative(reader: CondemnationReader, noun: Token) -> Token | None:
    """ "described the assailants as terrorists", "they are cowards", "these cowards will face justice"."""
    verb = noun.head
    if is_negated(verb, reader.lex) or any(c.dep_ == "neg" for c in noun.children):
        return None  # "the attackers were not ordinary criminals"
    if noun.dep_ in ("attr", "oprd"):
        return None if _named_doers(noun) else noun  # "these are X terrorists": who did it, told, not judged
    if noun.dep_ == "pobj" and verb.lower_ == "as":  # "described them as terrorists", not "listed X as a terrorist"
        return noun if verb.head.lemma_.lower() in reader.lex.label_verbs else None
    future = noun.dep_ == "nsubj" and any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)
    return noun if future else None


@rule("condemnation.label", forms=["condemning_labels"])
def label(reader: CondemnationReader, noun: Token) -> Token | None:
    """ "it was terrorism", "the bombing was a massacre", "called it an act of terror"."""
    described = _described(reader, noun)
    about = described is not None and (_about_attack(reader, described) or described.lower_ in ("this", "what"))
    return noun if about else None


@rule("condemnation.terror_label", forms=["terror_modifiers"])
def terror_label(reader: CondemnationReader, word: Token) -> Token | None:
    """ "this was a terrorist attack", "termed it a terrorist act", "described the strike as a terror attack",
    "the city is the victim of a terrorist attack"."""
    attack = word.head
    if word.dep_ not in ("amod", "compound") or not reader.targets.is_attack(attack):
        return None
    if any(t.lower_ == "by" and t.dep_ in ("prep", "agent") for t in attack.subtree) or _named_doers(attack):
        return None  # "a terrorist attack organised by X", "an X terrorist attack": who did it, the blame is the act
    if attack.dep_ == "attr" and is_negated(attack.head, reader.lex):
        return None  # "this was not a terrorist attack": the label denied
    if _victim_of(reader, attack):
        return word  # "the city is again the victim of a terrorist attack"
    described = _described(reader, attack)
    about = described is not None and (_about_attack(reader, described) or described.lower_ in ("this", "what"))
    return word if about else None


def _victim_of(reader: CondemnationReader, attack: Token) -> bool:
    """ "X is (once again) the victim of a terror attack": the speaker's own label, said of who suffered it (not
    "twelve of the victims of the terrorist attack were ...", a count of the dead)."""
    if attack.dep_ != "pobj" or attack.head.lower_ != "of":
        return False
    victim = attack.head.head
    return victim.lemma_.lower() in reader.lex.victim_nouns and victim.dep_ in ("attr", "oprd")


def _named_doers(noun: Token) -> bool:
    """Whether a name modifies the noun ("X terrorists", "an X terrorist attack"): the words say who did it.

    Naming the doers is an identification or an accusation, read by its own
    rules; the pejorative or the label that comes with the name judges nobody by itself.
    """
    return any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in noun.children)
