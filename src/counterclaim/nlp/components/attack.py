"""Builds the attack record: date, place, attack type, casualties and perpetrators.

The main attack is read from the article's attack sentences (sentences with an
attack trigger that is neither hypothetical nor about an earlier attack),
earliest first, since news put the attack up front. An article without such
a sentence, or whose attack words are anchored by no figure, place or date,
reports no attack: ``doc._.event`` is then None rather than a guess. Attacks
the article only refers to ("the deadliest since the 2022 bombing") go to
``doc._.event_mentions``. Only text before ``doc._.content_end`` is read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterclaim.kb import KnowledgeBase, get_kb
from counterclaim.lexicons import lexicon_words, load_lexicon
from counterclaim.nlp.attack import span_evidence
from counterclaim.nlp.attack.casualties import TOLL_KINDS, Figure, find_casualties
from counterclaim.nlp.attack.perpetrators import group_mentions, merge, narrated, written_name
from counterclaim.nlp.attack.place import attack_place, governed
from counterclaim.nlp.attack.relevance import (
    is_aggregate,
    is_anniversary,
    is_background,
    is_combat,
    is_court_story,
    is_designation_story,
    is_operation,
    is_talk,
    is_unrest,
    is_weapon_only,
    names_a_day,
)
from counterclaim.nlp.attack.types import (
    ARMED_ASSAULT,
    GENERIC,
    AttackType,
    Trigger,
    classify,
    doer_triggers,
    doers,
    find_triggers,
    is_attacker,
    is_irrealis,
    speech_lemmas,
)
from counterclaim.nlp.attribution.quotes import QuoteIndex, find_quotes
from counterclaim.nlp.components.content import is_menu_line
from counterclaim.nlp.dates import DateHit, find_dates
from counterclaim.nlp.doccache import memo
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.extensions import register_extensions
from counterclaim.nlp.gazetteer import is_place_name
from counterclaim.nlp.numbers import parse_number
from counterclaim.records import CasualtyReport, Event, Evidence, Perpetrators, Responsibility, Statement


@dataclass
class AttackSentence:
    """A sentence reporting an attack and its triggers."""

    sent: Span
    triggers: list[Trigger]


def _is_other_attack(doc: Doc, trigger: Trigger) -> bool:
    """A trigger qualified by "since", "previous" or a year ("since the 2014 bombing"), or the motive of the
    attack (see ``_is_motive``): an earlier attack.

    The cue must modify the trigger (or govern it, for "since"), so the year
    of a date next to the trigger ("on 3 May 2024, killing ...") is no cue.
    """
    cues = set(load_lexicon("attack_types")["other_attack_cues"])
    word = doc[trigger.start]
    sent_start = word.sent.start
    if _opens_on_past(word.sent):
        return True
    if _is_motive(word):
        return True
    if word.dep_ == "dobj" and word.head.lemma_.lower() in set(load_lexicon("attack_types")["sequence_verbs"]):
        return True  # "the attack followed a blast near a mosque in Kabul": the object is an earlier attack
    this_week = _this_weeks(word)
    for t in doc[max(trigger.start - 4, sent_start) : trigger.start]:
        linked = t.head.i in range(trigger.start, trigger.end) or word.head.i == t.i
        if linked and ((t.lower_ in cues and not this_week) or _is_year(t)):
            return True
        if _is_year(t) and any(a.i in range(trigger.start, trigger.end) for a in list(t.ancestors)[:2]):
            return True  # "the 7 September 1986 attack": the year of a date modifying the attack word
    return _long_ago(word)


def _this_weeks(word: Token) -> bool:
    """Whether an attack word is dated by a day of this week ("since Friday's attack", "since yesterday's
    bombing"): the attack the article reports, not an earlier one, whatever cue stands before it."""
    return any(c.dep_ == "poss" and c.lower_ in _days_of_this_week() for c in word.children)


@cache
def _days_of_this_week() -> frozenset[str]:
    """Weekdays and anchor days ("yesterday", "today"), joined once: asked of every attack word."""
    dates = load_lexicon("dates")
    return frozenset({*dates["weekdays"], *dates["anchor_days"]})


def _is_year(token: Token) -> bool:
    return token.is_digit and len(token.text) == 4


#: Units of time long enough that an attack "N of them ago" or "last" one is background, not news (a follow-up
#: may well report "last month's attack").
_LONG_UNITS = frozenset({"year", "decade"})


def _long_ago(word: Token) -> bool:
    """Whether the attack word is dated years back: "kidnapped more than five years ago", "was assassinated last
    year"."""
    for t in word.subtree:
        if word.i not in {a.i for a in list(t.ancestors)[:2]}:
            continue
        if t.lower_ == "ago" and t.i > 0 and t.doc[t.i - 1].lemma_.lower() in _LONG_UNITS:
            return True
        if t.lemma_.lower() in _LONG_UNITS and any(c.lower_ in ("last", "previous") for c in t.children):
            return True
    return False


def _is_motive(word: Token) -> bool:
    """Whether an attack word names what the attack avenges: "in retaliation for the mosque attacks", "because of
    the X attacks", "acted in revenge for the attacks" (the parser hangs "for" on the verb), "killed them to avenge
    the massacre", "said he was avenging the stabbing".

    A motive that is itself the object of a verb is a response still to come, to this attack ("Tehran pledged
    retaliation for the attack", "vowed to avenge the bombing").
    """
    motives = set(load_lexicon("attack_types")["motive_words"])
    if word.dep_ == "dobj":
        verb = word.head
        # "killed them to avenge the massacre", "said he was avenging the stabbing"; not "vowed to avenge the
        # bombing" nor "will avenge the bombing", a response to this attack still to come
        promised = verb.head.lemma_.lower() in set(load_lexicon("attack_types")["promise_verbs"]) or any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "would") for c in verb.children
        )
        return verb.lemma_.lower() in motives and (verb.dep_ == "advcl" or not promised)
    if word.dep_ != "pobj":
        return False
    prep = word.head
    if prep.lower_ in motives:
        return True
    if prep.lower_ not in ("for", "to", "of"):
        return False
    before = word.doc[max(prep.i - 2, prep.sent.start) : prep.i]
    return any(t.lemma_.lower() in motives and t.dep_ != "dobj" for t in (prep.head, *before))


