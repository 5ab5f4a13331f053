"""Casualty figures: every number of killed, injured, kidnapped, arrested or missing people, with its source.

A figure is a number attached, through the dependency parse, to a casualty
word ("94 people were killed", "left 12 dead", "the toll rose to 40", "killing
at least nine"). Each keeps who gave it ("according to X", "X said"), its
qualifier ("at least", "some", "dozens") and the date of its sentence, so
conflicting tolls stay side by side and the attack record can reconcile them.
Vocabulary: ``lexicons/casualties.yaml``, numbers: ``lexicons/numbers.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

import numpy
from spacy.attrs import LIKE_NUM, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from counterclaim.lexicons import lexicon_words, load_lexicon
from counterclaim.nlp.attack import span_evidence
from counterclaim.nlp.attack.relevance import names_a_day
from counterclaim.nlp.components.content import in_furniture
from counterclaim.nlp.dates import find_dates
from counterclaim.nlp.doccache import memo
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.numbers import parse_number
from counterclaim.records import CasualtyKind, CasualtyReport

#: Entity labels whose numbers are never people.
NOT_PEOPLE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
#: How far up the parse a number may climb to reach its casualty word.
MAX_HOPS = 4


@dataclass(frozen=True)
class Figure:
    """A casualty report plus what reconciliation needs to know about it."""

    report: CasualtyReport
    boast: bool  # a claimant's own count of its victims
    update: bool  # announced as a revision ("the toll rose to")
    sentence_start: int  # token index of its sentence
    perpetrators: bool = False  # the people counted are the attackers ("two gunmen were shot dead")
    not_current: bool = False  # a superseded ("up from 26") or running total ("since 2009") figure
    years: tuple[int, ...] = ()  # years written in its sentence, to tell background paragraphs
    part: bool = False  # a part of the toll by severity ("12 were seriously injured")
    narrated: bool = False  # a boast only for the narrator naming a group as the killer ("Hamas gunmen killed three")
    rough: bool = False  # written with a round word ("over a dozen dead"): a plain number wins over it
    named: bool = False  # one victim killed by name, no number ("the car bomb killed Jane Doe"): any number wins


@cache
def _kind_words() -> dict[str, str]:
    return {w: kind for kind, words in load_lexicon("casualties")["kinds"].items() for w in words}


def _words(key: str) -> frozenset[str]:
    """A word list of ``casualties.yaml`` (see :func:`lexicon_words`)."""
    return lexicon_words("casualties", key)


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _kind_of(token: Token) -> str | None:
    kinds = _kind_words()
    return next((kinds[f] for f in _forms(token) if f in kinds), None)


@cache
def _vague_numbers() -> frozenset[str]:
    """Words that count without a figure ("dozens", "scores"); asked for every token, so built once."""
    return frozenset(load_lexicon("numbers")["vague"])


_NUMERIC_KEY = "counterclaim.numeric_tokens"


def _numeric_tokens(doc: Doc) -> list[bool]:
    """Per token: a number word, or a hyphen joining two ("twenty-three"); one pass per doc.

    Asked for every token of every sentence, so it is read off token attribute
    arrays once rather than through fresh Token objects.
    """

    def compute() -> list[bool]:
        vague = numpy.array([get_string_id(word) for word in _vague_numbers()], dtype=numpy.uint64)
        like_nums, lowers, orths = doc.to_array([LIKE_NUM, LOWER, ORTH]).T if len(doc) else numpy.zeros((3, 0))
        flags = ((like_nums != 0) | numpy.isin(lowers, vague)).tolist()
        last = len(flags) - 1
        # a hyphen counts between a number word and a number-like token; left to right, as a hyphen may follow one
        for k in numpy.flatnonzero(orths == get_string_id("-")).tolist():
            flags[k] = 0 < k < last and flags[k - 1] and bool(like_nums[k + 1])
        return flags

    return memo(doc, _NUMERIC_KEY, compute)


def _number_run(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token range of the number expression ending at token ``i`` ("two hundred", "a dozen"), if it ends there."""
    numeric = _numeric_tokens(doc)
    if not numeric[i] or (i + 1 < len(numeric) and numeric[i + 1]):
        return None
    sent_start = doc[i].sent.start
    start = i
    while start > sent_start and numeric[start - 1]:
        start -= 1
    if start > sent_start and doc[start - 1].lower_ in ("a", "half") and doc[start].lower_ in _vague_numbers():
        start -= 1
    return start, i + 1


