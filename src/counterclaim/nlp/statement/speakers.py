"""Who made a statement: the subject of the cue, resolved to a named party.

News copy names a speaker once and then says "he", "they", "the ministry" or
"the statement". The resolver walks from the cue to its subject through
control and coordination ("were quick to point fingers", "... and claimed"),
splits lists of named speakers, and resolves pronouns and descriptions to the
most salient earlier mention that agrees in type: same sentence before earlier
ones, subjects and authors before other mentions, nearer before farther.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from spacy.attrs import DEP, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from counterclaim.nlp.doctext import doc_ents, in_quotation
from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.parties import Party, PartyResolver, name_tokens
from counterclaim.nlp.statement.rules.registry import Chain
from counterclaim.nlp.statement.sentences import SentenceIndex
from counterclaim.nlp.syntax import SUBJECTS, apposed_subject, preposition_objects, repaired_subject

#: Dependencies through which a verb shares the subject of its head.
_SHARES_SUBJECT = ("xcomp", "acomp", "conj", "advcl")
PERSON_PRONOUNS = {"he", "she", "him", "his", "her"}
THING_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "their"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
#: Tags of relative pronouns ("which", "who", "that"), which stand for the noun their clause modifies.
RELATIVE_TAGS = ("WDT", "WP")
#: Prepositions whose object receives what a statement says ("condolences to the people of X"): never its author.
_RECIPIENT_PREPOSITIONS = ("to",)
#: How many sentences back a pronoun or description may find its antecedent.
_LOOKBACK_SENTENCES = 3


def clause_subject(cue: Token) -> Token | None:
    """The subject of ``cue``'s clause, climbing through controlled and coordinated verbs.

    A relative pronoun stands for the noun its clause modifies ("X, which
    claimed the attack, ..." -> X). Of two subjects the parse gives one verb,
    the nearer is the subject and the other a label or role before it
    ("Kabul attack: X has claimed ...", "its news agency X claimed ..."),
    unless a comma sets the nearer off as an apposition; a dateline the
    parse made the subject gives way to the name after it; an
    apposition the parse made the subject gives way to its name ("after X, a
    front of Y, took ..."); an infinitive that completes an owned noun is
    its owner's ("India's move to blame X": India).
    """
    token = cue
    for _ in range(8):
        subject = _nearest_subject(token) or repaired_subject(token)
        if subject is not None and (noun := relative_antecedent(subject)) is not None:
            # "Pakistan, which has distanced itself from ...": the relative stands for its noun; not inside
            # what someone reports ("X said it came from Iran, which bears responsibility": X's words)
            reported = any(a.dep_ == "ccomp" for a in (noun, *noun.ancestors))
            # named, not "a militant group that had claimed ...": "the group al-Shabab, which ..."
            named = noun.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)
            if reported:
                return None
            return noun if named or _name_in(noun) else _apposed_to_name(noun) or _named_member(noun)
        if subject is not None:
            return past_dateline(subject) or apposed_subject(subject) or subject
        if _reporters_participle(token):
            token = token.head.head  # "X said the bomb was planted in Y, blaming Z": X blames
            continue
        if token.dep_ in _SHARES_SUBJECT and token.head != token:
            token = token.head
            continue
        if token.dep_ in ("relcl", "acl"):
            return _intent_owner(token) or token.head
        return None
    return None


def _name_in(noun: Token) -> bool:
    """ "the Islamic State (IS) militant group, which claimed ...": a description with a name inside it is named."""
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < noun.i for c in noun.children)


def _apposed_to_name(noun: Token) -> Token | None:
    """ "Jaish-e-Mohammed, the outfit which has claimed ...": a description set beside a name stands for the name."""
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i else None


def _named_member(noun: Token) -> Token | None:
    """ "Peru was among the governments that condemned ...", "Among the states that ... were Chile and Ghana": a
    class described by a relative clause speaks through the names the sentence counts among it; else nobody."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "among":
        return None
    verb = noun.head.head
    return next((c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ == "PROPN"), None)


def _said_in(document: Token, lex: StanceLexicon) -> set[int]:
    """The words of the blame a document lays ("a statement *attributing the attack to X*"), by index.

    A blaming or condemning participle after a statement says what it says:
    the names in it are whom it blames or whose attack it condemns ("a
    statement condemning the attack by X"), not who issued it ("a message posted in the name of
    X", "a statement circulating on X's channels" name the author).
    """
    blaming = lex.words("accuse_verbs", "attribute_verbs", "condemn_verbs")
    clauses = (c for c in document.children if c.dep_ == "acl" and c.lemma_.lower() in blaming)
    return {t.i for clause in clauses for t in clause.subtree}


def _intent_owner(verb: Token) -> Token | None:
    """ "India's move to blame Pakistan": whose move an infinitive completes acts, not the move itself."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "poss"), None)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the nearer one, unless it is an apposition set off by commas.

    A parse may make an opening phrase a second subject ("MOSCOW – ... X
    stated", "Kabul attack: The group has claimed"): the nearer one acts. In
    "Fighters from X, Y's affiliate, have claimed" the nearer is the first one's apposition.
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    before = [c for c in subjects if c.i < verb.i]
    if len(before) < 2:
        return next(iter(subjects), None)
    first, near = before[-2], before[-1]
    if near.pos_ == "PRON" and near.i == first.right_edge.i + 1:
        return first  # "spokesman X he said": a pronoun repeating the name just before it
    words = [t for t in near.subtree if not t.is_punct] or [near]
    ends = [t for t in first.subtree if not t.is_punct] or [first]
    doc = verb.doc
    between = doc[ends[-1].i + 1 : words[0].i]
    after = doc[words[-1].i + 1 : verb.i]
    commas = [t for t in between if t.text == ","]
    apposed = len(commas) == 1 and all(t.is_punct or t.is_space for t in between) and any(t.text == "," for t in after)
    return first if apposed else near


def _reporters_participle(verb: Token) -> bool:
    """A participle hung on a reported passive clause ("X said the attack was plotted abroad, blaming Y").

    The clause's subject is what was done, not who acts: the participle belongs to whoever reported the clause.
    """
    clause = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and clause.dep_ == "ccomp"
        and any(c.dep_ == "nsubjpass" for c in clause.children)
    )


def relative_antecedent(token: Token, through_reports: bool = False) -> Token | None:
    """What a relative pronoun stands for: the noun its clause modifies ("X, who said ..." -> X), else None.

    With ``through_reports`` the pronoun may sit in a report inside the relative clause ("X, which Washington
    says has links to Y": X has the links, in Washington's words).
    """
    if token.tag_ not in RELATIVE_TAGS:
        return None
    clause = token.head
    climbed = ("conj", "ccomp") if through_reports else ("conj",)
    while clause.dep_ in climbed and clause.head != clause:  # "X, who identified himself ... and said ..."
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" and clause.head != clause else None


def past_dateline(subject: Token) -> Token | None:
    """ "NAIROBI, March 4 (Reuters) - X claimed ...": a dateline the parse made the subject gives way to X.

    Of the names the place itself heads after the dateline, the last ("MOSCOW - Head of the FSB X stated": X,
    not the title); else the first apposition deeper in the dateline's phrase.
    """
    dateline = subject.doc._.dateline or {}
    if not dateline.get("end") or subject.idx >= dateline["end"]:
        return None
    after = [t for t in subject.subtree if t.dep_ == "appos" and t.idx >= dateline["end"]]
    named = [t for t in after if t.head == subject and t.pos_ == "PROPN"]
    return named[-1] if named else next(iter(after), None)


def passive_agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb ("was blamed on Y by X" -> X)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _received(token: Token, document: Token) -> bool:
    """Whether a name under a statement receives it ("condolences to the people of X"), through a "to" phrase."""
    for above in token.ancestors:
        if above == document:
            return False
        if above.dep_ in ("prep", "dative") and above.lower_ in _RECIPIENT_PREPOSITIONS:
            return True
    return False


class SpeakerResolver:
    """Resolves the subject of a cue to the parties who spoke, per document, with the ``speaker`` rules."""

    def __init__(
        self,
        doc: Doc,
        parties: PartyResolver,
        lexicon: StanceLexicon,
        sentences: SentenceIndex,
        rules: Chain[list[Party]],
    ) -> None:
        self.doc = doc
        self.sentences = sentences
        self.parties = parties
        self.lex = lexicon
        self.rules = rules

    def speakers(self, head: Token) -> list[Party]:
        """The parties the noun phrase at ``head`` names (one per named speaker in a list), by the ``speaker`` rules.

        Each party records the rule that found it (after the rules that named it), for the statement's evidence.
        """
        found = self.rules.first(self, head, token=head)
        if found is None:
            return []
        rule, parties = found
        for party in parties:
            party.rules = (rule.name, *party.rules)
        return parties

    def outlet(self, cue: Token, speaker: Party) -> Party | None:
        """The outlet a group spoke through ("said on its Amaq news agency", "through its Radio X station").

        The outlet is the most specific speaker of a group's claim; it speaks for the group.
        """
        group = next((a for a in (speaker.actor, speaker.affiliation) if a and a.kind == "militant_group"), None)
        if group is None or speaker.is_person:
            return None  # a spokesman named is more specific than the outlet he spoke through
        for medium in self._media(cue):
            party = self._outlet_party(medium)
            if party is not None:
                party.affiliation = group
                party.rules = (*speaker.rules, *party.rules)  # found through the speaker
                return party
        return None

    def _media(self, cue: Token) -> list[Token]:
        """What a cue says it went through: objects of "via", "on", "through" ... under the cue or its object.

        A coordinated cue shares the first verb's medium ("posted a statement
        on its website, X, and claimed ..."); a medium's apposition names it
        ("its website, X").
        """
        holders = [cue]
        if cue.dep_ == "conj" and cue.head != cue:
            holders.append(cue.head)
        holders += [c for h in list(holders) for c in h.children if c.dep_ == "dobj"]
        found = []
        for holder in holders:
            for child in holder.children:
                if child.dep_ != "prep" or child.lower_ not in self.lex.outlet_prepositions:
                    continue
                for medium in (g for g in child.children if g.dep_ == "pobj"):
                    found += [medium, *(c for c in medium.children if c.dep_ == "appos")]
        return sorted(found, key=lambda t: t.i)

    def _outlet_party(self, medium: Token) -> Party | None:
        """The outlet a medium names: a group's known outlet, the one that carried a statement, or a name on an
        outlet noun that is no platform.

        A platform (Telegram, X, a website) carries everyone's words; it never speaks.
        """
        if medium.lemma_.lower() in self.lex.document_nouns:  # "in a statement carried by its X agency"
            return next((p for p in self.authors(medium) if self._groups_outlet(p)), None)
        party = self.parties.from_head(medium)
        if party.actor is not None and party.actor.kind == "media":
            return party if self._groups_outlet(party) else None
        named = [t for t in name_tokens(medium) if t.pos_ == "PROPN"]
        if medium.lemma_.lower() not in self.lex.outlet_nouns or not named:
            return None
        party = self.parties.from_text(named[0].idx, named[-1].idx + len(named[-1]))
        return None if self.is_platform(party.name) else party

    def _groups_outlet(self, party: Party) -> bool:
        """Whether a party is a known outlet of a militant group (Amaq, al-Kataib), not an independent one."""
        actor = party.actor
        owner = self.parties.kb.actor(actor.affiliation) if actor is not None and actor.affiliation else None
        return actor is not None and actor.kind == "media" and owner is not None and owner.kind == "militant_group"

    def is_platform(self, name: str) -> bool:
        """Whether a name is a platform that carries statements (Telegram, X, social media), not who made them."""
        return name.strip().lower().removeprefix("the ") in self.lex.platforms

    def can_speak(self, head: Token) -> bool:
        """Whether a noun phrase may name a speaker: a name, an entity, a known actor or a speaker noun."""
        if head.pos_ == "PROPN" or head.ent_type_ in _NAME_ENTS:
            return True
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):  # "the chairman, X Y,"
            return True
        if head.lemma_.lower() in self.lex.speaker_nouns or head.lower_ in self.lex.speaker_nouns:
            return True
        if head.lemma_.lower() in self.lex.inquiry_bodies and any(
            c.dep_ in ("compound", "amod") and c.lower_ in self.lex.inquiry_words for c in head.children
        ):
            return True  # "the investigation team": a body named for its inquiry, not any team
        tokens = name_tokens(head)
        return self.parties.link(self.parties.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]) is not None

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
        content = _said_in(document, self.lex)
        named = [
            t
            for t in document.subtree
            if t.i > document.i
            and t.i not in content
            and t.pos_ == "PROPN"
            and t.dep_ == "pobj"
            and not self.is_platform(t.text)
            and t.ent_type_ not in ("DATE", "TIME")
            and not _received(t, document)
        ]  # "a statement posted on Telegram", "on Thursday", "condolences to X": the platform carried it, the day
        # dated it, X received it
        if named and self.can_speak(named[0]):  # "a message posted in the name of X"
            return self.speakers(named[0])
        channel = self._channel_owner(document, content)
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

    def _channel_owner(self, document: Token, content: set[int]) -> Party | None:
        """The group whose channels carried a statement ("a statement circulating on Islamic State channels")."""
        places = (t for t in document.subtree if t.i > document.i and t.dep_ == "pobj" and t.pos_ == "NOUN")
        for place in (t for t in places if t.i not in content):
            owners = [c for c in place.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            party = self.parties.from_head(owners[-1]) if owners else None
            if party is not None and party.actor is not None and party.actor.kind in ("militant_group", "media"):
                return party
        return None

    def is_description(self, head: Token) -> bool:
        """ "the ministry", "the armed group": a definite common noun that stands for an actor named before."""
        if head.pos_ == "PROPN" and head.lemma_.lower() not in self.lex.description_kinds:
            return False
        if head.pos_ == "PROPN" and any(g.pos_ == "PROPN" for g in preposition_objects(head, "of")):
            return False  # "the Organisation of Islamic Cooperation": a name, not "the organisation" named before
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        modified = any(
            c.dep_ in ("compound", "amod", "poss", "nmod")
            and c.lower_ not in self.lex.descriptive_modifiers
            and not self.is_state_demonym(c)
            for c in head.children
        )  # "the armed group", "the terror group", "the Somali group" (a state's demonym: where the group is from)
        # stand for the group named before; "the Baloch group" names its own
        # "the terrorist group X" names X; a person after it ("the armed group, Y Z,") is someone else's apposition
        named = any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ != "PERSON" for c in head.children)
        return head.lemma_.lower() in self.lex.description_kinds and definite and not modified and not named

    def is_state_demonym(self, modifier: Token) -> bool:
        """ "the *Somali* group": a modifier that is a state's demonym says where the group is from, not which it is."""
        return modifier.dep_ == "amod" and self.parties.kb.demonym_state(modifier.text) is not None

    @cached_property
    def place_words(self) -> set[str]:
        """Words the model tags as places somewhere in the document: the same word elsewhere is a place too."""
        return {ent.text for ent in doc_ents(self.doc) if ent.label_ in PLACE_ENTS}

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
            # "Days after X took ...": X is who acted
            salient = salient or (token.dep_ == "pobj" and token.head.head.lemma_.lower() in self.lex.time_nouns)
            if salient and token.pos_ in ("NOUN", "PROPN") and self.can_speak(token):
                heads[token.i] = True
        line = self.doc._.dateline or {}
        filed = range(line.get("start", 0), line.get("end", 0))  # "NAIROBI, March 4 -": where the report was filed
        return sorted(
            ((self.doc[i], s) for i, s in heads.items() if self.doc[i].idx not in filed), key=lambda c: c[0].i
        )

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
        token_quoted = self._quoted(token)
        for head, salient in nearby:
            if head.i in range(token.left_edge.i, token.right_edge.i + 1) or _inside(token, head):
                continue  # nor the phrase the description stands in ("a spokesman for the group")
            if token.dep_ in SUBJECTS and token.head.dep_ == "relcl" and token.head.head == head:
                continue  # "X, which it claims was behind it": the subject of a relative clause is not its noun
            same_sentence = self.sentences.number(head) == index
            if same_sentence and sum(t.is_quote for t in token.doc[head.i + 1 : token.i]) % 2:
                continue  # '"... in the bush ...," he said': a name inside a quote closed since is not who "he" is
            if not same_sentence and not token_quoted and self._quoted(head):
                continue  # '"X chose the wrong target," the government said. It said ...': "it" is no one quoted
            # within one sentence, the main clause's subject before one in what it reports ("X pointed out that
            # Y used to ...", then "he": X)
            distance = index - self.sentences.number(head)
            ranked.append(((not same_sentence, not salient, distance, _reported(head), -head.i), head))
        for _, head in sorted(ranked, key=lambda r: r[0]):
            if token.lower_ in THING_PRONOUNS and head.lemma_.lower() in self.lex.document_nouns:
                found = self.authors(head)  # "The report names X ... It notes": the report's author, or no one
                return found[0] if found else None
            party = self._agreeing(token, head)
            if party is not None:
                return party
        return None

    def _quoted(self, token: Token) -> bool:
        """Whether a word stands inside quotation marks opened in its own sentence."""
        return in_quotation(token.doc, self.sentences.of(token).start_char, token.idx)

    def _agreeing(self, token: Token, head: Token) -> Party | None:
        """The party at ``head`` if it can be what ``token`` refers to."""
        if head.lemma_.lower() in self.lex.document_nouns:
            return None
        if self.is_description(head):
            return None
        party = self.parties.from_head(head)
        word = token.lower_
        if word in PERSON_PRONOUNS:  # "he" is no known group the model tags as a person ("Boko Haram")
            return party if party.is_person or (head.ent_type_ == "PERSON" and party.actor is None) else None
        if party.is_person or head.ent_type_ == "PERSON":
            return None
        if word in THING_PRONOUNS:
            return party if head.tag_ != "NNS" else None
        if word in GROUP_PRONOUNS:
            return party
        kinds = self.lex.description_kinds.get(token.lemma_.lower(), ())
        if party.actor is not None and party.actor.kind in kinds:
            return party
        return party if token.lemma_.lower() in party.text.lower() else None


def _reported(head: Token) -> bool:
    """Whether a phrase sits in a clause another verb reports or frames (a ``ccomp``/``xcomp`` above it)."""
    return any(a.dep_ in ("ccomp", "xcomp") for a in head.ancestors)


def _inside(description: Token, head: Token) -> bool:
    """A description in a prepositional phrase of ``head`` ("a spokesman for the group"): it stands in that phrase."""
    return description.pos_ == "NOUN" and description.dep_ == "pobj" and description.head.head == head