#: How far into a sentence a date still opens it ("Earlier on June 21, 2013, ...").
OPENING_CHARS = 30


#: A year of the last two centuries, as past openers write it ("In 2019, ...").
_YEAR = re.compile(r"(?:19|20)\d\d")


@cache
def _past_openers() -> re.Pattern[str]:
    """A sentence opening on an earlier period: "Last year, ...", "Two years ago, ...", "In 2019, ..."."""
    openers = "|".join(re.escape(o) for o in load_lexicon("attack_types")["past_openers"])
    return re.compile(rf"(?:{openers})\b|(?:in|since) (?:19|20)\d\d\b|(?:\w+ )?(?:years|months) ago\b", re.IGNORECASE)


def _opens_on_past(sent: Span) -> bool:
    """Whether a sentence opens on an earlier period, so its attack is an earlier one ("Last year on 4 March, a
    blast shook the city"). A year is earlier only when it is before the publication year."""
    reference = sent.doc._.reference_date
    opening = sent.start_char + len(sent.text) - len(sent.text.lstrip()) + OPENING_CHARS
    if reference is not None and any(
        h[2] is not None and h[3] == "explicit" and h[0] < opening and h[2].year < reference.year
        for h in find_dates(sent)
    ):
        return True  # "Earlier on June 21, 2013, a bomber killed 15"
    m = _past_openers().match(sent.text.lstrip())
    if m is None:
        return False
    year = _YEAR.search(m.group())
    return year is None or (reference is not None and int(year.group()) < reference.year)


def _group_tokens(doc: Doc, kb: KnowledgeBase) -> frozenset[int]:
    """Token indices inside a mention of a militant group."""
    return frozenset(i for span, _ in group_mentions(doc, kb) for i in range(span.start, span.end))


def _triggers(sent: Span, groups: frozenset[int]) -> list[Trigger]:
    """The lexicon's triggers of a sentence and the attacks read from their doers, a reading by doer replacing
    the generic trigger it upgrades ("rebels attacked" is an armed assault)."""
    lexical = find_triggers(sent)

    def is_group(noun: Token) -> bool:
        return any(i in groups for i in range(noun.left_edge.i, noun.right_edge.i + 1))

    by_doer = doer_triggers(sent, lexical, is_group)
    upgraded = {t.start for t in by_doer}
    return sorted([*(t for t in lexical if t.start not in upgraded), *by_doer], key=lambda t: t.start)


def _no_new_attack(doc: Doc, trigger: Trigger) -> bool:
    """Attack words that report no attack: planned or feared, counted over a period, combat, a state's operation,
    unrest, a weapon seized or named as a thing."""
    return (
        is_irrealis(doc, trigger)
        or is_aggregate(doc, trigger)
        or is_combat(doc, trigger)
        or is_operation(doc, trigger)
        or is_unrest(doc, trigger)
        or is_weapon_only(doc, trigger)
    )


def _attack_sentences(doc: Doc, end_char: int, kb: KnowledgeBase) -> tuple[list[AttackSentence], list[AttackSentence]]:
    """(sentences about the main attack, mentions of other attacks with their triggers), in text order.

    A sentence naming an earlier attack belongs to the main attack only when
    it also has a specific trigger of its own: "the deadliest assault since
    the 2014 bombing" says nothing new about the main attack.
    """
    main: list[AttackSentence] = []
    other: list[AttackSentence] = []
    groups = _group_tokens(doc, kb)
    for sent in doc.sents:
        if sent.start_char >= end_char:
            break
        triggers = [t for t in _triggers(sent, groups) if not _no_new_attack(doc, t)]
        earlier = [t for t in triggers if _is_other_attack(doc, t) or is_background(doc, t)]
        own = [t for t in triggers if t not in earlier]
        if earlier:
            other.append(AttackSentence(sent, earlier))
        if own and not (earlier and all(t.attack_class == GENERIC for t in own)):
            main.append(AttackSentence(sent, own))
    return main, other


