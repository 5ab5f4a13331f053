"""Repairs of parses that the small model gets wrong in ways rules can see.

Kept apart from any one extractor because the attribution finder and the
statement resolver both ask the same questions of the same parse.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Dependencies that make a token its verb's subject.
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_NAMES = ("PROPN", "NOUN")


def preposition_objects(head: Token, *prepositions: str) -> list[Token]:
    """The objects of ``head``'s prepositions among ``prepositions`` ("fighters from X", "officials of Y": X, Y)."""
    return [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children
        if g.dep_ == "pobj"
    ]


def bare_infinitive(verb: Token) -> bool:
    """ "X (is) to blame": a "to" infinitive with no object or passive subject, so the one it is said of is its
    subject outside it."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in verb.children
    )


def named_example(noun: Token) -> Token | None:
    """The named example of a common noun ("groups such as X", "militants like X", "nations including X"), or None."""
    if noun.pos_ != "NOUN":
        return None
    for prep in noun.children:
        named = prep.lower_ in ("like", "including") or (
            prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        )
        named = named or (prep.lower_ == "as" and prep.i > 0 and noun.doc[prep.i - 1].lower_ == "such")
        if prep.dep_ == "prep" and named:
            found = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if found is not None:
                return found
    return None


def repaired_subject(verb: Token) -> Token | None:
    """A subject the parse lost, by one of the repairs below, or None."""
    return (
        stranded_subject(verb)
        or acronym_subject(verb)
        or fronted_subject(verb)
        or absorbed_subject(verb)
        or trailing_subject(verb)
        or dated_subject(verb)
    )


def dated_subject(verb: Token) -> Token | None:
    """ "X said on Monday fighters from Y were suspected of ...": a subject the parse took into the day's phrase.

    The small model reads "on Monday fighters" as one phrase, the day a compound on the reported clause's
    subject, and leaves that clause's verb without one. The phrase's noun, when it is no date itself and
    stands between the reporting verb and the subjectless clause, is the clause's subject.
    """
    if verb.dep_ != "ccomp" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    for prep in (c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "on" and c.i < verb.i):
        noun = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_), None)
        if noun is not None and any(c.dep_ == "compound" and c.ent_type_ == "DATE" for c in noun.children):
            return noun
    return None


#: Entity types a name before an apposition must not have: "In Kabul, a spokesman said" is no apposition.
_NOT_APPOSED = ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL")


def apposed_subject(subject: Token) -> Token | None:
    """ "Days after X, a front of Y, took ...": the name whose apposition the parser made the subject.

    The subject is an indefinite common noun set off by commas on both
    sides with no apposition of its own, right after a name (the name's
    acronym in parentheses may come between); that name is the subject.
    """
    doc = subject.doc
    if subject.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
        return None
    if any(c.dep_ == "appos" for c in subject.children):
        return None
    left, right = subject.left_edge.i, subject.right_edge.i
    if left < 2 or right + 1 >= len(doc) or doc[left - 1].text != "," or doc[right + 1].text != ",":
        return None
    k = left - 2
    if doc[k].text == ")":  # "X (XYZ), a front of ..."
        while k > subject.sent.start and doc[k].text != "(":
            k -= 1
        k -= 1
    name = doc[k] if k >= subject.sent.start else None
    if name is None or name.pos_ != "PROPN" or name.ent_type_ in _NOT_APPOSED:
        return None
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    return name if name.pos_ == "PROPN" and name.i < subject.i else None


def stray_apposition(name: Token) -> Token | None:
    """ "a statement released by X, the propaganda arm of Y, ...": X's describing apposition hung on another noun.

    Only a common-noun apposition that starts right after the comma closing
    X's phrase, attached to a word before X.
    """
    doc = name.doc
    comma = name.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    for token in doc[comma + 1 : min(len(doc), comma + 6)]:
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.left_edge.i == comma + 1 and token.head.i < name.i:
            return token
    return None


def fronted_subject(verb: Token) -> Token | None:
    """ "On Monday the government's spokesman, X, told ...": a subject the parser hung on an opening preposition.

    Only for a main verb with no subject, whose preceding noun phrase (before
    a comma) is the object of a preposition of that same verb.
    """
    if verb.dep_ != "ROOT" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].text == ",":
        k -= 1
    if k < verb.sent.start or k == verb.i - 1:
        return None
    node = verb.doc[k]
    while node.dep_ in ("appos", "compound", "flat") and node.head.i < node.i:
        node = node.head
    if node.pos_ in _NAMES and node.dep_ == "pobj" and node.head.head == verb and node.head.i < node.i:
        return node
    return None


def trailing_subject(verb: Token) -> Token | None:
    """ "The blast was orchestrated by X, Y's Z Committee (ZC) said": a speaker parsed as the agent's apposition.

    Only for a main verb with no subject and a clause before it, when the
    apposition (or a conjunct with no "and") runs, after a comma, up to the
    verb (its acronym in parentheses may close it) and hangs on the passive
    agent of that clause ("by X").
    """
    if verb.dep_ != "ROOT" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if clause is None:
        return None
    for appos in (t for t in clause.subtree if t.pos_ in _NAMES and (t.dep_ == "appos" or _unjoined(t))):
        doc = verb.doc
        starts_apart = appos.left_edge.i > 0 and doc[appos.left_edge.i - 1].text == ","
        by_agent = appos.head.dep_ == "pobj" and appos.head.head.dep_ == "agent"
        if starts_apart and appos.right_edge.i == verb.i - 1 and by_agent:
            return appos
    return None


def _unjoined(conjunct: Token) -> bool:
    """A conjunct with no coordinating word before it ("by X, Y's committee said"): an apposition misread as a list."""
    return conjunct.dep_ == "conj" and not any(c.dep_ == "cc" and c.i < conjunct.i for c in conjunct.head.children)


def acronym_subject(verb: Token) -> Token | None:
    """ "IS claimed the attack": the group's acronym the parser read as the auxiliary "is".

    Only when the verb has no subject of its own and the acronym comes first,
    written in capitals, so a real "is" is never taken for a name.
    """
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    return next((c for c in verb.lefts if c.dep_ in ("aux", "auxpass") and c.text == "IS"), None)


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a coordinated verb that the parser hung on the first verb instead.

    In "X have condemned the attack, and UN Secretary-General Y in a
    statement condemned it" the small model makes Y a second object of the
    first "condemned" and leaves the second without a subject. A noun phrase
    between the coordinating word and a subjectless conjunct verb, attached
    to the first verb, is the conjunct's subject.
    """
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    first = verb.head
    joint = next((c for c in first.children if c.dep_ == "cc" and c.i < verb.i), None)
    if joint is None:
        return None
    between = [c for c in first.children if joint.i < c.i < verb.i]
    nouns = [c for c in between if c.pos_ in _NAMES and c.dep_ in ("dobj", "npadvmod", "attr", "appos", "conj")]
    if len(nouns) != 1 or nouns[0].pos_ != "PROPN":
        return None
    return nouns[0]


def absorbed_subject(verb: Token) -> Token | None:
    """The subject of a coordinated verb that the parser listed with a noun of the first clause instead.

    In "forces arrested 35 people in relation to the attacks and the third
    ministry statement on the bombing claimed that ..." the small model makes
    "statement" a conjunct of "attacks" and leaves "claimed" without a
    subject. A listed noun phrase that runs from the coordinating word right
    up to a subjectless conjunct verb is that verb's subject.
    """
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    doc = verb.doc
    for token in doc[verb.head.i + 1 : verb.i]:
        if token.dep_ != "conj" or token.pos_ not in _NAMES or token.right_edge.i != verb.i - 1:
            continue
        joint = doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        if joint is not None and joint.pos_ == "CCONJ" and token.head.i < joint.i:
            return token
    return None
