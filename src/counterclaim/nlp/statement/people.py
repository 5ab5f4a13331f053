"""The people a document names in full, to complete a speaker it names in part.

News copy gives a person's full name once ("President Uhuru Kenyatta", "the
leader of the group X, Abubakar Shekau") and then a first name, a surname or
a bare title ("Uhuru says ...", "the President said ...", "the group's leader
claimed ..."), often in a headline before the full name. A speaker named in
part is the one person named in full whose name words include the part, or
whose title words (the words before the name in its sentence) include every
word of the bare title; when several people fit, the nearest one before the
speaker is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from counterclaim.kb.roles import is_role_word, role_kind, split_person
from counterclaim.nlp.doctext import doc_ents
from counterclaim.nlp.statement.lexicon import stance_lexicon
from counterclaim.nlp.statement.parties import Party, PartyResolver
from counterclaim.nlp.statement.sentences import SentenceIndex

#: How many tokens before a name may hold its title ("The leader of the jihadist group Boko Haram, X"), verbs cut off.
_TITLE_WINDOW = 12
_NAME_PART = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = {"the", "a", "an", "of", "s"}
_INDEFINITE = re.compile(r"\b(?:an?|one|another)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Person:
    """A person named in full, with the words of their name and of the title before it."""

    name: str
    start: int
    name_words: frozenset[str]
    title_words: frozenset[str]
    title_text: str
    sentence: int


def _titled(words: list[str], person: _Person) -> bool:
    """Whether a bare title ("the president", "the FSB chief", "the official") fits the title before a person's name.

    Its words must all be among the title's, except that its role word may
    be any role word of the same kind in the title ("chief" for "head"), or
    any role at all for a role of kind ``any`` ("the official").
    """
    if words[-1].endswith("s") and is_role_word(words[-1][:-1]):
        return False  # "officials", "ministers": several people, not one named before
    if set(words) <= person.title_words:
        return True
    if not set(words[:-1]) <= person.title_words:
        return False
    kind = role_kind(words[-1])
    kinds = {role_kind(w) for w in person.title_words} - {None}
    return bool(kinds) if kind == "any" else kind in kinds


def _words(text: str) -> list[str]:
    return [w for w in _NAME_PART.findall(text.lower()) if w not in _FUNCTION_WORDS]


class PeopleIndex:
    """Full names of the people in one document, searchable by a part of the name or a title."""

    def __init__(self, doc: Doc, parties: PartyResolver, sentences: SentenceIndex) -> None:
        self.parties = parties
        self.people: list[_Person] = []
        #: Role nouns with no name of their own ("a security official said"), as (offset, word).
        self.unnamed_roles = [
            (t.idx, t.lower_)
            for t in doc
            if t.pos_ == "NOUN" and is_role_word(t.text) and not any(c.ent_type_ == "PERSON" for c in t.children)
        ]
        self.doc = doc
        self.sentences = sentences
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON" and len(_words(ent.text)) >= 2 and self._unknown_or_person(ent.text):
                self.people.append(self._person(doc, ent, sentences.of(ent[0]), sentences.number(ent[0])))
        self.people += self._titled_sources(doc)

    def _titled_sources(self, doc: Doc) -> list[_Person]:
        """Speakers of reported speech named with a title ("Brigadier General X Y told ..."), which the model
        may not tag as people."""
        known = {p.start for p in self.people}
        out = []
        for attribution in doc._.attributions or []:
            source = attribution.source
            parts = split_person(source.text) if source is not None else None
            if parts is None or not (parts.role or parts.titles) or len(_words(parts.name)) < 2:
                continue
            start = source.start + parts.start
            if start in known or not self._unknown_or_person(parts.name):
                continue
            known.add(start)
            title = " ".join([parts.role or "", *parts.titles])
            token = doc.char_span(start, start + len(parts.name), alignment_mode="expand")
            number = self.sentences.number(token.root) if token is not None else -1
            out.append(
                _Person(parts.name, start, frozenset(_words(parts.name)), frozenset(_words(title)), title, number)
            )
        return out

    def _mistagged(self, surname: str) -> list[_Person]:
        """A full name the model tagged as no person ("Rakhmat Akilov" as ``ORG``) that ends with the surname a
        speaker goes by: two or three capitalised words, unknown to the knowledge base, none of them a role or
        group word ("the District Court" is no one's name)."""
        lex = stance_lexicon()
        groups = lex.words("group_name_words", "group_descriptors")
        out = []
        for ent in doc_ents(self.doc):
            name = ent.text.strip(" ,.'’")
            parts = name.split()
            if ent.label_ == "PERSON" or not 2 <= len(parts) <= 3 or parts[-1] != surname:
                continue
            if not all(w.isalpha() and w[:1].isupper() for w in parts) or self.parties.link(name) is not None:
                continue
            if any(is_role_word(w) or w.lower() in groups for w in parts):
                continue
            number = self.sentences.number(ent[0])  # no title read: what stands before such a name is seldom one
            out.append(_Person(name, ent.start_char, frozenset(_words(name)), frozenset(), "", number))
        return out

    def _unnamed_between(self, role: str, person: _Person, speaker: Party) -> bool:
        """Whether an unnamed holder of the role comes between the person and the speaker ("a police official").

        "the official said" then refers to that one, not to the person named before it.
        """
        return any(person.start < at < speaker.start and word == role for at, word in self.unnamed_roles)

    def _unknown_or_person(self, name: str) -> bool:
        """A name the model tags as a person may be a known group ("Al-Shabaab"): no one to complete a speaker with."""
        actor = self.parties.link(name)
        return actor is None or actor.kind == "person"

    def _named_next(self, words: list[str], speaker: Party) -> list[_Person]:
        """The person an indefinite title introduces before the text names them ("A military spokesman said ...").

        News copy paraphrases a source as "an Iranian military spokesman" and
        names him in the next quote ("'...,' Brig. Gen. X told IRNA"). The
        first person named within the next two sentences is taken when their
        title holds a role of a kind the description names ("military",
        "spokesman"); a person with no such title (a victim) never is.
        """
        token = speaker.tokens(self.doc)
        if token is None or not any(t.lower_ in ("a", "an") for t in token.root.children if t.dep_ == "det"):
            return []
        here = self.sentences.number(token.root)
        later = [p for p in self.people if p.start > speaker.end and 0 <= p.sentence - here <= 2]
        if not later:
            return []
        first = min(later, key=lambda p: p.start)
        described = {role_kind(w) for w in words} | set(words)
        kinds = {role_kind(w) for w in first.title_words} - {None}
        return [first] if kinds & described else []

    @staticmethod
    def _person(doc: Doc, ent: Span, sentence: Span, number: int) -> _Person:
        first = max(sentence.start, ent.start - _TITLE_WINDOW)
        # a title runs up to the name without a verb: in "officials said the rocket that hit X", X has none
        verbs = [t.i for t in doc[first : ent.start] if t.pos_ in ("VERB", "AUX")]
        begin = max([first, *(i + 1 for i in verbs)])
        # "... the cell leader of X, in the city, National Police chief Gen. Y": the title is the last part
        commas = [t.i for t in doc[begin : ent.start - 1] if t.text == ","]
        if commas and any(is_role_word(t.text) for t in doc[commas[-1] + 1 : ent.start]):
            begin = commas[-1] + 1
        title = doc[begin : ent.start].text
        name = ent.text.strip(" ,.'’")
        return _Person(name, ent.start_char, frozenset(_words(name)), frozenset(_words(title)), title, number)

    def _named(self, speaker: Party) -> bool:
        """Whether the speaker is a person the model names in full, whose surname is also a title ("X Mufti")."""
        return any(p.start == speaker.start and p.name == speaker.name for p in self.people)

    def unowned_titles(self, name: str) -> str:
        """The words before a person's name where the document names them in full ("police spokesperson"), if
        they name no body or state ("Pakistan's Defence Minister" says whose minister, not the home state's)."""
        titles = " ".join(p.title_text for p in self.people if p.name == name)
        return "" if self.parties.affiliation_in(titles) is not None else titles

    def complete(self, speaker: Party) -> Party:
        """The speaker under the full name the document gives them, or the speaker unchanged."""
        if speaker.actor is not None:
            return speaker
        words = _words(speaker.name)
        written = speaker.name.lstrip("0123456789- ")  # a wire slug's number glued on: "UPDATE 3-Pompeo"
        if not words or not (written[:1].isupper() or is_role_word(words[-1])):
            return speaker  # a lower-case description completes only when it is a title ("the president said")
        # "a TTP commander": not the commander named before, though perhaps the one the next quote names
        indefinite = _INDEFINITE.search(self.parties.text, 0, speaker.start) is not None
        if len(words) == 1 and not is_role_word(words[0]) and not indefinite:
            found = [p for p in self.people if words[0] in p.name_words and len(p.name_words) > 1]
            found = found or self._mistagged(speaker.name)
        elif is_role_word(words[-1]) and speaker.role is None and not speaker.named_person and not self._named(speaker):
            found = [
                p
                for p in self.people
                if not indefinite and _titled(words, p) and not self._unnamed_between(words[-1], p, speaker)
            ]
            found = found or self._named_next(words, speaker)
        else:
            return speaker
        if not found:
            return speaker
        if len({p.name for p in found}) > 1:
            earlier = [p for p in found if p.start < speaker.start]
            found = earlier[-1:] if earlier else found[:1]
        person = found[0]
        affiliation = speaker.affiliation or self.parties.affiliation_in(person.title_text)
        return replace(speaker, name=person.name, affiliation=affiliation, named_person=True)