def _figures_of(doc: Doc, item: AttackSentence, figures: Sequence[Figure], whole: bool) -> list[Figure]:
    """The figures of a mentioned attack: in its triggers' phrases ("the bombing that killed 120"), or the sentence."""
    ranges = [range(doc[t.start].left_edge.idx, doc[t.start].right_edge.idx + 1) for t in item.triggers]
    return [
        f
        for f in figures
        if f.sentence_start == item.sent.start and (whole or any(f.report.evidence.start in r for r in ranges))
    ]


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)].strip()


def _same_line(text: str, a: int, b: int) -> bool:
    """Whether two offsets lie on one line of the text."""
    return "\n" not in text[min(a, b) : max(a, b)]


#: Links that open a clause of its own: a date inside one dates that clause's verb, not the attack above it.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis"})


def _governs(doc: Doc, trigger: Trigger, char: int) -> bool:
    """Whether the date at ``char`` belongs to the trigger's own clause.

    It does when it hangs under the trigger ("the bombing on Friday") or under
    the verb the trigger is subject or object of ("two explosions occurred on
    ..."), not when the trigger only qualifies another noun ("the toll from
    the bombing rose on Sunday"), when that verb reports or judges the attack
    ("condemned the attack on Monday" dates the condemnation), or when the
    date sits in a clause of its own below the trigger ("the stabbing of an
    officer who died on Sunday").
    """
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    word = doc[trigger.start]
    heads = {word.i, *(t.i for t in doc[trigger.start : trigger.end])}
    speech = speech_lemmas()  # a date under a verb of saying dates the statement
    head = word.head
    attached = word.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT") or word.pos_ == "VERB"
    if attached and head.lemma_.lower() not in speech:
        heads.add(head.i)
        # "were killed on Tuesday when a bomber drove ..."
        if head.dep_ in ("advcl", "relcl", "conj") and head.head.lemma_.lower() not in speech:
            heads.add(head.head.i)
    for node in [span.root, *span.root.ancestors]:
        if node.i in heads:
            return True
        if node.dep_ in _CLAUSE_DEPS and node.head.i not in heads:
            return False  # a clause hanging off another word; "the bombing that happened on Friday" still counts
    return False


def _dates_response(doc: Doc, char: int) -> bool:
    """Whether the date at ``char`` belongs to a response to the attack ("claimed responsibility on Tuesday",
    "condemned the attack on Monday") or to a count of its toll ("the toll rose to 40 on Tuesday"), which come
    after it; a plain report ("reports ... today") may not."""
    verb = _date_verb(doc, char)
    if verb is None:
        return False
    if verb.lemma_.lower() in lexicon_words("attack_types", "response_verbs"):
        return True
    # "as the toll rose to 321 on Tuesday": the day of a count, after the attack, not a bomb that "hit" a market
    counted = any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lexicon_words("casualties", "early_subjects") for c in verb.children
    )
    return counted and verb.lemma_.lower() in lexicon_words("casualties", "update_verbs")


def _date_verb(doc: Doc, char: int) -> Token | None:
    """The nearest verb above the date at ``char``: what the date is the day of."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span is not None else None


def _dates_saying(doc: Doc, hit: DateHit) -> bool:
    """Whether a date is the day of the report, said under a verb of saying ("Peskov said on Monday", the
    publication day); a saying's other day ("cited the killing on 16 November") may still date the attack."""
    verb = _date_verb(doc, hit[0])
    return verb is not None and verb.lemma_.lower() in speech_lemmas() and hit[2] == doc._.reference_date


def _attack_date(doc: Doc, sentences: Sequence[AttackSentence]) -> tuple[dt.date | None, Evidence | None]:
    """The day of the attack (see ``_dated_by``), read from a relative day inside a quotation ("condemns today's
    attack", "the attack two days ago" in a group's statement) only when no other day dates it: a quotation's
    "today" is the day it was said, which the report need not share."""
    quotes = memo(doc, _QUOTES_KEY, lambda: QuoteIndex(find_quotes(doc_text(doc))))
    found = _dated_by(doc, sentences, lambda hit: not (hit[3] == "relative" and quotes.encloses(hit[0])))
    return found if found[0] is not None else _dated_by(doc, sentences, lambda _: True)


_QUOTES_KEY = "counterclaim.attack_quotes"


