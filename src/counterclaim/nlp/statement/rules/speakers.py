"""Rules for speakers: whom the subject of a cue names.

"he said" (the person named before), "the statement said" (who issued it),
"his government" (the person's), "the ministry" (the ministry named before),
"October said" (no one), "the committee chairman X" (X), "X, Y and Z said"
(each), "the ministries of X and Y", "countries including X and Y" (each),
"— X (@handle) date" (X, a post's signature), "X, a spokesman for Y" (X,
for Y). The resolver
(``nlp/statement/speakers.py``) runs them on the head of the subject; each
answers the parties it names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from counterclaim.kb import link_role
from counterclaim.kb.roles import is_role_word
from counterclaim.nlp.attribution.signed import signature_name
from counterclaim.nlp.gazetteer import find_city
from counterclaim.nlp.statement.parties import Party, name_tokens, phrase_tokens, possessor
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.speakers import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PLACE_ENTS,
    THING_PRONOUNS,
    past_dateline,
)
from counterclaim.nlp.syntax import named_example, preposition_objects, stray_apposition

if TYPE_CHECKING:
    from counterclaim.nlp.statement.speakers import SpeakerResolver
    from counterclaim.records import Actor

#: Entity types that never speak: dates, numbers; places speak only when they stand for a known actor.
_MUTE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
#: A lone unknown name is taken for a city (not a speaker) when the gazetteer knows a city this big by it.
_CITY_SIZE = 100_000
#: "head of the X Church": an office word (group 1) of a capitalised body; one person holds it, though unnamed.
_OFFICE_OF = re.compile(r"(\w+) of (?:the )?[A-Z]")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_QUANTIFIER = re.compile(r"\s+(?:both|all|each|too|also)$", re.IGNORECASE)


@rule("speaker.dateline", pos=("PROPN",))
def dateline(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "MOSCOW – Head of the FSB X stated": the dateline's place read as the subject; the name after it speaks."""
    line = resolver.doc._.dateline or {}
    if not line.get("start", 0) <= head.idx < line.get("end", 0):
        return None
    name = past_dateline(head)
    return resolver.speakers(name) if name is not None else []


