"""Resolves statements about responsibility: stance, speaker, target, date.

Acts come from two places: narrated cues found here ("X claimed
responsibility", "X blamed Y") and reported speech found by
``cc_attributions`` ("X said that Y was behind the attack"). Each act gets its
speakers (one per named speaker in a list), the parties it makes responsible
(canonical through the knowledge base), a stance decided over the whole
document, a date and evidence. Repeats of one speech act — the same speaker,
stance and target — are kept once.

Every decision is a named rule of the registry (``nlp/statement/rules/``),
tried in the order ``nlp/statement/rules.yaml`` gives; the component's
``rules`` (another YAML) and ``disabled_rules`` settings change which run.
The names of the rules that shaped a statement go into its evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterclaim.kb import KnowledgeBase, get_kb
from counterclaim.nlp.attack.place import article_countries
from counterclaim.nlp.components.content import body_start, in_furniture
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.extensions import register_extensions
from counterclaim.nlp.gazetteer import find_city
from counterclaim.nlp.statement.claimants import ClaimantGuard
from counterclaim.nlp.statement.condemnation import (
    CondemnationReader,
    classifies,
    most_specific_condemners,
    named_condemner,
    without_claimants_condemning,
    without_vows_of_accusers,
)
from counterclaim.nlp.statement.described import resolved_descriptions
from counterclaim.nlp.statement.lexicon import StanceLexicon, stance_lexicon
from counterclaim.nlp.statement.narrated import Act, NarratedCues
from counterclaim.nlp.statement.parties import Link, Party, PartyResolver, name_spans, possessor
from counterclaim.nlp.statement.people import PeopleIndex
from counterclaim.nlp.statement.rules.registry import build_chains
from counterclaim.nlp.statement.sentences import SentenceIndex
from counterclaim.nlp.statement.speakers import SpeakerResolver, clause_subject, relative_antecedent
from counterclaim.nlp.statement.stance import Draft, cleared_side, drafts, finalise, group_of
from counterclaim.nlp.statement.targets import Blame, TargetFinder, is_hedged, is_negated
from counterclaim.nlp.statement.timing import StatementDater
from counterclaim.nlp.syntax import named_example, preposition_objects
from counterclaim.nlp.tokenwords import word_flags
from counterclaim.records import REPORT_DAY_RULE, Actor, Attribution, Evidence, Mention, Statement
from counterclaim.records import Span as TextSpan

#: Confidence by how an act was found: a narrated cue names the stance; reported content implies it.
_CONFIDENCE = {"claim": 0.9, "blame": 0.85, "deny": 0.8, "condemn": 0.85, "report": 0.7}
_QUOTE_MARKS = "\"'“”‘’«»‹› "
_WORD = re.compile(r"[a-z0-9]+")
_FIRST_PERSON = {"we", "i", "us", "our", "my"}
#: How many phrase links the resolver remembers across documents before starting afresh.
_LINK_MEMO_SIZE = 65536


class StatementResolver:
    """Resolves statements about responsibility: stance, speaker, target, date."""

    def __init__(
        self, nlp: Language, name: str, extra_kb: list[str], rules: str | None, disabled_rules: Sequence[str]
    ) -> None:
        register_extensions()
        self.name = name
        self.kb: KnowledgeBase = get_kb(tuple(extra_kb))
        self.lex: StanceLexicon = stance_lexicon()
        self.rules = build_chains(self.lex, rules, disabled_rules)
        self.targets = TargetFinder(self.lex, self.rules.target)
        self.cues = NarratedCues(self.lex, self.targets, self.rules.act)
        self.condemnation = CondemnationReader(self.lex, self.targets, self.rules.condemnation)
        #: The actor each phrase names (and whether only a weak name links it), kept across documents.
        self._links: dict[str, Link] = {}

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        end = doc._.content_end if doc._.content_end is not None else len(text)
        if len(self._links) > _LINK_MEMO_SIZE:
            self._links.clear()
        sentences = SentenceIndex(doc)
        self._home = self._home_state(doc, sentences)
        mentions = doc._.actor_mentions or []
        parties = PartyResolver(
            self.kb,
            text,
            self.lex.words("anonymous_perpetrators", "group_parts"),
            self.lex.government_words,
            name_spans(doc),
            self._links,
            self.lex.state_nouns,
            rules=self.rules,
            supported=frozenset(m.actor_id for m in mentions if m.actor_id),
            states=self._states(mentions),
            outlet_nouns=self.lex.outlet_nouns,
            leader_words=(self.lex.leader_nouns, self.lex.leading_verbs),
            group_descriptors=self.lex.group_descriptors,
            association_words=self.lex.association_words,
            branch_nouns=self.lex.branch_nouns,
        )
        speakers = SpeakerResolver(doc, parties, self.lex, sentences, self.rules.speaker)
        self._people = PeopleIndex(doc, parties, sentences)
        narrated = [act for act in self.cues.acts(doc, end) if not in_furniture(doc, act.cue.idx)]
        acts = self._outside_quotes(doc, narrated, speakers)
        seen = {act.cue.i for act in acts}
        relays = [a for a in doc._.attributions or [] if any(_relays(a, other) for other in doc._.attributions)]
        attributions = [a for a in doc._.attributions or [] if a not in relays]
        for attribution in attributions:
            reported = self.rules.speech.named(doc, attribution)
            if (
                not reported
                or any(_nested_in(attribution, other) for other in attributions)
                or self.cues.habitual(reported[0].cue)
            ):
                continue
            act, *rest = reported
            if act.cue.i not in seen and act.cue.idx < end:
                seen.add(act.cue.i)
                acts.append(act)
            elif _quote_of_condemner(acts, act):
                acts.append(act)  # X deplored: "Y attacked our forces": the words quoted are read for who did it
            else:
                _widen_to_quote(acts, act)
            acts += [part for part in rest if part.cue.idx < end]  # "A," X said. "B.": B is X's words too
        items: list[Draft] = []
        for act in sorted(_outermost(acts, self.lex), key=lambda a: a.cue.i):
            items += self._drafts(act, speakers, parties, sentences.of(act.cue))
        dater = StatementDater(doc, self.lex, sentences, self.kb)
        guard = ClaimantGuard(doc, self.kb, self.lex, sentences)
        kept = _without_disowned_claims(finalise(guard.checked(guard.own_accounts(items)), self.kb))
        kept = resolved_descriptions(kept, mentions, self.kb, self.lex)  # "a local Islamist group": the one named
        kept = guard.without_headline_claims(kept, body_start(text))
        kept = most_specific_condemners(without_vows_of_accusers(without_claimants_condemning(kept)))
        records = [self._record(doc, d, dater, sentences.of(d.act.cue)) for d in kept]
        separate = {d.act.cue.idx for d in kept if d.stance == "claim" and self._separate(d.act)}
        own_denials = {d.act.cue.idx for d in kept if guard.own_group_denial(d)}
        doc._.statements = self._unique(self._without_body_repeats(records), text, separate, own_denials)
        return doc

    def _without_body_repeats(self, statements: list[Statement]) -> list[Statement]:
        """A state's or body's accusation or denial that its own spokesman or minister also makes is one act.

        "India rejected the claims", "the MEA dismissed them" and "spokesman
        X said: we reject them" report one speech act at three levels; the
        person's statement is the most specific and stays, with the day the
        body's report gives when its own words give none ("India on Sunday
        rejected the claims", then the spokesman's undated words). A body counts as
        the person's own when it is their affiliation or that affiliation's
        state; plural or unnamed speakers ("regime officials") are no body here.
        """

        def sides(statement: Statement) -> set[str]:
            owner = self.kb.actor(statement.speaker.affiliation_id) if statement.speaker.affiliation_id else None
            return {a for a in (owner.id, owner.affiliation, owner.country) if a} if owner is not None else set()

        def below(statement: Statement) -> bool:
            """A person, or a named party under a state that is no body of it."""
            actor = self.kb.actor(statement.speaker.actor_id) if statement.speaker.actor_id else None
            named = actor is None and statement.speaker_name[:1].isupper() and not self._unlinked_body(statement)
            return bool(statement.speaker.role) or named or (actor is not None and actor.kind == "person")

        def office_words(statement: Statement) -> set[str]:
            """The words that tell an unlinked office from its state: "Shin Bet security" of "Israel's Shin Bet
            security agency"."""
            state = self.kb.actor(statement.speaker.affiliation_id or "")
            own = set(_WORD.findall(state.name.lower())) if state is not None else set()
            words = set(_WORD.findall(statement.speaker_name.lower()))
            return {w for w in words - own if len(w) > 1 and w not in self.lex.description_kinds}

        def its_person(statement: Statement, person: Statement) -> bool:
            """Whether a person can speak for an office: one the text ties to it by a word of its name ("the
            Foreign Office spokesman" for "Pakistan's Foreign Office", in any of their statements), not any
            official of its state."""
            roles = " ".join(s.speaker.role or "" for s in statements if s.speaker_name == person.speaker_name)
            said = set(_WORD.findall(f"{roles} {person.speaker_name}".lower()))
            return bool(office_words(statement) & said)

        people = [s for s in statements if below(s)]
        dated: dict[int, dt.date] = {}  # the person's statement -> the day its body's report of the act gives
        out = []
        for statement in statements:
            body = self.kb.actor(statement.speaker.actor_id) if statement.speaker.actor_id else None
            office = body is None and self._unlinked_body(statement)
            if office:  # "Pakistan's Foreign Office": a body of its state
                body = self.kb.actor(statement.speaker.affiliation_id or "")
            if body is None or body.kind not in _BODIES or statement.stance not in _LEVELLED_STANCES:
                out.append(statement)
                continue
            same = next(
                (
                    p
                    for p in people
                    if p is not statement
                    and p.stance == statement.stance
                    and p.target_name == statement.target_name
                    and body.id in sides(p)
                    and (not office or its_person(statement, p))
                ),
                None,
            )
            if same is None:
                out.append(statement)
            elif statement.told_date:  # "X on Sunday rejected ...", then its spokesman's words, undated
                dated.setdefault(id(same), statement.date)
        return [_redated(s, dated[id(s)]) if not s.told_date and id(s) in dated else s for s in out]

    def _outside_quotes(self, doc: Doc, acts: list[Act], speakers: SpeakerResolver) -> list[Act]:
        """Narrated cues inside someone's quote are that speaker's words, not the narrator's.

        A quote in which the speaker acts ("We reject any role," the group said)
        keeps the act with the quoted speaker; any other cue in a quote is left to
        the reading of the quote's content ("X bears responsibility", Y said).
        """
        kept = []
        for act in acts:
            quote = next((a for a in doc._.attributions or [] if _quotes(a, act.cue.idx)), None)
            if quote is None or (act.speaker is not None and not _quotes(quote, act.speaker.idx)):
                # no quote, or only the verb is quoted (said X "strongly condemned" it): the narrator reports X's act
                kept.append(act)
                continue
            source = (
                doc.char_span(quote.source.start, quote.source.end, alignment_mode="expand") if quote.source else None
            )
            if source is None or act.speaker is None:
                continue
            quoted = speakers.speakers(source.root)
            acting = speakers.speakers(act.speaker) if act.speaker.lower_ not in _FIRST_PERSON else quoted
            if quoted and acting and quoted[0].name == acting[0].name:
                act.speaker = source.root
                kept.append(act)
        return kept

    def _drafts(self, act: Act, speakers: SpeakerResolver, parties: PartyResolver, sentence: Span) -> list[Draft]:
        """Draft statements of one act: one per speaker named and party blamed."""
        head = act.speaker if act.speaker is not None else clause_subject(act.cue)
        head = relative_antecedent(head) or head if head is not None else None  # "X, who said ...": X
        if head is None:
            return []
        found = speakers.speakers(head)
        reported_claims: set[int] = set()
        if act.content is not None:
            blamed = self._answered(act, self.targets.blamed(act.content, root=act.cue))
            if act.direct:
                blamed = [b for b in blamed if not self._relayed(b.head, act)]
            if act.kind == "deny":
                blamed = [b for b in blamed if not b.negated]
            act_targets = [
                (_found_by(b.rule, self._party(b.head, head, speakers, parties)), b.hedged, b.negated) for b in blamed
            ]
            # "X claimed responsibility", reported: X's own claim, which blames X only in the words of X's side
            reported_claims = {id(t[0]) for t, b in zip(act_targets, blamed, strict=True) if b.kind == "claimed"}
            act_targets = [  # a place counts only when it is a state; a cleft ("it is X that ...") only for a group
                t for t, b in zip(act_targets, blamed, strict=True) if _kind_fits(b.kind, t[0])
            ]
        else:
            act_targets = [  # a "doubted" party is cleared only as the speaker's own side (stance.denial)
                (_found_by(act.rule, party), b.kind == "doubted", False)
                for b in act.targets
                for party in self._named_by(b, head, speakers, parties)
            ]
        act_targets = [
            (_led_group(p), h, n) for p, h, n in act_targets if p is not None and self._names_party(p, act.cue.doc)
        ]
        act_targets = [(self._full_name(p), h, n) for p, h, n in self._branch_names(act_targets)]
        # a group's own account of the attack is a claim ("X is expected to claim it" is none)
        claim_like = (
            act.content is not None
            and self._own_account(act.content)
            and act.cue.lemma_.lower() not in self.lex.words("unmade_claim_heads", "condemn_verbs")
        )
        out = []
        found = [speakers.outlet(act.cue, s) or s for s in found]
        for speaker in map(self._people.complete, found):
            if self._unnamed_perpetrators(speaker):
                continue  # "Kurdish militants deny ...": nobody the text names speaks
            if speaker.affiliation is None and speaker.actor is None and self._national(speaker):
                speaker.affiliation = self._home  # "military spokesman X", "the interior ministry": the home state's
            speaker = self._state_itself(speaker)
            own_targets = [t for t in act_targets if id(t[0]) not in reported_claims or self._own_side(speaker, t[0])]
            drafted = drafts(self.rules.stance, act, speaker, own_targets, claim_like)
            drafted = [self._branch_claimed(d) for d in drafted]
            if not drafted and act.kind == "report" and act.content is not None and not reported_claims:
                drafted = self._fallback(act, speaker, sentence) or self._condemning(act, speaker, speakers)
            elif act.kind == "report" and act.content and all(d.stance == "attribute" for d in drafted):
                # one quote that blames and condemns is two statements ("this cowardly attack was carried out by X")
                drafted += self._condemning(act, speaker, speakers)
            if act.rule == "speech.split_quote" and act.content is not None and act.content.start > act.cue.i:
                drafted = [d for d in drafted if d.stance == "attribute"]  # "A," X said. "B.": B only names the doer
            out += [
                d
                for d in drafted
                if not _self_blame(d)
                and (
                    d.stance != "condemn"
                    or (named_condemner(act.cue.doc, d.speaker, self.lex) and not classifies(d, self.lex))
                )
            ]
        return out

    def _relayed(self, token: Token, act: Act) -> bool:
        """Whether ``token`` lies in a clause that a verb or noun of saying within the quote reports.

        In "X is lying when it says it had no part in this", Y said, the denial
        is X's, quoted by Y to reject it: no stance of Y's comes from it. A
        first-person report ("we say X did it") is the speaker's own, and so is
        one outside the quotation marks ("X, which Y says hides there").
        """
        content = act.content
        node = token
        while node.head.i != node.i and node.dep_ != "ROOT":
            clause, node = node, node.head
            if node.i == act.cue.i or content is None or not content.start <= node.i < content.end:
                return False
            if clause.dep_ not in ("ccomp", "acl"):
                continue  # only a reported clause ("says [it ...]", "the assertion [that it ...]")
            relayed_verb = node.pos_ == "VERB" and node.lemma_.lower() in self.lex.relayed_speech_verbs
            relayed_noun = node.pos_ == "NOUN" and node.lemma_.lower() in self.lex.accusation_nouns
            inside = sum(t.is_quote for t in content[: node.i - content.start]) % 2 == 1
            if not (relayed_verb or relayed_noun) or not inside:
                continue  # a report outside the quotation marks is the narrator's or the speaker's own
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "poss")), None)
            if subject is None or subject.lower_ not in _FIRST_PERSON:
                return True
        return False

    def _own_account(self, content: Span) -> bool:
        """Whether what a group said reads as its own account of the attack (its fighters, its operation).

        Only an account of what happened is a claim: the group's words that
        deny ("the group denied involvement"), negate ("its fighters had
        nothing to do with it") or hedge ("may have been involved") never are.
        """
        root = content.root
        return (
            any(word_flags(content.doc, forms=self.lex.claim_markers)[content.start : content.end])
            and root.lemma_.lower() not in self.lex.deny_verbs
            and not is_negated(root, self.lex)
            and not is_hedged(root, self.lex, stop=root)
        )

    def _answered(self, act: Act, blamed: list[Blame]) -> list[Blame]:
        """A question put to the speaker ("asked whether X was behind it, he replied: 'We think so'") takes the answer.

        What the question names is hedged by its "whether"; a yes makes it the
        speaker's attribution, a no a negation, any other answer leaves it a hedge.
        """
        if act.cue.lemma_.lower() not in self.lex.question_verbs or act.cue.dep_ not in ("advcl", "ccomp", "xcomp"):
            return blamed
        reply = act.cue.head
        answer = " ".join(t.lower_ for t in reply.sent if t.i > reply.i and not t.is_punct)
        said = f" {answer} "
        if any(f" {phrase} " in said for phrase in self.lex.negative_answers):
            return [replace(b, hedged=False, negated=True) for b in blamed]
        if any(f" {phrase} " in said for phrase in self.lex.affirmative_answers):
            return [replace(b, hedged=False) for b in blamed]
        return blamed

    def _named_by(self, blame: Blame, speaker: Token, speakers: SpeakerResolver, parties: PartyResolver) -> list[Party]:
        """The parties a cue's target phrase names ("accused X and Y": both); a "side" target is a speaker's side.

        "India rejected Pakistan's claims" reports Pakistan accusing whoever India's denial clears: India's side.
        """
        if blame.kind == "side":
            found = speakers.speakers(blame.head)
            side = cleared_side(found[0]) if found else None
            return [side] if side is not None else []
        named = (self._party(h, speaker, speakers, parties) for h in self.targets.listed(blame.head))
        return [party for party in named if party is not None]

    def _branch_names(self, targets: list[tuple[Party, bool, bool]]) -> list[tuple[Party, bool, bool]]:
        """A group named with its branch after a comma ("the Islamic State, West African Province") is the branch.

        The parse reads two names; the parent right before its own branch is part of the branch's name.
        """

        def parent_named(party: Party) -> bool:
            return party.actor is not None and any(
                other.actor is not None
                and 0 <= other.start - party.end <= 3
                and self.kb.is_branch_of(other.actor.id, party.actor.id)
                for other, _, _ in targets
            )

        parents = {party.actor.id for party, _, _ in targets if parent_named(party)}
        return [t for t in targets if t[0].actor is None or t[0].actor.id not in parents]

    def _own_side(self, speaker: Party, party: Party) -> bool:
        """Whether a speaker speaks for the group a party names (its outlet or spokesman, or a branch of it)."""
        own, other = group_of(speaker), party.actor
        if own is None or other is None:
            return False
        return self.kb.related(own.id, other.id)

    def _names_party(self, party: Party, doc: Doc) -> bool:
        """Whether a phrase blamed or cleared names a party: an actor, a person, a name or a collective noun.

        "people", "a diplomatic solution" or "the missile attack" are not who
        did it; "local political networks" is, though no knowledge base knows it.
        """
        if party.actor is not None or party.affiliation is not None or party.is_person:
            return True
        if self._unnamed_perpetrators(party):
            return False  # "Kurdish militants", "Islamist gunmen": who they are is not said
        words = _WORD.findall(party.name.lower())
        if party.name.lower() in self.lex.platforms:
            return False  # "posted on Telegram": a platform carries words, it does nothing
        capital = party.name[:1].isupper() and not _opening_capital(doc, party)
        if capital or (words and words[-1].rstrip("s") in self.lex.militant_labels):
            return True  # "takfiris": a label for a militant current, kept as written
        if all(w in self.lex.descriptive_modifiers for w in words[:-1]):
            return False  # "the group", "the terror group": which one is not said
        if self._outsiders(words):
            return True  # "foreign elements", "outside forces": the speaker blames foreigners
        return bool(words) and (words[-1] in self.lex.party_nouns or words[-1].rstrip("s") in self.lex.party_nouns)

    def _unlinked_body(self, statement: Statement) -> bool:
        """A state's office the knowledge base does not know, named as such ("Pakistan's Foreign Office")."""
        words = _WORD.findall(statement.speaker_name.lower())
        kinds = self.lex.description_kinds.get(words[-1], ()) if words else ()
        return (
            statement.speaker.actor_id is None
            and not statement.speaker.role
            and statement.speaker.affiliation_id is not None
            and statement.speaker_name[:1].isupper()
            and any(kind in ("agency", "state") for kind in kinds)
        )

    def _full_name(self, target: Party) -> Party:
        """ "the judges found Balliet guilty": a person blamed by surname alone under the full name given before."""
        if target.actor is not None or " " in target.name.strip():
            return target
        named = self._people.complete(target)  # the name only: a title's state is not the side of one blamed
        return replace(target, name=named.name, named_person=named.named_person)

    def _state_itself(self, speaker: Party) -> Party:
        """ "the Federal Government", "Iranian authorities", "the regime": the state they govern speaks."""
        state = speaker.affiliation
        if speaker.actor is not None or state is None or state.kind != "state" or speaker.is_person:
            return speaker
        words = [w for w in _WORD.findall(speaker.name.lower()) if w not in self.lex.government_qualifiers]
        rest = [w for w in words if w not in self.lex.state_nouns]
        if rest[:1] == ["in"] and self.kb.lookup(" ".join(rest[1:])) == state:
            rest = []  # "the government in Mogadishu": its seat names the state it governs
        if not words or len(rest) == len(words) or (rest and self.kb.demonym_state(" ".join(rest)) != state):
            return speaker
        return Party(speaker.start, speaker.end, speaker.text, state.name, state, None, state, rules=speaker.rules)

    def _unnamed_perpetrators(self, party: Party) -> bool:
        """A phrase for perpetrators that names no actor, person or side ("Kurdish militants", "the gunmen")."""
        if party.actor is not None or party.affiliation is not None or party.is_person:
            return False
        words = _WORD.findall(party.name.lower())
        return bool(words) and self._anonymous_word(words[-1]) and not self._outsiders(words)

    def _outsiders(self, words: list[str]) -> bool:
        """Whether a phrase's words before its noun name foreigners ("foreign elements"): a side, though unnamed."""
        return any(w in self.lex.outsider_words for w in words[:-1])

    def _anonymous_word(self, word: str) -> bool:
        """A word for perpetrators that says nothing of who they are ("militants", "gunman")."""
        return word in self.lex.anonymous_perpetrators or word.rstrip("s") in self.lex.anonymous_perpetrators

    def _states(self, mentions: list[Mention]) -> tuple[str, ...]:
        """The states the document is about, surest first: the attack's, then each it names, in order."""
        named = [a.id for m in mentions if m.actor_id and (a := self.kb.actor(m.actor_id)) and a.kind == "state"]
        return tuple(dict.fromkeys([*([self._home.id] if self._home else []), *named]))

    def _home_state(self, doc: Doc, sentences: SentenceIndex) -> Actor | None:
        """The state the attack struck, which unnamed national bodies ("the army", "the government") belong to.

        The first place named in a sentence about the attack says where it
        struck ("a blast in Mogadishu"): a dateline says where the report was
        filed, and a state named in what speakers say ("Syrian militias") is
        not theirs. Failing that, the state the article names most.
        """
        filed = (doc._.dateline or {}).get("end", 0)
        attack = self.targets.attack_words(doc)
        for sentence in sentences.all:
            places = [e for e in sentence.ents if e.label_ == "GPE" and e.start_char >= filed]
            if not any(attack[sentence.start : sentence.end]):
                continue
            if not places and (state := self._sited_demonym(sentence)) is not None:
                return state  # "militants attack Ugandan school": the demonym of the place struck
            if not places:
                continue
            for place in places:
                state = self.kb.lookup(place.text)
                if state is None and (city := find_city(place.text, min_population=_CITY_SIZE)) is not None:
                    state = self.kb.lookup(city.country)
                if state is not None and state.kind == "state":
                    return state
            break
        counts = article_countries(doc, self.kb)
        return next((a for name, _ in counts.most_common(1) if (a := self.kb.lookup(name)) and a.kind == "state"), None)

    def _sited_demonym(self, sentence: Span) -> Actor | None:
        """The state a demonym names when it qualifies a thing, not people ("a Ugandan school", "Kenyan border town").

        Only for a sentence about the attack that names no place: the
        demonym of a site is where the attack struck; one of people
        ("Ugandan soldiers", "Israeli tourists") says who they are.
        """
        for word in sentence:  # word by word: a title-cased headline's entities are unreliable
            if word.dep_ not in ("amod", "compound") or word.head.lower_ not in self.lex.site_nouns:
                continue
            state = self.kb.demonym_state(word.text) if word.text[:1].isupper() else None
            if state is not None and state.kind == "state":
                return state
        return None

    def _national(self, speaker: Party) -> bool:
        """Whether the speaker's role, name or title where first named ("police spokesperson X") is a state's."""
        titles = self._people.unowned_titles(speaker.name) if speaker.named_person else ""
        words = _WORD.findall(f"{speaker.role or ''} {speaker.name} {titles}".lower())
        return any(w in self.lex.national_words for w in words)

    def _branch_claimed(self, draft: Draft) -> Draft:
        """A group's claim for a branch its words name ("fighters of its West Africa Province") targets the branch."""
        own = draft.target.actor if draft.stance == "claim" and draft.target else None
        content = draft.act.content
        if own is None or content is None:
            return draft
        for start, end, actor in self.kb.find_all(content.text):
            if actor.kind == "militant_group" and self.kb.is_branch_of(actor.id, own.id):
                begin = content.start_char + start
                text = content.text[start:end]
                draft.target = Party(begin, content.start_char + end, text, actor.name, actor, rules=draft.target.rules)
                break
        return draft

    def _party(self, head: Token, speaker: Token, speakers: SpeakerResolver, parties: PartyResolver) -> Party | None:
        """The party a target phrase names, pronouns resolved ("we" is the speaker).

        A noun owned by a pronoun that names no known actor ("his party", "our
        soil", "members of its Immortals Battalion") names the owner's side:
        the organisation or state the speaker acts for.
        """
        if head.ent_type_ in _NO_PARTY_ENTS:
            return None  # "Sunday's attacks": a day or a number is nobody
        head = named_example(head) or _apposed_after(head) or head  # "groups such as the ETIM": the group named
        noun = head.nbor(1) if head.pos_ == "ADJ" and head.i + 1 < len(head.doc) else None
        first = head.head
        listed = head.dep_ == "conj" and first.pos_ in ("PROPN", "NOUN") and first.dep_ not in ("amod", "compound")
        if noun is not None and noun.pos_ == "NOUN" and listed:  # not "from Iraqi or Iranian soil"
            # "accused Ukraine and Western countries": the parse listed the adjective, not its noun
            return parties.from_text(head.idx, noun.idx + len(noun))
        owned = self._membership(head) if self.targets.anonymous(head) else head
        named = [c for c in owned.children if c.dep_ == "compound" and c.pos_ == "PROPN" and owned.pos_ == "NOUN"]
        if owned.lower_ in self.lex.group_parts or owned.lemma_.lower() in self.lex.relational_nouns:
            named = []  # "the IS branch in X": the party rules; "US allies": others than the US
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in owned.children) or (
            self._anonymous_word(owned.lower_) and all(c.ent_type_ == "NORP" for c in named)
        ):
            named = []  # "an Algerian jihadist, X Y, who heads Z": the name says who; a nationality says no one's side
        if named and (party := parties.from_head(named[-1])).actor is not None:
            return party  # "their US masters": the name says whose, whoever "their" is
        owner = possessor(owned)
        described = owner is not None and (owner.pos_ == "PRON" or speakers.is_description(owner))  # "the group's men"
        if owned.pos_ in ("NOUN", "PROPN") and described:
            party = parties.from_head(owned)
            if party.actor is None:
                found = speakers.speakers(speaker if owner.lower_ in _FIRST_PERSON else owner)
                side = cleared_side(found[0]) if found else None
                return self._territory_of(side) if owned.lemma_.lower() in self.lex.haven_nouns else side
        if head.pos_ == "PRON" or speakers.is_description(head):
            found = speakers.speakers(speaker if head.lower_ in _FIRST_PERSON else head)
            return found[0] if found else None
        return parties.from_head(head)

    def _territory_of(self, side: Party | None) -> Party | None:
        """Whose soil "our soil" is: a state's own, or the country of the group that speaks.

        A group does not own territory: "our soil" in the words of the Taliban is Afghanistan's.
        """
        actor = side.actor if side is not None else None
        if side is None or actor is None or actor.kind == "state" or not actor.country:
            return side
        state = self.kb.actor(actor.country)
        return replace(side, name=state.name, actor=state, role=None, affiliation=state) if state else side

    @staticmethod
    def _membership(head: Token) -> Token:
        """What anonymous members belong to ("fighters of its unit" -> unit), else the head itself."""
        return next(iter(preposition_objects(head, "of", "from")), head)

    def _fallback(self, act: Act, speaker: Party, sentence: Span) -> list[Draft]:
        """What a report that makes no one responsible still says, by the first ``fallback`` rule that fires."""
        return self.rules.fallback.named(self, act, speaker, sentence)

    def _condemning(self, act: Act, speaker: Party, speakers: SpeakerResolver) -> list[Draft]:
        """A reported statement that condemns in its own words ("called the attack cowardly"); groups never do.

        A feeling declared for someone named ("a spokesman said X was appalled")
        is X's condemnation, reported by the speaker, unless X is the state or
        body the speaker speaks for.
        """
        if group_of(speaker) is not None or act.content is None:
            return []
        rule = self.condemnation.condemns(act.content)
        if rule is None:
            return []
        holder = self.condemnation.feeling_subject(act.content)
        named = speakers.speakers(holder) if holder is not None else []
        holder_actor = named[0].actor if named else None
        if holder_actor is not None and speaker.affiliation is not None:
            # the home state is only presumed for an official whose words name no state ("the foreign ministry")
            presumed = speaker.affiliation is self._home and self._home.name.lower() not in speaker.text.lower()
            if presumed and holder_actor.kind == "state" and speaker.role:
                speaker.affiliation = holder_actor  # her own words name the state she speaks for
            if holder_actor.id == speaker.affiliation.id:
                named = []  # "China is deeply shocked," the ministry's spokeswoman said: she speaks for it
        producer = f"statements.{act.producer}.condemn"
        return [Draft(act, named[0] if named else speaker, "condemn", None, producer, rule.name)]

    def _answerable(self, target: Party) -> str:
        """The name a target is reported under: a state's agency answers for its state.

        Blaming the ISI or the Mossad blames Pakistan or Israel, as analysts
        tally it; the mention keeps the agency itself.
        """
        actor = target.actor
        if actor is not None and actor.kind == "agency" and actor.affiliation:
            state = self.kb.actor(actor.affiliation)
            if state is not None and state.kind == "state":
                return state.name
        owner = target.affiliation
        words = _WORD.findall(target.name.lower())
        if actor is None and owner is not None and owner.kind == "state" and any(w in self._bodies for w in words):
            return owner.name  # "India's intelligence service", "the Afghan government": the state
        return target.name

    @cached_property
    def _bodies(self) -> frozenset[str]:
        """Nouns for a state's own institutions, which answer for the state as a target."""
        return (
            self.lex.national_words
            | self.lex.government_words
            | {"intelligence", "service", "services", "agency", "agencies"}
        )

    def _record(self, doc: Doc, draft: Draft, dater: StatementDater, sentence: Span) -> Statement:
        act = draft.act
        confidence = _CONFIDENCE[act.kind] * (0.8 if draft.stance == "other" else 1.0)
        if act.content is not None:
            quote_span = act.content
        else:
            left = min(draft.speaker.start, act.cue.idx)
            quote_span = doc.char_span(left, act.cue.right_edge.idx + len(act.cue.right_edge), alignment_mode="expand")
        quote = quote_span.text.strip(_QUOTE_MARKS) if quote_span is not None else sentence.text
        speaker_affiliation = draft.speaker.affiliation.name if draft.speaker.affiliation else None
        date, date_rule = dater.date_of(act.cue, act.speaker)
        return Statement(
            speaker=draft.speaker.mention(draft.producer, confidence),
            speaker_name=draft.speaker.name,
            speaker_affiliation=speaker_affiliation,
            stance=draft.stance,
            target=draft.target.mention(draft.producer, confidence) if draft.target else None,
            target_name=self._answerable(draft.target) if draft.target else None,
            cue=TextSpan(start=act.cue.idx, end=act.cue.idx + len(act.cue), text=act.cue.text),
            content=(
                TextSpan(start=act.content.start_char, end=act.content.end_char, text=act.content.text)
                if act.content is not None
                else None
            ),
            quote=quote,
            direct=act.direct,
            date=date,
            evidence=Evidence(
                document_id=doc._.document_id or "",
                start=sentence.start_char,
                end=sentence.end_char,
                sentence=sentence.text,
                producer=draft.producer,
                confidence=confidence,
                rules=[*_evidence_rules(draft), *([date_rule] if date_rule else [])],
            ),
        )

    def _separate(self, act: Act) -> bool:
        """Whether words tell an act apart from its speaker's others ("separately claimed", "a subsequent message",
        "in a separate statement")."""
        if act.rule in ("act.restated_claim", "act.release"):
            return True  # "the group repeated its claim", "released a video of the men": another act
        words = self.lex.separate_act_words
        said = act.speaker if act.speaker is not None else clause_subject(act.cue)
        documents = self.lex.document_nouns
        carriers = [
            o
            for h in (act.cue, *act.cue.ancestors)  # a misparse may hang "In a separate statement," on a head above
            for p in h.children
            if p.dep_ == "prep" and p.i < act.cue.i
            for o in p.children
            if o.dep_ == "pobj"
        ]
        heads = [act.cue, *(t for t in (said, *carriers) if t is not None and t.lemma_.lower() in documents)]
        return any(c.dep_ in ("advmod", "amod", "det") and c.lower_ in words for h in heads for c in h.children)

    @staticmethod
    def _unique(statements: list[Statement], text: str, separate: set[int], own_denials: set[int]) -> list[Statement]:
        """One statement per speech act: a later one by the same speaker, stance and target is a repeat.

        Speakers count as the same when one's name words include the other's
        ("state media and officials" repeats "state media and regime officials").
        A denial that clears nobody we can name is part of the same speaker's
        denial that does ("We reject these insinuations. Pakistan has nothing to do with it").
        A repeat that gives the day the first report left out dates it.
        """
        cleared = {
            frozenset(_WORD.findall(s.speaker_name.lower())) for s in statements if s.stance == "deny" and s.target_name
        }
        statements = [
            s
            for s in statements
            if not (
                s.stance == "deny"
                and s.target_name is None
                and frozenset(_WORD.findall(s.speaker_name.lower())) in cleared
            )
        ]
        statements = _without_headline_repeats(_without_hedges_of_attributions(statements), text)
        kept: list[Statement] = []
        for statement in _one_claim_per_group(statements, text, separate, own_denials):
            words = set(_WORD.findall(statement.speaker_name.lower()))
            separate_act = statement.cue is not None and statement.cue.start in separate
            if separate_act:
                if not any(s.quote == statement.quote and s.stance == statement.stance for s in kept):
                    kept.append(statement)  # told apart as another act (unless the same words told twice)
                continue
            first = next(
                (
                    i
                    for i, s in enumerate(kept)
                    if (s.cue is None or s.cue.start not in separate)
                    and s.stance == statement.stance
                    and (s.target_name or "").lower() == (statement.target_name or "").lower()
                    and _nested(words, set(_WORD.findall(s.speaker_name.lower())))
                ),
                None,
            )
            if first is None:
                kept.append(statement)
            elif statement.told_date and not kept[first].told_date:  # the lede's act, dated further down
                kept[first] = _redated(kept[first], statement.date)
        return kept