def _excluded(doc: Doc, start: int, end: int) -> bool:
    """Numbers that are dates, ages, amounts or years rather than counts of people."""
    head = doc[end - 1]
    if head.is_digit and len(head.text) == 4 and head.text[:2] in ("19", "20"):
        return True
    if head.ent_type_ in NOT_PEOPLE_ENTS and not _bare_number_entity(doc, start, end):
        return True
    after = doc[end].lower_ if end < len(doc) else ""
    if head.dep_ == "pobj" and head.head.lower_ in _words("not_count_preps"):
        return True  # "in one of the deadliest attacks": a count of attacks, not of people
    if head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
        return True  # "killed Jane Doe, 29, ...": the victim's age
    if head.dep_ == "nummod" and head.head.lower_ in _words("not_people"):
        return True  # "two separate attacks": a count of attacks, whatever stands between
    return after in _words("not_people") or after.startswith("-year")


def _bare_number_entity(doc: Doc, start: int, end: int) -> bool:
    """A number the model tagged as a date or time on its own ("the toll has risen to 54"): no month, weekday
    or unit is in the entity, so it counts people like any other number."""
    head = doc[end - 1]
    if head.ent_type_ not in ("DATE", "TIME"):
        return False
    first = end - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return first >= start and (end >= len(doc) or doc[end].ent_iob_ != "I")


def _kind_for(number: Token) -> tuple[str | None, Token | None]:
    """The casualty kind a number belongs to and the word that says it, following the parse upwards.

    The number's own noun and its modifiers come first ("12 dead", "9 people
    killed"), then its governors up to a verb that is neither a casualty word
    nor a linker ("left", "rose to", "stands at").
    """
    linkers = _words("linkers")
    after = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if after is not None and after.tag_ in ("VBN", "JJ") and (kind := _kind_of(after)) and after.head is not number:
        return kind, after  # "60 dead and nearly 150 injured", "47 dead and more than 150 injured, mostly policemen"
    node = number
    for _ in range(MAX_HOPS):
        kind = _kind_of(node)
        if kind and node is not number:
            return _fate(node, kind)
        for child in node.children:
            if child.dep_ in ("acl", "amod", "relcl", "appos", "acomp", "oprd", "xcomp") and (kind := _kind_of(child)):
                return kind, child
        for part in _included(node):  # "the 141 people, including 132 schoolchildren, martyred in ...": a subset's word
            for child in part.children:
                if child.dep_ in ("acl", "amod", "relcl") and (kind := _kind_of(child)):
                    return kind, child
        if node.pos_ in ("VERB", "AUX") and node is not number:
            if node.lemma_.lower() not in linkers:
                return None, None
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            counted = [g for s in subjects for c in s.children if c.lower_ == "of" for g in c.children]
            described = [c for g in counted for c in g.children if c.dep_ in ("acl", "amod")]
            # "the toll rose to 40", "raised the number of injured to 37", "the number of people killed rose to 276"
            for s in (*subjects, *counted, *described):
                if (kind := _kind_of(s)) and number not in s.subtree:
                    return kind, s
            if any(c.dep_ == "nsubj" for c in node.children):
                return None, None  # the clause has its own subject: the figure is not another clause's
        if node.head is node:
            break
        node = _through_quantity(node.head)
    return None, None


def _through_quantity(node: Token) -> Token:
    """The noun of quantity a figure's people hang under ("a minimum of 54 troopers": minimum), else ``node``.

    Passing through it in one step keeps the casualty verb above it within reach of the climb.
    """
    if node.lower_ == "of" and node.head.lemma_.lower() in _words("quantity_nouns"):
        return node.head
    return node


