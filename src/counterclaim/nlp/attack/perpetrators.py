"""Who the text holds responsible for an attack, beyond claims: the doers the narration names.

News often says who did it without anyone claiming it: "rebels of the X
front kidnapped ...", "X guerrillas killed ...", "an X attack", "was
kidnapped, apparently by X guerrillas", "police blamed X". An organisation
is held responsible when its noun phrase is the doer of an attack word of
the attack's own sentences: the subject of the attack verb (or of a verb
whose object is the attack: "carried out an attack"), the agent after "by",
or a modifier of the attack noun; or the object of a verb of blame. The
organisation is a militant group of the knowledge base, an organisation the
model tags whose name ends in a group noun ("the X Liberation Armed Forces"),
or a state's forces said whose or which ("the Salvadoran army", "the national
guard"; a bare "army" or "soldiers" names no one in particular; "the mafias", a definite plural, names ones
the reader knows). Hedges ("apparently", "suspected", "presumed") make it a suspicion, blame an accusation.
No one is the doer of an attack they acted against ("repelled by X"), of one to come ("X will bomb"), of the
verb a victim is the subject of ("the leader of X died"), or of "responsible for" something other than harm.
Vocabulary: ``lexicons/perpetrators.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from spacy.tokens import Doc, Span, Token

from counterclaim.kb import KnowledgeBase
from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.attack.types import names_attack
from counterclaim.nlp.tokenwords import lemmas, lowers
from counterclaim.records import Evidence, Responsibility

#: Links by which a name sits inside the noun phrase of its head ("FMLN commandos", "the ELN's column").
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "appos", "npadvmod")
#: How many "of" steps a name may sit below the phrase head ("members of a cell of the X").
_MAX_OF_STEPS = 2
#: Surest first; a name found several ways keeps the surest.
ORDER = ("claimed", "reported", "accused", "suspected")
#: Entity labels of the words that say whose a state force is: a nationality, a state or place, an organisation.
_OWNER_ENTS = ("NORP", "GPE", "LOC", "ORG")
#: Links that open a clause of its own below a verb.
_CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj")
#: How many words after "responsible for" say what for.
_FOR_WINDOW = 8


def _by_first_word(phrases: Sequence[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as word tuples keyed by their first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@cache
def _lexicon() -> dict:
    lex = load_lexicon("perpetrators")
    return {
        "group_nouns": frozenset(lex["group_nouns"]),
        "state_forces": _by_first_word(lex["state_forces"]),
        "blame_verbs": frozenset(lex["blame_verbs"]),
        "hedges": frozenset(lex["hedges"]),
        "nameless": frozenset(lex["nameless_groups"]),
        "responsible": frozenset(lex["responsible_words"]),
        "work_nouns": frozenset(lex["work_nouns"]),
        "modals": frozenset(lex["unrealised_modals"]),
        "countering": frozenset(lex["countering_verbs"]),
        "suffering": frozenset(lex["suffering_verbs"]),
        "harm": frozenset(lex["harm_nouns"]),
        "victim_nouns": frozenset(lex["victim_nouns"]),
        "known_forces": frozenset(lex["known_forces"]),
        "pointing": frozenset(lex["pointing_determiners"]),
        "anaphoric": frozenset(lex["anaphoric_modifiers"]),
    }


def _phrase_head(span: Span) -> Token:
    """The head noun of the phrase a name sits in: "commandos" of "FMLN urban commandos", "members of the X".

    The climb stops below an act done to people ("the murder of the commander of the X police"): what follows
    its "of" is the victim, not a doer.
    """
    token = span[-1]  # a name's last word heads it, also where the parse misreads a word inside it
    steps = 0
    victim_nouns = _lexicon()["victim_nouns"]
    while True:
        if token.dep_ in _MODIFIER_DEPS and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ in ("NOUN", "PROPN")
            and token.head.head.lemma_.lower() not in victim_nouns
            and steps < _MAX_OF_STEPS
        ):
            token, steps = token.head.head, steps + 1
        else:
            return token


def _role(head: Token, anchors: set[int], direct: bool) -> str | None:
    """ "doer" when the phrase did the attack, "blamed" when a verb of blame points at it, else None.

    ``direct`` asks for the attack word itself as the verb: a state's forces
    that "placed the bomb" may have been moving it.
    """
    while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "police blamed the X and the Y": the Y takes the X's place
    if head.i in anchors:
        return "doer"  # "an X attack", "the X's bombing"
    if any(c.dep_ == "relcl" and c.i in anchors and any(map(_relative_subject, c.children)) for c in head.children):
        return "doer"  # "the X, which bombed the offices"
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "pobj") and _unrealised(verb if head.dep_ != "pobj" else verb.head):
        return None  # "the air force will bomb", "could be kidnapped by X": an act to come, not one done
    suffered = _lexicon()["suffering"]
    if head.dep_ == "nsubj" and verb.lemma_.lower() in suffered:
        return None  # "the party's leader died in the attack": the subject is a victim
    if head.dep_ == "nsubj" and (verb.i in anchors or (not direct and _attack_verb(verb, anchors))):
        return "doer"
    if head.dep_ == "pobj" and verb.lower_ == "by":
        done = verb.head  # "were kidnapped by X", "an attack by X", "a bomb placed by X"
        if done.i in anchors or (done.dep_ == "acl" and done.head.i in anchors):
            return "doer"
        if verb.dep_ == "agent" and not _countering(done) and any(t.i in anchors for t in _own_clause(done)):
            return "doer"  # "was blown up with dynamite by X", not "the attacks were contained by X"
        if _agent_of_preceding(verb, anchors):
            return "doer"  # "who was kidnapped in X today, presumably by Y", the parse hanging "by" elsewhere
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if (
        following is not None
        and following.i in anchors
        and following.pos_ == "VERB"
        and following.tag_ != "VBN"
        and following.lemma_.lower() not in suffered
    ):
        return "doer"  # the noun right before an attack verb the parse left without a subject
    if _work_of_attack(head, anchors) or (
        head.dep_ == "pobj" and verb.lower_ == "of" and _work_of_attack(verb.head, anchors)
    ):
        return "doer"  # "the attack was the work of X" (the phrase of X may climb to "work" itself)
    lex = _lexicon()
    blame = lex["blame_verbs"]
    if head.dep_ in ("nsubj", "nsubjpass") and any(
        c.lower_ in lex["responsible"] and _for_an_attack(c, anchors)
        for c in verb.children
        if c.dep_ in ("acomp", "oprd", "prep", "advmod")
    ):
        return "blamed" if head.dep_ == "nsubjpass" else "doer"  # "X were held responsible", "X was behind it"
    if head.dep_ == "dobj" and verb.lemma_.lower() in blame and verb.lemma_.lower() != "hold":
        return "blamed"  # "police blamed X" ("held X" blames only with "responsible", above)
    if head.dep_ == "pobj" and verb.lower_ in ("to", "on") and verb.head.lemma_.lower() in blame:
        return "blamed"  # "attributed to X", "blamed the attack on X"
    return None


def _own_clause(verb: Token) -> Iterator[Token]:
    """A verb and the words of its own clause, not those of a clause it governs: "an inquiry requested by X to
    clarify the murder" holds "requested by X" apart from "the murder"."""
    yield verb
    for child in verb.children:
        if child.dep_ not in _CLAUSE_DEPS:
            yield from _own_clause(child)