#: A place is taken for a city (for the state an attack struck) when the gazetteer knows one this big by its name.
_CITY_SIZE = 100_000
#: Entity types that never name a party blamed or cleared.
_NO_PARTY_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
#: Kinds of speaker that speak through their people: a minister's or spokesman's act is theirs.
_BODIES = ("state", "agency", "organisation")
#: Stances whose act one speaker reported at several levels is one statement (claims and condemnations aside).
_LEVELLED_STANCES = ("accuse", "deny", "confirm", "other")

#: Target labels that name a party only of one kind: a place only for a state; a cleft, an origin, a pronoun's
#: membership ("she belonged to X's unit") or the doer of a deed told outright ("X killed 20 soldiers") only for a
#: group.
_RULE_KINDS = {
    "planned_in": "state",
    "cleft": "militant_group",
    "origin": "militant_group",
    "enlisted": "militant_group",
    "assault": "militant_group",
}


def _self_blame(draft: Draft) -> bool:
    """ "Ahmeida was also accused of plotting it": a speaker found where the blamed one stands blames no one.

    A group's words about itself or its own fighters are its claim, decided
    later, so only speakers outside a known militant group, not named again
    by a pronoun, are dropped: the same phrase, or a person and the same
    person's surname.
    """
    speaker, target = draft.speaker, draft.target
    if target is None or draft.stance not in ("attribute", "accuse", "confirm", "other"):
        return False
    words = speaker.tokens(draft.act.cue.doc) or ()
    overlap = target.start < speaker.end and speaker.start < target.end
    if overlap and any(t.dep_ == "nsubjpass" and t.head == draft.act.cue for t in words):
        return True  # "Boko Haram will be suspected, a correspondent says": the one suspected, a group or not
    if draft.stance == "other" or group_of(speaker) is not None:
        return False
    same = (speaker.start, speaker.end) == (target.start, target.end)
    named = any(t.pos_ == "PROPN" for t in words)
    if same and "speaker.pronoun" in speaker.rules and "speaker.pronoun" in target.rules:
        return True  # "They are accused of ...": one pronoun read as both sides
    if "speaker.pronoun" in target.rules and named:
        return False  # "X said they were behind it": X's own account, a claim ("Two groups said ...": no one's)
    if same:
        return True
    people = [p.named_person or (p.actor is not None and p.actor.kind == "person") for p in (speaker, target)]
    return people[0] and (people[1] or target.actor is None) and speaker.name.split()[-1] == target.name.split()[-1]


