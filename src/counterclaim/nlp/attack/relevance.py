"""Whether attack words report a new attack: not a count over a period, a clash, a trial or a charge, a verdict
story, a state designating or sanctioning a group, talk, unrest or a weapon seized.

Attack words are everywhere in news about violence: "700 political
assassinations so far this year", "a clash in which rebels killed 14
soldiers", "the trial for the murder of", an interview on the war, "looters
raided the shops", "troops seized rifles and explosives". Each rule
here reads the words around a trigger (``lexicons/attack_types.yaml``) and
says when they report no single new attack; the attack component drops such
triggers or sends them to the attacks the article only mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from counterclaim.lexicons import lexicon_words, load_lexicon
from counterclaim.nlp.attack.types import GENERIC, Trigger, doers, find_triggers, names_attack
from counterclaim.nlp.dates import find_dates

#: Date kinds that name a day ("on 3 May", "yesterday"), as opposed to a span of time.
_DAY_KINDS = ("explicit", "inferred_year", "relative")


@cache
def _year_span() -> re.Pattern[str]:
    """A year or a month of a year standing for a period ("in 1988", "during 1989", "in November 2021")."""
    months = "|".join(sorted((re.escape(m) for m in load_lexicon("dates")["months"]), key=len, reverse=True))
    return re.compile(rf"\b(?:in|during|throughout)\s+(?:(?i:{months})\.?\s+)?(?:19|20)\d\d\b")


#: A stretch of days, weeks or months standing for a period ("in only 3 months", "over the past two weeks").
_UNITS_SPAN = re.compile(
    r"\b(?:in|within|over|during)\s+(?:only\s+|just\s+|the\s+(?:last|past)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few)\s+(?:days|weeks|months)\b",
    re.IGNORECASE,
)


def _units_span(text: str) -> bool:
    return _UNITS_SPAN.search(text) is not None


#: How far up the parse a word of justice or memory may govern a trigger.
MAX_BACKGROUND_HOPS = 6


def _words(key: str) -> frozenset[str]:
    """A word list of ``attack_types.yaml`` (see :func:`lexicon_words`)."""
    return lexicon_words("attack_types", key)


def _names_weapon(doc: Doc, trigger: Trigger) -> bool:
    """Whether the trigger's words are a weapon's name (``weapon_triggers``: "grenade", "dynamite")."""
    return " ".join(t.lemma_.lower() for t in doc[trigger.start : trigger.end]) in _words("weapon_triggers")


@cache
def _aggregate_pattern() -> re.Pattern[str]:
    cues = sorted(load_lexicon("attack_types")["aggregate_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def names_a_day(sent: Span) -> bool:
    """Whether a sentence gives a day ("on 3 May", "yesterday", "on Tuesday") other than a period's start.

    A day after "since" opens a period ("since he took office on 10 August"): it dates no attack.
    """
    text = sent.doc.text
    return any(
        kind in _DAY_KINDS and "since" not in text[max(start - 40, sent.start_char) : start].lower()
        for start, _, _, kind in find_dates(sent)
    )


def is_aggregate(doc: Doc, trigger: Trigger) -> bool:
    """A count of attacks over a period, not one attack.

    The trigger is a plural noun ("700 assassinations", "sabotage actions") or a perfect or
    participle verb ("have been murdered", "members murdered"), and its
    sentence names a period ("so far this year", "since the talks began",
    "in 1988") but no day; or a plural noun listed with others and no day
    ("executions, assassinations and threats"); or a group's attacks in general.
    """
    word = doc[trigger.end - 1]
    if word.dep_ == "compound" and word.head.pos_ == "NOUN":
        word = word.head  # "bomb" in "several bomb attacks", "sabotage" in "sabotage actions": the head is counted
    counted = word.tag_ in ("NNS", "NNPS") or (
        word.tag_ == "VBN" and (word.dep_ == "acl" or any(c.lower_ in ("have", "has") for c in word.children))
    )
    if not counted:
        return False
    sent = word.sent
    period = _aggregate_pattern().search(sent.text) or _year_span().search(sent.text) or _units_span(sent.text)
    habitual = trigger.attack_class == GENERIC and _habitual(word)
    return (bool(period) or _listed_kinds(word) or habitual or _in_general(word)) and not names_a_day(sent)


def _habitual(word: Token) -> bool:
    """Whether plain plural "attacks", uncounted, are what a group does in general: its own ("its attacks
    have displaced thousands") or done in the perfect ("the groups have committed attacks"), not one attack."""
    if word.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("nummod", "det") for c in word.children):
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in word.children):
        return True
    verb = word.head
    return (
        word.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        and verb.lemma_.lower() not in _words("response_verbs")
    )


