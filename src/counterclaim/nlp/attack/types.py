"""Attack triggers and the GTD attack class they point to.

Triggers are lemma phrases from ``lexicons/attack_types.yaml`` ("suicide
bombers", "gunmen opened fire", "abducted"). The class of an article's attack
is the one its triggers name most, earlier sentences weighing more (news put
the attack first); generic words ("attack") count only when nothing specific
is said, and an attack read from its doer ("rebels attacked the post") counts
as a word naming its kind does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.doccache import memo
from counterclaim.nlp.tokenwords import lemmas, lowers, word_flags

GENERIC = "attack"
ARMED_ASSAULT = "armed assault"


@dataclass(frozen=True)
class Trigger:
    """A word or phrase saying an attack happened."""

    start: int  # token index
    end: int  # token index, exclusive
    attack_class: str  # GTD class, or GENERIC
    label: str  # words for attack_type_text
    by_doer: bool = False  # read from an attacker doing a killing or generic verb, not from a word naming the kind


@dataclass(frozen=True)
class AttackType:
    """The attack class of an article with the words and details that support it."""

    attack_class: str | None
    label: str | None
    suicide: bool
    weapon: str | None


def _forms(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


@cache
def _phrases() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First word -> [(words, class, label)], longest phrases first."""
    lex = load_lexicon("attack_types")
    entries = [(term, cls, label) for cls, spec in lex["classes"].items() for term, label in spec["terms"].items()]
    entries += [(term, GENERIC, label) for term, label in lex["generic"].items()]
    table: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for term, cls, label in entries:
        words = tuple(term.lower().split())
        table[words[0]].append((words, cls, label))
    for options in table.values():
        options.sort(key=lambda o: len(o[0]), reverse=True)
    return dict(table)


def names_attack(tokens: Span) -> bool:
    """Whether ``tokens`` name an attack, counting a headline's capitalised plural that the tagger takes for a name
    and so leaves unlemmatised ("Easter Attacks: ...", "Bombings in ...")."""
    if find_triggers(tokens):
        return True
    single = _single_words()
    return any(t.is_title and t.lower_.removesuffix("s") in single for t in tokens)


@cache
def _single_words() -> frozenset[str]:
    """Triggers of one word."""
    return frozenset(words[0] for options in _phrases().values() for words, _, _ in options if len(words) == 1)


@cache
def _first_words() -> frozenset[str]:
    """Every word a trigger phrase starts with: no other token needs a closer look."""
    return frozenset(_phrases())


def _bounds(tokens: Doc | Span) -> tuple[Doc, int, int]:
    """The doc of ``tokens`` and their token range in it."""
    return (tokens.doc, tokens.start, tokens.end) if isinstance(tokens, Span) else (tokens, 0, len(tokens))


#: In a lexicon phrase, a gap of up to :data:`MAX_GAP` words ("set ... on fire": "set the bus on fire").
GAP = "..."
MAX_GAP = 4


def _match_at(lemma: list[str], lower: list[str], i: int, end: int, phrases: dict) -> tuple[int, str, str] | None:
    """The longest lexicon phrase starting at token ``i`` and ending by ``end``: (length, class, label).

    A word matches by lemma or by form, read from the doc's word lists.
    """
    for first in dict.fromkeys((lemma[i], lower[i])):  # lemma first, then the form when it differs
        for words, cls, label in phrases.get(first, []):
            length = _phrase_end(lemma, lower, i + 1, end, words[1:])
            if length is not None:
                return length - i, cls, label
    return None


def _phrase_end(lemma: list[str], lower: list[str], i: int, end: int, words: tuple[str, ...]) -> int | None:
    """Where ``words`` matched from token ``i`` end (exclusive), a gap word letting a few tokens pass; else None."""
    if not words:
        return i
    if words[0] == GAP:
        for k in range(i, min(i + MAX_GAP, end) + 1):
            found = _phrase_end(lemma, lower, k, end, words[1:])
            if found is not None:
                return found
        return None
    if i < end and (words[0] == lemma[i] or words[0] == lower[i]):
        return _phrase_end(lemma, lower, i + 1, end, words[1:])
    return None


def find_triggers(tokens: Doc | Span) -> list[Trigger]:
    """Every attack trigger in ``tokens``, longest match first, no overlaps."""
    phrases = _phrases()
    doc, i, end = _bounds(tokens)
    lemma, lower = lemmas(doc), lowers(doc)
    firsts = word_flags(doc, _first_words(), _first_words())
    found: list[Trigger] = []
    while i < end:
        hit = _match_at(lemma, lower, i, end, phrases) if firsts[i] else None
        if hit:
            length, cls, label = hit
            found.append(Trigger(i, i + length, cls, label))
            i += length
        else:
            i += 1
    return found