def _dated_by(
    doc: Doc, sentences: Sequence[AttackSentence], keep: Callable[[DateHit], bool]
) -> tuple[dt.date | None, Evidence | None]:
    """The day of the attack from the dates ``keep`` accepts: the earliest attack sentence with a date in a trigger's
    clause, else with any date.

    Sentences with a specific trigger come first: "condemned the attack on
    Wednesday" dates the condemnation, "a bomber struck on Tuesday" the attack.

    Dates in the dateline or on a header line of their own ("Analysis — 8
    July 2024") are when the piece was written, not when the attack happened.
    An attached date must share the trigger's line (the parser may glue a
    headline to the lead); the date nearest a trigger wins.
    """
    skip = [_span_range(doc._.dateline), _span_range(doc._.published_evidence)]
    candidates: list[tuple[AttackSentence, list[DateHit]]] = []
    for item in sentences:
        hits = [
            _before(doc, h, item)
            for h in find_dates(item.sent)
            if h[2] is not None
            and h[3] != "event_relative"
            and keep(h)
            and not any(h[0] in r for r in skip)
            and not is_menu_line(_line_of(doc_text(doc), h[0]))
        ]
        if hits:
            candidates.append((item, hits))
    specific = [c for c in candidates if _specific(c[0])]

    @cache
    def late(hit: DateHit) -> tuple[bool, bool]:
        """Whether a date is a response's, and whether it is the report's own day said: judged once per date, not
        once per trigger and pass."""
        return _dates_response(doc, hit[0]), _dates_saying(doc, hit)

    # attached dates of specific sentences, of any; then any date but a response's ("claimed it on Tuesday") or the
    # report's own day said ("the spokesman said on Monday", after the attack), then that day too; any
    for attached, pool, responses, sayings in (
        (True, specific, False, False),
        (True, candidates, False, False),
        (False, candidates, False, False),
        (False, candidates, False, True),
        (False, candidates, True, True),
    ):
        for item, hits in pool:
            pairs = [
                (abs(h[0] - doc[t.start].idx), h)
                for h in hits
                for t in item.triggers
                if (_same_line(doc_text(doc), doc[t.start].idx, h[0]) and _governs(doc, t, h[0]))
                or (not attached and (responses or not late(h)[0]) and (sayings or not late(h)[1]))
            ]
            if pairs:
                start, end, day, kind = min(pairs, key=lambda p: p[0])[1]
                confidence = (0.9 if kind == "explicit" else 0.7) * (1.0 if attached else 0.8)
                return day, span_evidence(doc, start, end, item.sent, f"attack.date.{kind}", confidence)
    return None, None


def _span_range(where: dict | Evidence | None) -> range:
    """The characters a dateline or a publication date's evidence covers: dates there say when the piece was
    written, not when the attack happened."""
    if where is None:
        return range(0)
    if isinstance(where, dict):
        return range(where.get("start", 0), where.get("end", 0))
    return range(where.start, where.end)


#: "..., a day after ...", "two days after": the date written is that many days after what follows.
_DAYS_AFTER = re.compile(
    r"\s*,?\s*(?:only |just |some )?(an?|one|two|three|four|five|six|seven|\d) days? (?:after|following)\b"
)


def _before(doc: Doc, hit: DateHit, item: AttackSentence) -> DateHit:
    """A date followed by "a day after" (a caption's "on 31 January, a day after a bomber struck") moved back
    to the day of what it is after: right after the date, or later in the sentence when an attack word follows
    ("This photo taken on March 3 shows a burned car, a day after twin attacks killed 16")."""
    start, end, day, kind = hit
    text = doc_text(doc)
    m = _DAYS_AFTER.match(text, end)
    if m is None:
        later = _DAYS_AFTER.search(text[: item.sent.end_char], end)
        attack_after = later is not None and any(doc[t.start].idx >= later.end() for t in item.triggers)
        m = later if attack_after and not any(end < h[0] < later.start() for h in find_dates(item.sent)) else None
    if m is None or day is None:
        return hit
    count = parse_number(m.group(1))
    n = 1 if m.group(1) in ("a", "an") else (count[0] if count else 0)
    return (start, end, day - dt.timedelta(days=n), kind) if n else hit


def _before_attack(doc: Doc, sent: Span, day: dt.date | None) -> bool:
    """Whether a sentence is about a time before the attack: every day it names lies well before it (as figures
    are judged, ``background_days``), or it opens with a month before the attack's ("In June, ...")."""
    if day is None:
        return False
    limit = day - dt.timedelta(days=int(load_lexicon("casualties")["background_days"]))
    days = [h[2] for h in find_dates(sent) if h[2] is not None and h[3] != "event_relative"]
    if days:
        return all(d < limit for d in days)
    m = _MONTH_PERIOD.match(sent.text.strip())
    if m is None or (month := load_lexicon("dates")["months"].get(m.group(1).lower())) is None:
        return False
    year = int(m.group(2)) if m.group(2) else (day.year if month <= day.month else day.year - 1)
    return (year, month) < (day.year, day.month)


#: A sentence opening on a month ("In June,", "Last August", "In March 2022,"): its period, not a day.
_MONTH_PERIOD = re.compile(
    r"(?:in|during|last|since|early|late)\s+(?:early\s+|late\s+)?([A-Za-z]+)(?:\s+(\d{4}))?\b", re.IGNORECASE
)


