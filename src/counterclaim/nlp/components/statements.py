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

import re
from collections.abc import Sequence
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterclaim.kb import KnowledgeBase, get_kb
from counterclaim.nlp.attack.place import article_countries
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.extensions import register_extensions
from counterclaim.nlp.statement.claimants import ClaimantGuard
from counterclaim.nlp.statement.condemnation import CondemnationReader
from counterclaim.nlp.statement.lexicon import StanceLexicon, stance_lexicon
from counterclaim.nlp.statement.narrated import Act, NarratedCues
from counterclaim.nlp.statement.parties import Party, PartyResolver, name_spans, possessor
from counterclaim.nlp.statement.people import PeopleIndex
from counterclaim.nlp.statement.rules.registry import build_chains
from counterclaim.nlp.statement.sentences import SentenceIndex
from counterclaim.nlp.statement.speakers import SpeakerResolver, clause_subject, relative_antecedent
from counterclaim.nlp.statement.stance import Draft, cleared_side, drafts, finalise, group_of
from counterclaim.nlp.statement.targets import TargetFinder, is_negated
from counterclaim.nlp.statement.timing import StatementDater
from counterclaim.nlp.syntax import preposition_objects
from counterclaim.nlp.tokenwords import word_flags
from counterclaim.records import Actor, Attribution, Evidence, Statement
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
        self._links: dict[str, tuple[Actor | None, bool]] = {}

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        end = doc._.content_end if doc._.content_end is not None else len(text)
        if len(self._links) > _LINK_MEMO_SIZE:
            self._links.clear()
        parties = PartyResolver(
            self.kb,
            text,
            self.lex.anonymous_perpetrators,
            self.lex.government_words,
            name_spans(doc),
            self._links,
            self.lex.state_nouns,
            rules=self.rules,
            supported=frozenset(m.actor_id for m in doc._.actor_mentions or [] if m.actor_id),
            outlet_nouns=self.lex.outlet_nouns,
        )
        sentences = SentenceIndex(doc)
        self._home = self._home_state(doc)
        speakers = SpeakerResolver(doc, parties, self.lex, sentences, self.rules.speaker)
        self._people = PeopleIndex(doc, parties, sentences)
        acts = self._outside_quotes(doc, self.cues.acts(doc, end), speakers)
        seen = {act.cue.i for act in acts}
        attributions = doc._.attributions or []
        for attribution in attributions:
            act = self._reported(doc, attribution)
            if (
                act is None
                or any(_nested_in(attribution, other) for other in attributions)
                or self.cues.habitual(act.cue)
            ):
                continue
            if act.cue.i not in seen and act.cue.idx < end:
                seen.add(act.cue.i)
                acts.append(act)
        items: list[Draft] = []
        for act in sorted(_outermost(acts), key=lambda a: a.cue.i):
            items += self._drafts(act, speakers, parties, sentences.of(act.cue))
        dater = StatementDater(doc, self.lex, sentences)
        guard = ClaimantGuard(doc, self.kb, self.lex, sentences)
        kept = _without_disowned_claims(finalise(guard.checked(guard.own_accounts(items)), self.kb))
        kept = guard.without_headline_claims(kept, _body_start(text))
        records = [self._record(doc, d, dater, sentences.of(d.act.cue)) for d in kept]
        separate = {d.act.cue.idx for d in kept if d.stance == "claim" and self._separate(d.act)}
        own_denials = {d.act.cue.idx for d in kept if guard.own_group_denial(d)}
        doc._.statements = self._unique(records, text, separate, own_denials)
        return doc

    def _reported(self, doc: Doc, attribution: Attribution) -> Act | None:
        """The act of reported speech found by ``cc_attributions``, by the ``speech`` rule."""
        found = self.rules.speech.first(doc, attribution)
        if found is None:
            return None
        rule, act = found
        act.rule = rule.name
        return act

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
            blamed = self.targets.blamed(act.content, root=act.cue)
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
            heads = [h for b in act.targets for h in (b.head, *b.head.conjuncts)]  # "accused X and Y"
            act_targets = [(_found_by(act.rule, self._party(h, head, speakers, parties)), False, False) for h in heads]
        act_targets = [(p, h, n) for p, h, n in act_targets if p is not None and self._names_party(p)]
        # a group's own account of the attack is a claim; its account of what did not happen is not
        claim_like = (
            act.content is not None
            and any(word_flags(act.content.doc, forms=self.lex.claim_markers)[act.content.start : act.content.end])
            and not is_negated(act.content.root, self.lex)
            and act.cue.lemma_.lower() not in self.lex.unmade_claim_heads  # "X is expected to claim it"
        )
        out = []
        found = [speakers.outlet(act.cue, s) or s for s in found]
        for speaker in map(self._people.complete, found):
            if speaker.affiliation is None and speaker.actor is None and self._national(speaker):
                speaker.affiliation = self._home  # "military spokesman X", "the interior ministry": the home state's
            own_targets = [t for t in act_targets if id(t[0]) not in reported_claims or self._own_side(speaker, t[0])]
            drafted = drafts(self.rules.stance, act, speaker, own_targets, claim_like)
            drafted = [self._branch_claimed(d) for d in drafted]
            if not drafted and act.kind == "report" and act.content is not None and not reported_claims:
                drafted = self._fallback(act, speaker, sentence) or self._condemning(act, speaker, speakers)
            elif act.kind == "report" and act.content and all(d.stance == "attribute" for d in drafted):
                # one quote that blames and condemns is two statements ("this cowardly attack was carried out by X")
                drafted += self._condemning(act, speaker, speakers)
            out += drafted
        return out

    def _own_side(self, speaker: Party, party: Party) -> bool:
        """Whether a speaker speaks for the group a party names (its outlet or spokesman, or a branch of it)."""
        own, other = group_of(speaker), party.actor
        if own is None or other is None:
            return False
        return own.id == other.id or self.kb.is_branch_of(own.id, other.id) or self.kb.is_branch_of(other.id, own.id)

    def _names_party(self, party: Party) -> bool:
        """Whether a phrase blamed or cleared names a party: an actor, a person, a name or a collective noun.

        "people", "a diplomatic solution" or "the missile attack" are not who
        did it; "local political networks" is, though no knowledge base knows it.
        """
        if party.actor is not None or party.affiliation is not None or party.is_person:
            return True
        words = _WORD.findall(party.name.lower())
        if party.name.lower() in self.lex.platforms:
            return False  # "posted on Telegram": a platform carries words, it does nothing
        if party.name[:1].isupper():
            return True
        return bool(words) and (words[-1] in self.lex.party_nouns or words[-1].rstrip("s") in self.lex.party_nouns)

    def _home_state(self, doc: Doc) -> Actor | None:
        """The state the article is most about, which unnamed national bodies ("the army") belong to."""
        counts = article_countries(doc, self.kb)
        return next((a for name, _ in counts.most_common(1) if (a := self.kb.lookup(name)) and a.kind == "state"), None)

    def _national(self, speaker: Party) -> bool:
        words = _WORD.findall(f"{speaker.role or ''} {speaker.name}".lower())
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
        head = _example(head) or head  # "groups such as the ETIM": the group named
        owned = self._membership(head) if self.targets.anonymous(head) else head
        # a common noun's name compound says whose it is; a proper name's compounds are part of the name
        named = (
            [c for c in owned.children if c.dep_ == "compound" and c.pos_ == "PROPN"] if owned.pos_ == "NOUN" else []
        )
        if named and (party := parties.from_head(named[-1])).actor is not None:
            return party  # "their US masters": the name says whose, whoever "their" is
        owner = possessor(owned)
        if owned.pos_ in ("NOUN", "PROPN") and owner is not None and owner.pos_ == "PRON":
            party = parties.from_head(owned)
            if party.actor is None:
                found = speakers.speakers(speaker if owner.lower_ in _FIRST_PERSON else owner)
                return cleared_side(found[0]) if found else None
        if head.pos_ == "PRON" or speakers.is_description(head):
            found = speakers.speakers(speaker if head.lower_ in _FIRST_PERSON else head)
            return found[0] if found else None
        return parties.from_head(head)

    @staticmethod
    def _membership(head: Token) -> Token:
        """What anonymous members belong to ("fighters of its unit" -> unit), else the head itself."""
        return next(iter(preposition_objects(head, "of", "from")), head)

    def _fallback(self, act: Act, speaker: Party, sentence: Span) -> list[Draft]:
        """What a report that makes no one responsible still says, by the first ``fallback`` rule that fires."""
        found = self.rules.fallback.first(self, act, speaker, sentence)
        if found is None:
            return []
        rule, out = found
        for draft in out:
            draft.rule = rule.name
        return out

    def _condemning(self, act: Act, speaker: Party, speakers: SpeakerResolver) -> list[Draft]:
        """A reported statement that condemns in its own words ("called the attack cowardly"); groups never do.

        A feeling declared for someone named ("a spokesman said X was appalled")
        is X's condemnation, reported by the speaker.
        """
        if group_of(speaker) is not None or act.content is None:
            return []
        rule = self.condemnation.condemns(act.content)
        if rule is None:
            return []
        holder = self.condemnation.feeling_subject(act.content)
        named = speakers.speakers(holder) if holder is not None else []
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
        if actor is None and owner is not None and owner.kind == "state" and words and words[-1] in self._bodies:
            return owner.name  # "India's intelligence service", "the Afghan government": the state
        return target.name

    @cached_property
    def _bodies(self) -> frozenset[str]:
        """Nouns for a state's own institutions, which answer for the state as a target."""
        return self.lex.national_words | self.lex.government_words | {"intelligence", "service", "services", "agency"}

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
            date=dater.date_of(act.cue, act.speaker),
            evidence=Evidence(
                document_id=doc._.document_id or "",
                start=sentence.start_char,
                end=sentence.end_char,
                sentence=sentence.text,
                producer=draft.producer,
                confidence=confidence,
                rules=_evidence_rules(draft),
            ),
        )

    def _separate(self, act: Act) -> bool:
        """Whether words tell an act apart from its speaker's others ("separately claimed", "a subsequent message")."""
        if act.rule in ("act.restated_claim", "act.release"):
            return True  # "the group repeated its claim", "released a video of the men": another act
        words = self.lex.separate_act_words
        said = act.speaker if act.speaker is not None else clause_subject(act.cue)
        heads = [act.cue, *([said] if said is not None and said.lemma_.lower() in self.lex.document_nouns else [])]
        return any(c.dep_ in ("advmod", "amod", "det") and c.lower_ in words for h in heads for c in h.children)

    @staticmethod
    def _unique(statements: list[Statement], text: str, separate: set[int], own_denials: set[int]) -> list[Statement]:
        """One statement per speech act: a later one by the same speaker, stance and target is a repeat.

        Speakers count as the same when one's name words include the other's
        ("state media and officials" repeats "state media and regime officials").
        A denial that clears nobody we can name is part of the same speaker's
        denial that does ("We reject these insinuations. Pakistan has nothing to do with it").
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
        statements = _without_headline_repeats(statements, text)
        kept: list[Statement] = []
        for statement in _one_claim_per_group(statements, text, separate, own_denials):
            words = set(_WORD.findall(statement.speaker_name.lower()))
            separate_act = statement.cue is not None and statement.cue.start in separate
            if separate_act and not any(s.quote == statement.quote and s.stance == statement.stance for s in kept):
                kept.append(statement)  # told apart as another act (unless the same words told twice)
            elif not separate_act and not any(
                s.stance == statement.stance
                and (s.target_name or "").lower() == (statement.target_name or "").lower()
                and _nested(words, set(_WORD.findall(s.speaker_name.lower())))
                for s in kept
                if s.cue is None or s.cue.start not in separate
            ):
                kept.append(statement)
        return kept


#: Target rules that name a party only of one kind: a place only for a state, a cleft or an origin only for a group.
_RULE_KINDS = {"planned_in": "state", "cleft": "militant_group", "origin": "militant_group"}


def _kind_fits(blame_kind: str, party: Party | None) -> bool:
    kind = _RULE_KINDS.get(blame_kind)
    return kind is None or (party is not None and party.actor is not None and party.actor.kind == kind)


def _found_by(rule: str, party: Party | None) -> Party | None:
    """``party``, recording that the rule ``rule`` made it a target (before the rules that named it)."""
    if party is not None:
        party.rules = (rule, *party.rules)
    return party


def _evidence_rules(draft: Draft) -> list[str]:
    """The names of the rules that shaped a statement, each once: act, speaker, target, stance."""
    target = draft.target.rules if draft.target is not None else ()
    names = (draft.act.rule, *draft.speaker.rules, *target, draft.rule)
    return [name for name in dict.fromkeys(names) if name]


def _without_disowned_claims(items: list[Draft]) -> list[Draft]:
    """A group that denies this attack did not claim it: its claims of other operations are dropped."""
    denied = {d.target.name for d in items if d.stance == "deny" and d.target and group_of(d.speaker)}
    return [d for d in items if not (d.stance == "claim" and d.act.elsewhere and d.target and d.target.name in denied)]


def _outermost(acts: list[Act]) -> list[Act]:
    """Reports inside what another act reports are part of it ("X said investigators established that ...")."""
    spans = [(a.content.start, a.content.end) for a in acts if a.content is not None]
    return [
        a
        for a in acts
        if a.kind != "report"
        or not any(s <= a.cue.i < e and (s, e) != (a.content.start, a.content.end) for s, e in spans)
    ]


def _without_headline_repeats(statements: list[Statement], text: str) -> list[Statement]:
    """A headline's summary of an act the body reports ("... as government blames X") is that act, not another.

    A headline statement is dropped when a statement in the body has its
    stance and target and either the same speaker or a fuller one for a
    headline's unnamed body ("government", "police"). The header (masthead,
    headline, standfirst) ends where the first line that reads as a full
    sentence begins: the lede.
    """
    headline_end = _body_start(text)
    body = [s for s in statements if s.evidence.start >= headline_end]

    def repeated(headline: Statement) -> bool:
        words = set(_WORD.findall(headline.speaker_name.lower()))
        unnamed = headline.speaker.actor_id is None and headline.speaker_name.islower()
        return any(
            s.stance == headline.stance
            and (s.target_name or "").lower() == (headline.target_name or "").lower()
            and (unnamed or _nested(words, set(_WORD.findall(s.speaker_name.lower()))))
            for s in body
        )

    return [s for s in statements if s.evidence.start >= headline_end or not repeated(s)]


#: A line reads as a full sentence of the body when it has this many words and ends like a sentence.
_LEDE_WORDS = 12


def _body_start(text: str) -> int:
    """Where the body begins: the first line of ``_LEDE_WORDS`` words or more that ends like a sentence."""
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip().rstrip("\"'”’")
        if len(stripped.split()) >= _LEDE_WORDS and stripped[-1:] in (".", "!", "?"):
            return position
        position += len(line)
    return 0


def _example(noun: Token) -> Token | None:
    """The named example of a common noun ("groups such as X", "militants like X"), or None."""
    if noun.pos_ != "NOUN":
        return None
    for prep in noun.children:
        named = prep.lower_ == "like" or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))
        named = named or (prep.lower_ == "as" and prep.i > 0 and noun.doc[prep.i - 1].lower_ == "such")
        if prep.dep_ == "prep" and named:
            found = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if found is not None:
                return found
    return None


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


def _quotes(attribution, offset: int) -> bool:
    """Whether ``offset`` lies inside the quoted words of a direct attribution."""
    content = attribution.content
    return bool(
        attribution.direct
        and content is not None
        and content.start <= offset < content.end
        and content.text.lstrip()[:1] in _QUOTE_MARKS
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
    agency separately claimed", "a subsequent statement said"). The claim kept takes the date another report
    of it in the same paragraph gives ("X claimed it on Saturday. Its
    spokesman said ..."), or else one merged into it.
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
    merged = [s for s in statements if own(s) and not any(s is k for k in kept)]
    for i, s in enumerate(kept):
        if s.stance == "claim" and s.date is None:
            # the date of a report of the same claim in its paragraph, else of one merged into it
            day = next((o.date for o in statements if o.date and _same_claim(o, s, text)), None)
            day = day or next(
                (o.date for o in merged if o.date and best.get((o.stance, o.target_name or "")) is s), None
            )
            kept[i] = s.model_copy(update={"date": day}) if day else s
    return kept


def _same_claim(a: Statement, b: Statement, text: str) -> bool:
    """Two claims of one group reported in one paragraph."""
    if a.stance != "claim" or a.target_name != b.target_name:
        return False
    start, end = sorted((a.evidence.start, b.evidence.start))
    return "\n" not in text[start:end]


def _nested(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


@Language.factory("cc_statements", default_config={"extra_kb": [], "rules": None, "disabled_rules": []})
def make_statements(
    nlp: Language, name: str, extra_kb: list[str], rules: str | None, disabled_rules: list[str]
) -> StatementResolver:
    """``rules``: a rules YAML in place of the bundled ``nlp/statement/rules.yaml``; ``disabled_rules``: names off."""
    return StatementResolver(nlp, name, extra_kb, rules, disabled_rules)
