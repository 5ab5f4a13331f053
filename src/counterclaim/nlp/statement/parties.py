"""Parties: the actors a statement names, as noun phrases resolved through the knowledge base.

Speakers and targets are both noun phrases that may name a knowledge-base
actor ("the Zionist regime" -> Israel), a person with a role ("Interior
Minister X"), or a body the knowledge base does not know ("U.S. intelligence",
"anti-regime media outlets"). One resolver serves both so the same words always
yield the same canonical name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from counterclaim.kb import KnowledgeBase
from counterclaim.kb.roles import is_role_word, title_length
from counterclaim.nlp.doctext import doc_ents
from counterclaim.nlp.syntax import preposition_objects
from counterclaim.records import Actor, Mention, Span

if TYPE_CHECKING:
    from counterclaim.nlp.statement.rules.registry import Chains

#: Dependents that do not belong to a name: clauses, lists and punctuation around it.
_OUTSIDE_NAME = {"relcl", "acl", "advcl", "conj", "cc", "punct", "prep", "det", "poss", "case", "appos"}
PAREN = re.compile(r"\s*[\(\[]([^\)\]]*)[\)\]]")
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: What a phrase links to, kept across documents: the actor, whether only a weak name links it, and the ids of the
#: bodies of several states a shared name may be (picked per document by its states).
Link = tuple[Actor | None, bool, tuple[str, ...]]
#: "Islamic State's Sahel branch", "Daesh's Khorasan chapter": a group's regional branch named by its region.
_BRANCH = re.compile(
    r"^(?P<group>.+?)['’]s?\s+(?P<region>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\s+(?:branch|chapter|affiliate|province|wing|franchise)$",
    re.IGNORECASE,
)
#: "the Islamic State group's affiliate in Afghanistan": a group's branch named by where it operates.
_SITED_BRANCH = re.compile(
    r"^(?P<group>.+?)(?:['’]s?)?\s+(?:regional\s+)?(?:branch|chapter|affiliate|province|wing|franchise|offshoot)"
    r"\s+in\s+(?:the\s+)?(?P<region>[A-Z][\w'’ -]*)$",
    re.IGNORECASE,
)
#: How many first letters a region's word and a branch's name share to be one place ("Caucasian", "Caucasus").
_REGION_STEM = 5
#: "the US embassy in Nairobi": a body named with where it sits; the place is not the body.
_SITED_IN = re.compile(r"\s+in\s+[A-Z][\w'’ -]*$")
#: "the head of the X church in the UK": where an office is held, with "the" allowed, since the office (not a body
#: the place could be mistaken for) is what the test before it reads.
_SITED_IN_THE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w'’ -]*$")
#: Characters that join the pieces of one written name ("Jaish-e-Mohammed", "Qa'ani").
_JOINERS = "-‐'’"
#: "Armed Forces of the Philippines (AFP)": a capitalised name and the acronym the text defines for it.
_DEFINED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|the|for|and|in)\s+)*)+[A-Z][\w'’-]*)\s*\(([A-Z]{2,6})\)")
#: Words of a name its acronym may skip ("of the" in "Armed Forces of the Philippines").
_SKIPPED = {"of", "the", "for", "and", "in"}
#: Kinds that speak for themselves: their affiliation is the actor itself.
_SELF_AFFILIATED = ("state", "militant_group")


@dataclass
class Party:
    """An actor as one noun phrase names it."""

    start: int
    end: int
    text: str
    name: str
    actor: Actor | None = None
    role: str | None = None
    affiliation: Actor | None = None
    named_person: bool = False
    #: The registered rules that found the party, outermost first ("speaker.named", "name.known"): for the evidence.
    rules: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_person(self) -> bool:
        """Whether the phrase names a person (a linked person, a name with a role, or a person's name)."""
        return (self.actor is not None and self.actor.kind == "person") or self.role is not None or self.named_person

    def standing_for(self, group: Actor) -> Party:
        """The same words read as ``group``: a group's leader answers for it, and a description of a group names the
        one group the article means; the offsets stay the phrase's, so the evidence still points at what was written."""
        return Party(self.start, self.end, self.text, group.name, group, None, group, rules=self.rules)

    def tokens(self, doc: Doc) -> SpacySpan | None:
        """The tokens the phrase's characters fall in, widened to whole tokens: a party keeps offsets (they outlive
        the Doc, in records), while rules read its words and parse."""
        return doc.char_span(self.start, self.end, alignment_mode="expand")

    def mention(self, producer: str, confidence: float) -> Mention:
        """The phrase as a :class:`~counterclaim.records.Mention`."""
        return Mention(
            span=Span(start=self.start, end=self.end, text=self.text),
            actor_id=self.actor.id if self.actor else None,
            role=self.role,
            affiliation_id=self.affiliation.id if self.affiliation else None,
            producer=producer,
            confidence=confidence,
        )


def name_tokens(head: Token) -> list[Token]:
    """The tokens of the name ``head`` heads: compounds and modifiers, "of" phrases; no clauses or lists."""
    keep = [head]
    for child in head.children:
        if _names_of(child) or _joins(child) or _one_entity(child, head):
            keep.extend(child.subtree)
            continue
        if child.dep_ in _OUTSIDE_NAME or child.i > head.i:  # a name's modifiers come before it
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # only the contiguous run around the head: a modifier far away is not part of the name
    run = [head]
    by_index = {t.i: t for t in keep}
    i = head.i - 1
    while i in by_index:
        run.insert(0, by_index[i])
        i -= 1
    i = head.i + 1
    doc = head.doc
    while True:
        if i in by_index:
            run.append(by_index[i])
            i += 1
        elif i + 3 in by_index and i + 2 < len(doc) and doc[i].text in "([" and doc[i + 2].text in ")]":
            run.extend(doc[i : i + 3])  # "the Main Intelligence Directorate (GUR) of Ukraine": the acronym inside
            i += 3
        else:
            break
    while run and (run[0].is_punct or run[0].dep_ == "det") and run[0] != head:
        run.pop(0)
    # a closing bracket stays when its opening one does ("X (PLA)"): cut, the name would end in "(PLA"
    while run and run[-1].is_punct and run[-1] != head and not (run[-1].text in ")]" and _opened(run[:-1])):
        run.pop()
    return run


def _one_entity(child: Token, head: Token) -> bool:
    """A possessive the model reads inside one name with its head ("People's Liberation Army"), not an owner
    ("Pakistan's army": two entities)."""
    if child.dep_ != "poss" or not child.ent_type_ or child.ent_iob_ != "B" or child.i > head.i:
        return False
    return all(t.ent_iob_ == "I" for t in head.doc[child.i + 1 : head.i + 1])


def _opened(tokens: list[Token]) -> bool:
    """Whether a run of tokens leaves a bracket open."""
    return sum(t.text in "([" for t in tokens) > sum(t.text in ")]" for t in tokens)


def _joins(child: Token) -> bool:
    """A hyphen or apostrophe inside a name ("ISIS-K", "Qa'ani"), which the tokenizer may split off."""
    return (
        child.is_punct
        and child.text in "-‐–'’"
        and not child.whitespace_
        and child.i > 0
        and not child.nbor(-1).whitespace_
    )


def _names_of(child: Token) -> bool:
    """A phrase that is part of a name ("Ministry of Intelligence", "the regime in Tehran"), not a complement.

    After a role word the body it serves is part of the name too ("a spokesperson for the city government").
    """
    if child.dep_ != "prep":
        return False
    if child.lower_ in ("for", "of") and is_role_word(child.head.text):
        return any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in child.children)
    return child.lower_ in ("of", "in") and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)