#: Casualty kinds that make an attack's toll (arrests and kidnappings are recorded but are not the toll).
TOLL_KINDS = ("killed", "injured")
#: Kinds that name who people were, not what befell them: "20 hostages were shot dead" counts the dead.
_STATUS_KINDS = ("kidnapped", "arrested", "missing")


def _fate(noun: Token, kind: str) -> tuple[str, Token]:
    """The kind a counted noun's own verb gives, when the noun names a status and the verb a death.

    "Twenty hostages were hacked or shot to death": the hostages are counted
    among the dead, not the kidnapped.
    """
    if kind not in _STATUS_KINDS or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head == noun:
        return kind, noun
    verb = noun.head
    # "hacked or shot to death" shares the subject; "..., and six captives were freed" has its own
    verbs = [verb, *(v for v in verb.conjuncts if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children))]
    children = [c for v in verbs for c in v.children]
    words = [*verbs, *children, *(g for c in children for g in c.children)]
    dead = next((w for w in words if w != noun and _kind_of(w) == "killed"), None)
    return ("killed", dead) if dead is not None else (kind, noun)


def _dead_beside_injuries(word: Token) -> bool:
    """ "Casualties" joined to a word for the injured ("100 casualties and numerous injuries") counts the dead."""
    if word.lemma_.lower() not in _words("dead_beside_injuries"):
        return False
    kinds = _kind_words()
    return any(kinds.get(c.lemma_.lower()) == "injured" for c in word.conjuncts)