def _unrealised(verb: Token) -> bool:
    """Whether a verb speaks of an act to come or one that might be: "will bomb", "could be kidnapped"."""
    modals = _lexicon()["modals"]
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in verb.children)


def _for_an_attack(word: Token, anchors: set[int]) -> bool:
    """Whether what a word of responsibility is said for is an attack: "responsible for the bombing" or "for it",
    not "responsible for most of the cocaine". A word said for nothing ("was behind it") counts. The words after
    "for" up to a comma are read, as the parse often hangs them elsewhere."""
    doc = word.doc
    if word.i + 1 >= word.sent.end or doc[word.i + 1].lower_ != "for":
        return True
    words = []
    for token in doc[word.i + 2 : min(word.i + 2 + _FOR_WINDOW, word.sent.end)]:
        if token.is_punct:
            break
        words.append(token)
    if not words or words[0].pos_ == "PRON":
        return True
    harm = _lexicon()["harm"]
    return any(t.i in anchors or t.lemma_.lower() in harm for t in words) or names_attack(
        doc[words[0].i : words[-1].i + 1]
    )


def _countering(verb: Token) -> bool:
    """Whether a verb acts against an attack rather than doing it: "repelled the attack", "were contained by X"."""
    return verb.lemma_.lower() in _lexicon()["countering"]