def _in_general(word: Token) -> bool:
    """Whether a bare plural act noun, the object of a verb or a preposition, names attacks in general: "losses due
    to terrorist attacks on the pipeline", "condemned terrorist actions in the region", "cease all terrorist actions".
    No article, number or possessor singles any out, and no figure in the sentence counts them (a toll or a number
    of attacks makes them events). Attackers ("gunmen") are doers, not acts."""
    if word.tag_ not in ("NNS", "NNPS") or word.dep_ not in ("pobj", "dobj", "conj"):
        return False
    if word.lemma_.lower() in _words("doers") or word.lower_ in _words("doers"):
        return False
    if any(
        c.dep_ in ("nummod", "poss") or c.pos_ == "PROPN" or (c.dep_ == "det" and c.lower_ not in _GENERAL_DETS)
        for c in word.children
    ):
        return False  # counted, owned or named ("the Christchurch attacks"): particular attacks
    return not any(t.like_num for t in word.sent)


#: Determiners that leave plural attacks general ("all terrorist actions", "such attacks").
_GENERAL_DETS = frozenset({"all", "any", "such"})


def _listed_kinds(word: Token) -> bool:
    """Whether a plural attack noun, uncounted, is listed with other plural nouns ("summary executions, political
    assassinations and threats", "bombings in the cities and massacres in the countryside"): kinds of violence
    named in general, not one attack."""
    if word.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in word.children):
        return False
    listed = [c for c in word.children if c.dep_ == "conj"] + ([word.head] if word.dep_ == "conj" else [])
    return any(t.tag_ in ("NNS", "NNPS") for t in listed)


def is_combat(doc: Doc, trigger: Trigger) -> bool:
    """A generic attack word or a killing read from its doer, in a sentence about open combat (a noun: "a clash")."""
    if trigger.attack_class != GENERIC and not trigger.by_doer:
        return False
    combat = _words("combat_words")
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in combat for t in doc[trigger.start].sent)


def is_operation(doc: Doc, trigger: Trigger) -> bool:
    """A state's forces acting against insurgents: "helicopters bombed rebel positions" is no attack.

    The doer (the subject of the attack verb, or a word modifying the attack
    noun) is a state force and what it struck (the object, or the noun after
    "on"/"against") is an insurgent or an insurgent site.
    """
    state, targets = _words("state_doers"), _words("insurgent_targets")
    word = doc[trigger.start]
    subjects = [c for c in word.children if c.dep_ in ("nsubj", "compound", "amod", "poss")]
    struck = [c for c in word.children if c.dep_ == "dobj"]
    struck += [g for c in word.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children]
    return any(_is_one_of(t, state) for t in subjects) and any(_is_one_of(t, targets) for t in struck)


def is_unrest(doc: Doc, trigger: Trigger) -> bool:
    """Attack words done by rioters, looters or mutinous inmates: "the town was raided by looters", "inmates who
    are holding 500 visitors hostage". Unrest is no terrorist attack.

    The doers are those of the attack verb, or of the verb an attack noun
    completes ("holding ... hostage"), or the agent of an attack noun ("the
    looting of shops by a mob").
    """
    unrest = _words("unrest_doers")
    word = doc[trigger.start]
    verb = word if word.pos_ == "VERB" else word.head
    found = doers(verb) if verb.pos_ in ("VERB", "AUX") else []
    found += [g for c in word.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    return any(t.lemma_.lower() in unrest for t in found)


def _is_one_of(noun: Token, words: frozenset[str]) -> bool:
    """Whether a noun or one of its modifiers is among ``words`` ("army helicopters", "rebel positions")."""
    return any(t.lemma_.lower() in words for t in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))))


