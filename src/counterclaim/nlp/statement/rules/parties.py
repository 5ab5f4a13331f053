"""Rules for parties: which actor a noun phrase names, speaker and target alike.

``party`` rules read the phrase's structure from its head: "Lt Gen X" (a
title with the name in apposition), "fighters from JNIM" (the group),
"Shekau's fighters" (the leader's group), "a group calling itself X" (X), "the group al-Shabaab" (the name in
apposition), "an affiliate of X" (the branch of X the document names). ``name`` rules read the words: a
knowledge-base actor ("the Zionist regime" -> Israel), a person with a role ("Interior Minister X"), a
demonym for its state ("from Afghan soil"). A phrase no rule reads is the
phrase itself, unknown to the knowledge base (``PartyResolver`` applies that
reading, so it cannot be switched off).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from counterclaim.kb import link_role, split_person
from counterclaim.kb.roles import is_role_word
from counterclaim.nlp.statement.lexicon import stance_lexicon
from counterclaim.nlp.statement.parties import PAREN, Party, name_tokens, phrase_tokens
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.syntax import preposition_objects

if TYPE_CHECKING:
    from counterclaim.nlp.statement.parties import PartyResolver
    from counterclaim.records import Actor


def _only_role(resolver: PartyResolver, head: Token) -> bool:
    """A capitalised title that names no one itself ("the Director General of X, Y Z,")."""
    first = name_tokens(head)[0]
    text = resolver.text[first.idx : head.idx + len(head)]
    return resolver.link(text) is None and not split_person(text).name


def _apposed_name(head: Token) -> Token | None:
    """A proper name in apposition after the head ("the group al-Shabaab", "Lt Gen Ahmed Khan")."""
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i), None)


def _apposed_group(resolver: PartyResolver, head: Token) -> Token | None:
    """A group's members in apposition to a common noun ("its affiliate, al-Shabaab militants"): the group."""
    if head.pos_ != "NOUN":
        return None
    for appos in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > head.i):
        party = resolver.from_head(appos)
        if party.actor is not None and party.actor.kind == "militant_group":
            return appos
    return None


# -- from the phrase's structure -----------------------------------------------


@rule("party.titled_name")
def titled_name(resolver: PartyResolver, head: Token) -> Party | None:
    """ "Lt Gen Ahmed Khan": a title the parse made the head, the name its apposition; the words together name one."""
    name = _apposed_name(head)
    if head.pos_ != "PROPN" or name is None or name.left_edge.i != head.i + 1 or name.left_edge.is_punct:
        return None  # not "the Main Intelligence Directorate (GUR)": a bracketed acronym is no name
    first, last = phrase_tokens(head)[0], name_tokens(name)[-1]
    return resolver.from_text(first.idx, last.idx + len(last))


def _as_branch(resolver: PartyResolver, head: Token, branch: Actor) -> Party:
    """The phrase up to ``head`` ("the Caucasian branch", "an affiliate") standing for a group's ``branch``."""
    first = phrase_tokens(head)[0]
    end = head.idx + len(head)
    return Party(first.idx, end, resolver.text[first.idx : end], branch.name, branch, None, branch)


@rule("party.named_affiliate", pos=("NOUN",))
def named_affiliate(resolver: PartyResolver, head: Token) -> Party | None:
    """ "an affiliate of X", "the X affiliate", "X-affiliate": the one branch of X the document names.

    Outlets name a claimant by its parent and name the branch elsewhere ("the
    affiliate, known as ..."). With no branch named, or one sited by a place
    ("X's affiliate in Y"), the other rules read the phrase.
    """
    if head.lemma_.lower() not in resolver.branch_nouns or preposition_objects(head, "in"):
        return None
    owners = [c for c in head.children if c.dep_ in ("compound", "nmod", "poss") and c.pos_ in ("PROPN", "NOUN")]
    for owner in [*preposition_objects(head, "of"), *owners]:
        group = resolver.from_head(owner).actor
        branch = resolver.named_branch(group) if group is not None and group.kind == "militant_group" else None
        if branch is not None:
            return _as_branch(resolver, head, branch)
    return None