def _agent_of_preceding(by: Token, anchors: set[int]) -> bool:
    """Whether a "by" phrase the parse hung on another word follows an attack word with no verb between: a
    passive attack verb ("was kidnapped in X today, presumably by Y") or an attack noun ("the attack on the
    headquarters by Y"). A verb in between ("the attack on a bus employed by Y") takes the "by" itself; across a
    comma only a hedged "by" still belongs to the attack ("killed in the attack, a report by Y says" does not)."""
    doc = by.doc
    hedged = by.i > 0 and doc[by.i - 1].lower_ in _lexicon()["hedges"]
    # "the murder of X, director of Y, by Z": a "by" right after a comma closes a victim's apposition, and
    # belongs to an act done to people before it
    closing = by.i > 0 and doc[by.i - 1].text == ","
    crossed = False
    for token in reversed(doc[by.sent.start : by.i]):
        if token.i in anchors and (token.pos_ == "NOUN" or token.tag_ == "VBN"):
            return hedged or not crossed or token.lemma_.lower() in _lexicon()["victim_nouns"]
        if token.pos_ in ("VERB", "AUX") or (token.text == "," and not (hedged or closing)):
            return False
        crossed = crossed or token.text == ","
    return False


def _work_of_attack(noun: Token, anchors: set[int]) -> bool:
    """Whether a noun of authorship ("work", "handiwork") is said of the attack: "the attack was the work of X"."""
    if noun.lemma_.lower() not in _lexicon()["work_nouns"] or noun.dep_ != "attr":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i in anchors for c in noun.head.children)


def _relative_subject(token: Token) -> bool:
    """Whether a subject is a relative pronoun ("which", "who"), standing for the noun its clause qualifies."""
    return token.dep_ == "nsubj" and token.tag_ in ("WDT", "WP")


def _attack_verb(verb: Token, anchors: set[int]) -> bool:
    """A verb that says the attack happened: an attack word itself, or one whose object or complement is one, or
    an object an attack word qualifies ("stepped up its sabotage actions", "carried out bombing operations")."""
    if verb.i in anchors:
        return True
    if _countering(verb):
        return False
    done = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "conj", "attr")]
    if any(c.i in anchors for c in done) or any(
        m.i in anchors for c in done if c.dep_ == "dobj" for m in c.children if m.dep_ in ("amod", "compound")
    ):
        return True
    if any(_part_of_attacks(c, anchors) for c in done if c.dep_ == "dobj"):
        return True  # "perpetrated one of its worst attacks", "carried out a series of bombings"
    # "planned and carried out the assassination": a verb joined to one whose object is the attack
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and _attack_verb(c, anchors) for c in verb.children)


def _part_of_attacks(noun: Token, anchors: set[int]) -> bool:
    """Whether an object is a part or a run of attacks: "one of its attacks", "a series of bombings", "a wave of
    kidnappings" (the attack word after "of" the object stands for)."""
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.i in anchors for o in p.children)
        for p in noun.children
    )


def _hedged(span: Span, head: Token) -> bool:
    """Whether a hedge qualifies the naming: in the phrase, before it, or on its verb."""
    hedges = _lexicon()["hedges"]
    doc = span.doc
    near = [
        *doc[max(span.start - 3, span.sent.start) : span.end],
        *head.children,
        head.head,
        *head.head.children,
    ]
    return any(t.lower_ in hedges or t.lemma_.lower() in hedges for t in near)