def _opening_capital(doc: Doc, party: Party) -> bool:
    """ "Terrorist designations play a role": common nouns capitalised only because they open a sentence or a quote."""
    span = party.tokens(doc)
    if span is None or any(t.pos_ == "PROPN" or t.ent_type_ for t in span):
        return False
    first = span[0]
    return first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_quote)


def _kind_fits(blame_kind: str, party: Party | None) -> bool:
    kind = _RULE_KINDS.get(blame_kind)
    return kind is None or (party is not None and party.actor is not None and party.actor.kind == kind)


def _found_by(rule: str, party: Party | None) -> Party | None:
    """``party``, recording that the rule ``rule`` made it a target (before the rules that named it)."""
    if party is not None:
        party.rules = (rule, *party.rules)
    return party


def _led_group(party: Party) -> Party:
    """A person blamed or cleared as a militant group's leader or member answers for the group.

    "The attack was the work of X, the leader of Y", "masterminded by X, who
    heads Y": responsibility is tallied for groups, and the text (or the
    knowledge base) says which group the person acts for.
    """
    group = party.affiliation
    if not party.is_person or group is None or group.kind != "militant_group":
        return party
    return party.standing_for(group)


def _redated(statement: Statement, day: dt.date | None) -> Statement:
    """``statement`` with the day the text gives another report of the same act, in place of none or the report's
    own day."""
    rules = [r for r in statement.evidence.rules if r != REPORT_DAY_RULE]
    evidence = statement.evidence.model_copy(update={"rules": rules})
    return statement.model_copy(update={"date": day, "evidence": evidence})