def _included(noun: Token) -> list[Token]:
    """The subset a noun's "including ..." phrase names ("141 people, including 132 children": children)."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "including" for g in c.children]


def _mixed_toll(word: Token, kind: str) -> bool:
    """A count of the dead and the wounded together ("150 fell dead or wounded"): neither toll.

    Only "or" joins one count of both; "killed 95 and wounded 284" gives two.
    """
    if kind not in TOLL_KINDS:
        return False
    for node in (word, word.head):  # "dead or wounded" may hang the pair on the word or on its verb ("fell")
        joined = [c for c in node.children if c.dep_ == "conj"]
        if any(c.dep_ == "cc" and c.lower_ == "or" for c in node.children) and any(
            _kind_of(c) in TOLL_KINDS and _kind_of(c) != kind for c in joined
        ):
            return True
    return False


def _qualifier(doc: Doc, start: int) -> str | None:
    """A qualifier like "at least" or "some" right before the number; the outermost when stacked ("at least some")."""
    qualifiers = load_lexicon("casualties")["qualifiers"]
    sent_start = doc[start].sent.start
    found, end = None, start
    while True:
        hit = next(
            (
                (lo, qualifiers[doc[lo:end].text.lower()])
                for lo in range(max(end - 3, sent_start), end)
                if doc[lo:end].text.lower() in qualifiers
            ),
            None,
        )
        if hit is None:
            return found
        end, found = hit


def _source(sent: Span, number: Token) -> str | None:
    """Who gives a figure: the subject of a reporting verb it hangs under, "according to X", or the sentence's reporter.

    The nearest wins, so "According to the ministry, 8 were killed, while
    medics said 11 died" gives each figure its own source.
    """
    verbs = _words("report_verbs")

    def subject_of(verb: Token) -> Token | None:
        if verb.lemma_.lower() not in verbs or verb.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject if subject is not None and subject.pos_ != "PRON" else None

    for ancestor in number.ancestors:
        if (subject := subject_of(ancestor)) is not None:
            return _phrase(subject)
    for token in sent:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return _phrase(obj)
    return next((_phrase(subject) for token in sent if (subject := subject_of(token)) is not None), None)


def _phrase(token: Token) -> str:
    """A noun phrase without a leading article, trailing clause or the header lines the parser glued on."""
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound", "flat", "prep", "pobj", "amod")]
    span = token.doc[words[0].i : words[-1].i + 1]
    text = span.text.split("\n")[-1].strip(" ,")
    return text[4:] if text.lower().startswith("the ") else text


def _agent(word: Token) -> Token | None:
    """The subject of the clause a casualty word belongs to, through "killing"-style participles and conjuncts."""
    node: Token | None = word
    while node is not None:
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        node = node.head if node.dep_ in ("advcl", "conj", "xcomp", "acl") and node.head is not node else None
    return None


def _counts_perpetrators(number: Token) -> bool:
    """Whether the people a number counts are the attackers ("two gunmen", "four of the attackers")."""
    nouns = _words("perpetrator_nouns")
    noun = number.head if number.dep_ in ("nummod", "quantmod") else number
    of_objects = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "two people suspected to be the bombers", "three men believed to be the gunmen": who the clause says they are
    said_to_be = [t for c in noun.children if c.dep_ == "acl" for t in c.subtree if t.dep_ == "attr"]
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in (noun, *of_objects, *said_to_be))


def _is_boast(word: Token, is_group: Callable[[str], bool] | None = None) -> bool:
    """A claimant's own count: the casualty word sits in what a group claims or says it did.

    The claimant is a group's word, an organisation or people the model tags, or a name ``is_group`` knows
    for a group whatever the model tagged it ("Al Shabaab claimed ..., saying there were 17 casualties").

    "The group claimed it killed 100 soldiers" and "IS said its fighters
    killed 40" are boasts; "IS claimed the attack that killed 133" is not:
    there the figure qualifies a noun (the attack), not the claim, as it does in "IS claimed the attack on a
    market, killing 32", however the parser hangs the participle.
    """
    claim_verbs, report_verbs, claimants = _words("claim_verbs"), _words("report_verbs"), _words("claimant_words")

    def claimant(subject: Token) -> bool:
        known = is_group is not None and is_group(_subtree_text(subject))
        return subject.lemma_.lower() in claimants or subject.ent_type_ in ("ORG", "NORP") or known

    def own_deed(verb: Token) -> bool:
        """The killing is done by "it", "they" or "its fighters": the speaker's own side."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return any(s.pos_ == "PRON" or any(c.dep_ == "poss" for c in s.children) for s in subjects)

    below = word  # the word on the path right below the ancestor
    for ancestor in word.ancestors:
        if ancestor.pos_ in ("NOUN", "PROPN"):
            return False
        lemma = ancestor.lemma_.lower()
        child, below = below, ancestor
        if ancestor.pos_ != "VERB" or lemma not in claim_verbs | report_verbs:
            continue
        if child.lemma_.lower() in _kind_words() and (_attack_clause(child) or (_joined_to_attack_clause(child))):
            return False  # "claimed the attack ..., killing 32": the parser hangs the attack's toll on the claim
        if any(claimant(s) for s in ancestor.children if s.dep_ == "nsubj"):
            return lemma in claim_verbs or own_deed(word if word.pos_ == "VERB" else word.head)
    return False


def _succumbed(number: Token) -> bool:
    """Whether the injured a number counts then died ("five more people injured in the blast succumbed to their
    wounds"): they are dead, not injured, and the toll that rose with them is given elsewhere."""
    noun = number.head if number.dep_ in ("nummod", "quantmod") else number
    verb = noun.head
    return noun.dep_ == "nsubj" and verb.lemma_.lower() in _words("succumb_verbs")


def _joined_to_attack_clause(verb: Token) -> bool:
    """A casualty verb without a subject, joined to a claim whose object holds the attack's own casualty clause:
    "claimed the bombing that killed 80 and wounded 150" with "wounded" hung on "claimed" by the parser."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    claim = verb.head
    return any(
        t is not verb and t.i < verb.i and _kind_of(t) and t.pos_ == "VERB" and _attack_clause(t) for t in claim.subtree
    )


def _attack_clause(verb: Token) -> bool:
    """A casualty verb the parser hangs on a claim that belongs to the attack noun: a participle ("claimed the attack
    ..., killing 32") or a relative clause read as the claim's content ("claimed the attack in X, ..., that killed
    three", its subject the relative pronoun)."""
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    return participle or any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children)