def _broken_title(first: Token) -> list[Token]:
    """Title words a wrong sentence break cut off a name ("Commander Brig." | "Gen. X said")."""
    doc = first.doc
    if not first.is_sent_start or first.i < 2:
        return []
    stop = doc[first.i - 1]
    abbreviation = doc[first.i - 2] if stop.text == "." else stop
    short = abbreviation.text.rstrip(".")
    if not (short[:1].isupper() and len(short) <= 5):
        return []
    if not (title_length([f"{short}.", first.text], 0) or is_role_word(short)):
        return []  # "... in Gao. Malian officials": a short word ends the sentence, not a title
    if abbreviation.ent_type_ in ("GPE", "LOC", "FAC"):
        return []  # "... in Buenos Aires. Argentine prosecutors": a place ends the sentence, not a title
    run = [stop] if stop.text == "." else []
    i = first.i - 1 - len(run)
    while i >= 0 and doc[i].text[:1].isupper():
        run.insert(0, doc[i])
        if doc[i].is_sent_start:
            break
        i -= 1
    return run


def phrase_tokens(head: Token) -> list[Token]:
    """The name plus its parenthetical or appositive acronym ("Ministry of Intelligence (MOIS)")."""
    tokens = name_tokens(head)
    tokens = [*_broken_title(tokens[0]), *tokens]
    end = tokens[-1].i
    doc = head.doc
    if end + 3 < len(doc) and doc[end + 1].text in "([" and doc[end + 3].text in ")]":
        return [*tokens, doc[end + 1], doc[end + 2], doc[end + 3]]
    return tokens