def _evidence_rules(draft: Draft) -> list[str]:
    """The names of the rules that shaped a statement, each once: act, speaker, target, stance."""
    target = draft.target.rules if draft.target is not None else ()
    names = (draft.act.rule, *draft.speaker.rules, *target, draft.rule)
    return [name for name in dict.fromkeys(names) if name]


def _without_disowned_claims(items: list[Draft]) -> list[Draft]:
    """A group that denies this attack did not claim it: its claims of other operations are dropped."""
    denied = {d.target.name for d in items if d.stance == "deny" and d.target and group_of(d.speaker)}
    return [d for d in items if not (d.stance == "claim" and d.act.elsewhere and d.target and d.target.name in denied)]


def _quote_of_condemner(acts: list[Act], quoted: Act) -> bool:
    """Whether ``quoted`` is a quotation a condemnation cue introduces ("X deplored: ..."), read by that act only for
    its condemning words: what the quotation says of the doer is a report of its own. Only a quotation right after
    its cue: one before it ("...," X said. X vowed revenge) may be another's words."""
    content, cue = quoted.content, quoted.cue
    if not quoted.direct or content is None or content.start <= cue.i:
        return False
    if not all(t.is_punct for t in cue.doc[cue.i + 1 : content.start]):
        return False
    return any(a.cue.i == cue.i and a.kind == "condemn" and a.content is None for a in acts)