def _reconcile(
    figures: Sequence[Figure], kind: str, day: dt.date | None = None, partisan: Callable[[str], bool] = lambda _: False
) -> CasualtyReport | None:
    """The figure the article gives as current for ``kind`` for the attack of ``day``.

    Claimants' boasts, attackers' own dead (unless no one else died), superseded figures ("up from
    26"), running totals ("since 2009") and figures from sentences about an
    earlier time (an earlier year, or a day well before ``day``) are left
    out; a figure whose source is a group or one of its men or outlets
    (``partisan``) counts only when no one else gives one.
    A figure announced as a revision ("the toll rose to") replaces earlier
    ones, the highest such winning (tolls rise); otherwise the first figure
    stands, as news state the current toll first. Precise numbers beat vague
    ones ("dozens"), round ones ("over a dozen") and a victim named without one.
    """
    current = [f for f in figures if f.report.kind == kind and not (f.not_current or _earlier(f, day))]
    victims = _current_figure([f for f in current if not f.perpetrators], partisan)
    # an attack that killed no one but its attackers ("the two bombers died; 20 were wounded"): their dead are its toll
    return victims if victims is not None else _current_figure([f for f in current if f.perpetrators], partisan)


def _current_figure(candidates: Sequence[Figure], partisan: Callable[[str], bool]) -> CasualtyReport | None:
    """The figure that stands among one kind's current figures: see ``_reconcile``."""
    # a group's count the narrator tells in its own words ("Hamas gunmen killed three") stands when no one else
    # gives one; a claimant's words ("we killed 60") never do
    usable = [f for f in candidates if not f.boast] or [f for f in candidates if f.narrated]
    usable = [f for f in usable if not (f.report.source and partisan(f.report.source))] or usable
    if not usable:
        return None
    vague = set(load_lexicon("numbers")["vague"])
    precise = [f for f in usable if f.report.qualifier not in vague and not (f.rough or f.named)] or usable
    precise = [f for f in precise if not f.part] or precise  # "12 seriously injured" is part of the injured
    updates = [f for f in precise if f.update]
    return max(updates, key=lambda f: f.report.number).report if updates else precise[0].report


#: The GTD class of kidnappings.
HOSTAGE_TAKING = "hostage taking"


def _dead_outnumber_hostages(
    figures: Sequence[Figure], killed: CasualtyReport | None, day: dt.date | None, partisan: Callable[[str], bool]
) -> bool:
    """Whether an attack killed more people than it took (one when the text gives no number): an assault with
    hostages taken on the side ("rebels killed 40 villagers; several were also abducted"), which GTD counts as an
    armed assault. A kidnapping that cost a guard's life stays a kidnapping."""
    if killed is None or killed.number is None:
        return False
    taken = _reconcile(figures, "kidnapped", day, partisan)
    return killed.number > (taken.number if taken is not None and taken.number else 1)


def _earlier(figure: Figure, day: dt.date | None) -> bool:
    """Whether a figure's sentence is about a time before the attack: a written day or year well before it."""
    if day is None:
        return False
    limit = day - dt.timedelta(days=int(load_lexicon("casualties")["background_days"]))
    if figure.report.date is not None and figure.report.date < limit:
        return True
    return any(year < day.year for year in figure.years) and limit.year == day.year


def _perpetrators(statements: Sequence[Statement], kb: KnowledgeBase) -> Perpetrators:
    """Who claimed, was accused and was confirmed, from the statements; the most specific claimant first.

    ``responsible`` starts with the same names and their confidence, an
    organisation with the words the first statement naming it used ("ELN"
    where the knowledge base says "National Liberation Army"; a state keeps its
    own name, not "Honduran" or "Bogota"); the narration's doers are merged in
    by the caller.

    When the claimed group and a branch of it are both claimed (Islamic State
    and its Khorasan Province), the branch is the claimant; a branch others
    only confirm replaces the claimant when it is one of its own provinces,
    not an affiliate further down (Islamic State claims, police name the ADF:
    the claimant stays Islamic State).
    """
    claimed: list[str] = []
    accused: dict[str, list[str]] = {}
    confirmed: dict[str, list[str]] = {}
    written: dict[str, str] = {}
    for s in statements:
        target = _canonical(s.target_name, kb) if s.target_name else None
        if target is None:
            continue
        if s.target is not None and s.stance in ("claim", "accuse", "confirm") and not _is_state(target, kb):
            written.setdefault(target, written_name(s.target.span.text))
        if s.stance == "claim" and target not in claimed and not _cannot_claim(target, kb):
            claimed.append(target)
        elif s.stance in ("accuse", "confirm"):
            table = accused if s.stance == "accuse" else confirmed
            speakers = table.setdefault(target, [])
            if s.speaker_name not in speakers:
                speakers.append(s.speaker_name)
    named = claimed + [c for c in confirmed if c not in claimed]

    def specificity(name: str) -> int:
        actor = kb.lookup(name)
        if actor is None:
            return 0
        parent = kb.parent(actor.id)
        others = [o for n in named if n != name and (o := kb.lookup(n)) is not None]
        return sum(
            1
            for o in others
            if kb.is_branch_of(actor.id, o.id) and (name in claimed or (parent is not None and parent.id == o.id))
        )

    branches = [n for n in named if specificity(n) > 0]
    ordered = branches + [c for c in claimed if c not in branches] if claimed else []
    stated = [
        *(Responsibility(name=n, written=written.get(n), confidence="claimed") for n in ordered),
        *(Responsibility(name=n, written=written.get(n), confidence="reported") for n in confirmed),
        *(Responsibility(name=n, written=written.get(n), confidence="accused") for n in accused),
    ]
    return Perpetrators(claimed_by=ordered, accused=accused, confirmed=confirmed, responsible=merge(stated))