@rule("party.regional_branch", pos=("NOUN",))
def regional_branch(resolver: PartyResolver, head: Token) -> Party | None:
    """ "the Caucasian branch of the Islamic State": a group's branch named by the region's word before it.

    The knowledge base's branch whose name holds that region ("Islamic State
    Caucasus Province"); with none known, the other rules read the phrase.
    """
    if head.lemma_.lower() not in resolver.branch_nouns:
        return None
    regions = [c for c in head.lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper()]
    if not regions:
        return None
    for owner in preposition_objects(head, "of"):
        group = resolver.from_head(owner).actor
        if group is None or group.kind != "militant_group":
            continue
        branch = resolver.branch_by_region(group, " ".join(t.text for t in regions))
        if branch is not None:
            return _as_branch(resolver, head, branch)
    return None


@rule("party.member_of")
def member_of(resolver: PartyResolver, head: Token) -> Party | None:
    """ "Fighters from JNIM", "the armed wing of the PKK": anonymous members or parts stand for their group."""
    if head.lower_ not in resolver.generic_heads:
        return None
    for obj in preposition_objects(head, "of", "from"):
        party = resolver.from_head(obj)
        if party.actor is not None and party.actor.kind == "militant_group":
            return party
    return None


@rule("party.led_by", pos=("NOUN",))
def led_by(resolver: PartyResolver, head: Token) -> Party | None:
    """ "Shekau's fighters", "Belmokhtar's cell": a militant leader's men or unit stand for the leader's group."""
    if head.lower_ not in resolver.generic_heads:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    leader = resolver.from_head(owner).actor if owner is not None else None
    if leader is None or leader.kind != "person":
        return None
    group = resolver.affiliation_of(leader)
    if group is None or group.kind != "militant_group":
        return None
    first = phrase_tokens(head)[0]
    end = head.idx + len(head)
    return Party(first.idx, end, resolver.text[first.idx : end], group.name, group, affiliation=group)