def group_mentions(doc: Doc, kb: KnowledgeBase) -> list[tuple[Span, str]]:
    """The militant groups the text names, as (span, canonical name), in text order."""
    found = []
    for mention in doc._.actor_mentions or []:
        actor = kb.actor(mention.actor_id) if mention.actor_id else None
        if actor is None or actor.kind != "militant_group":
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is not None:
            found.append((span, actor.name))
    return found


def _organisations(doc: Doc, sent: Span, groups: Sequence[tuple[Span, str]]) -> Iterator[tuple[Span, str, bool]]:
    """Organisations a sentence names, as (span, name, is a state force): groups, group-named organisations, forces.

    ``groups`` are the text's militant-group mentions. An organisation the
    model tags counts when its name ends in a group noun and holds a name word
    besides ("the X Liberation Front", not "a subversive group").
    """
    lex = _lexicon()
    taken: list[range] = []
    for span, name in groups:
        if sent.start <= span.start < sent.end:
            taken.append(range(span.start, span.end))
            yield span, name, False
    for ent in sent.ents:
        if (
            ent.label_ != "ORG"
            or ent[-1].lower_ not in lex["group_nouns"]
            or any(r.start < ent.end and ent.start < r.stop for r in taken)
        ):
            continue
        if any(t.pos_ == "PROPN" and t.is_title and not t.is_sent_start for t in ent[:-1]):
            taken.append(range(ent.start, ent.end))
            yield ent, written_name(ent.text), False
    lower, lemma = lowers(doc), lemmas(doc)
    for i in range(sent.start, sent.end):
        if any(i in r for r in taken):
            continue
        if lemma[i] in lex["nameless"] and doc[i].pos_ in ("NOUN", "PROPN"):  # re-cased copy: "the drug Mafia"
            phrase = _nameless_phrase(doc[i])
            if phrase is not None:
                taken.append(range(phrase.start, phrase.end))
                yield phrase, written_name(phrase.text), True
                continue
        for words in lex["state_forces"].get(lower[i], ()):
            end = i + len(words)
            if end <= sent.end and all(lower[i + k] == w for k, w in enumerate(words)):
                span = doc[i:end]
                yield span, _force_name(span), True
                break


def _nameless_phrase(noun: Token) -> Span | None:
    """A nameless group with the words that say which ("drug trafficking gangs", "rightist death squads").

    Only a plural or a modified noun: "a gang" alone says nothing of who.
    """
    doc = noun.doc
    first = noun.i
    while first > noun.sent.start and doc[first - 1].dep_ in ("amod", "compound") and doc[first - 1].pos_ != "NUM":
        first -= 1
    if first == noun.i and noun.tag_ not in ("NNS", "NNPS"):
        return None
    if any(t.lower_ in _lexicon()["anaphoric"] for t in doc[first : noun.i]):
        return None  # "the same organization", "another gang": one told before or besides, not a name
    return doc[first : noun.i + 1]


def _known_groups(span: Span) -> bool:
    """Whether a bare nameless group or force is said as one the reader knows: "the mafias", "the cartels" (a
    definite plural of a nameless group), "the army", "the military" (a definite singular force: the state's own),
    unlike "gangs", "soldiers" or "the troops", which say what kind of men, not whose."""
    word = span[-1]
    lex = _lexicon()
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in word.children)
    if len(span) != 1 or not definite:
        return False
    if word.lemma_.lower() in lex["nameless"]:
        return word.tag_ == "NNS"
    return word.lower_ in lex["known_forces"]


def _force_name(span: Span) -> str:
    """A state force as written with the words that say whose it is ("Salvadoran army", "the air force").

    Only words that name an owner count: a nationality, a place or a proper name. "Several military", "rightist
    military" or "13th brigade troops" say which men or how many, not whose, and stay a bare force.
    """
    first = i = span.start
    doc = span.doc
    while i > span.sent.start and doc[i - 1].dep_ in ("amod", "compound") and doc[i - 1].pos_ != "NUM":
        i -= 1
        if _owner_word(doc[i]):
            first = i  # "U.S. invading troops": whose, with the words between
    owner = _possessor(doc[first])
    if owner is not None:
        first = owner.left_edge.i  # "Vides Casanova's troops": the commander whose they are
    return doc[first : span.end].text


