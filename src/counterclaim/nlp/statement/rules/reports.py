"""Rules for reports: acts whose words must be read to know who is responsible.

"X confirmed that Y carried out the attack", "X said the attack was the work
of Y", "X called the bombing a Y operation" (``act`` rules); reported speech
found by ``cc_attributions`` ("Y was behind it," X said; ``speech`` rule); and
what a report that makes no one responsible still says: a word about a
militant group in a sentence about the attack (``fallback`` rule).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from counterclaim.nlp.statement.narrated import Act, Cue, child, pobj, subtree_span
from counterclaim.nlp.statement.parties import Party
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.stance import Draft, group_of
from counterclaim.nlp.statement.targets import is_hedged, is_negated
from counterclaim.nlp.syntax import SUBJECTS, dated_subject
from counterclaim.records import Attribution

if TYPE_CHECKING:
    from counterclaim.nlp.components.statements import StatementResolver
    from counterclaim.nlp.statement.lexicon import StanceLexicon

_VERBS = ("VERB", "AUX")


def _that_clause(verb: Token) -> Token | None:
    """A "that" clause the parse hung elsewhere under the verb ("confirmed in a statement that ...").

    Not one under another speaker's verb joined to it ("X confirmed the toll, and Y vowed ..., stating that ..."),
    though one under the speaker's own relative clause is ("was confirmed by X, who said that ...").
    """
    for token in verb.subtree:
        if token.i > verb.i and token.lower_ == "that" and token.dep_ == "mark" and token.head.i > token.i:
            between = [a for a in token.head.ancestors if a.i != verb.i and verb.is_ancestor(a)]
            if not any(_other_speaker(a) for a in between):
                return token.head
    return None


@rule("act.report", lemmas=["confirm_verbs", "claim_verbs", "report_verbs"], pos=_VERBS)
def report(cue: Cue) -> list[Act] | None:
    """ "X confirmed that ...", "X said (that) ...", "X claimed that ...": the clause is read for who did it."""
    clause = child(cue.token, "ccomp") or _that_clause(cue.token)
    if clause is None:
        return None
    content = subtree_span(clause)
    lost = dated_subject(clause)  # "said on Monday fighters from X were ...": the subject the parse cut off
    if lost is not None:
        content = clause.doc[min(lost.left_edge.i, content.start) : content.end]
    quoted = any(t.is_quote for t in content)
    return cue.act("report", f"narrated.report.{cue.lemma}", content=content, direct=quoted)


_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


@rule("act.label", lemmas=["label_verbs"], pos=_VERBS)
def label(cue: Cue) -> list[Act] | None:
    """ "X called the bombing the work of Y", "X described the attackers as Y fighters"."""
    obj = cue.obj
    if obj is None or obj.lower_ in _REFLEXIVES:
        return None  # "a group that calls itself X": a name it goes by, not a statement
    # "X called it a crime, while Y wrote that ...": a clause with its own subject is not X's label
    own = [c for c in cue.token.children if c.i > obj.i and c.dep_ in ("advcl", "conj") and _has_subject(c)]
    end = min((c.left_edge.i for c in own), default=cue.token.right_edge.i + 1)
    return cue.act("report", f"narrated.label.{cue.lemma}", content=cue.token.doc[obj.i : end])


def _other_speaker(verb: Token) -> bool:
    """Whether a verb between a cue and its "that" clause has its own subject, a relative pronoun aside."""
    return any(c.dep_ in SUBJECTS and c.tag_ not in ("WP", "WDT") for c in verb.children)


def _has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own (not one it shares with the verb it hangs on)."""
    return any(c.dep_ in SUBJECTS for c in verb.children)