@rule("party.sited_branch", pos=("NOUN",))
def sited_branch(resolver: PartyResolver, head: Token) -> Party | None:
    """ "the Islamic State branch based in neighbouring Afghanistan": the group's branch in that state (ISKP)."""
    if head.lower_ not in resolver.generic_heads:
        return None
    owner = next((c for c in head.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
    group = resolver.from_head(owner).actor if owner is not None else None
    if group is None or group.kind != "militant_group":
        return None
    places = (t for t in head.subtree if t.dep_ == "pobj" and t.ent_type_ == "GPE" and t.head.lower_ == "in")
    for place in places:
        state = resolver.kb.lookup(place.text)
        branch = resolver.branch_in(group, state) if state is not None and state.kind == "state" else None
        if branch is not None:
            return _as_branch(resolver, head, branch)
    return None


@rule("party.self_named")
def self_named(resolver: PartyResolver, head: Token) -> Party | None:
    """ "a group calling itself X", "a group known as X": the name it goes by.

    The parse may hang the naming on the place that sites the group ("the
    affiliate in the region known as X"); there the name counts only when it is a militant group's.
    """
    if head.pos_ != "NOUN":
        return None
    verbs = stance_lexicon().words("name_giving_verbs", "self_naming_verbs", "self_claiming_verbs")
    for noun in (head, *preposition_objects(head, "in")):
        for verb in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in verbs):
            # "claiming to be X": the name is what the verb's "to be" takes
            heads = [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be")]
            names = [c for h in heads for c in h.children if c.dep_ in ("oprd", "attr", "xcomp") and c.lemma_ != "be"]
            names += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
            for name in names:
                if is_role_word(name.lower_):
                    continue  # "a man claiming to be a spokesman for X": a role, read by the speaker rules
                party = resolver.from_head(name)
                militant = party.actor is not None and party.actor.kind == "militant_group"
                # a name, or a description the knowledge base links ("a Yemeni branch of ISIS")
                if (name.pos_ == "PROPN" or name.dep_ == "pobj" or militant) and (noun is head or militant):
                    return party
    return None


@rule("party.leader_of", pos=("PROPN",))
def leader_of(resolver: PartyResolver, head: Token) -> Party | None:
    """ "X, the leader of Y", "X, who heads Y": a person the text names as a militant group's leader acts for it.

    As a speaker the person speaks for the group; blamed, the person answers for it.
    """
    if head.ent_type_ != "PERSON":
        return None
    for part in (c for c in head.children if c.i > head.i):
        if part.dep_ == "relcl" and part.lemma_.lower() in resolver.leading_verbs:
            led = next((c for c in part.children if c.dep_ == "dobj"), None)
        elif part.dep_ == "appos" and part.lemma_.lower() in resolver.leader_nouns:
            led = next(iter(preposition_objects(part, "of")), None)
        else:
            continue
        group = resolver.from_head(led).actor if led is not None else None
        if group is not None and group.kind == "militant_group":
            person = resolver.from_head_only(head)
            person.affiliation = group
            return person
    return None


@rule("party.appositive_name")
def appositive_name(resolver: PartyResolver, head: Token) -> Party | None:
    """ "the group al-Shabaab", "its spokesman, X": a common noun with a name in apposition names what the name names.

    The noun is the role. A bare title may have the person's name hung
    anywhere under it ("H.E. the President, Gen. X").
    """
    name = _apposed_name(head) or _apposed_group(resolver, head)
    if name is None and head.pos_ == "PROPN" and _only_role(resolver, head):
        people = (t for t in head.subtree if t.i > head.i and t.ent_type_ == "PERSON" and t.dep_ != "compound")
        name = next(people, None)
    if name is None or not (head.pos_ == "NOUN" or _only_role(resolver, head)):
        return None
    party = resolver.from_head(name)
    described = resolver.from_head_only(head)
    if party.actor is None and party.role is None:
        party.role = described.text
    party.affiliation = resolver.governed_state(described.text, party.affiliation or described.affiliation)
    return party


# -- from the words -----------------------------------------------------------------


@rule("name.known")
def known(resolver: PartyResolver, start: int, end: int, text: str) -> Party | None:
    """A knowledge-base actor the words name (as written, by an alias, a branch or a seat of government)."""
    actor = resolver.link(text)
    if actor is None:
        return None
    affiliation = resolver.affiliation_of(actor)
    if actor.kind in ("person", "militant_group"):  # "the Taliban government" speaks for Afghanistan
        affiliation = resolver.governed_state(text, affiliation)
    return Party(start, end, text, actor.name, actor, None, affiliation)


@rule("name.person")
def person(resolver: PartyResolver, start: int, end: int, text: str) -> Party | None:
    """A person with a role or title ("Interior Minister X"), speaking for the body the role names."""
    kb = resolver.kb
    found = split_person(PAREN.sub("", text))
    place = kb.lookup(found.name) if found.name else None  # "leaders in Colombo": a seat, no one's name
    if not found.name or not (found.role or found.titles) or (place is not None and place.kind == "state"):
        return None
    if found.name.rsplit(None, 1)[-1].lower() in stance_lexicon().group_name_words:
        return None  # "the Sheikh Mansur Brigade": a group named after a man, not the man
    linked = kb.fuzzy(found.name)
    linked = linked if linked is not None and linked.kind == "person" else None
    role_org = link_role(found.role, kb)
    affiliation = kb.actor(role_org) if role_org else (resolver.affiliation_of(linked) if linked else None)
    affiliation = resolver.governed_state(found.role, affiliation)
    return Party(start, end, text, linked.name if linked else found.name, linked, found.role, affiliation)


@rule("name.demonym")
def demonym(resolver: PartyResolver, start: int, end: int, text: str) -> Party | None:
    """ "from Afghan soil": a one-word demonym standing for its state."""
    state = resolver.kb.demonym_state(text) if " " not in text.strip() else None
    return Party(start, end, text, state.name, state, None, state) if state is not None else None
