"""Who made a statement: the subject of the cue, resolved to a named party.

News copy names a speaker once and then says "he", "they", "the ministry" or
"the statement". The resolver walks from the cue to its subject through
control and coordination ("were quick to point fingers", "... and claimed"),
splits lists of named speakers, and resolves pronouns and descriptions to the
most salient earlier mention that agrees in type: same sentence before earlier
ones, subjects and authors before other mentions, nearer before farther.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from spacy.attrs import DEP, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from counterclaim.kb import link_role
from counterclaim.kb.roles import is_role_word
from counterclaim.nlp.doctext import doc_ents
from counterclaim.nlp.gazetteer import find_city
from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.parties import Party, PartyResolver, name_tokens, phrase_tokens, possessor
from counterclaim.nlp.statement.sentences import SentenceIndex
from counterclaim.nlp.syntax import SUBJECTS, repaired_subject

#: Dependencies through which a verb shares the subject of its head.
_SHARES_SUBJECT = ("xcomp", "acomp", "conj", "advcl")
_PERSON_PRONOUNS = {"he", "she", "him", "his", "her"}
_THING_PRONOUNS = {"it", "its"}
_GROUP_PRONOUNS = {"they", "them", "their"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
#: Entity types that never speak: dates, numbers; places speak only when they stand for a known actor.
_MUTE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
#: A lone unknown name is taken for a city (not a speaker) when the gazetteer knows a city this big by it.
_CITY_SIZE = 100_000
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
#: How many sentences back a pronoun or description may find its antecedent.
_LOOKBACK_SENTENCES = 3


def clause_subject(cue: Token) -> Token | None:
    """The subject of ``cue``'s clause, climbing through controlled and coordinated verbs."""
    token = cue
    for _ in range(8):
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None) or repaired_subject(token)
        if subject is not None:
            return subject
        if token.dep_ in _SHARES_SUBJECT and token.head != token:
            token = token.head
            continue
        if token.dep_ in ("relcl", "acl"):
            return token.head
        return None
    return None


def passive_agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb ("was blamed on Y by X" -> X)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


_QUANTIFIER = re.compile(r"\s+(?:both|all|each|too|also)$", re.IGNORECASE)


def _without_quantifier(text: str, start: int, end: int) -> tuple[int, int]:
    """A listed name without a floating quantifier ("Y both", "Z all") that the list split left on it."""
    found = _QUANTIFIER.search(text, start, end)
    return (start, found.start()) if found else (start, end)