def find_casualties(
    doc: Doc,
    end_char: int | None = None,
    is_group: Callable[[str], bool] | None = None,
    producer: str = "casualties.dep",
) -> list[Figure]:
    """Every casualty figure before ``end_char`` (default: the whole text), in text order.

    ``is_group`` tells whether a name is a militant group: a figure whose
    killer is a group and which no one else vouches for ("Fighters of the
    Islamic State attacked ..., killing 40") is the group's own count.
    """
    end_char = len(doc_text(doc)) if end_char is None else end_char
    update_verbs = _words("update_verbs")
    figures: list[Figure] = []
    numeric = _numeric_tokens(doc)
    summed: set[int] = set()  # numbers already added into a conjoined count ("21 civilians and four soldiers")
    for sent in doc.sents:
        if sent.start_char >= end_char:
            break
        if in_furniture(doc, sent.start_char):  # a caption's or link's figures are not the article's
            continue
        for i in range(sent.start, sent.end):
            if i in summed or (counted := _count_at(doc, i, numeric) or _as_many(doc, i, figures, sent)) is None:
                continue
            token = doc[i]
            run, parsed = counted
            kind, word = _kind_for(token)
            if kind is None or word is None or _mixed_toll(word, kind) or (kind == "injured" and _succumbed(token)):
                continue
            if kind == "injured" and _dead_beside_injuries(word):
                kind = "killed"
            number, vague = parsed
            for other in _conjoined_counts(token):
                if (more := (1, None) if (_one(other)) else parse_number(other.text)) is not None and not more[1]:
                    number += more[0]
                    summed.add(other.i)
            source = _source(sent, token)
            lo, hi = min(run[0], word.i), max(run[1], word.i + 1)
            evidence = span_evidence(
                doc, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), sent, producer, 0.6 if vague else 0.85
            )
            report = CasualtyReport(
                kind=_kind(kind),
                number=number,
                qualifier=vague or _qualifier(doc, run[0]),
                source=source,
                date=_sentence_day(sent),
                evidence=evidence,
            )
            update = any(a.lemma_.lower() in update_verbs for a in token.ancestors)
            # "claimed the bombing that killed 80 and wounded 150": the claimant is not who wounded them
            agent = None if _joined_to_attack_clause(word) else _agent(word)
            own_count = source is None and agent is not None and is_group is not None and is_group(_subtree_text(agent))
            own_count = own_count or (agent is not None and agent.lower_ in _words("first_person"))  # "We killed 78"
            claimed = _is_boast(word, is_group)
            narrated = own_count and not claimed
            boast = claimed or own_count
            not_current = token.head.lower_ == "from" or _cumulative(word, token) or _superseded(token)
            years = _clause_years(word, token)
            part = _part_of_toll(word, token)
            not_current = not_current or (_separate_attacks(word))
            rough = any(t.lower_ in _words("round_words") for t in doc[run[0] : run[1]])
            perpetrators = _counts_perpetrators(token)
            figures.append(
                Figure(report, boast, update, sent.start, perpetrators, not_current, years, part, narrated, rough)
            )
            if (added := _added_to(figures, token)) is not None:
                figures[added] = _summed(figures[added], number)
        figures.extend(_named_victims(sent, producer))
    return figures


