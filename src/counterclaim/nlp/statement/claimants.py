"""Who can claim an attack: a militant group, itself or through its spokesman, commander, leader or outlet.

The words "X claimed responsibility" put a placeholder in X as often as a
group: a platform that carried the claim ("Telegram"), a wire from a
dateline ("DAKAR (Reuters) – ..."), a place glued to the clause ("... in Sri
Lanka, the group claimed"), a person whose group the parse lost, or a
generic noun ("an armed group", "two groups"). A claim is kept only when its
claimant is a group: one the knowledge base knows, or a name that reads as
one ("... Front", "... Army", "... Resistance", from ``group_name_words``).
A claimant that is not a group is replaced by the group its speaker speaks
for, or, for a generic noun, by the group the text names just before; a
claim voiced by a state, an independent news outlet, a platform or a place
is dropped. A group that says it did the attack itself ("X said they were
behind the attack") is claiming it too; a group "blaming" itself is a
misparse and says nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc

from counterclaim.kb import KnowledgeBase
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.parties import Party, associated
from counterclaim.nlp.statement.sentences import SentenceIndex
from counterclaim.nlp.statement.stance import Draft, group_of, same_party
from counterclaim.records import Actor

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Small words inside a group's name that are not capitalised ("Army of the Pure", "Jaish-e-Mohammed").
_CONNECTORS = frozenset({"of", "the", "for", "and", "in", "al", "el", "ul", "e", "i", "de", "wa", "wal", "fi", "bil"})
#: How many sentences back a generic claimant ("the armed group") may find the group it stands for.
_LOOKBACK_SENTENCES = 3
#: How many sentences after a generic claimant the group it stands for may be named.
_LOOKAHEAD_SENTENCES = 2


def named_like_group(party: Party, lex: StanceLexicon) -> bool:
    """Whether a party is a militant group: known as one, or a capitalised name with a group word in it."""
    if party.actor is not None:
        return party.actor.kind == "militant_group"
    if party.is_person or (party.affiliation is not None and party.affiliation.kind != "militant_group"):
        return False
    words = [w for w in _WORD.findall(party.name) if w.lower() not in _CONNECTORS]
    group_words = lex.group_name_words
    return (
        bool(words)
        and all(w[:1].isupper() for w in words)
        and any(w.lower().rstrip("s") in group_words or w.lower() in group_words for w in words)
    )


class ClaimantGuard:
    """Checks and repairs the claimant of every claim in one document."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, lexicon: StanceLexicon, sentences: SentenceIndex) -> None:
        self.doc = doc
        self.kb = kb
        self.lex = lexicon
        self.sentences = sentences

    def own_accounts(self, items: list[Draft]) -> list[Draft]:
        """A group attributing the attack to itself ("X said they were behind it") claims it.

        A group never blames itself: "X blamed X" is a parse that gave the
        blame the wrong subject, and says nothing.
        """
        items = [d for d in items if not (d.act.kind == "blame" and self._self_blame(d))]
        for draft in items:
            target = draft.target
            if draft.stance != "attribute" or target is None or group_of(draft.speaker) is not None:
                continue
            if same_party(draft.speaker, target) and named_like_group(target, self.lex):
                draft.stance = "claim"
        return items

    def _self_blame(self, draft: Draft) -> bool:
        own, target = group_of(draft.speaker), draft.target
        if own is None or target is None or target.actor is None or draft.stance != "attribute":
            return False
        return self.kb.related(own.id, target.actor.id)

    def without_headline_claims(self, items: list[Draft], body_start: int) -> list[Draft]:
        """A headline's claim ("X claims responsibility") that the body reports, by X or by X's branch, is that claim.

        The body's claim is kept: it says who spoke and which branch ("its
        Central Africa Province").
        """
        body = [d.target.actor for d in items if d.stance == "claim" and d.target and d.act.cue.idx >= body_start]

        def repeated(draft: Draft) -> bool:
            own = draft.target.actor if draft.target else None
            return own is not None and any(o is not None and self.kb.related(own.id, o.id) for o in body)

        return [d for d in items if not (d.stance == "claim" and d.act.cue.idx < body_start and repeated(d))]

    def own_group_denial(self, draft: Draft) -> bool:
        """Whether a draft is a group's denial of its own part ("the PKK denied any role")."""
        own, target = group_of(draft.speaker), draft.target
        return draft.stance == "deny" and own is not None and target is not None and target.actor == own

    def checked(self, items: list[Draft]) -> list[Draft]:
        """Every draft, each self-stance with a named party: a claim's claimant made a group, a speaker's denial
        for itself made a named side, or the draft dropped when none can be named."""
        out = []
        for draft in items:
            if draft.stance == "other" and draft.act.kind == "claim":
                fixed = None  # "X may have claimed it": a hedged claim is no claim, and X doubts nothing
            elif draft.stance == "claim" and draft.act.elsewhere:
                fixed = None  # "X has claimed several attacks in the capital": other attacks, not this one
            elif draft.stance == "claim":
                fixed = self._claim(draft)
            elif draft.stance == "deny" and draft.target is not None and _plea(draft):
                # "she maintained her innocence": a defendant clears herself, by the name she speaks under
                fixed = replace(draft, target=replace(draft.speaker, rules=draft.target.rules))
            elif draft.stance == "deny" and draft.target is not None and same_party(draft.target, draft.speaker):
                fixed = self._own_denial(draft)
            else:
                fixed = draft
            if fixed is not None:
                out.append(fixed)
        return out

    def _own_denial(self, draft: Draft) -> Draft | None:
        """ "X denied any role", X clearing itself: X must be named ("Kurdish militants deny" names no one)."""
        target = draft.target
        if target is None or target.is_person:
            return None  # a person clears his side, and none is known
        if target.actor is not None or named_like_group(target, self.lex):
            return draft
        if not self._generic(target):
            return None  # an unknown name that reads as no body ("Randhir Jaiswal" clearing himself)
        group = self._group_before(draft)
        if group is None:
            return None
        named = Party(target.start, target.end, target.text, group.name, group, affiliation=group, rules=target.rules)
        return replace(draft, speaker=replace(draft.speaker, affiliation=group), target=named)

    def _claim(self, draft: Draft) -> Draft | None:
        speaker, target = draft.speaker, draft.target
        if self._platform(speaker) and target is not None and named_like_group(target, self.lex):
            return replace(draft, speaker=replace(target))  # "Telegram claimed": the group that posted there
        if self._never_claims(speaker):
            return None
        if target is not None and named_like_group(target, self.lex):
            return draft
        group = (
            self._group_for(speaker) or self._group_before(draft) or self._only_group(draft) or self._group_after(draft)
        )
        if group is None:
            return None
        start, end = (target.start, target.end) if target is not None else (speaker.start, speaker.end)
        named = Party(start, end, doc_text(self.doc)[start:end], group.name, group, affiliation=group)
        named.rules = target.rules if target is not None else ()
        if speaker.affiliation is None or speaker.affiliation.kind != "militant_group":
            speaker = replace(speaker, affiliation=group)
        if self._generic(speaker):
            speaker = replace(named)  # "the armed group claimed": the group itself
        return replace(draft, speaker=speaker, target=named)

    def _never_claims(self, speaker: Party) -> bool:
        """A state, a news outlet that is no group's, a platform or a place never claims an attack."""
        actor = speaker.actor
        if actor is not None and actor.kind in ("state", "agency", "organisation"):
            return True
        if actor is not None and actor.kind == "media":
            owner = self.kb.actor(actor.affiliation) if actor.affiliation else None
            return owner is None or owner.kind != "militant_group"
        if self._platform(speaker):
            return True
        span = speaker.tokens(self.doc)
        return actor is None and span is not None and span.root.ent_type_ in ("GPE", "LOC", "FAC")

    def _platform(self, party: Party) -> bool:
        return party.name.strip().lower().removeprefix("the ") in self.lex.platforms

    def _group_for(self, speaker: Party) -> Actor | None:
        """The group a speaker speaks for: its affiliation, or a group its words name ("the TTP commander")."""
        found = group_of(speaker)
        if found is not None:
            return found
        for _, end, actor in self.kb.find_all(speaker.text):
            if actor.kind == "militant_group" and not associated(speaker.text, end, self.lex.association_words):
                return actor
        return None

    def _generic(self, party: Party) -> bool:
        """A common noun for a group ("armed group", "Kurdish militants", "Two groups"), not a name."""
        words = _WORD.findall(party.name)
        return party.actor is None and not party.is_person and (not words or not words[-1][:1].isupper())

    def _singular_generic(self, party: Party) -> bool:
        """ "the armed group", not "two groups" or "jihadists": a common noun that stands for one group."""
        words = _WORD.findall(party.name.lower())
        return self._generic(party) and bool(words) and not words[-1].endswith("s")

    @cached_property
    def _group_mentions(self) -> list[tuple[int, Actor]]:
        """Where the document names a militant group the knowledge base knows, and which, in the text's order."""
        found = []
        for mention in self.doc._.actor_mentions or []:
            actor = self.kb.actor(mention.actor_id) if mention.actor_id else None
            if actor is not None and actor.kind == "militant_group":
                found.append((mention.span.start, actor))
        return found

    def _only_group(self, draft: Draft) -> Actor | None:
        """For a generic singular claimant with no group named before it (a lede's "a separatist group claimed
        ..."), the one militant group the whole document names; with a parent and its branch named, the branch
        (the parent is named to say whose offshoot it is); else None."""
        if not self._singular_generic(draft.speaker):
            return None
        groups: list[Actor] = []
        told = self._relative_clauses(draft.speaker)
        for start, actor in self._group_mentions:
            if actor not in groups and not any(start in r for r in told):
                groups.append(actor)
        leaves = [g for g in groups if all(o is g or self.kb.is_branch_of(g.id, o.id) for o in groups)]
        return leaves[0] if len(leaves) == 1 else None

    def _group_after(self, draft: Draft) -> Actor | None:
        """For a generic singular claimant that opens the story ("A Kurdish group on Thursday claimed ..."), the
        group the next sentences name: a lede describes the claimant and the body names it at once."""
        speaker = draft.speaker
        index = self.sentences.number(draft.act.cue)
        if not self._singular_generic(speaker) or index + _LOOKAHEAD_SENTENCES >= len(self.sentences.all):
            return None
        end = self.sentences.all[index + _LOOKAHEAD_SENTENCES].end_char
        told = self._relative_clauses(speaker)
        return next(
            (a for start, a in self._group_mentions if speaker.end < start < end and not any(start in r for r in told)),
            None,
        )

    def _relative_clauses(self, party: Party) -> list[range]:
        """Where the clauses describing a claimant lie ("the group, which calls X its affiliate, ..."): a group they
        name is another the claimant is related to, never the claimant itself."""
        span = party.tokens(self.doc)
        if span is None:
            return []
        clauses = (c for c in span.root.children if c.dep_ in ("relcl", "acl"))
        return [range(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in clauses]

    def _group_before(self, draft: Draft) -> Actor | None:
        """For a generic singular claimant, the militant group the text named last before the claim, nearby."""
        speaker = draft.speaker
        if not self._singular_generic(speaker):
            return None  # "two groups", "jihadists": no one group
        cue = draft.act.cue
        index = self.sentences.number(cue)
        window = self.sentences.all[max(0, index - _LOOKBACK_SENTENCES)].start_char
        before = [actor for start, actor in self._group_mentions if window <= start < speaker.start]
        return before[-1] if before else None


def _plea(draft: Draft) -> bool:
    """Whether a denial is a defendant's plea (``act.plea``, label ``plea``): its target is its speaker."""
    return any(b.kind == "plea" for b in draft.act.targets)