class SpeakerResolver:
    """Resolves the subject of a cue to the parties who spoke, per document."""

    def __init__(self, doc: Doc, parties: PartyResolver, lexicon: StanceLexicon, sentences: SentenceIndex) -> None:
        self.doc = doc
        self.sentences = sentences
        self.parties = parties
        self.lex = lexicon

    def speakers(self, head: Token) -> list[Party]:
        """The parties the noun phrase at ``head`` names: one per named speaker in a list."""
        word = head.lower_
        if head.pos_ == "PRON" and word in _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS:
            found = self.antecedent(head)
            return [found] if found else []
        if head.lemma_.lower() in self.lex.document_nouns or word in self.lex.document_nouns:
            return self.authors(head)
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _PERSON_PRONOUNS), None)
        if owner is not None and head.lemma_.lower() in self.lex.description_kinds:
            found = self.antecedent(owner)  # "his government rejected ...", "her country stands with ...": the person
            if found is not None:
                return [found]
        if self.is_description(head):
            found = self.antecedent(head)
            return [found] if found else [self.parties.from_head(head)]
        if not self.can_speak(head) or self._mute(head):
            return []
        titled = self._titled_person(head)
        if titled is not None:
            return [titled]
        listed = self._listed(head)
        if listed:
            return listed
        return [self._with_apposition(head)]

    def _titled_person(self, head: Token) -> Party | None:
        """A person named at the end of a body's phrase ("the Duma's Committee on X chairman Leonid Slutsky").

        The parser may make the body the subject and bury the person in a
        prepositional phrase; a name right after a role word ends the phrase and speaks.
        """
        if head.ent_type_ in ("PERSON", "GPE") or any(c.dep_ == "conj" for c in head.children):
            return None  # a person already, a dateline's place, or a list ("the EU and NATO chief X")
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
        party = self.parties.from_text(tokens[0].idx, last.idx + len(last))
        return party if party.is_person else None

    def outlet(self, cue: Token, speaker: Party) -> Party | None:
        """The outlet a group spoke through ("said on its Amaq news agency", "through its Radio X station").

        The outlet is the most specific speaker of a group's claim; it speaks for the group.
        """
        group = next((a for a in (speaker.actor, speaker.affiliation) if a and a.kind == "militant_group"), None)
        if group is None:
            return None
        for child in cue.children:
            if child.dep_ != "prep" or child.lower_ not in self.lex.outlet_prepositions:
                continue
            for medium in (g for g in child.children if g.dep_ == "pobj"):
                named = [t for t in name_tokens(medium) if t.pos_ == "PROPN"]
                if medium.lemma_.lower() in self.lex.outlet_nouns and named:
                    party = self.parties.from_text(named[0].idx, named[-1].idx + len(named[-1]))
                else:
                    party = self.parties.from_head(medium)
                    if party.actor is None or party.actor.kind != "media":
                        continue
                party.affiliation = group
                return party
        return None

    def can_speak(self, head: Token) -> bool:
        """Whether a noun phrase may name a speaker: a name, an entity, a known actor or a speaker noun."""
        if head.pos_ == "PROPN" or head.ent_type_ in _NAME_ENTS:
            return True
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):  # "the chairman, X Y,"
            return True
        if head.lemma_.lower() in self.lex.speaker_nouns or head.lower_ in self.lex.speaker_nouns:
            return True
        tokens = name_tokens(head)
        return self.parties.link(self.parties.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]) is not None

    def _mute(self, head: Token) -> bool:
        """ "October said", "Kandahar said": a date or a place the knowledge base does not know is no speaker."""
        if head.ent_type_ in _MUTE_ENTS:
            return True
        if head.ent_type_ in _PLACE_ENTS or head.pos_ == "PROPN":
            tokens = name_tokens(head)
            text = self.parties.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
            if len(tokens) > 1 or self.parties.link(text) is not None:
                return False
            if head.ent_type_ in _PLACE_ENTS or text in self._place_words:
                return True
            return head.ent_type_ != "PERSON" and find_city(text, min_population=_CITY_SIZE) is not None
        return False

    def authors(self, document: Token) -> list[Party]:
        """Who issued a statement, video or report: "by X", "from X", "X's statement", "the X statement"."""
        for child in document.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                return [self.parties.from_head(child)]
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and self.can_speak(obj):
                    return self.speakers(obj)
            if child.dep_ == "acl":
                agent = passive_agent(child)
                if agent is not None:
                    return self.speakers(agent)
        named = [t for t in document.subtree if t.i > document.i and t.pos_ == "PROPN" and t.dep_ == "pobj"]
        if named and self.can_speak(named[0]):  # "a message posted in the name of X"
            return self.speakers(named[0])
        channel = self._channel_owner(document)
        if channel is not None:
            return [channel]
        governor = document.head
        if document.dep_ in ("dobj", "pobj") and governor != document:
            verb = governor.head if document.dep_ == "pobj" else governor
            subject = clause_subject(verb)
            if subject is not None and subject != document:
                return self.speakers(subject)
        found = self.antecedent(document)
        return [found] if found else []

    def _channel_owner(self, document: Token) -> Party | None:
        """The group whose channels carried a statement ("a statement circulating on Islamic State channels")."""
        for place in (t for t in document.subtree if t.i > document.i and t.dep_ == "pobj" and t.pos_ == "NOUN"):
            owners = [c for c in place.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            party = self.parties.from_head(owners[-1]) if owners else None
            if party is not None and party.actor is not None and party.actor.kind in ("militant_group", "media"):
                return party
        return None

    def is_description(self, head: Token) -> bool:
        """ "the ministry", "the group": a definite common noun that stands for an actor named before."""
        if head.pos_ == "PROPN" and head.lemma_.lower() not in self.lex.description_kinds:
            return False
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        modified = any(c.dep_ in ("compound", "amod", "poss") for c in head.children)
        return head.lemma_.lower() in self.lex.description_kinds and definite and not modified

    def _listed(self, head: Token) -> list[Party]:
        """Several named speakers in one subject ("X, Y and Z said"), each its own party."""
        conjuncts = [c for c in head.children if c.dep_ == "conj"]
        if not conjuncts:
            return []
        owner = possessor(head)  # "Pakistan's Foreign Office and ...": the owner names the first body
        first = phrase_tokens(owner if owner is not None and owner.pos_ == "PROPN" else head)[0]
        start = first.idx
        last = max((t for c in conjuncts for t in c.subtree), key=lambda t: t.i)
        end = last.idx + len(last)
        appositions = [t for t in head.children if t.dep_ == "appos" and t.i > last.i]
        for extra in appositions:  # a parse may hang the list's last name on the first as an apposition
            end = max(end, extra.idx + len(extra))
        text = self.parties.text[start:end]
        names, position = [], 0
        for separator in [*_LIST_SPLIT.finditer(text), None]:
            cut = separator.start() if separator else len(text)
            if cut > position:
                names.append((start + position, start + cut))
            position = separator.end() if separator else cut
        names = [_without_quantifier(self.parties.text, s, e) for s, e in names]  # "X and Y both claimed"
        stripped = [re.sub(r"^(?:the\s+)", "", self.parties.text[s:e]) for s, e in names]
        if len(names) < 2 or not all(p[:1].isupper() for p in stripped):
            return [self._own_side(head, self.parties.from_text(start, end))]
        return [self.parties.from_text(s, e) for s, e in names]

    def _with_apposition(self, head: Token) -> Party:
        """A party with a describing apposition kept for role splitting ("X, a parliamentarian")."""
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ != "PROPN" and c.i > head.i), None)
        if appos is None:
            return self._own_side(head, self.parties.from_head(head))
        start = phrase_tokens(head)[0].idx
        # the whole describing phrase ("spokesman of the X faction of Y"), without its clauses
        clauses = {t.i for c in appos.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
        words = [t for t in appos.subtree if t.i not in clauses and not t.is_punct]
        last = max(words, key=lambda t: t.i) if words else appos
        party = self.parties.from_text(start, last.idx + len(last))
        if party.role:
            return party
        person = self.parties.from_head(head)
        if person.is_person and person.affiliation is None:  # "X, spokesman of the Y faction (JuA)": X speaks for Y
            role = self.parties.text[appos.left_edge.idx : last.idx + len(last)]
            found = link_role(role, self.parties.kb)
            person.affiliation = self.parties.kb.actor(found) if found else None
        return person

    def _own_side(self, head: Token, party: Party) -> Party:
        """Affiliation from a possessive pronoun ("its spokesman" speaks for what "its" refers to)."""
        owners = (c for c in head.children if c.dep_ == "poss" and (c.pos_ == "PRON" or self.is_description(c)))
        owner = next(owners, None)
        if party.affiliation is None and owner is not None:  # "its spokesman", "the group's spokesman"
            found = self.antecedent(owner)
            if found is not None:
                party.affiliation = self.parties.affiliation_of(found.actor) or found.affiliation
        return party

    @cached_property
    def _place_words(self) -> set[str]:
        """Words the model tags as places somewhere in the document: the same word elsewhere is a place too."""
        return {ent.text for ent in doc_ents(self.doc) if ent.label_ in _PLACE_ENTS}

    # -- antecedents -----------------------------------------------------
    @cached_property
    def _candidates(self) -> list[tuple[Token, bool]]:
        """Heads of phrases a later pronoun may refer to, with whether each is a subject or an author."""
        heads: dict[int, bool] = {}
        named = [ent for ent in doc_ents(self.doc) if ent.label_ in _NAME_ENTS]
        for mention in self.doc._.actor_mentions or []:
            span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is not None:
                named.append(span)
        for span in named:
            if span.root.pos_ != "PRON":
                heads.setdefault(span.root.i, False)
        for i in self._noun_subjects_and_objects():
            token = self.doc[i]
            salient = token.dep_ in SUBJECTS or (
                token.dep_ == "pobj" and token.head.lower_ in ("by", "from") and token.head.dep_ in ("prep", "agent")
            )
            if salient and token.pos_ in ("NOUN", "PROPN") and self.can_speak(token):
                heads[token.i] = True
        return sorted(((self.doc[i], s) for i, s in heads.items()), key=lambda c: c[0].i)

    @cached_property
    def _candidate_positions(self) -> list[int]:
        """Token index of each of :attr:`_candidates`, for bisection."""
        return [head.i for head, _ in self._candidates]

    def _noun_subjects_and_objects(self) -> list[int]:
        """Indices of nouns that are subjects or prepositional objects: the only tokens that may be salient.

        Read off attribute arrays, so no Token object is built for the rest of the document.
        """
        deps = {get_string_id(dep) for dep in (*SUBJECTS, "pobj")}
        # column by column: a 2-D array's tolist() builds a list per row
        dep_ids, pos_ids = self.doc.to_array([DEP, POS]).T.tolist() if len(self.doc) else ([], [])
        rows = enumerate(zip(dep_ids, pos_ids, strict=True))
        return [i for i, (dep, pos) in rows if dep in deps and pos in (NOUN, PROPN)]

    def antecedent(self, token: Token) -> Party | None:
        """The earlier party a pronoun or description refers to, or None."""
        index = self.sentences.number(token)
        window_start = self.sentences.all[max(0, index - _LOOKBACK_SENTENCES)].start
        positions = self._candidate_positions
        # candidates are in text order: only those from the window's start up to the token are looked at
        nearby = self._candidates[bisect_left(positions, window_start) : bisect_left(positions, token.i)]
        ranked = []
        for head, salient in nearby:
            if head.i in range(token.left_edge.i, token.right_edge.i + 1):
                continue
            same_sentence = self.sentences.number(head) == index
            ranked.append(((not same_sentence, not salient, -head.i), head))
        for _, head in sorted(ranked, key=lambda r: r[0]):
            party = self._agreeing(token, head)
            if party is not None:
                return party
        return None

    def _agreeing(self, token: Token, head: Token) -> Party | None:
        """The party at ``head`` if it can be what ``token`` refers to."""
        if head.lemma_.lower() in self.lex.document_nouns:
            return None
        if self.is_description(head):
            return None
        party = self.parties.from_head(head)
        person = party.is_person or head.ent_type_ == "PERSON"
        word = token.lower_
        if word in _PERSON_PRONOUNS:
            return party if person else None
        if person:
            return None
        if word in _THING_PRONOUNS:
            return party if head.tag_ != "NNS" else None
        if word in _GROUP_PRONOUNS:
            return party
        kinds = self.lex.description_kinds.get(token.lemma_.lower(), ())
        if party.actor is not None and party.actor.kind in kinds:
            return party
        return party if token.lemma_.lower() in party.text.lower() else None