def _canonical(name: str, kb: KnowledgeBase) -> str:
    """The knowledge base's name for ``name``, or for the one militant group named inside it, else ``name``."""
    actor = kb.lookup(name)
    if actor is None:
        groups = {a.name for _, _, a in kb.find_all(name) if a.kind == "militant_group"}
        return groups.pop() if len(groups) == 1 else name
    return actor.name


def _is_state(name: str, kb: KnowledgeBase) -> bool:
    actor = kb.lookup(name)
    return actor is not None and actor.kind == "state"


def _cannot_claim(name: str, kb: KnowledgeBase) -> bool:
    """States and news outlets do not claim attacks: a "claim" with a state as target is a misread accusation, one
    with an outlet a misread dateline or source ("DAKAR (Reuters) - JNIM has claimed ..."). A militant group's own
    outlet (Amaq) may."""
    actor = kb.lookup(name)
    if actor is None:
        return False
    owner = kb.actor(actor.affiliation) if actor.affiliation else None
    return actor.kind == "state" or (actor.kind == "media" and (owner is None or owner.kind != "militant_group"))


def _groups(doc: Doc, end_char: int, perpetrators: Perpetrators, kb: KnowledgeBase) -> list[str]:
    """Militant groups named in the content, and any group claimed, confirmed or accused."""
    names: list[str] = []
    for mention in doc._.actor_mentions or []:
        actor = kb.actor(mention.actor_id) if mention.actor_id else None
        if actor is not None and actor.kind == "militant_group" and mention.span.start < end_char:
            names.append(actor.name)
    for name in [*perpetrators.claimed_by, *perpetrators.confirmed, *perpetrators.accused]:
        actor = kb.lookup(name)
        if actor is not None and actor.kind == "militant_group":
            names.append(actor.name)
    return list(dict.fromkeys(names))


def _is_group(text: str, kb: KnowledgeBase) -> bool:
    """Whether ``text`` names a militant group of the knowledge base, or an outlet of one (Amaq for IS)."""
    for _, _, actor in kb.find_all(text):
        owner = kb.actor(actor.affiliation) if actor.affiliation else None
        if actor.kind == "militant_group" or (owner is not None and owner.kind == "militant_group"):
            return True
    return False


def _partisan(source: str, kb: KnowledgeBase) -> bool:
    """Whether a figure's source is a militant group, its outlet or one of its men ("Shekau said 78 were killed"):
    the name the source phrase ends with, so "officials in Borno" or "SITE, which tracks X" are not."""
    text = source.strip()
    found = [(hi, actor) for _, hi, actor in kb.find_all(text) if hi == len(text)]
    actor = kb.lookup(text) or (found[-1][1] if found else None)
    if actor is None:
        return False
    owner = kb.actor(actor.affiliation) if actor.affiliation else None
    return actor.kind == "militant_group" or (owner is not None and owner.kind == "militant_group")


def _specific(item: AttackSentence) -> bool:
    """Whether a sentence names the kind of attack (a blast, gunmen), not just "attack"."""
    return any(t.attack_class != GENERIC for t in item.triggers)


def _has_anchor(doc: Doc, sentences: Sequence[AttackSentence], figures: Sequence[Figure]) -> bool:
    """Whether the attack words are tied to a concrete event: a toll, a place or a day.

    Generic attack words alone ("attack") need a toll (a current one, not a
    running total), a place or a day they govern, or a named victim and a day;
    specific ones (a blast, gunmen) may be anchored by a place, a date, a
    named victim or attackers doing them in the past in their sentence instead. In talk (an
    interview, a speech, a commentary: see ``is_talk``) only a day given for a
    specific attack anchors it; a piece on an attack's anniversary, a trial's
    verdict (``is_court_story``) or a state's designation of a group
    (``is_designation_story``) reports no new one.
    """
    if is_talk(doc):
        return any(names_a_day(item.sent) for item in sentences if _specific(item))
    end = doc._.content_end or len(doc_text(doc))
    if is_anniversary(doc) or is_court_story(doc, end) or is_designation_story(doc, end):
        return False
    starts = {item.sent.start for item in sentences}
    if any(f.report.kind in TOLL_KINDS and f.sentence_start in starts and not f.not_current for f in figures):
        return True
    specific = [item for item in sentences if _specific(item)]
    if any(
        find_dates(item.sent)
        or any(ent.label_ in ("GPE", "LOC", "FAC") for ent in item.sent.ents)
        or _named_site(item)
        or _named_victim(item, acts_only=True)
        or _done_by_attacker(item)
        for item in specific
    ):
        return True
    return any(_placed(item) or _dated(item) or (_named_victim(item) and names_a_day(item.sent)) for item in sentences)