#: How far up the parse a weapon word may sit below the verb or noun that seized it ("seized rifles, one mortar
#: and explosives": a list item, its conjunct, the object).
MAX_SEIZURE_HOPS = 6
#: Links a weapon word climbs to reach what seized it: lists, objects, "of", noun modifiers; never a clause.
_THING_DEPS = frozenset({"conj", "appos", "dobj", "pobj", "prep", "compound", "nmod", "npadvmod", "attr", "nsubjpass"})


def is_weapon_only(doc: Doc, trigger: Trigger) -> bool:
    """A weapon named as a thing, not used: seized or made ("troops confiscated 26 mortars and explosives",
    "materials to manufacture explosives"), one item of a list found ("found rifles, ammunition and
    explosives"), or the modifier of another thing ("grenade launchers", "the bomb squad").

    A bomb found alone ("police found a bomb under the car") is still an attack that failed; only a list of
    items found is a cache.
    """
    word = doc[trigger.end - 1]
    if word.pos_ not in ("NOUN", "PROPN") or trigger.by_doer or not _names_weapon(doc, trigger):
        return False
    if word.dep_ == "compound" and word.head.lemma_.lower() in _words("weapon_heads"):
        return True
    seizure, discovery = _words("seizure_words"), _words("discovery_words")
    node = word
    listed = False  # the weapon, or a phrase it sits in, is an item of a list ("various types of explosives")
    for _ in range(MAX_SEIZURE_HOPS):
        listed = listed or node.dep_ == "conj" or any(c.dep_ == "conj" for c in node.children)
        if node.dep_ not in _THING_DEPS or node.head.i == node.i:
            return False
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in seizure or (listed and lemma in discovery):
            return True
    return False


def _heads_above(doc: Doc, trigger: Trigger) -> Iterator[tuple[Token, Token]]:
    """Each head above a trigger's first word, with the word below it, up to ``MAX_BACKGROUND_HOPS`` or the root."""
    node = doc[trigger.start]
    for _ in range(MAX_BACKGROUND_HOPS):
        if node.head.i == node.i:
            return
        below, node = node, node.head
        yield below, node


def is_background(doc: Doc, trigger: Trigger) -> bool:
    """An attack under a word of justice or memory: tried, sentenced, remembered ("convicted of the murder"), or
    what someone is charged with ("charged with murder", "on charges of taking part in the murders"; "a charge of
    dynamite" is a bomb)."""
    background, charges = _words("background_words"), _words("charge_words")
    if _names_weapon(doc, trigger):
        charges = frozenset()  # "a charge of dynamite" is a bomb
    return any(
        node.lemma_.lower() in background
        or (node.lemma_.lower() in charges and below.dep_ == "prep" and below.lower_ in ("with", "of"))
        for below, node in _heads_above(doc, trigger)
    )


def _judged(doc: Doc, trigger: Trigger) -> bool:
    """An attack under a word of a trial or verdict ("sentenced over the bombing", "jailed for the attack"), or under
    a verb by which a court gives its finding ("the court held Iran responsible for the attacks"). Charges, inquiries
    and a judge's other acts do not count: "a judge ordered the arrest of the soldiers involved in the massacre" is
    a follow-up that reports the attack."""
    verdicts, courts, findings = _words("verdict_words"), _words("court_words"), _words("court_finding_verbs")
    return any(
        node.lemma_.lower() in verdicts
        or (
            node.lemma_.lower() in findings
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in courts for c in node.children)
        )
        for _, node in _heads_above(doc, trigger)
    )


def _verdict_sentence(sent: Span) -> bool:
    """A sentence that gives a court's verdict ("The Vienna court sentenced two men ..."): a verdict word whose
    subject or head is a court. Every attack word in it is the one tried, however the parser hangs it."""
    verdicts, courts = _words("verdict_words"), _words("court_words")
    return any(
        t.lemma_.lower() in verdicts
        and (
            t.head.lemma_.lower() in courts or any(c.lemma_.lower() in courts for c in t.children if c.dep_ == "nsubj")
        )
        for t in sent
    )