def name_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """Character spans of the names the document holds: knowledge-base mentions (``True``), then entities.

    A parse may split one written name ("Jaish-e-Mohammed") into several
    phrases; these spans let a party cut from such a fragment snap to the name.
    """
    known = [(m.span.start, m.span.end, True) for m in doc._.actor_mentions or []]
    return [*known, *((e.start_char, e.end_char, False) for e in doc_ents(doc))]


def _cuts_word(text: str, offset: int) -> bool:
    """Whether a span edge at ``offset`` falls inside one written word ("Jaish-e-|Mohammed"), not before "'s"."""
    if offset <= 0 or offset >= len(text) or text[offset - 1].isspace() or text[offset].isspace():
        return False
    if text[offset] in "'’" and text[offset + 1 : offset + 2].lower() == "s":
        return False  # "Pakistan|'s": a possessive, not part of the name
    left, right = text[offset - 1], text[offset]
    return left in _JOINERS or right in _JOINERS or (left.isalnum() and right.isalnum())


def _has_proper_name(noun: Token) -> bool:
    """A common noun inside a proper name ("the Kurdistan Workers' party"): a name word compounds it."""
    return any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in noun.children)


def associated(text: str, end: int, words: frozenset[str]) -> bool:
    """Whether the name ending at ``end`` is hyphened to a word that makes the phrase another's ("X-linked")."""
    following = re.match(r"[-‐–]\s?([a-z]+)", text[end:])
    return following is not None and following[1].lower() in words


def possessor(head: Token) -> Token | None:
    """The possessor of a phrase ("Iran's ministry" -> Iran), or None."""
    return next((c for c in head.children if c.dep_ == "poss"), None)


def defined_acronyms(text: str) -> dict[str, str]:
    """The acronyms a text defines, each with the name it stands for there ("AFP" -> "Armed Forces of the Philippines").

    Only an acronym made of its name's initials counts (a source credit such as
    "(AFP)" after a sentence is none). Inside this text it means that name,
    whatever the knowledge base reads in the same letters (a news agency).
    """
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        words = match.group(1).split()
        for start in range(len(words)):  # "the army said the Armed Forces of the Philippines (AFP)": the name's words
            name = words[start:]
            initials = "".join(w[0] for w in name if w.lower() not in _SKIPPED)
            if name[0].lower() not in _SKIPPED and initials.upper() == match.group(2):
                found.setdefault(match.group(2), " ".join(name))
                break
    return found


def _names_region(name: str, region: str) -> bool:
    """Whether a branch's name holds the region's words, as written or as their adjective ("Caucasian" for
    "Caucasus", "Somali" for "Somalia"): each word of the region shares its first letters with one of the name's."""
    words = re.findall(r"[a-z]+", name.lower())

    def stem_of(a: str, b: str) -> bool:
        length = min(len(a), len(b), _REGION_STEM)
        return a[:length] == b[:length]

    return region in name.lower() or all(any(stem_of(r, w) for w in words) for r in re.findall(r"[a-z]+", region))