def _named_victims(sent: Span, producer: str) -> list[Figure]:
    """One dead per person a killing verb names as its victim ("the bomb killed Jane Doe", "Jane Doe was shot
    dead", "fatally stabbed a teacher"), for articles that give no number; not when the state's forces did the
    killing (an attacker shot)."""
    doc = sent.doc
    state = {w.lower() for w in load_lexicon("attack_types")["state_doers"]}
    found: list[Figure] = []
    for token in sent:
        last = token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I"
        if not ((token.ent_type_ == "PERSON" and last) or _a_person(token)) or token.dep_ not in ("dobj", "nsubjpass"):
            continue
        verb = token.head
        if verb.pos_ != "VERB" or not (_kind_of(verb) == "killed" or _fatally(verb)):
            continue
        doers = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "agent")]
        if any(t.lemma_.lower() in state for d in doers for t in d.subtree):
            continue
        lo = token.i
        while lo > sent.start and doc[lo].ent_iob_ == "I":  # back to the name's first word
            lo -= 1
        first, end = min(lo, verb.i), max(token.i, verb.i) + 1
        evidence = span_evidence(doc, doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text), sent, producer, 0.6)
        report = CasualtyReport(
            kind="killed", number=1, source=_source(sent, verb), date=_sentence_day(sent), evidence=evidence
        )
        found.append(Figure(report, False, False, sent.start, named=True, years=_clause_years(verb, token)))
    return found


def _fatally(verb: Token) -> bool:
    """A verb of harm made a killing by its adverb ("fatally stabbed", "mortally wounded")."""
    return any(c.dep_ == "advmod" and c.lower_ in _words("fatal_adverbs") for c in verb.children)


@cache
def _not_one_person() -> frozenset[str]:
    """Nouns that with "a" name no one person (a thing, an attacker, a quantity), joined once: asked of every
    noun a verb of harm takes."""
    return _words("not_people") | _words("perpetrator_nouns") | _words("quantity_nouns") | _vague_numbers()


def _a_person(noun: Token) -> bool:
    """One person a common noun names with "a" ("killed a teacher"): not a thing, one of the attackers or a
    quantity ("a number of", "a dozen")."""
    return (
        noun.tag_ == "NN"
        and noun.ent_type_ == ""
        and not noun.like_num
        and noun.lemma_.lower() not in _not_one_person()
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


#: A count of people read at a token: its token range, and its value with a qualifier when the quantity is vague.
Count = tuple[tuple[int, int], tuple[int, str | None]]


def _count_at(doc: Doc, i: int, numeric: list[bool]) -> Count | None:
    """The token range and value of a count of people ending at token ``i``: a number expression, or an ordinal
    after "a" that counts one more ("killed two and injured a third")."""
    if _one_more(doc, i, numeric):
        return (i - 1, i + 1), (1, None)
    if not numeric[i] or (run := _number_run(doc, i)) is None or _excluded(doc, *run):
        return None
    parsed = parse_number(doc[run[0] : run[1]].text)
    return (run, parsed) if parsed is not None and parsed[0] > 0 else None


def _as_many(doc: Doc, i: int, figures: list[Figure], sent: Span) -> Count | None:
    """ "As many" after a count in its sentence repeats that count ("five were killed and as many injured"); not
    "as many as 50", which is a number of its own."""
    if i == 0 or doc[i].lower_ != "many" or doc[i - 1].lower_ != "as":
        return None
    if (i + 1 < len(doc) and doc[i + 1].lower_ == "as") or not figures or figures[-1].sentence_start != sent.start:
        return None
    number = figures[-1].report.number
    return ((i - 1, i + 1), (number, None)) if number else None


def _one_more(doc: Doc, i: int, numeric: list[bool]) -> bool:
    """ "A third" after a count in its sentence counts a person ("shot two and injured a third"); not when it
    numbers a thing ("two died when a second blast hit")."""
    token = doc[i]
    if token.lower_ not in _words("one_more") or i == 0 or doc[i - 1].lower_ not in ("a", "an"):
        return False
    if token.dep_ == "amod" and token.head.lemma_.lower() in _words("not_people") | _words("perpetrator_nouns"):
        return False
    return doc[i - 1].head.i >= i and any(numeric[k] for k in range(token.sent.start, i - 1))


def _added_to(figures: list[Figure], number: Token) -> int | None:
    """The index of the figure an "another N" adds to: the last whole figure of the same kind in the sentence ("49
    bodies were buried here, while another 32 were taken home" counts 81 dead)."""
    last = figures[-1]
    if number.i == 0 or number.doc[number.i - 1].lower_ not in _words("additive"):
        return None
    for n in range(len(figures) - 2, -1, -1):
        other = figures[n]
        if other.sentence_start != last.sentence_start:
            return None
        if other.report.kind == last.report.kind and not other.part:
            return n
    return None


def _summed(figure: Figure, more: int) -> Figure:
    """A figure with ``more`` people added to its count."""
    report = figure.report.model_copy(update={"number": (figure.report.number or 0) + more})
    return replace(figure, report=report)


def _separate_attacks(word: Token) -> bool:
    """A toll the text gives for several distinct attacks together ("two separate attacks that killed 18"): no one
    attack's figure. Twin blasts of one attack ("two bomb blasts killed 14") are not separate."""
    verb = next((t for t in (word, *word.ancestors) if t.pos_ in ("VERB", "AUX")), word)
    doers = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ != "WDT"]
    if verb.dep_ in ("relcl", "acl"):
        doers.append(verb.head)
    separate = _words("separate")
    return any(c.lower_ in separate for d in doers for c in d.children if c.dep_ == "amod")