def _widen_to_quote(acts: list[Act], quoted: Act) -> None:
    """A narrated report whose cue closes a longer quote reads the whole quote.

    In ``"S1. S2," X said`` the parse hangs only S2 on "said"; the quote
    ``cc_attributions`` found is S1 and S2, and S1 is X's words as much as S2.
    """
    if not quoted.direct or quoted.content is None or quoted.content.end > quoted.cue.i:
        return  # only a quote that ends before its cue: one joined around the cue ("A," X said. "B.") is two
    whole = quoted.content
    if any(t.is_quote for t in whole[1:-1] if t.i < whole.end - 2):
        return  # quotes and narration mixed: not one quotation
    for act in acts:
        part = act.content
        if act.cue.i != quoted.cue.i or act.kind != "report" or part is None:
            continue
        if whole.start <= part.start and part.end <= whole.end and len(whole) > len(part):
            act.content, act.direct = whole, True


def _outermost(acts: list[Act], lex: StanceLexicon) -> list[Act]:
    """Reports inside what another act reports are part of it ("X said investigators established that ...")."""
    acts = [a for a in acts if not any(_passes_on(a, other, lex) for other in acts)]
    spans = [(a.content.start, a.content.end) for a in acts if a.content is not None]
    return [
        a
        for a in acts
        if a.kind != "report"
        or not any(s <= a.cue.i < e and (s, e) != (a.content.start, a.content.end) for s, e in spans)
    ]