#: How many of an article's first sentences with attack words are read for a verdict (a headline's label, "Vienna
#: attack:", may come before the lead that says the court sentenced).
COURT_LEAD_SENTENCES = 2


def is_court_story(doc: Doc, end_char: int) -> bool:
    """Whether the piece is a trial, verdict or ruling about a past attack: every attack word of one of its first
    sentences that have any is judged ("A court sentenced two men over a 2012 bus bombing"). The attack it tries is
    no news, whatever later sentences retell of it. A headline says a verdict with a passive verdict verb alone
    ("Bombing: two men sentenced to death", "Man jailed over attack"): no court need be named."""
    seen = 0
    for sent in doc.sents:
        if sent.start_char >= end_char or seen == COURT_LEAD_SENTENCES:
            return False
        if triggers := find_triggers(sent):
            headline = sent.start == 0
            if (
                _verdict_sentence(sent)
                or (headline and _passive_verdict(sent))
                or all(_judged(doc, t) for t in triggers)
            ):
                return True
            seen += 1
    return False


def is_designation_story(doc: Doc, end_char: int) -> bool:
    """Whether the piece reports a state designating, proscribing or sanctioning a group: a designation verb is the
    main verb of a sentence before the first that has attack words, or of that sentence itself ("The US designated
    the group behind the March train hijacking a terrorist organisation"). The attacks it cites are the grounds."""
    acts = _words("designation_verbs")
    for sent in doc.sents:
        if sent.start_char >= end_char:
            return False
        root = sent.root
        if root.pos_ == "VERB" and root.lemma_.lower() in acts and not _conditional(root):
            return True
        if find_triggers(sent):
            return False
    return False


def _conditional(verb: Token) -> bool:
    """A verb in talk of what may be ("calls to designate", "could sanction"): no act done."""
    unrealised = _words("designation_unrealised_aux")
    return any(c.dep_ == "aux" and c.lower_ in unrealised for c in verb.children)


def _passive_verdict(sent: Span) -> bool:
    """A verdict verb in the passive of a main clause or a headline's label ("two men sentenced", "bomber jailed"),
    not a relative clause's background ("the man, who was jailed in 2010, ...")."""
    verdicts = _words("verdict_words")
    return any(
        t.pos_ == "VERB" and t.tag_ == "VBN" and t.lemma_.lower() in verdicts and t.dep_ != "relcl" for t in sent
    )


def is_talk(doc: Doc) -> bool:
    """Whether the headers of a wire dateline mark an interview, a speech or a commentary rather than a report."""
    genres = _words("talk_genres")
    headers = (doc._.dateline or {}).get("headers") or []
    return any(h.lower().startswith(g) for h in headers for g in genres)


#: How far into the text a headline may run, for :func:`is_anniversary`.
HEADLINE_CHARS = 200


def is_anniversary(doc: Doc) -> bool:
    """Whether the headline marks an attack's anniversary ("Bombings: justice demanded on sixth
    anniversary"): the piece remembers an attack, it does not report a new one.

    The anniversary's sentence names an attack, and the anniversary is its own or an attack's ("the fourth
    anniversary of his death" is another's). An attack word outside "the anniversary of the killing of X" is
    a new attack at the commemoration ("blasts hit a memorial on the anniversary of the general's killing").
    """
    headline = doc.text[:HEADLINE_CHARS].split("\n", 1)[0]
    for m in _anniversary_pattern().finditer(headline):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        triggers = find_triggers(sent)
        if doc[span.end : span.end + 1].text.lower() != "of":
            if names_attack(sent):
                return True
            continue
        remembered = range(span.end, doc[span.end].right_edge.i + 1)
        inside = [t for t in triggers if t.start in remembered]
        if inside and len(inside) == len(triggers):
            return True
    return False


@cache
def _anniversary_pattern() -> re.Pattern[str]:
    ordinals = "|".join(load_lexicon("attack_types")["anniversary_ordinals"])
    return re.compile(rf"\b(?:(?:{ordinals})|\d+(?:st|nd|rd|th))\s+anniversary\b", re.IGNORECASE)