@rule("speaker.pronoun", pos=("PRON",))
def pronoun(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "he said", "they claimed": the earlier mention the pronoun refers to, or no one."""
    if head.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
        return None
    named = head.nbor(-1) if head.i > 0 else None
    if head.lower_ in PERSON_PRONOUNS and named is not None and named.ent_type_ == "PERSON" and named.pos_ == "PROPN":
        return [resolver.parties.from_head(named)]  # "spokesman Sagir Musa he said": the name just before it
    found = resolver.antecedent(head)
    return [found] if found else []


@rule("speaker.document", lemmas=["document_nouns"], forms=["document_nouns"])
def document(resolver: SpeakerResolver, head: Token) -> list[Party]:
    """ "the statement said", "a video released by X showed": who issued it."""
    return resolver.authors(head)


@rule("speaker.platform", forms=["platforms"])
def platform(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "a statement on Telegram taking responsibility": a platform never speaks; the author of what it carried does."""
    if not resolver.is_platform(head.text):
        return None
    document = next((a for a in head.ancestors if a.lemma_.lower() in resolver.lex.document_nouns), None)
    return resolver.authors(document) if document is not None else []


@rule("speaker.time_phrase", lemmas=["time_nouns"])
def time_phrase(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "Days after X took responsibility, ...": a span of time never acts; the name after "after" does."""
    for obj in preposition_objects(head, "after", "before"):
        if obj.pos_ == "PROPN" or resolver.parties.from_head(obj).actor is not None:
            return resolver.speakers(obj)
    return None


@rule("speaker.owner_pronoun", lemmas=["description_kinds"])
def owner_pronoun(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "his government rejected ...", "her country stands with ...": the person the pronoun refers to."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS), None)
    found = resolver.antecedent(owner) if owner is not None else None
    return [found] if found is not None else None


@rule("speaker.court", lemmas=["court_nouns"], pos=("NOUN",))
def court(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "the court ruled", "the judges found", "a military court sentenced": the court named before, else as written."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return [resolver.parties.from_head(head)]
    courts = resolver.lex.court_nouns
    judge = None  # "Chief magistrate X ruled ... The court freed Y": the judge named before is the court
    for t in reversed(head.doc[: head.i]):  # one pass back: a named court anywhere before wins over a judge
        if _named_court(t, courts):
            return [resolver.parties.from_head(t)]
        if judge is None and t.dep_ == "compound" and t.lemma_.lower() in courts:
            judge = t.head if t.head.pos_ == "PROPN" and t.head.ent_type_ == "PERSON" else None
    return [resolver.parties.from_head(judge if judge is not None else head)]


def _named_court(token: Token, courts: frozenset[str]) -> bool:
    """A court's name ("Stockholm District Court", "the Court of Appeal"), not a capitalised "Court" in a headline."""
    if token.pos_ != "PROPN" or token.lemma_.lower() not in courts or token.dep_ == "compound":
        return False
    return any(c.dep_ in ("compound", "amod", "prep") for c in token.children)


@rule("speaker.description", lemmas=["description_kinds"])
def description(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "the ministry said", "the group claimed": the actor of that kind named before, else the description."""
    if not resolver.is_description(head):
        return None
    found = resolver.antecedent(head)
    return [found] if found else [resolver.parties.from_head(head)]


def _mute(resolver: SpeakerResolver, head: Token) -> bool:
    """ "October said", "Kandahar said": a date or a place the knowledge base does not know is no speaker."""
    if head.ent_type_ in _MUTE_ENTS:
        return True
    if head.ent_type_ in PLACE_ENTS or head.pos_ == "PROPN":
        tokens = name_tokens(head)
        text = resolver.parties.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
        if len(tokens) > 1 or resolver.parties.link(text) is not None:
            return False
        if head.ent_type_ in PLACE_ENTS or text in resolver.place_words:
            return True
        return head.ent_type_ != "PERSON" and find_city(text, min_population=_CITY_SIZE) is not None
    return False


@rule("speaker.self_styled", pos=("NOUN",))
def self_styled(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "a man claiming to be a spokesman for X claimed", "a caller who said he was X's commander": the role the
    unnamed person gave himself speaks, for the body it names (as "a spokesman for X claimed" would)."""
    if resolver.can_speak(head):
        return None
    role = _claimed_role(resolver, head)
    return resolver.speakers(role) or None if role is not None else None


def _claimed_role(resolver: SpeakerResolver, head: Token) -> Token | None:
    """The role word of "claiming to be a spokesman", "who said he was the commander", "describing himself as ..."."""
    clauses = [c for c in head.children if c.dep_ in ("relcl", "acl")]
    for verb in clauses:
        lemma = verb.lemma_.lower()
        if lemma in resolver.lex.self_naming_verbs:
            roles = preposition_objects(verb, "as")
        elif lemma in resolver.lex.self_claiming_verbs:
            roles = [a for c in verb.children if c.dep_ in ("xcomp", "ccomp") for a in c.children if a.dep_ == "attr"]
        else:
            continue
        found = next((r for r in roles if is_role_word(r.text)), None)
        if found is not None:
            return found
    return None


@rule("speaker.mute")
def mute(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "October said", "Kandahar said", "people said": a phrase that can name no speaker names no one."""
    return [] if not resolver.can_speak(head) or _mute(resolver, head) else None


@rule("speaker.titled_person")
def titled_person(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """A person named at the end of a body's phrase ("the Duma's Committee on X chairman Leonid Slutsky").

    The parser may make the body the subject and bury the person in a
    prepositional phrase; a name right after a role word ends the phrase and speaks.
    """
    appositions = _appositions(head)
    listed = len(appositions) > 1 or any(c.dep_ == "conj" for a in (head, *appositions) for c in a.children)
    if head.ent_type_ in ("PERSON", "GPE") or listed:
        return None  # a person already, a dateline's place, or a list ("the EU and NATO chief X", "President X and Y")
    tokens = sorted(head.subtree, key=lambda t: t.i)
    if any(t.is_punct and t.text not in ("'", "’") for t in tokens):
        return None  # "LAMU, Kenya - President X": a dateline glued on, not one phrase
    last = tokens[-1]
    if last.ent_type_ != "PERSON" or last.i == head.i:
        return None
    first_name = last.i
    while first_name - 1 > head.i and head.doc[first_name - 1].ent_type_ == "PERSON":
        first_name -= 1
    title = head.doc[first_name - 1]
    if not is_role_word(title.text):
        return None
    party = resolver.parties.from_text(tokens[0].idx, last.idx + len(last))
    return [party] if party.is_person else None


def _appositions(head: Token) -> list[Token]:
    """Names in apposition to ``head`` ("President X", "the United States, the UN, ...")."""
    return [a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"]


def _inside_name(separator: re.Match[str], ents: list[tuple[int, int]]) -> bool:
    """Whether a list separator falls inside a named entity ("Jammu and Kashmir", "Trinidad and Tobago")."""
    return any(s < separator.start() and separator.end() < e for s, e in ents)


def _joins_one_place(separator: re.Match[str], places: list[tuple[int, int]], linked: list[tuple[int, int]]) -> bool:
    """Whether an "and" joins two halves of one place's name ("Jammu and Kashmir" tagged as two places): places on
    both sides, not both known actors ("the US and Russia" are two)."""
    if separator.group().strip() != "and":
        return False
    before = next((p for p in places if p[1] == separator.start()), None)
    after = next((p for p in places if p[0] == separator.end()), None)
    if before is None or after is None:
        return False
    known = [any(s < place[1] and place[0] < e for s, e in linked) for place in (before, after)]
    return not all(known)


def _titles_of_the_next_name(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Chairman of the X Forum and Governor of Y State, Z, condemned": offices in a row, then the name they
    belong to, set off by commas, are one person's (Z), not one speaker each. Capitalised offices only: the
    list reads those as names; lower-case ones ("chief negotiator and spokesman, Z") it keeps whole."""
    for at in range(1, len(names)):
        start, end = names[at]
        titles = names[:at]
        words = text[start:end].split()
        if not (
            words
            and all(w[:1].isupper() and not is_role_word(w) for w in words)
            and text[end : end + 1] == ","
            and text[titles[-1][1] : start].strip() == ","
            and all(text[s:e][:1].isupper() and is_role_word(text[s:e].split()[0]) for s, e in titles)
        ):
            continue
        return [names[at], *names[at + 1 :]]
    return names


def _office_of_a_name(part: str) -> bool:
    """ "the head of the X Church": an office of a named body, held by one person though unnamed here."""
    found = _OFFICE_OF.match(part)
    return found is not None and is_role_word(found.group(1))


def _named(part: str, people: list[str]) -> bool:
    """Whether a listed part names someone: it opens with a capital, or holds a person's name after a title
    ("former chief ministers X"); "countries of the region" and "former Russian President" name no one."""
    return part[:1].isupper() or any(name in part for name in people)


def _without_quantifier(text: str, start: int, end: int) -> tuple[int, int]:
    """A listed name without a floating quantifier ("Y both", "Z all") that the list split left on it."""
    found = _QUANTIFIER.search(text, start, end)
    return (start, found.start()) if found else (start, end)


def _own_side(resolver: SpeakerResolver, head: Token, party: Party) -> Party:
    """Affiliation from a possessive pronoun or a description ("its spokesman", "a commander of the armed group").

    The owner speaks for what the pronoun or the description refers to.
    """
    owners = (c for c in head.children if c.dep_ == "poss" and (c.pos_ == "PRON" or resolver.is_description(c)))
    of_description = (g for g in preposition_objects(head, "of", "for") if resolver.is_description(g))
    owner = next(owners, None) or next(of_description, None)
    if owner is not None and (party.affiliation is None or any(resolver.is_state_demonym(c) for c in owner.children)):
        # "its spokesman", "the group's spokesman"; "a spokesman for the Somali group" is the group's, not Somalia's
        found = resolver.antecedent(owner)
        if found is not None:
            party.affiliation = resolver.parties.affiliation_of(found.actor) or found.affiliation
    if party.affiliation is None:
        party.affiliation = _self_described(resolver, head)
    return party


@rule("speaker.signed", pos=("PROPN",))
def signed(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "— X Y (@handle) March 3, 2025": the name an embedded post's signature gives, without handle and day."""
    found = signature_name(resolver.parties.text, head.idx)
    return [resolver.parties.from_text(found.start, found.end)] if found is not None else None


@rule("speaker.members", pos=("NOUN",))
def members(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "the foreign ministries of X, Y and Z", "leaders from X and Y", "several countries, including X and Y":
    each named member speaks."""
    if head.tag_ != "NNS":
        return None
    named = named_example(head) or next(
        (g for g in preposition_objects(head, "of", "from") if g.pos_ == "PROPN" and g.conjuncts), None
    )
    return resolver.speakers(named) if named is not None else None


@rule("speaker.role_before_name", pos=("PROPN",))
def role_before_name(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """ "MEA spokesperson of India, Randhir Jaiswal, stated": a role phrase the parse made a second subject.

    The name speaks, with the role phrase as its role and the body the role names as its affiliation.
    """
    if head.dep_ != "nsubj":
        return None
    role = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i and c.pos_ == "NOUN"), None)
    if role is None or not is_role_word(role.text):
        return None
    words = [t for t in role.subtree if not t.is_punct]
    if head.left_edge.i - words[-1].i != 2 or head.doc[words[-1].i + 1].text != ",":
        return None
    person = resolver.parties.from_head(head)
    if person.actor is not None and person.actor.kind != "person":
        return None
    text = resolver.parties.text[words[0].idx : words[-1].idx + len(words[-1])]
    found = link_role(text, resolver.parties.kb)
    person.role = person.role or text
    person.named_person = True
    person.affiliation = person.affiliation or (resolver.parties.kb.actor(found) if found else None)
    return [person]


def _self_described(resolver: SpeakerResolver, head: Token) -> Actor | None:
    """ "X, who identified himself as the spokesman of Y": the body X's own description names."""
    clauses = [c for c in head.children if c.dep_ in ("relcl", "acl")]
    for verb in (v for c in clauses for v in (c, *c.conjuncts) if v.lemma_.lower() in resolver.lex.self_naming_verbs):
        for role in preposition_objects(verb, "as"):
            words = sorted(role.subtree, key=lambda t: t.i)
            found = link_role(resolver.parties.text[words[0].idx : words[-1].idx + len(words[-1])], resolver.parties.kb)
            if found is not None:
                return resolver.parties.kb.actor(found)
    return None


def _shared_noun(head: Token) -> Token | None:
    """The first of modifiers joined before a common noun they share ("police and army officials"), or None."""
    if head.pos_ != "NOUN":
        return None
    return next(
        (
            c
            for c in head.children
            if c.dep_ in ("nmod", "compound", "amod") and c.i < head.i and any(g.dep_ == "conj" for g in c.children)
        ),
        None,
    )


@rule("speaker.listed")
def listed(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """Several named speakers in one subject ("X, Y and Z said", "both X and Y", "two groups, X and Y,"): one each."""
    # "the affiliate known as X and based in Y": a participle joined to the noun describes it, it lists no one
    conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ != "VERB"]
    shared = _shared_noun(head) if not conjuncts else None  # "police and army officials": "officials" is both's
    conjuncts = conjuncts or ([c for c in shared.children if c.dep_ == "conj"] if shared is not None else [])
    if not conjuncts:  # "the United States, the UN, the AU and Turkey": the parse may hang the list on an apposition
        appositions = _appositions(head)  # or on two appositions ("President X and Foreign Minister Y")
        conjuncts = [c for a in appositions for c in a.conjuncts] + appositions[1:]
    if not conjuncts:
        listing = next(
            (c for c in head.children if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)), None
        )
        return listed(resolver, listing) if listing is not None and head.pos_ == "NOUN" else None
    text_of = resolver.parties.text
    owner = possessor(head)  # "Pakistan's Foreign Office and ...": the owner names the first body
    first = phrase_tokens(owner if owner is not None and owner.pos_ == "PROPN" else head)[0]
    while first.dep_ == "preconj" or (first.dep_ == "det" and first.i < head.i):
        first = first.doc[first.i + 1]  # "both the X and Y"
    start = first.idx
    last = head if shared is not None else max((t for c in conjuncts for t in c.subtree), key=lambda t: t.i)
    end = last.idx + len(last)
    appositions = [t for t in head.children if t.dep_ == "appos" and t.i > last.i]
    for extra in appositions:  # a parse may hang the list's last names on the first as an apposition
        tail = max((t for t in extra.subtree if not t.is_punct), key=lambda t: t.i)  # "leaders X and Y, ... Z"
        end = max(end, tail.idx + len(tail))
    text = text_of[start:end]
    names, position = [], 0
    # names and known actors within the list, as offsets into ``text``: an "and" inside one splits nothing
    ents = [e for e in head.doc.ents if e.end_char > start and e.start_char < end]
    mentions = [m for m in head.doc._.actor_mentions or [] if m.span.end > start and m.span.start < end]
    names_at = [(e.start_char - start, e.end_char - start) for e in ents]
    names_at += [(m.span.start - start, m.span.end - start) for m in mentions]
    places = [(e.start_char - start, e.end_char - start) for e in ents if e.label_ in PLACE_ENTS]
    linked = [(m.span.start - start, m.span.end - start) for m in mentions if m.actor_id]
    separators = [
        m
        for m in _LIST_SPLIT.finditer(text)
        if not _inside_name(m, names_at) and not _joins_one_place(m, places, linked)
    ]
    for separator in [*separators, None]:
        cut = separator.start() if separator else len(text)
        if cut > position:
            names.append((start + position, start + cut))
        position = separator.end() if separator else cut
    names = [_without_quantifier(text_of, s, e) for s, e in names]  # "X and Y both claimed"
    held = _titles_of_the_next_name(text_of, names)
    if len(held) == 1 < len(names):
        return [resolver.parties.from_text(*held[0])]
    names = held
    stripped = [re.sub(r"^(?:the\s+)", "", text_of[s:e]) for s, e in names]
    people = [e.text for e in ents if e.label_ == "PERSON"]
    if len(names) >= 2 and not all(_named(p, people) for p in stripped):
        # "the US, Russia and countries of the region": the names the list holds speak, the common noun names no one
        kept = [(span, p) for span, p in zip(names, stripped, strict=True) if _named(p, people)]
        if sum(resolver.parties.link(p) is not None for _, p in kept) >= 2:
            names, stripped = [span for span, _ in kept], [p for _, p in kept]
    # "police and army officials": each unnamed national body speaks for itself (the home state's, later)
    bodies = all(w in resolver.lex.national_words for p in stripped for w in p.lower().split())
    if len(names) < 2 or not (
        bodies
        or all(_named(p, people) or resolver.parties.link(p) is not None or _office_of_a_name(p) for p in stripped)
    ):
        return [_own_side(resolver, head, resolver.parties.from_text(start, end))]
    return [resolver.parties.from_text(s, e) for s, e in names]


@rule("speaker.named")
def named(resolver: SpeakerResolver, head: Token) -> list[Party] | None:
    """The phrase itself ("Interior Minister X said"), with a describing apposition for the role ("X, a lawmaker")."""
    parties = resolver.parties
    appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ != "PROPN" and c.i > head.i), None)
    appos = appos or stray_apposition(head)
    if appos is None:
        return [_own_side(resolver, head, parties.from_head(head))]
    start = phrase_tokens(head)[0].idx
    # the whole describing phrase ("spokesman of the X faction of Y"), without its clauses
    clauses = {t.i for c in appos.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    words = [t for t in appos.subtree if t.i not in clauses and not t.is_punct]
    last = max(words, key=lambda t: t.i) if words else appos
    party = parties.from_text(start, last.idx + len(last))
    if party.role:
        return [party]
    person = parties.from_head(head)
    role = parties.text[appos.left_edge.idx : last.idx + len(last)]
    if person.is_person and person.affiliation is None:  # "X, spokesman of the Y faction (JuA)": X speaks for Y
        found = link_role(role, parties.kb)
        person.affiliation = parties.kb.actor(found) if found else None
    elif person.actor is not None and person.actor.kind == "media":  # "Amaq, the propaganda arm of IS-K"
        found = link_role(role, parties.kb)
        served = parties.kb.actor(found) if found else None
        if served is not None and served.kind == "militant_group":
            person.affiliation = served
    return [person]