def _passes_on(outer: Act, inner: Act, lex: StanceLexicon) -> bool:
    """Whether a trailing report only passes on the report it holds ("A said that B, an agency reported"): A speaks.

    The outer cue follows what it reports, which ends with the inner report's words, and either relays by its
    verb (``relaying_verbs``: "an agency reported") or passes on a named person's words ("the Pope expressed
    sorrow, the Vatican said"): the most specific speaker speaks. "Washington had not confirmed it, an official
    said" stays the official's.

    Not one test with :func:`_reports_whole`, which looks like it: that one drops attribution records before they
    become acts, for any trailing verb, when the inner report is written source, cue, content and fills the outer
    content (within two characters). This one reads acts, narrated ones included ("the Pope expressed sorrow"),
    which carry no source span to open the outer content with, so it asks the outer verb to relay or the inner
    speaker to be a person instead; merged, the two would drop or keep different reports.
    """
    whole, part = outer.content, inner.content
    if outer.kind != "report" or inner.kind != "report" or whole is None or part is None or outer is inner:
        return False
    person = inner.speaker is not None and inner.speaker.ent_type_ == "PERSON"
    if not person and outer.cue.lemma_.lower() not in lex.relaying_verbs:
        return False
    return whole.end <= outer.cue.i and whole.start < inner.cue.i < whole.end and part.end == whole.end