@cache
def _doer_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(killing verbs, attacker nouns, nouns that need a modifier, the modifiers) of ``lexicons/attack_types.yaml``."""
    lex = load_lexicon("attack_types")
    return (
        frozenset(lex["killing_verbs"]),
        frozenset(lex["doers"]),
        frozenset(lex["doer_heads"]),
        frozenset(lex["doer_modifiers"]),
    )


def is_attacker(noun: Token, is_group: Callable[[Token], bool] = lambda _: False) -> bool:
    """Whether a noun names attackers: "guerrillas", "armed men", "FMLN commandos", a militant group, "a group of
    guerrillas" (a head noun whose "of" names attackers)."""
    _, doers, heads, modifiers = _doer_words()
    lemma = noun.lemma_.lower()
    if lemma in doers or noun.lower_ in doers or is_group(noun):
        return True
    if lemma in _qualified_heads() and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in doers for c in noun.children
    ):
        return True  # "guerrilla fighters", "rebel forces": a body of people an attackers' word qualifies
    if lemma not in heads:
        return False
    if any(c.lower_ in modifiers or c.lemma_.lower() in modifiers for c in noun.children):
        return True
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    return any(is_attacker(g, is_group) for c in of for g in c.children if g.dep_ == "pobj")


def doer_triggers(tokens: Span, lexical: Sequence[Trigger], is_group: Callable[[Token], bool]) -> list[Trigger]:
    """Attacks read from who did them: a killing or destroying verb or a generic "attack" whose doer is an attacker.

    "Guerrillas killed five peasants", "the mayor was shot dead by unidentified
    men", "rebels of the X front attacked a post": the verb alone may report
    an accident or a clash; with an attacker as its subject (or its agent
    after "by") it reports an armed assault. A generic trigger so read becomes
    specific. ``lexical`` are the sentence's lexicon triggers (a sentence that
    names an armed assault or a kind ranked above it gets nothing more), ``is_group`` says
    whether a noun phrase names a militant group.
    """
    killing, _, _, _ = _doer_words()
    destroying = _destroying_verbs()
    if any(_outranks_assault(t.attack_class) for t in lexical):
        return []  # the sentence names the kind of attack ("a bomber killed"): its killing verbs add nothing
    generic = {t.start: t for t in lexical if t.attack_class == GENERIC}
    found = []
    for token in tokens:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        if lemma not in killing and lemma not in destroying and token.i not in generic:
            continue
        if any(is_attacker(d, is_group) for d in doers(token)):
            kind = "facility attack" if lemma in destroying and token.i not in generic else ARMED_ASSAULT
            label = "sabotage" if kind == "facility attack" else kind
            found.append(Trigger(token.i, token.i + 1, kind, label, by_doer=True))
    return found


@cache
def _qualified_heads() -> frozenset[str]:
    """Nouns for bodies of people that name attackers when an attackers' word qualifies them ("guerrilla fighters");
    "guerrilla attacks" names no one."""
    return frozenset(load_lexicon("attack_types")["doer_bodies"])


def _outranks_assault(attack_class: str) -> bool:
    """Whether a class named in a sentence already says what its killings were: an armed assault or one GTD ranks
    above it (a bombing, a kidnapping). Arson, sabotage or a robbery with attackers killing is an armed assault
    ("broke into the farm, killed a watchman and set fire to it")."""
    order = load_lexicon("attack_types")["hierarchy"]
    return attack_class != GENERIC and attack_class in order[: order.index(ARMED_ASSAULT) + 1]


@cache
def _destroying_verbs() -> frozenset[str]:
    """Verbs of damage that report an attack on a facility when an attacker does them ("rebels destroyed a
    pipeline"); alone they may tell of a storm or a demolition."""
    return frozenset(load_lexicon("attack_types")["destroying_verbs"])