#: Links that open a clause of its own below a figure's verb ("..., saying he had entered the country in 2014").
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "parataxis", "conj"})


def _clause_years(word: Token, number: Token) -> tuple[int, ...]:
    """Years written in the figure's own clause or the clauses it hangs in, not in a side clause: "raised the toll
    to five, and named the attacker, who had come in 2014" dates no figure to 2014; "was last hit in 2016,
    when a truck killed 13" and "in 2019, 40 were killed" do."""
    verb = next((t for t in (word, *word.ancestors) if t.pos_ in ("VERB", "AUX")), word)
    own: list[Token] = []
    below: Token | None = None
    for node in (verb, *verb.ancestors):
        own.append(node)
        for child in node.children:
            if child is not below and (child.dep_ not in _CLAUSE_DEPS or number in child.subtree):
                own.extend(child.subtree)
        below = node
    return tuple(int(t.text) for t in own if len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20"))


def _sentence_day(sent: Span) -> dt.date | None:
    """The first day a sentence names outright or relative to publication (the figure's date); None without one."""
    dates = [d for _, _, d, kind in find_dates(sent) if d and kind != "event_relative"]
    return dates[0] if dates else None


def _conjoined_counts(number: Token) -> list[Token]:
    """The numbers of people joined to a number's own ("the deaths of 21 civilians and four soldiers"): one toll in
    parts, summed ("two guards and a police officer" are three). Only plain people nouns count, not words of a
    kind ("5 dead and 9 injured" are two tolls) nor nouns with a fate of their own ("20 people who died and 68
    others who were wounded")."""

    def plain(noun: Token) -> bool:
        own = [c for c in noun.children if c.dep_ in ("acl", "relcl", "amod", "appos")]
        return (
            _kind_of(noun) is None
            and noun.lemma_.lower() not in _words("perpetrator_nouns")
            and not any(_kind_of(t) for c in own for t in c.subtree)
        )

    noun = number.head
    if number.dep_ != "nummod" or not plain(noun):
        return []
    # the parser may hang the rest of a list as an apposition ("two soldiers, a contractor and a civilian"): a
    # singular noun cannot rename a plural one, so it is one more item, with its own conjuncts
    listed = [c for c in noun.children if c.dep_ == "appos" and c.tag_ == "NN"] if noun.tag_ == "NNS" else []
    items = dict.fromkeys([*noun.conjuncts, *listed, *(c for item in listed for c in item.conjuncts)])
    # "a police officer" after "two guards" is one more: its article counts when the noun is singular
    counts = [(other, [c for c in other.children if (c.dep_ == "nummod" and c.like_num) or _one(c)]) for other in items]
    return [found[0] for other, found in counts if other.i > noun.i and found and plain(other)]


def _one(det: Token) -> bool:
    """An indefinite article or a possessive on a singular noun of people ("and a police officer", "and another
    believer", "and his driver"): one."""
    noun = det.head
    article = det.dep_ == "det" and det.lower_ in ("a", "an", "another")
    counts_one = article or (det.dep_ == "poss" and det.pos_ == "PRON")
    return counts_one and noun.tag_ == "NN" and noun.lemma_.lower() not in _words("not_people")


def _part_of_toll(word: Token, number: Token) -> bool:
    """A figure that counts a part of the toll: by severity ("12 were seriously injured"), out of a total ("21 of
    the 33 wounded", "sixteen of the injured"), on top of another ("another 85 were killed") or by nationality ("2
    Americans")."""
    if any(c.lower_ in _words("severity") for c in word.children if c.dep_ == "advmod"):
        return True
    out_of = [g for c in number.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if any(g.like_num or any(n.like_num for n in g.children) or _kind_of(g) for g in out_of):
        return True  # "21 of the 33 wounded", "sixteen of the injured"
    if any(g.tag_ == "NNS" and any(d.lower_ == "the" or d.dep_ == "poss" for d in g.children) for g in out_of):
        return True  # "one of the suspects killed", "two of its guards": some of a group the text counts elsewhere
    if number.head.ent_type_ == "NORP" and number.head.tag_ in ("NNPS", "NNS"):
        return True  # "killed 2 Americans": the nationals among the dead
    before = number.doc[number.i - 1] if number.i > 0 else None
    return before is not None and before.lower_ in _words("additive")


@cache
def _cumulative_cues() -> tuple[re.Pattern[str], ...]:
    """One whole-word pattern per ``cumulative_cues`` entry ("since 2009", "over the years"), compiled once."""
    return tuple(re.compile(rf"\b{cue}\b") for cue in load_lexicon("casualties")["cumulative_cues"])


def _cumulative(word: Token, number: Token) -> bool:
    """A running total: its clause counts "since 2009" or over years, or a conflict does the killing.

    "Since Saturday" is not a cue: an updated toll may be counted from the attack.
    """
    verb = next((t for t in (word, *word.ancestors) if t.pos_ in ("VERB", "AUX")), word)
    clause = verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text.lower()
    if any(pattern.search(clause) for pattern in _cumulative_cues()):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and number not in c.subtree]
    # "40,000 have been killed in the conflict": the conflict as doer or as setting; not when the clause gives the day
    # ("eight soldiers were killed in the fighting on Friday" is one attack's toll)
    settings = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by", "during") for g in c.children]
    conflict = any(s.lemma_.lower() in _words("cumulative_subjects") for s in (*subjects, *settings))
    return conflict and not names_a_day(verb.doc[verb.left_edge.i : verb.right_edge.i + 1])


def _superseded(number: Token) -> bool:
    """A figure given as an early one ("officials initially said 53", "early accounts put it at eight").

    The cue must modify a verb of the number's own clause chain or that verb's
    subject; the climb stops at a conjunct, so "initially 2; later the figure
    rose to 6" leaves the later figure current.
    """
    cues = _words("early_cues")
    for verb in number.ancestors:
        for child in verb.children:
            # a modifier ("initially said", "earlier put it at", "the initial toll"), not a noun ("observed the first
            # of three days") nor an adjective of something else on the way up ("in his first interview since the
            # attack that left 27 dead")
            if child.lower_ in cues and child.dep_ in ("advmod", "npadvmod", "prep", "advcl"):
                return True
            if child.lower_ in cues and child.dep_ == "amod" and verb.lemma_.lower() in _words("early_subjects"):
                return True
            # an early report as subject ("early accounts put it at 8"), not an ordinal attack ("the first bombing")
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and child.lemma_.lower() in _words("early_subjects")
                and any(g.lower_ in cues for g in child.children)
            ):
                return True
        if verb.dep_ in ("conj", "ROOT"):
            break
    return False


def _subtree_text(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def _kind(name: str) -> CasualtyKind:
    """The kind as the record's literal type (the lexicon's keys are exactly those names)."""
    kinds: dict[str, CasualtyKind] = {
        "killed": "killed",
        "injured": "injured",
        "kidnapped": "kidnapped",
        "arrested": "arrested",
        "missing": "missing",
    }
    return kinds[name]