def _without_hedges_of_attributions(statements: list[Statement]) -> list[Statement]:
    """A speaker's hedge about a party they also plainly blame is part of that position, not a second statement.

    "X may have been behind it", then "we think that is the case": the speaker accuses X once.
    """
    firm = {
        (frozenset(_WORD.findall(s.speaker_name.lower())), (s.target_name or "").lower())
        for s in statements
        if s.stance in ("accuse", "confirm")
    }
    return [
        s
        for s in statements
        if not (
            s.stance == "other"
            and "stance.attribution" in s.evidence.rules  # a hedged attribution, not a doubt or a report's other word
            and s.target_name
            and any(
                target == s.target_name.lower() and _nested(set(words), set(_WORD.findall(s.speaker_name.lower())))
                for words, target in firm
            )
        )
    ]


def _without_headline_repeats(statements: list[Statement], text: str) -> list[Statement]:
    """A headline's summary of an act the body reports ("... as government blames X") is that act, not another.

    A headline statement is dropped when a statement in the body has its
    stance and target and either the same speaker or a fuller one for a
    headline's unnamed body ("government", "police"). The header (masthead,
    headline, standfirst) ends where the first line that reads as a full
    sentence begins: the lede.
    """
    headline_end = body_start(text)
    body = [s for s in statements if s.evidence.start >= headline_end]

    def repeated(headline: Statement) -> bool:
        words = set(_WORD.findall(headline.speaker_name.lower()))
        unnamed = headline.speaker.actor_id is None and headline.speaker_name.islower()
        # "Iran blames two Gulf states": a state's act the body reports through its people, who speak for it
        side = headline.speaker.actor_id if headline.speaker.actor_id == headline.speaker.affiliation_id else None
        return any(
            s.stance == headline.stance
            and (s.target_name or "").lower() == (headline.target_name or "").lower()
            and (
                unnamed
                or (side is not None and s.speaker.affiliation_id == side)
                or _nested(words, set(_WORD.findall(s.speaker_name.lower())))
            )
            for s in body
        )

    return [s for s in statements if s.evidence.start >= headline_end or not repeated(s)]


def _apposed_after(noun: Token) -> Token | None:
    """The name right after a common noun and a comma that the parse hung elsewhere ("the LeT proxy outfit, TRF,").

    The small model often attaches such an apposition to an earlier noun; it still names the noun before it.
    """
    doc = noun.doc
    comma = noun.right_edge.i + 1
    if noun.pos_ != "NOUN" or comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    following = doc[comma + 1 : min(len(doc), comma + 8)]
    return next((t for t in following if t.dep_ == "appos" and t.pos_ == "PROPN" and t.left_edge.i == comma + 1), None)