def doers(verb: Token) -> list[Token]:
    """The doers of a verb: its active subject, the agent after "by" of a passive, and their conjuncts.

    A coordinated verb or a clause with no subject of its own ("mutinied after
    raiding the armory") takes the subject of the verb above it; a relative
    pronoun stands for the noun its clause qualifies ("inmates who are holding
    ..."); a verb the parse left without a subject takes the noun right before
    it (the small model misreads "X Path guerrillas killed" with "Shining" as a
    verb).
    """
    out = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    out += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    above = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head  # "after raiding"
    if not out and verb.dep_ in ("conj", "advcl", "pcomp") and above.pos_ == "VERB":
        out = [c for c in above.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        out = [verb.head if c.tag_ in ("WDT", "WP") else c for c in out]
    if not out and verb.i > verb.sent.start and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN"):
        out = [verb.doc[verb.i - 1]]
    return out + [c for d in out for c in d.children if c.dep_ == "conj"]


def is_irrealis(doc: Doc, trigger: Trigger) -> bool:
    """Whether a trigger speaks of an attack that is threatened, planned, foiled or wished for rather than done,
    or of no attack at all (a figure of speech: "a social explosion")."""
    lex = load_lexicon("attack_types")
    words = set(lex["irrealis"])
    word = doc[trigger.start]
    head = word.head
    near = [*doc[max(trigger.start - 3, word.sent.start) : trigger.start], head, *head.children]
    if head.dep_ == "xcomp":
        near.append(head.head)  # "wants to drop a bomb": the wish governs the verb the attack word completes
    if any(_forms(t) & words for t in near if t.i not in range(trigger.start, trigger.end)):
        return True
    thing = head if word.dep_ == "conj" else word  # "stop the repression and the bombings"
    if thing.dep_ == "dobj" and thing.head.lemma_.lower() in lex["stop_verbs"]:
        return True
    if thing.dep_ == "dobj" and _future(thing.head, lex) and not _talks_of(thing.head, lex):
        return True  # "will carry out terrorist actions"; not "will mention the assassinations that occurred"
    if word.pos_ == "VERB":
        return _unrealised_verb(word, lex)
    figures = set(lex["figurative_modifiers"])
    return word.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lower_ in figures for c in word.children)


def _unrealised_verb(word: Token, lex: dict) -> bool:
    """An attack verb that reports no act: wished ("should be murdered"), negated ("did not shoot"), a purpose
    ("were hired to storm", not "tried to storm" nor "are believed to have stormed"), denied ("denied that the
    air force is bombing") or words ("harshly attacked the president", "blasted Washington")."""
    children = list(word.children)
    if any(c.dep_ == "aux" and c.lower_ in lex["modal_irrealis"] for c in children):
        return True
    if any(c.dep_ == "neg" for c in children) or any(c.lower_ in lex["figurative_adverbs"] for c in children):
        return True
    if word.lemma_.lower() in lex["criticism_verbs"] and any(
        c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for c in children
    ):
        return True  # "the cleric blasted Washington": words
    head = word.head
    if _future(word, lex) or (word.dep_ == "xcomp" and _future(head, lex)):
        return True  # "will attack", "will attempt to attack"
    done = head.lemma_.lower() in lex["attempt_verbs"] or any(c.lower_ == "have" for c in children)
    if any(c.tag_ == "TO" for c in children) and not done:  # "are believed to have been abducted" was done
        return True
    return word.dep_ == "ccomp" and head.lemma_.lower() in lex["denial_verbs"]


@cache
def speech_lemmas() -> frozenset[str]:
    """Verbs of saying and judging (``lexicons/attribution.yaml``): what they govern is talked of, not done."""
    return frozenset(load_lexicon("attribution")["verbs"]["speech"])


def _talks_of(verb: Token, lex: dict) -> bool:
    """Whether a verb speaks of its object rather than doing it ("will mention the murders", "will denounce the
    attacks"): an attack so named in the future is still one that happened. A verb that carries an act on ("will
    continue the attacks") does not."""
    lemma = verb.lemma_.lower()
    return lemma in speech_lemmas() and lemma not in lex["attempt_verbs"]


def _future(verb: Token, lex: dict) -> bool:
    """Whether a verb is told in the future ("will attack", "shall carry out")."""
    return any(c.dep_ == "aux" and c.lower_ in lex["future_modals"] for c in verb.children)


_SUICIDE_KEY = "counterclaim.attack.suicide_in"