def _possessor(word: Token) -> Token | None:
    """The named possessor right before a force ("General Vides Casanova's troops"), not a pronoun ("its army")."""
    doc = word.doc
    before = doc[word.i - 1] if word.i > word.sent.start else None
    if before is None or before.tag_ != "POS":
        return None
    owner = before.head
    return owner if owner.dep_ == "poss" and owner.pos_ == "PROPN" and owner.i < word.i else None


def _owner_word(token: Token) -> bool:
    """Whether a modifier of a force says whose it is: a nationality or place ("Salvadoran", "Honduran") or a name."""
    return token.ent_type_ in _OWNER_ENTS or token.pos_ == "PROPN"


def written_name(text: str) -> str:
    """A name as the text writes it, without quotation marks, a leading "the" or a bracket left open ("Army of
    National Liberation (ELN" where a span ends inside the brackets)."""
    text = text.strip("\"'“”‘’ ")
    for opening, closing in ("()", "[]"):
        cut = text.rfind(opening)
        if cut > 0 and closing not in text[cut:]:
            text = text[:cut].rstrip()
    return text[4:] if text.lower().startswith("the ") else text


def narrated(doc: Doc, sentences: Sequence[Span], anchors: set[int], kb: KnowledgeBase) -> list[Responsibility]:
    """Organisations the given sentences hold responsible, each once with its surest reading, in text order.

    ``sentences`` are the attack's own sentences and any other of the
    article's: outside the attack sentences only blame and responsibility
    ("for which X are held responsible") can name anyone, as no attack word
    is there to have a doer.
    """
    found: dict[str, Responsibility] = {}
    groups = group_mentions(doc, kb)
    lex = _lexicon()
    anchors = anchors | _pointed_back(sentences)
    cues = lex["blame_verbs"] | lex["responsible"]
    lemma = lemmas(doc)
    for sent in sentences:
        has_anchor = any(i in anchors for i in range(sent.start, sent.end))
        if not has_anchor and not any(lemma[i] in cues for i in range(sent.start, sent.end)):
            continue  # neither an attack word nor blame: no one can be held responsible here
        for span, name, force in _organisations(doc, sent, groups):
            if force and len(name.split()) == 1 and not _known_groups(span):
                continue  # "the army", "soldiers", "gangs": no one in particular, whose the text does not say
            head = _phrase_head(span)
            role = _role(head, anchors, force)
            if role is None:
                continue
            confidence = "suspected" if _hedged(span, head) else ("accused" if role == "blamed" else "reported")
            evidence = Evidence(
                document_id=doc._.document_id or "",
                start=span.start_char,
                end=span.end_char,
                sentence=sent.text,
                producer=f"attack.perpetrator.{confidence}",
                confidence=0.8 if confidence == "reported" else 0.6,
            )
            held = found.get(name)
            if held is None or ORDER.index(confidence) < ORDER.index(held.confidence):
                written = name if force else written_name(span.text)  # a force as written with whose it is
                found[name] = Responsibility(name=name, written=written, confidence=confidence, evidence=evidence)
    return list(found.values())


def _pointed_back(sentences: Sequence[Span]) -> set[int]:
    """Words of harm a determiner points back with, standing for the attack told: "this crime committed by X",
    "this cowardly action by X"."""
    lex = _lexicon()
    return {
        t.i
        for sent in sentences
        for t in sent
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in lex["harm"]
        and any(c.dep_ == "det" and c.lower_ in lex["pointing"] for c in t.children)
    }


def merge(*lists: Sequence[Responsibility]) -> list[Responsibility]:
    """One entry per name, the surest reading kept, surest first (claims, then facts, accusations, suspicions)."""
    best: dict[str, Responsibility] = {}
    for items in lists:
        for item in items:
            held = best.get(item.name)
            if held is None or ORDER.index(item.confidence) < ORDER.index(held.confidence):
                best[item.name] = item
    return sorted(best.values(), key=lambda r: ORDER.index(r.confidence))