@rule("speech.split_quote")
def split_quote(doc: Doc, attribution: Attribution) -> list[Act] | None:
    """ "A," X said. "B.": one quotation broken by who said it; both parts are X's words, the narration is not.

    ``cc_attributions`` finds the quotation whole, with the narration ("X
    said") inside it; read whole, a name in that narration ("said Y, the
    spokesman of Z") would count as something X said. Each part is read on its
    own: the part before the speaker up to its closing mark, the part after
    from its opening mark to the end.
    """
    if not attribution.direct or attribution.cue is None or attribution.content is None or attribution.source is None:
        return None
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    content = doc.char_span(attribution.content.start, attribution.content.end, alignment_mode="expand")
    source = doc.char_span(attribution.source.start, attribution.source.end, alignment_mode="expand")
    if cue is None or content is None or source is None or not content[0].is_quote:
        return None
    narration = min(cue.start, source.start), max(cue.end, source.end)
    if not content.start < narration[0] or not narration[1] < content.end:
        return None  # the quotation does not surround who said it
    closing = [t for t in content if t.is_quote and t.i < narration[0]]
    opening = [t for t in content if t.is_quote and t.i >= narration[1]]
    if len(closing) < 2 or not opening:
        return None
    head = doc[content.start : closing[-1].i + 1]
    tail = doc[opening[0].i : content.end]
    if not _all_quoted(head):
        return None
    said = cue.root.sent
    between = doc[narration[1] : opening[0].i]
    if (
        any(t.is_quote for t in doc[narration[0] : narration[1]])
        or any(not t.is_punct and not said.start <= t.i < said.end for t in between)
        or not _all_quoted(tail)
    ):
        # '"A," X said. He urged them to "B."': another sentence of narration reports B; A alone is X's
        return [Act("report", cue.root, source.root, "attribution.report", content=head, direct=True)]
    return [
        Act("report", cue.root, source.root, "attribution.report", content=part, direct=True) for part in (head, tail)
    ]


def _all_quoted(part: Span) -> bool:
    """Whether every word of ``part`` lies inside its quotation marks (no narration such as "he added" between)."""
    inside = False
    for token in part:
        if token.is_quote:
            inside = not inside
        elif not inside and not token.is_punct and not token.is_space:
            return False
    return True


@rule("speech.reported")
def reported(doc: Doc, attribution: Attribution) -> list[Act] | None:
    """Reported speech found by ``cc_attributions`` ("X said ...", "according to X"): its content is read."""
    if attribution.cue is None or attribution.content is None:
        return None
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    content = doc.char_span(attribution.content.start, attribution.content.end, alignment_mode="expand")
    if cue is None or content is None or content[0].lower_ in _REFLEXIVES:
        return None  # "which calls itself X", "who identified himself as Y": a name, not a statement
    speaker = None
    if attribution.source is not None:
        source = doc.char_span(attribution.source.start, attribution.source.end, alignment_mode="expand")
        speaker = source.root if source is not None else None
    return [Act("report", cue.root, speaker, "attribution.report", content=content, direct=attribution.direct)]


@rule("speech.continued")
def continued(doc: Doc, attribution: Attribution) -> list[Act] | None:
    """A quotation standing alone after someone's report ("...," X told the agency. "They are not from Y."): X's.

    ``cc_attributions`` credits it to the source of the report just before; its own main verb stands in for the
    reporting verb it lacks. A quotation credited to a report after it is left alone (a guess too far).
    """
    if attribution.cue is not None or attribution.source is None or attribution.content is None:
        return None
    if attribution.producer != "attribution.direct.speaker_previous":
        return None
    content = doc.char_span(attribution.content.start, attribution.content.end, alignment_mode="expand")
    source = doc.char_span(attribution.source.start, attribution.source.end, alignment_mode="expand")
    if content is None or source is None:
        return None
    return [Act("report", content.root, source.root, "attribution.continued", content=content, direct=True)]