def _nested_in(inner: Attribution, outer: Attribution) -> bool:
    """Whether ``inner`` is reported inside what ``outer`` reports ("X said the US believes Y did it")."""
    if inner is outer or inner.cue is None or outer.content is None:
        return False
    return (
        outer.content.start <= inner.cue.start
        and inner.cue.end <= outer.content.end
        and (
            outer.content.end - outer.content.start > (inner.content.end - inner.content.start if inner.content else 0)
        )
    )


def _cites(outer: Attribution, inner: Attribution) -> bool:
    """Whether a fronted source phrase only cites an inner report whole ("According to A, B announced C"): B speaks.

    The outer cue comes before its source, both before the content, as a
    fronted preposition has them ("according to A,"); the content opens with
    the inner report's source and holds its content.
    """
    source, cue, content = outer.source, outer.cue, outer.content
    if inner.source is None or source is None or cue is None or content is None:
        return False
    if not cue.end <= source.start < source.end <= content.start:
        return False
    return abs(inner.source.start - content.start) <= 2 and inner.content.end <= content.end


def _reports_whole(outer: Attribution, inner: Attribution) -> bool:
    """Whether a trailing agency report holds another report whole ("A said that B, an agency reported, citing C").

    The outer cue follows its content, which opens with the inner report's
    source and ends with its content: the agency passes on A's words.

    Not one test with :func:`_passes_on`, which looks like it: this one reads attribution records by characters,
    before any becomes an act, and the inner source opening the outer content is the whole proof of a relay,
    whatever the outer verb. ``_passes_on`` reads acts, which have no source span, and asks the outer verb to
    relay or the inner speaker to be a person instead; merged, the two would change what each keeps.
    """
    source, cue, content = inner.source, outer.cue, outer.content
    if source is None or inner.content is None or inner.cue is None or cue is None or content is None:
        return False
    if content.end > cue.start or not source.start < inner.cue.start < inner.content.start:
        return False
    return abs(source.start - content.start) <= 2 and abs(inner.content.end - content.end) <= 2


def _relays(outer: Attribution, inner: Attribution) -> bool:
    """Whether ``outer`` only passes on ``inner`` ("Y is behind it, X said, TASS reports"): X speaks, not TASS.

    The outer report's content is the inner report whole, its cue last.
    """
    if inner is outer or inner.cue is None or inner.content is None or outer.content is None or outer.cue is None:
        return False
    if _cites(outer, inner) or _reports_whole(outer, inner):
        return True
    if not (inner.content.end <= inner.cue.start and abs(inner.content.start - outer.content.start) <= 2):
        return False
    # after the inner cue only punctuation and the outer report's own source and cue ("..., TASS reports.")
    own = [(span.start, span.end) for span in (outer.source, outer.cue) if span is not None]
    text = outer.content.text
    rest = [
        text[offset - outer.content.start]
        for offset in range(inner.cue.end, outer.content.end)
        if not any(start <= offset < end for start, end in own) and offset >= outer.content.start
    ]
    return inner.cue.end <= outer.content.end and not any(c.isalnum() for c in rest)


def _quotes(attribution, offset: int) -> bool:
    """Whether ``offset`` lies inside the quoted words of a direct attribution (or of a signed post)."""
    content = attribution.content
    return bool(
        attribution.direct
        and content is not None
        and content.start <= offset < content.end
        and (content.text.lstrip()[:1] in _QUOTE_MARKS or attribution.producer == "attribution.signed")
    )


def _one_claim_per_group(
    statements: list[Statement], text: str, separate_cues: set[int], own_denials: set[int] = frozenset()
) -> list[Statement]:
    """A group's claim reported through the group, its outlet and its spokesman is one claim: the most specific.

    So is a group's denial of its own part (cue offsets in ``own_denials``):
    "the PKK denied any role", "its armed wing denied involvement".

    A spokesman (a speaker with a role or a linked person) is most specific,
    then an outlet or other speaker that is not the group itself; every
    spokesman the text names keeps their own claim, and so does a claim whose
    cue (at an offset in ``separate_cues``) is told apart as another act ("its
    agency separately claimed", "a subsequent statement said"). The claim
    kept takes the date the nearest other report of it gives ("X claimed it
    on Saturday. Its spokesman said ...").
    """

    def separate(s: Statement) -> bool:
        return s.cue is not None and s.cue.start in separate_cues

    def own(s: Statement) -> bool:
        return bool(s.target_name) and (
            s.stance == "claim" or (s.stance == "deny" and s.cue is not None and s.cue.start in own_denials)
        )

    def specificity(s: Statement) -> int:
        named = (
            s.speaker.actor_id != s.speaker.affiliation_id
            and len(_WORD.findall(s.speaker_name)) > 1
            and s.speaker_name[:1].isupper()
        )
        outlet = s.speaker.actor_id is not None and s.speaker.affiliation_id not in (None, s.speaker.actor_id)
        if s.speaker.role or named or outlet:
            return 2  # a spokesman, an outlet, or someone speaking for the group the text names in full ("Yahya Y")
        if s.speaker.actor_id is None and not s.speaker_name[:1].isupper():
            return -1  # "its armed wing": a description, less than the group's name
        return 1 if s.speaker_name != s.target_name else 0

    best: dict[tuple[str, str], Statement] = {}
    for s in statements:
        if own(s) and not separate(s):
            current = best.get((s.stance, s.target_name or ""))
            if current is None or specificity(s) > specificity(current):
                best[s.stance, s.target_name or ""] = s
    # two named spokesmen are two claims ("spokesman X said ...; its negotiator Y said ...")
    kept = [
        s
        for s in statements
        if not own(s) or best.get((s.stance, s.target_name or "")) is s or specificity(s) == 2 or separate(s)
    ]
    for i, s in enumerate(kept):
        if s.stance == "claim" and not s.told_date:
            reports = [o for o in statements if o.told_date and _same_claim(o, s)]
            reports.sort(key=lambda o: _apart(o, s, text))
            kept[i] = _redated(s, reports[0].date) if reports else s
    return kept


def _same_claim(a: Statement, b: Statement) -> bool:
    """Two reports of one group's claim."""
    return a.stance == "claim" and a.target_name == b.target_name


def _apart(a: Statement, b: Statement, text: str) -> tuple[int, int]:
    """How far apart two statements are: paragraph breaks, then characters."""
    start, end = sorted((a.evidence.start, b.evidence.start))
    return text.count("\n", start, end), end - start


def _nested(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


@Language.factory("cc_statements", default_config={"extra_kb": [], "rules": None, "disabled_rules": []})
def make_statements(
    nlp: Language, name: str, extra_kb: list[str], rules: str | None, disabled_rules: list[str]
) -> StatementResolver:
    """``rules``: a rules YAML in place of the bundled ``nlp/statement/rules.yaml``; ``disabled_rules``: names off."""
    return StatementResolver(nlp, name, extra_kb, rules, disabled_rules)
