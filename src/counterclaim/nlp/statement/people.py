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

from counterclaim.kb.roles import is_role_word
from counterclaim.nlp.doctext import doc_ents
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


def _words(text: str) -> list[str]:
    return [w for w in _NAME_PART.findall(text.lower()) if w not in _FUNCTION_WORDS]


class PeopleIndex:
    """Full names of the people in one document, searchable by a part of the name or a title."""

    def __init__(self, doc: Doc, parties: PartyResolver, sentences: SentenceIndex) -> None:
        self.parties = parties
        self.people: list[_Person] = []
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON" and len(_words(ent.text)) >= 2 and self._unknown_or_person(ent.text):
                self.people.append(self._person(doc, ent, sentences.of(ent[0])))

    def _unknown_or_person(self, name: str) -> bool:
        """A name the model tags as a person may be a known group ("Al-Shabaab"): no one to complete a speaker with."""
        actor = self.parties.link(name)
        return actor is None or actor.kind == "person"

    @staticmethod
    def _person(doc: Doc, ent: Span, sentence: Span) -> _Person:
        first = max(sentence.start, ent.start - _TITLE_WINDOW)
        # a title runs up to the name without a verb: in "officials said the rocket that hit X", X has none
        verbs = [t.i for t in doc[first : ent.start] if t.pos_ in ("VERB", "AUX")]
        title = doc[max([first, *(i + 1 for i in verbs)]) : ent.start].text
        name = ent.text.strip(" ,.'’")
        return _Person(name, ent.start_char, frozenset(_words(name)), frozenset(_words(title)), title)

    def complete(self, speaker: Party) -> Party:
        """The speaker under the full name the document gives them, or the speaker unchanged."""
        if speaker.actor is not None:
            return speaker
        words = _words(speaker.name)
        if not words or not (speaker.name[:1].isupper() or is_role_word(words[-1])):
            return speaker  # a lower-case description completes only when it is a title ("the president said")
        if _INDEFINITE.search(self.parties.text, 0, speaker.start):
            return speaker  # "a TTP commander": someone not named, not the commander named before
        if len(words) == 1 and not is_role_word(words[0]):
            found = [p for p in self.people if words[0] in p.name_words and len(p.name_words) > 1]
        elif is_role_word(words[-1]) and speaker.role is None and not speaker.named_person:
            found = [p for p in self.people if set(words) <= p.title_words]
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