def _dated(item: AttackSentence) -> bool:
    """Whether a day hangs on the attack word's own clause ("an attack early this morning", "the attack took place
    yesterday"): even a generic word so dated names one attack. A dateline's or a response's day does not count."""
    doc = item.sent.doc
    dateline = _span_range(doc._.dateline)
    return any(
        kind in ("explicit", "inferred_year", "relative")
        and start not in dateline
        and not _dates_response(doc, start)
        and any(_governs(doc, t, start) for t in item.triggers)
        for start, _, _, kind in find_dates(item.sent)
    )


#: How far up the parse an attack noun looks for the verb it hangs on ("placed a charge of dynamite").
_VERB_HOPS = 4


def _done_by_attacker(item: AttackSentence) -> bool:
    """Whether a specific attack word is the past act of attackers ("the terrorists placed a charge of dynamite
    under a bus"): attackers doing it in the past tense report one attack, not talk of attacks in general."""
    doc = item.sent.doc
    for trigger in item.triggers:
        word = doc[trigger.start]
        # the verb the attack word is or hangs on ("placed a charge of dynamite")
        verb = next((a for a in [word, *word.ancestors][:_VERB_HOPS] if a.pos_ == "VERB"), None)
        if verb is None:
            continue
        helped = any(c.lower_ in ("was", "were", "had") for c in verb.children)
        past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and helped)
        if past and any(is_attacker(d) for d in doers(verb)):
            return True
    return False


def _named_victim(item: AttackSentence, acts_only: bool = False) -> bool:
    """Whether an attack word's victim is a person named ("the ELN kidnapped X", "this morning's attack on X"): a
    named victim ties the words to one event, as a place or a toll does. ``acts_only`` asks for a verb: a noun
    ("the murder of X") is how later pieces refer back to a known killing, and needs a day as a generic word
    does."""
    doc = item.sent.doc
    for trigger in item.triggers:
        word = doc[trigger.start]
        if acts_only and word.pos_ != "VERB":
            continue
        struck = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
        struck += [
            g
            for c in word.children
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "of")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if any(t.ent_type_ == "PERSON" for t in struck):
            return True
    return False


def _named_site(item: AttackSentence) -> bool:
    """Whether an attack sentence says where by a name after "in"/"at"/"on" ("during the attack on San X",
    "attacked them at X community"), which the model may leave untagged when the town is small."""
    return any(
        t.pos_ == "PROPN"
        and t.is_title
        and (t.dep_ == "pobj" or (t.dep_ == "compound" and t.head.dep_ == "pobj"))
        and (t if t.dep_ == "pobj" else t.head).head.lower_ in ("in", "at", "on", "near")
        for t in item.sent
    )


def _placed(item: AttackSentence) -> bool:
    """Whether a place name hangs on the attack word itself ("the Pahalgam attack", "the attack on a concert
    hall in Krasnogorsk"): even a generic word so placed names one attack."""
    anchors = {i for t in item.triggers for i in range(t.start, t.end)}
    if any(ent.label_ in ("GPE", "LOC", "FAC") and governed(ent, anchors) for ent in item.sent.ents):
        return True
    # a town the model left untagged or took for a person: a name the gazetteer knows
    return any(
        t.pos_ == "PROPN" and t.is_title and governed(item.sent.doc[t.i : t.i + 1], anchors) and is_place_name(t.text)
        for t in item.sent
    )


def _anchors(sentences: Sequence[AttackSentence]) -> list[int]:
    """Token indices of the words that say the attack happened: its triggers and its killing or wounding verbs.

    A place in their phrase ("killed in Khar", "the attack on Fambita") is where it happened.
    """
    kinds = load_lexicon("casualties")["kinds"]
    toll_words = {w for kind in TOLL_KINDS for w in kinds[kind]}
    anchors = [i for item in sentences for t in item.triggers for i in range(t.start, t.end)]
    anchors += [t.i for item in sentences for t in item.sent if t.pos_ == "VERB" and t.lemma_.lower() in toll_words]
    # the attack word a trigger qualifies ("suicide bomb attacks in X"), though read apart as talk of attacks
    for item in sentences:
        for t in item.triggers:
            head = item.sent.doc[t.end - 1].head
            if item.sent.doc[t.end - 1].dep_ == "compound" and find_triggers(head.doc[head.i : head.i + 1]):
                anchors.append(head.i)
    return anchors


def _placing(content: Sequence[Span], taken: set[int]) -> list[tuple[Span, int]]:
    """Sentences that say where "the incident" happened ("The incident took place in the Khar area"), with the
    index of that noun: read for the place after the attack sentences, the noun standing for the attack."""
    nouns = set(load_lexicon("attack_types")["place_anaphors"])
    found = []
    for sent in content:
        if sent.start in taken:
            continue
        for verb in sent:
            placed = verb.lemma_ in ("occur", "happen") or (
                verb.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
            )
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if placed else None
            if subject is not None and subject.lemma_.lower() in nouns:
                found.append((sent, subject.i))
                break
    return found