class PartyResolver:
    """Turns noun phrases into :class:`Party` objects through the knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        text: str,
        generic_heads: frozenset[str] = frozenset(),
        government_words: frozenset[str] = frozenset(),
        names: list[tuple[int, int, bool]] | None = None,
        links: dict[str, Link] | None = None,
        state_nouns: frozenset[str] = frozenset(),
        *,
        rules: Chains,
        supported: frozenset[str] = frozenset(),
        states: tuple[str, ...] = (),
        outlet_nouns: frozenset[str] = frozenset(),
        leader_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
        group_descriptors: frozenset[str] = frozenset(),
        association_words: frozenset[str] = frozenset(),
        branch_nouns: frozenset[str] = frozenset(),
    ) -> None:
        """``links`` may be a memo of :meth:`link` answers shared across documents.

        A phrase's actor depends only on the knowledge base and the word lists,
        and names recur from article to article, so a caller that keeps those
        fixed passes the same dict each time. ``rules`` gives the ``party`` and
        ``name`` rules that read a phrase. ``supported``: ids of the actors the
        document names, which a weak name (a bulk list's short acronym) needs
        to link. ``states``: ids of the states the document is about, first the
        surest: a name several states' bodies share is the first one's.
        ``outlet_nouns``: nouns after which a named outlet is the outlet ("its Amaq propaganda agency").
        ``leader_words``: the nouns and verbs that name a person as a group's leader ("the leader of X", "who heads X").
        ``group_descriptors``: words that describe a group after its name ("X jihadist group", "X terrorist outfit").
        ``association_words``: words that, hyphened after a name, make the phrase another's ("X-linked").
        ``branch_nouns``: nouns for a group's regional branch ("an affiliate of X").
        """
        self.kb = kb
        self.rules = rules
        self.names = names or []
        self.text = text  # the document's text, read once: ``Doc.text`` joins every token on each access
        self.generic_heads = generic_heads
        self.government_words = government_words
        self.state_nouns = state_nouns
        self.supported = supported
        self.states = states
        self.outlet_nouns = outlet_nouns
        self.leader_nouns, self.leading_verbs = leader_words
        self.group_descriptors = group_descriptors
        self.association_words = association_words
        self.branch_nouns = branch_nouns
        self._links: dict[str, Link] = {} if links is None else links
        self._by_head: dict[int, Party] = {}
        self._by_offsets: dict[tuple[int, int], Party] = {}
        #: Acronyms the document defines: inside it they name what it says they stand for.
        self.acronyms = defined_acronyms(text)

    def from_head(self, head: Token) -> Party:
        """The party a noun phrase headed by ``head`` names (memoised per token; callers get their own copy)."""
        if head.i not in self._by_head:
            self._by_head[head.i] = self._from_head(head)
        return replace(self._by_head[head.i])

    def _from_head(self, head: Token) -> Party:
        """The party a noun phrase headed by ``head`` names: by the first ``party`` rule that reads it, else plainly."""
        found = self.rules.party.first(self, head, token=head)
        if found is None:
            return self.from_head_only(head)
        rule, party = found
        party.rules = (rule.name, *party.rules)
        return party

    def from_head_only(self, head: Token) -> Party:
        """The party the phrase at ``head`` names, appositions aside."""
        tokens = phrase_tokens(head)
        owner = possessor(head)
        if owner is not None and owner.pos_ in ("PROPN", "NOUN") and owner.i < tokens[0].i:
            # "People's Defence Forces": a possessive that is part of a known name;
            # "the Islamic State group's affiliate in Afghanistan": a group's branch
            left = phrase_tokens(owner)[0]
            end = tokens[-1].idx + len(tokens[-1])
            if self.link(self.text[left.idx : end]) is not None:
                return self.from_text(left.idx, end)
        party = self.from_text(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        named_owner = owner is not None and any(t.pos_ == "PROPN" for t in owner.subtree)
        if named_owner and party.actor is None and party.role is None:
            # "Iran's mission", "Iraq's prime minister's office": the owner says which body, so it stays in the name
            party = self.from_text(
                phrase_tokens(owner)[0].idx if owner.pos_ == "PROPN" else owner.left_edge.idx,
                tokens[-1].idx + len(tokens[-1]),
            )
        party = self._foreign_namesake(head, party)
        # the model tags some groups as persons ("Boko Haram"); a name the knowledge base knows says what it is
        known = party.actor is not None and party.actor.kind != "person"
        # a bare title the model tags as a person ("Emir condemns ...", a headline's subject) names no one yet
        title_only = len(tokens) == 1 and is_role_word(head.text)
        party.named_person = head.ent_type_ == "PERSON" and head.pos_ == "PROPN" and not known and not title_only
        if owner is not None and party.affiliation is None:
            found = self.kb.lookup(owner.text) or self.kb.demonym_state(owner.text)
            party.affiliation = self.affiliation_of(found) if found else None
        if party.affiliation is None and head.pos_ == "NOUN":
            party.affiliation = self._origin(head)
        return party

    def _foreign_namesake(self, head: Token, party: Party) -> Party:
        """An agency's name followed by another state's ("the Main Intelligence Directorate (GUR) of Ukraine").

        Agencies of many states share a name; the state the phrase names says
        whose it is, so the knowledge base's namesake of another state is not it.
        """
        actor = party.actor
        if actor is None or actor.kind != "agency":
            return party
        for obj in preposition_objects(head, "of"):
            state = self.kb.lookup(obj.text) if obj.pos_ == "PROPN" else None
            if state is not None and state.kind == "state" and state.id not in (actor.country, actor.affiliation):
                end = obj.idx + len(obj)
                text = self.text[party.start : end]
                return Party(
                    party.start, end, text, _LEADING_THE.sub("", PAREN.sub("", text)).strip(), None, None, state
                )
        return party

    def _origin(self, head: Token) -> Actor | None:
        """Whom "officials from Iran", "members of the Taliban" or "the armed wing of the Kurdistan Workers' party"
        speak for: the actor their phrase names."""
        named = [g for g in preposition_objects(head, "of", "from") if g.pos_ == "PROPN" or _has_proper_name(g)]
        for obj in named:
            party = self.from_head(obj)
            if party.actor is not None:
                return self.affiliation_of(party.actor)
        return None

    def from_text(self, start: int, end: int) -> Party:
        """The party the words of the document at ``start:end`` name (memoised; callers get their own copy)."""
        if (start, end) not in self._by_offsets:
            self._by_offsets[start, end] = self._from_text(start, end)
        return replace(self._by_offsets[start, end])

    def _snapped(self, start: int, end: int) -> tuple[int, int]:
        """A phrase that is a fragment of a name the document holds widens to the whole name.

        A knowledge-base mention wins whenever the phrase lies inside it; an
        entity only when the phrase cuts a written word ("Jaish-e-" of
        "Jaish-e-Mohammed"), since the model's entity edges are less sure.
        """
        cut = _cuts_word(self.text, start) or _cuts_word(self.text, end)
        for s, e, known in self.names:
            if s < end and start < e and not (start <= s and e <= end) and (cut or (known and s <= start and end <= e)):
                return min(s, start), max(e, end)
        return start, end

    def _from_text(self, start: int, end: int) -> Party:
        """The party the words name: by the first ``name`` rule that reads them, else as written, unknown."""
        start, end = self._snapped(start, end)
        written = self.text[start:end]
        text = self._spelled_out(written)
        found = self.rules.name.first(self, start, end, text)
        if found is not None:
            rule, party = found
            party.rules = (rule.name, *party.rules)
            return party
        return Party(start, end, written, _LEADING_THE.sub("", text).strip(), None, None, self.affiliation_in(text))

    def _spelled_out(self, written: str) -> str:
        """An acronym the document defines as the name it stands for ("AFP" -> "Armed Forces of the Philippines"),
        and that name without its acronym ("Armed Forces of the Philippines (AFP)"): the letters alone may read
        as another actor in the knowledge base."""
        defined = self.acronyms.get(_LEADING_THE.sub("", written).strip())
        if defined is not None:
            return defined
        brackets = PAREN.findall(written)
        return PAREN.sub("", written) if brackets and all(b in self.acronyms for b in brackets) else written

    def governed_state(self, role: str, affiliation: Actor | None) -> Actor | None:
        """A de facto government's official speaks for the state it governs ("Taliban government spokesman")."""
        if affiliation is None or affiliation.kind != "militant_group" or not affiliation.country:
            return affiliation
        if not any(word in self.government_words for word in re.findall(r"[a-z]+", role.lower())):  # "administration's"
            return affiliation
        return self.kb.actor(affiliation.country) or affiliation

    def link(self, text: str) -> Actor | None:
        """The actor the whole phrase names: as written, its parenthetical acronym, or without it (memoised).

        A phrase linked only by a weak name ("the CDS") links only when the document names the actor otherwise;
        one only by a name several states' bodies share ("the CID"), as the body of the document's state.
        """
        if text not in self._links:
            self._links[text] = self._link(text)
        actor, weak, homonyms = self._links[text]
        if actor is None and homonyms:
            return self.kb.pick(homonyms, self.states)
        return actor if actor is None or not weak or actor.id in self.supported else None

    def _link(self, text: str) -> Link:
        """The actor the phrase names, whether only a weak name links it, and the bodies a shared name may be
        (the memo holds all three: the last is picked per document)."""
        candidates = [text, *PAREN.findall(text), PAREN.sub("", text)]
        weak: Actor | None = None
        homonyms: tuple[str, ...] = ()
        for candidate in candidates:
            found = self.kb.lookup(candidate)
            if found is not None and not self.kb.is_weak(candidate):
                return found, False, ()
            weak = weak or found
            homonyms = homonyms or self.kb.homonyms(candidate)
        if weak is not None:
            return weak, True, ()
        inside = self._link_inside(text)
        return inside, False, (() if inside is not None else homonyms)

    def _link_inside(self, text: str) -> Actor | None:
        """The actor a phrase names by a branch, a seat or a name inside a description."""
        branch = self._branch(_LEADING_THE.sub("", text))
        if branch is not None:
            return branch
        described = self._described_group(text)
        if described is not None:
            return described
        sited = _SITED_IN.sub("", text)
        if sited != text and sited.strip() and (found := self.link(sited)) is not None:
            return found
        office = _SITED_IN_THE.sub("", text)
        if office != text and is_role_word(_LEADING_THE.sub("", office).split(" ", 1)[0]):
            return None  # "the head of the X church in the UK": one who holds an office there, not the place
        if sited != text and sited.rsplit(None, 1)[-1].lower() in self.government_words:
            return None  # "the US embassy in Nairobi": a body that sits in a place, not the place
        if sited != text and self.kb.find_matches(sited):
            return None  # "the United Nations mission in Somalia": a body of the UN there, not Somalia
        bare = PAREN.sub("", text).rstrip(" .,")
        generic = bare.rsplit(None, 1)[-1].lower() in self.generic_heads if bare else False
        # a capital after "of" or "in" is where an office or a body sits ("the Archbishop of Colombo",
        # "community leaders in Colombo"), not its state; "the regime in Tehran" is the state
        matches = [
            m
            for m in self.kb.find_matches(bare)
            if m.via != "demonym"
            and not (m.via == "metonym" and self._not_the_state(bare[: m.start]))
            # "the National Security Council" is not the UN's "Security Council"
            and not self._longer_name(bare[: m.start], self.kb.actor(m.actor_id))
            and not associated(bare, m.end, self.association_words)
        ]
        if generic and matches:
            # "X's affiliate Y militants": the name nearest the generic head says whose members they are
            return self.kb.actor(matches[-1].actor_id)
        outlet = bare.rsplit(None, 1)[-1].lower() in self.outlet_nouns if bare else False
        named_outlet = [a for m in matches if (a := self.kb.actor(m.actor_id)) is not None and a.kind == "media"]
        if outlet and named_outlet:
            return named_outlet[-1]  # "the group's Amaq propaganda agency": the outlet named before its noun
        for match in matches:
            # the name that heads the phrase ("Iran-aligned Houthi movement"), or any name
            # inside a description that names nobody itself ("members of the ADF")
            if match.end == len(bare) or self._generic_of(bare):
                return self.kb.actor(match.actor_id)
        return None

    def named_branch(self, group: Actor) -> Actor | None:
        """The one branch of ``group`` the document names ("the affiliate, known as X, ..."), else None.

        A branch of a branch the document also names is part of it (JNIM and its Ansar Dine: JNIM).
        """
        named = [
            a
            for actor_id in self.supported
            if (a := self.kb.actor(actor_id)) is not None
            and a.kind == "militant_group"
            and self.kb.is_branch_of(a.id, group.id)
        ]
        top = {a.id: a for a in named if not any(self.kb.is_branch_of(a.id, o.id) for o in named)}
        return next(iter(top.values())) if len(top) == 1 else None

    def _described_group(self, text: str) -> Actor | None:
        """A group's name followed by words that only describe it ("X jihadist group", "Y terrorist outfits").

        Outlets write a name and then what it is; the name alone says who.
        Only a name that names a militant group whole counts: "Pakistan-based
        terror group" names no group.
        """
        words = PAREN.sub("", text).rstrip(" .,").split()
        cut = len(words)
        while cut > 1 and self._describes(words[cut - 1]):
            cut -= 1
        if cut == len(words):
            return None
        found = self.link(" ".join(words[:cut]))
        return found if found is not None and found.kind == "militant_group" else None

    def _describes(self, word: str) -> bool:
        word = word.lower()
        return word in self.group_descriptors or word.removesuffix("s") in self.group_descriptors

    def _longer_name(self, before: str, actor: Actor | None) -> bool:
        """Whether a body's name is the tail of another body's name: a capitalised word before it that names no one.

        "National Security Council" is its own body, not the UN's "Security
        Council"; "Afghan Taliban", "Iran's IRGC" or "President X" qualify the name.
        """
        words = before.split()
        if actor is None or actor.kind not in ("organisation", "agency") or not words:
            return False
        word = words[-1].strip(",;:")
        if not word[:1].isupper() or word.lower() == "the" or not word.isalpha() or is_role_word(word):
            return False
        return self.kb.lookup(word) is None and self.kb.demonym_state(word) is None

    def _not_the_state(self, before: str) -> bool:
        """Whether words before a capital's name make it no stand-in for its state.

        A capitalised name before it makes it a surname ("William Hague"). A
        seat: after "of" only an office is seated (a role word, "the Archbishop
        of Colombo"); after "in" anyone but the state's own rulers ("community
        leaders in Colombo", not "the regime in Tehran").
        """
        words = before.split()
        if words and words[-1][:1].isupper() and words[-1].lower() != "the":
            return True
        words = [w.lower() for w in words]
        if len(words) < 2 or words[-1] not in ("of", "in"):
            return False
        if words[-1] == "of":  # "the Archbishop of Colombo" sits there; "emissaries of Tehran" serve the state
            return is_role_word(words[-2])
        return words[-2] not in self.state_nouns

    def branch_in(self, group: Actor, state: Actor) -> Actor | None:
        """The knowledge base's branch of ``group`` based in ``state`` ("the IS branch in Afghanistan": ISKP)."""
        return next(
            (
                a
                for a in self.kb
                if a.kind == "militant_group" and a.country == state.id and self.kb.is_branch_of(a.id, group.id)
            ),
            None,
        )

    def _branch(self, text: str) -> Actor | None:
        """The branch of a group a phrase names by region.

        "Daesh's Khorasan chapter" -> ISKP by the region in the branch's name,
        "the Islamic State's Afghan affiliate" -> ISKP by the state its word names;
        "the Islamic State group's affiliate in Afghanistan" -> ISKP by the
        branch's country, or the group itself when the knowledge base has no
        branch there: an affiliate speaks for its group, never for the country.
        """
        sited = False
        found = _BRANCH.match(text)
        if found is None:
            found, sited = _SITED_BRANCH.match(text), True
        parent = self._group(found["group"]) if found else None
        if found is None or parent is None:
            return None
        state = self.kb.lookup(found["region"].strip())  # "Afghanistan", or its people's word "Afghan"
        state = state if state is not None and state.kind == "state" else None
        branch = self.branch_by_region(parent, found["region"].strip(), state)
        return branch or (parent if sited else None)

    def branch_by_region(self, group: Actor, region: str, state: Actor | None = None) -> Actor | None:
        """The knowledge base's branch of ``group`` whose name holds the region (or based in ``state``)."""
        for actor in self.kb:
            if actor.kind != "militant_group" or not self.kb.is_branch_of(actor.id, group.id):
                continue
            if _names_region(actor.name, region.lower()) or (state is not None and actor.country == state.id):
                return actor
        return None

    def _group(self, text: str) -> Actor | None:
        """The militant group a phrase names ("the Islamic State group"), or None."""
        found = self.kb.lookup(_LEADING_THE.sub("", text))
        if found is None and text.lower().endswith(" group"):
            found = self.kb.lookup(_LEADING_THE.sub("", text)[: -len(" group")])
        return found if found is not None and found.kind == "militant_group" else None

    def _generic_of(self, text: str) -> bool:
        """ "fighters of the X", "gunmen from the X": a generic head followed by the name it belongs to."""
        for joint in (" of ", " from "):
            first = text.split(joint, 1)[0].split()
            if joint in text and first and first[-1].lower() in self.generic_heads:
                return True
        return False

    def affiliation_of(self, actor: Actor | None) -> Actor | None:
        """The organisation or state an actor speaks for (a state or group for itself)."""
        if actor is None:
            return None
        if actor.kind in _SELF_AFFILIATED:
            return actor
        for related in (actor.affiliation, actor.country):
            if related and (found := self.kb.actor(related)) is not None:
                return found
        return None

    def affiliation_in(self, text: str) -> Actor | None:
        """The organisation or state named inside an unknown phrase ("U.S. intelligence" -> United States)."""
        for start, end, actor in self.kb.find_all(text):
            if associated(text, end, self.association_words):
                continue  # "an al-Qaeda-linked group" is not al-Qaeda's
            if actor.kind != "person" and not self._longer_name(text[:start], actor):
                return self.affiliation_of(actor) or actor
        return None