@cache
def _suicide_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The suicide words, the self-detonation verbs and the reflexives, read once: every trigger asks for them."""
    lex = load_lexicon("attack_types")
    return frozenset(lex["suicide"]), frozenset(lex["self_detonation_verbs"]), frozenset(lex["reflexives"])


def is_suicide(doc: Doc, trigger: Trigger) -> bool:
    """Whether a suicide word ("suicide bombers", "martyrdom operation") sits right by the trigger, or its sentence
    tells of a suicide attacker (:func:`_suicide_in`)."""
    words = _suicide_words()[0]
    window = doc[max(trigger.start - 3, 0) : min(trigger.end + 2, len(doc))]
    return any(_forms(t) & words for t in window) or _suicide_in(doc[trigger.start].sent)


def _suicide_in(sent: Span) -> bool:
    """Whether a sentence qualifies a noun with a suicide word ("suicide attackers") or has a bomber blow
    themselves up ("the attacker blew himself up"). Kept per sentence: every trigger of a sentence asks again."""
    return memo(sent.doc, (_SUICIDE_KEY, sent.start), lambda: _tells_suicide(sent))


def _tells_suicide(sent: Span) -> bool:
    """:func:`_suicide_in` without the memory."""
    words, verbs, reflexives = _suicide_words()
    return any(
        (_forms(t) & words and t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN")
        or (t.lower_ in reflexives and t.head.lemma_.lower() in verbs)
        for t in sent
    )


def find_weapon(tokens: Doc | Span) -> str | None:
    """The first weapon named in ``tokens`` (longest phrase wins at each position)."""
    return next(_weapons(tokens), None)


def _weapons(tokens: Doc | Span) -> Iterator[str]:
    """The weapons named in ``tokens``, in text order (longest phrase wins at each position)."""
    weapons = {tuple(k.split()): v for k, v in load_lexicon("attack_types")["weapons"].items()}
    longest_first = sorted(weapons, key=len, reverse=True)
    doc, start, end = _bounds(tokens)
    lemma, lower = lemmas(doc), lowers(doc)
    for i in range(start, end):
        for words in longest_first:
            if all(i + k < end and (w == lemma[i + k] or w == lower[i + k]) for k, w in enumerate(words)):
                yield weapons[words]
                break


def _projectiles_with_firearms(doc: Doc, triggers: Sequence[Trigger]) -> bool:
    """Whether the bombing words are all projectiles (grenades, mortars, rockets) used with firearms.

    The GTD codebook counts grenades and projectiles thrown or fired alongside
    firearms as an armed assault, not a bombing ("rebels attacked the post with
    rifle fire and grenades"); a grenade alone stays a bombing.
    """
    lex = load_lexicon("attack_types")
    bombs = [t for t in triggers if t.attack_class == "bombing"]
    if not bombs or any(t.label not in lex["projectile_labels"] for t in bombs):
        return False
    if any(t.label in lex["firearm_labels"] for t in triggers):
        return True
    sentences = {doc[t.start].sent.start: doc[t.start].sent for t in bombs}
    return any(w == lex["firearm_weapon"] for s in sentences.values() for w in _weapons(s))


def classify(doc: Doc, triggers: list[Trigger], sentence_rank: dict[int, int]) -> AttackType:
    """The attack class the triggers name most, a trigger in the ``n``-th attack sentence weighing ``1/(1+n)``.

    Classes named nearly as much as the best are ranked by GTD's precedence
    (a kidnapping with shooting is a kidnapping; a shooting with arson an
    armed assault), as the GTD codebook does for multi-type attacks.

    ``sentence_rank`` maps a trigger's sentence start token to its rank among
    the attack sentences. The label is the commonest wording of the winning
    class, "suicide bombing" when a suicide word qualifies one of its triggers.
    """
    if not triggers:
        return AttackType(None, None, False, None)
    # an attack read from its doer ("guerrillas attacked the post") weighs as a word naming the kind would: a lead
    # that says rebels attacked is an armed assault even when later sentences tell of explosions heard
    named = [t for t in triggers if t.attack_class != GENERIC]
    specific = named or triggers
    scores: dict[str, float] = defaultdict(float)
    labels: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for t in specific:
        weight = 1.0 / (1 + sentence_rank.get(doc[t.start].sent.start, 0))
        scores[t.attack_class] += weight
        labels[t.attack_class][t.label] += weight
    lex = load_lexicon("attack_types")
    top = max(scores.values())
    close = [c for c in scores if scores[c] >= lex["close_share"] * top]
    order = lex["hierarchy"]
    best = min(close, key=lambda c: (order.index(c) if c in order else len(order), -scores[c]))
    suicide = any(is_suicide(doc, t) for t in specific if t.attack_class == best)
    # a bombing's suicide attacker may be told in any attack sentence ("suicide attackers armed with guns and bombs")
    suicide = suicide or (best == "bombing" and any(_suicide_in(doc[t.start].sent) for t in triggers))
    label = max(labels[best], key=lambda k: labels[best][k])
    if suicide and best == "bombing":
        label = "suicide bombing"
    sentences = {doc[t.start].sent.start: doc[t.start].sent for t in specific if t.attack_class == best}
    weapon = next((w for s in sentences.values() if (w := find_weapon(s))), None)
    cls = ARMED_ASSAULT if best == GENERIC else best
    if best == "bombing" and not suicide and _projectiles_with_firearms(doc, triggers):
        cls = label = ARMED_ASSAULT  # the projectile's sentences still name the weapon
    return AttackType(cls, label, suicide, weapon)