def _mention(doc: Doc, item: AttackSentence, figures: Sequence[Figure], kb: KnowledgeBase) -> Event:
    """A brief record of another attack the article refers to, from its sentence and figures."""
    attack = classify(doc, item.triggers, {item.sent.start: 0})
    day, date_evidence = _attack_date(doc, [item])
    killed = _reconcile(figures, "killed")
    return Event(
        date=day,
        date_evidence=date_evidence,
        place=attack_place(doc, [item.sent], [], kb).model_copy(update={"evidence": None}),
        attack_type=attack.attack_class,
        attack_type_text=attack.label,
        suicide=attack.suicide,
        casualties=[f.report for f in figures],
        killed=killed.number if killed else None,
        killed_source=killed.source if killed else None,
        evidence=span_evidence(doc, item.sent.start_char, item.sent.end_char, item.sent, "attack.mention", 0.5),
    )


class AttackRecorder:
    """Sets ``doc._.event`` (the main attack or None) and ``doc._.event_mentions`` (others referred to)."""

    def __init__(self, nlp: Language, name: str, extra_kb: list[str]) -> None:
        register_extensions()
        self.name = name
        self.extra_kb = list(extra_kb)

    def __call__(self, doc: Doc) -> Doc:
        kb = get_kb(self.extra_kb)
        end_char = doc._.content_end if doc._.content_end is not None else len(doc_text(doc))
        main, other = _attack_sentences(doc, end_char, kb)
        figures = find_casualties(doc, end_char, is_group=lambda text: _is_group(text, kb))
        main_starts = {item.sent.start for item in main}
        mentioned = [(item, _figures_of(doc, item, figures, item.sent.start not in main_starts)) for item in other]
        doc._.event_mentions = [_mention(doc, item, own, kb) for item, own in mentioned]
        taken = {id(f) for _, own in mentioned for f in own}
        if not main or not _has_anchor(doc, main, figures):
            doc._.event = None
            return doc
        own_figures = [f for f in figures if id(f) not in taken]
        day, date_evidence = _attack_date(doc, main)
        # sentences about an earlier month or day ("In June, they were also behind ...") tell the background
        main = [item for item in main if not _before_attack(doc, item.sent, day)] or main
        rank = {item.sent.start: n for n, item in enumerate(main)}
        triggers = [t for item in main for t in item.triggers]
        attack = classify(doc, triggers, rank)
        partisan = lambda source: _partisan(source, kb)  # noqa: E731
        killed = _reconcile(own_figures, "killed", day, partisan)
        injured = _reconcile(own_figures, "injured", day, partisan)
        if attack.attack_class == HOSTAGE_TAKING and _dead_outnumber_hostages(own_figures, killed, day, partisan):
            others = [t for t in triggers if t.attack_class != HOSTAGE_TAKING]
            if others:  # with none, classifying all of them again would give the same hostage taking
                attack = classify(doc, others, rank)
            if attack.attack_class == HOSTAGE_TAKING:
                attack = AttackType(ARMED_ASSAULT, ARMED_ASSAULT, attack.suicide, attack.weapon)
        perpetrators = _perpetrators(doc._.statements or [], kb)
        content = [sent for sent in doc.sents if sent.start_char < end_char]
        anchors = _anchors(main)
        told = narrated(doc, content, set(anchors), kb)
        perpetrators.responsible = merge(perpetrators.responsible, told)
        first = main[0].sent
        placing = _placing(content, {item.sent.start for item in main})
        doc._.event = Event(
            date=day,
            date_evidence=date_evidence,
            place=attack_place(
                doc,
                [*(i.sent for i in main), *(sent for sent, _ in placing)],
                [i.sent for i in main if _specific(i)],
                kb,
                [*anchors, *(i for _, i in placing)],
                [t.start for item in other for t in item.triggers],
            ),
            attack_type=attack.attack_class,
            attack_type_text=attack.label,
            suicide=attack.suicide,
            weapon=attack.weapon,
            casualties=[f.report for f in own_figures],
            killed=killed.number if killed else None,
            killed_source=killed.source if killed else None,
            injured=injured.number if injured else None,
            injured_source=injured.source if injured else None,
            perpetrators=perpetrators,
            groups_involved=_groups(doc, end_char, perpetrators, kb),
            evidence=span_evidence(doc, first.start_char, first.end_char, first, "attack.trigger", 0.8),
        )
        return doc


@Language.factory("cc_attack", default_config={"extra_kb": []})
def make_attack(nlp: Language, name: str, extra_kb: list[str]) -> AttackRecorder:
    return AttackRecorder(nlp, name, extra_kb)


def attack_day(doc: Doc, kb: KnowledgeBase) -> dt.date | None:
    """The day of the main attack as ``cc_attack`` dates it, for a component that runs before it (statement dates)."""
    end_char = doc._.content_end if doc._.content_end is not None else len(doc_text(doc))
    return _attack_date(doc, _attack_sentences(doc, end_char, kb)[0])[0]