@rule("fallback.about_group")
def about_group(resolver: StatementResolver, act: Act, speaker: Party, sentence: Span) -> list[Draft] | None:
    """An issued document naming a militant group, in a sentence about the attack, by someone outside it: ``other``.

    Only a statement, report or communique an authority issued ("the
    ministry's statement said dozens of X members were arrested"): the same
    words from a person or a body are mostly no word on responsibility at all
    ("the army said all X militants involved were killed"), and read as
    ``other`` they cost precision on real text (0 of 10 right on the real dev set).
    """
    attack_words = resolver.targets.attack_words(sentence.doc)[sentence.start : sentence.end]
    if group_of(speaker) is not None or not any(attack_words) or act.content is None:
        return None
    if "speaker.document" not in speaker.rules:
        return None  # a person or body: see above
    content = act.content
    for start, end, actor in resolver.kb.find_all(content.text):
        if actor.kind == "militant_group":
            begin = content.start_char + start
            party = Party(begin, content.start_char + end, content.text[start:end], actor.name, actor)
            return [Draft(act, speaker, "other", party, f"statements.{act.producer}.about_group")]
    return None


#: Entity types by which a doer's description names a side ("an ISIS gunman", "a Pakistani national").
_GROUP_ENTS = ("NORP", "ORG", "GPE")


@rule("fallback.unnamed_doer")
def unnamed_doer(resolver: StatementResolver, act: Act, speaker: Party, sentence: Span) -> list[Draft] | None:
    """ "Police said the shooting was carried out by a known extremist": a word on who did it that names no party.

    An official's account that the attack was done by someone it does not
    name as a group or state ("by one man", "by a lone gunman") is a
    statement about responsibility, ``other`` with no target. Only a passive
    perpetration verb whose subject is the attack and whose agent is one
    anonymous person, unhedged and unnegated, in the words of someone outside
    any militant group ("carried out by gunmen" cost precision on real text).
    """
    if group_of(speaker) is not None or act.content is None or act.hedged or act.negated:
        return None
    targets, lex = resolver.targets, resolver.lex
    for verb in act.content:
        if verb.lemma_.lower() not in lex.perpetrate_verbs or is_negated(verb, lex) or is_hedged(verb, lex):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = pobj(verb, "by")
        if not targets.about_attack(subject) or agent is None or agent.i >= act.content.end:
            continue
        single = agent.tag_ == "NN"  # "by one man", "by a lone gunman": "by gunmen" says only how it was done
        if single and targets.anonymous(agent) and not targets.has_name(agent) and agent.ent_type_ not in _GROUP_ENTS:
            return [Draft(act, speaker, "other", None, f"statements.{act.producer}.unnamed_doer")]
    return None


def _premature(word: Token, words: frozenset[str]) -> bool:
    """ "premature", "too soon", "too early": a word that says the time to decide has not come."""
    too = any(c.dep_ == "advmod" and c.lower_ == "too" for c in word.children)
    return word.lower_ in words or (too and f"too {word.lower_}" in words)


def _undecided(verb: Token, lex: StanceLexicon) -> bool:
    """ "to attribute the attack", "to say who was behind it": a verb of attribution, or of saying asked who."""
    lemma = verb.lemma_.lower()
    if lemma in lex.undecided_verbs:
        return True
    asked = (t.lower_ in ("who", "whom") or t.lemma_.lower() in lex.responsible_words for t in verb.subtree)
    return lemma in lex.undecided_questions and any(asked)


@rule("fallback.undecided")
def undecided(resolver: StatementResolver, act: Act, speaker: Party, sentence: Span) -> list[Draft] | None:
    """ "it is too soon to attribute the attack", "premature to say who was behind it": ``other``, no target.

    An official who says who did it cannot yet be told leaves responsibility open, a statement about it all
    the same. Only a verb of attribution (``undecided_verbs``), or of saying asked who did it
    (``undecided_questions``), under a word of prematurity
    (``premature_words``), in the words of someone outside any militant group.
    """
    if group_of(speaker) is not None or act.content is None or act.negated:
        return None
    lex = resolver.lex
    for verb in act.content:
        if verb.dep_ not in ("xcomp", "advcl", "ccomp") or not _undecided(verb, lex):
            continue
        head = verb.head
        words = [head, *(c for c in head.children if c.dep_ in ("acomp", "advmod"))]
        if any(_premature(w, lex.premature_words) for w in words):
            return [Draft(act, speaker, "other", None, f"statements.{act.producer}.undecided")]
    return None
