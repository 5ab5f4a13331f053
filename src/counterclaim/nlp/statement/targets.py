"""Who a statement makes responsible: the agent of the attack inside what was said.

"Zionists funded the attack", "X was behind the bombing", "Y was involved in
the attacks": the party blamed is whoever the clause makes the agent of the
attack. A party described as someone's "agents", "proxies" or acting "on
behalf of" someone passes the blame on to that someone. Hedges ("may have
been") and negations ("was not behind") are recorded, not dropped: the stance
step decides what they make of the statement.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.rules.registry import Chain
from counterclaim.nlp.syntax import SUBJECTS, preposition_objects
from counterclaim.nlp.tokenwords import word_flags

#: Words that point back to the attack ("condemned it", "was behind this").
RESUMPTIVE = {"it", "this", "that", "them", "these", "those"}


@dataclass
class Blame:
    """A party the words make responsible: how (``kind``: "perpetrate", "proxy", "cue" ...) and by which rule."""

    head: Token
    kind: str
    hedged: bool = False
    negated: bool = False
    rule: str = ""


#: Dependencies by which a clause stands beside another rather than inside it.
_BESIDE = frozenset({"conj", "advcl", "parataxis"})


def _enclosing(head: Token) -> Iterator[tuple[Token, Token]]:
    """The steps up from ``head`` as (word, its head), at most eight, to the sentence's root or a clause beside
    another ("... and X sponsors it"): what a word stands inside, for the checks of a word that governs it."""
    node = head
    for _ in range(8):
        if node.head == node or node.dep_ in _BESIDE:
            return
        yield node, node.head
        node = node.head


def is_negated(token: Token, lexicon: StanceLexicon) -> bool:
    """Whether ``token``'s clause is negated ("did not claim", "never accused", "no group claimed").

    A negative argument ("nobody claimed it", "had nothing to do with it")
    and a verb of refusal above the clause ("refused to claim it") negate it too.
    """
    for node in (token, *[t for t in token.children if t.dep_ in ("aux", "auxpass")]):
        if any(
            c.dep_ == "neg" or (c.lower_ in lexicon.negations and c.dep_ in ("advmod", "neg")) for c in node.children
        ):
            return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon.refusal_verbs:
        return True
    arguments = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if any(a.lower_ in lexicon.negative_pronouns for a in arguments):
        return True
    return any(c.lower_ in ("no", "none") and c.dep_ == "det" for a in arguments for c in a.children)


def is_hedged(token: Token, lexicon: StanceLexicon, stop: Token | None = None) -> bool:
    """Whether a modal or hedge word governs ``token`` up to ``stop`` ("may have been behind")."""
    node = token
    for _ in range(6):
        hedges = (c for c in node.children if c.dep_ in ("aux", "advmod", "auxpass", "acomp"))
        if any(c.lower_ in lexicon.hedge_modals for c in hedges):
            return True  # "may have been", "possibly", "it is possible that"
        if node.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in lexicon.hedge_modals for c in node.children):
            return True  # "the prime suspect is X"
        if any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in node.children):
            return True  # "if the attack was launched from Iranian soil": a supposition
        if node.lower_ in lexicon.hedge_modals and not _conviction(node, lexicon):
            return True
        if (stop is not None and node == stop) or node.head == node:
            return False
        node = node.head
    return False


def _restated(conjunct: Token) -> bool:
    """A conjunct that renames the one before it ("ISWAP, or the Islamic State West Africa Province"), not another."""
    joints = [c for c in conjunct.head.children if c.dep_ == "cc" and c.i < conjunct.left_edge.i]
    joint = joints[-1] if joints else None
    doc = conjunct.doc
    return joint is not None and joint.lower_ == "or" and joint.i > 0 and doc[joint.i - 1].text == ","


def _title_like(noun: Token) -> bool:
    """A singular common noun with no determiner in a list with a name ("IS supporter and Uzbek national X"):
    a description of the named one, as a title is, not another party."""
    if noun.tag_ != "NN" or any(c.dep_ in ("det", "nummod", "poss") for c in noun.children):
        return False
    return any(c.pos_ == "PROPN" and c.i > noun.i for c in noun.conjuncts)


def _conviction(verb: Token, lexicon: StanceLexicon) -> bool:
    """A verb of belief in the active ("he believed X did it"): the speaker's conviction, not a hedge."""
    return verb.lemma_.lower() in lexicon.belief_verbs and any(c.dep_ == "nsubj" for c in verb.children)


def nothing_shows(verb: Token, doubt_words: frozenset[str]) -> bool:
    """Whether a clause is what no evidence shows ("no evidence that X was involved", "nothing to indicate that ...").

    The clause hangs on a noun with "no" or on "nothing", directly or through the verb that noun governs and
    that verb's object ("no evidence to support the claim that X did it"). A doubt
    denied affirms it ("there is no doubt that X is behind it", ``doubt_verbs``): no evidence is missing there.
    """
    node = verb
    for step in range(4):
        # "no evidence to support a claim that X did it": through the claim the clause hangs on, to the "no" noun
        deps = ("acl", "ccomp", "relcl") if step == 0 else ("acl", "ccomp", "relcl", "dobj", "xcomp")
        if node.dep_ not in deps or node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in doubt_words:
            return False
        if node.lower_ in ("nothing", "none") or any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            return True
    return False


def _predicate(token: Token) -> Token | None:
    """The verb a noun phrase is an argument of ("Afghan" -> "used" in "Afghan soil was not used"), or None.

    Only the phrase's own verb counts: in "acts by the X militia will not
    pass" the negation is about the acts, not about X.
    """
    node = token
    while node.dep_ in ("amod", "compound", "poss", "nmod") and node.head != node:
        node = node.head
    return node.head if node.dep_ in ("nsubj", "nsubjpass", "dobj") else None


def _indefinite_plural(noun: Token) -> bool:
    """ "several attacks", "attacks on two convoys": operations other than the one reported (not "the attacks")."""
    if noun.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in noun.children):
        return False  # "two explosions in Iran": counted, so these ones
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("several", "some", "many") for c in noun.children)


#: Determiners that make an attack noun mean attacks in general: "every attack", "any attack".
_GENERIC_DETERMINERS = ("every", "any", "each", "all", "most")


def generic_attack(noun: Token) -> bool:
    """Attacks in general ("attacks like this", "virtually every attack"), not the one reported."""
    return _indefinite_plural(noun) or any(c.lower_ in _GENERIC_DETERMINERS for c in noun.children if c.i < noun.i)


class TargetFinder:
    """Finds the parties a stretch of text makes responsible for the attack, with the ``target`` rules."""

    def __init__(self, lexicon: StanceLexicon, rules: Chain[list[tuple[Token, str]]]) -> None:
        self.lex = lexicon
        self.rules = rules
        #: Lemmas some ``target`` rule starts from (from the rules' keys); any other token is passed over.
        self.cue_lemmas = rules.lemmas
        #: Word forms (not lemmas) some ``target`` rule starts from.
        self.cue_forms = rules.forms

    def may_blame(self, doc: Doc) -> list[bool]:
        """Per token of ``doc``: whether :meth:`blamed` must look at it (its lemma or form is a cue)."""
        return word_flags(doc, self.cue_lemmas, self.cue_forms)

    def attack_words(self, doc: Doc) -> list[bool]:
        """Per token of ``doc``: whether :meth:`is_attack` holds for it."""
        return word_flags(doc, self.lex.attack_nouns, self.lex.attack_nouns)

    def agents(self, token: Token) -> tuple[str, list[tuple[Token, str]]] | None:
        """The first ``target`` rule that fires on ``token`` and the heads it makes responsible, with their labels."""
        found = self.rules.first(self, token, token=token)
        return (found[0].name, found[1]) if found is not None else None

    def blamed(self, tokens: Iterable[Token], root: Token | None = None) -> list[Blame]:
        """Every party the ``tokens`` make responsible; proxies pass blame to their principal."""
        tokens = list(tokens)
        inside = {t.i for t in tokens}
        cues = self.may_blame(tokens[0].doc) if tokens else []
        proxies: list[Blame] = []
        agents: list[Blame] = []
        for token in tokens:
            if not cues[token.i]:
                continue
            found = self.agents(token)
            if found is None:
                continue
            rule, heads = found
            for head, kind in heads:
                if kind == "proxy":
                    if head.i in inside:
                        proxies.append(Blame(head, kind, rule=rule))
                else:  # the predicate's own hedge counts too: "X was likely responsible"
                    agents.append(Blame(head, kind, is_hedged(token, self.lex, stop=root), rule=rule))
        found_blames = proxies or agents
        out = []
        for blame in found_blames:
            unnamed = self.anonymous(blame.head) and not self.has_name(blame.head) and not self.outsiders(blame.head)
            if blame.head.i not in inside or unnamed:
                continue
            verb = _predicate(blame.head)
            # "no evidence that X was involved": negated, and hedged as a doubt rather than a denial
            unshown = verb is not None and nothing_shows(verb, self.lex.doubt_verbs)
            blame.negated = (
                blame.kind == "disclaim"
                or is_negated(blame.head.head, self.lex)
                or is_negated(blame.head, self.lex)
                # "Afghan soil was not used": the negated verb of the phrase that names the party
                or (verb is not None and is_negated(verb, self.lex))
                or unshown
            )
            blame.hedged = (
                blame.hedged
                or unshown
                or is_hedged(blame.head.head, self.lex, stop=root)
                or self._qualified_as_suspected(blame.head)
            )
            if not blame.hedged and not blame.negated and self._unconfirmed(blame.head, root):
                blame.hedged = True  # "has not verified that X did it": left open, not denied
            if not blame.hedged and not blame.negated and self._gainsaid(blame.head, root):
                blame.negated = True  # "this was not an X attack", he said (a hedge stays a hedge)
            if blame.kind == "possible":  # "cannot rule out X": a hedge, whatever negation it carries
                blame.hedged, blame.negated = True, False
            out += [
                Blame(c, blame.kind, blame.hedged, blame.negated, blame.rule) if c != blame.head else blame
                for c in self.listed(blame.head)
                if c.i in inside
            ]
        unique: dict[int, Blame] = {}
        for blame in out:
            unique.setdefault(blame.head.i, blame)
        return sorted(unique.values(), key=lambda b: b.head.i)

    def _qualified_as_suspected(self, party: Token) -> bool:
        """Whether a hedge word qualifies the party's name or the noun it names ("suspected Boko Haram fighters",
        "alleged ISWAP insurgents"); at a sentence's start the parser may take "Suspected" for part of the name."""
        noun = party.head if party.dep_ == "compound" else party
        return any(
            t.dep_ in ("amod", "compound") and t.lower_ in self.lex.hedge_modals
            for t in party.doc[noun.left_edge.i : noun.i]
        )

    def _unconfirmed(self, head: Token, root: Token | None) -> bool:
        """Whether the party stands in what a negated verb of verification governs ("not verified that X did it")."""
        for node, governor in _enclosing(head):
            if node == root:
                return False  # the report's own verb is the last that may leave it unverified
            if governor.lemma_.lower() in self.lex.verification_verbs and is_negated(governor, self.lex):
                return True
        return False

    def _gainsaid(self, head: Token, root: Token | None) -> bool:
        """Whether a clause the party is embedded in, below what reports it, is negated or rejects it.

        "This was not an X attack", the president said; the ministry said the
        state "rejects the insinuation that it had a role": what names the
        party is denied, not asserted, by the one who reports it. "Cannot rule
        out" and "nobody doubts" are no denial.
        """
        if root is None:
            return False
        for node, governor in _enclosing(head):  # a clause beside the denial is not inside it
            if governor == root:
                return False  # only what stands below the report gainsays; the report itself asserts
            lemma = governor.lemma_.lower()
            if lemma in self.lex.exclusion_verbs or lemma in self.lex.doubt_verbs:
                return False
            if node.dep_ in SUBJECTS:  # "acts by X will not pass unanswered": X's own verb is no denial of X
                continue
            if governor.pos_ == "VERB" and lemma in self.lex.deny_verbs:
                return True
            if governor.pos_ in ("VERB", "AUX") and is_negated(governor, self.lex):
                return True
        return False

    def listed(self, head: Token) -> list[Token]:
        """Each party a phrase names: "X and Y", "X (XA), Y and Z", "fighters from X and Y", "agents of X and Y".

        A list the parse hung on its first name as an apposition ("the United
        States (US), Britain and Ukraine") is still a list; anonymous members
        or bodies of several groups or states stand for each of them. A conjunct
        the text negates ("members of X and not followers of Y") names no one.
        """
        listed: list[Token] = []
        nouns = (head, *(c for c in head.conjuncts if not _restated(c) and not _negated(c)))
        for noun in (n for n in nouns if not _title_like(n)):
            members = self.anonymous(noun) or (noun.pos_ == "NOUN" and noun.lemma_.lower() in self.lex.party_nouns)
            groups = preposition_objects(noun, "of", "from") if members else []
            if groups and groups[0].conjuncts:  # "intelligence services of the US and Britain": each state's
                noun = groups[0]
                listed += noun.conjuncts
            listed.append(noun)
            for appos in (c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.conjuncts):
                listed += [appos, *appos.conjuncts]
        return sorted(dict.fromkeys(listed), key=lambda t: t.i)

    def other_attack(self, noun: Token) -> bool:
        """An attack noun for attacks in general or another attack ("every attack", "a similar attack by X")."""
        return generic_attack(noun) or any(c.lower_ in self.lex.other_attack_modifiers for c in noun.children)

    def is_attack(self, token: Token | None) -> bool:
        """Whether a noun names the attack (or points back to it: "it", "this")."""
        if token is None:
            return False
        return token.lemma_.lower() in self.lex.attack_nouns or token.lower_ in self.lex.attack_nouns

    def about_attack(self, token: Token | None) -> bool:
        """Whether a phrase is the attack or a word pointing back to it ("it", "this")."""
        return token is not None and (self.is_attack(token) or token.lower_ in RESUMPTIVE)

    def charged(self, token: Token) -> bool:
        """Whether a charge is the attack, a part in it ("complicity in the bombing") or its killings ("murder").

        A verdict names what the convict is guilty of; only a charge about the
        attack makes the verdict blame him for it ("guilty of membership in a
        banned group" does not, nor "of similar attacks").
        """
        if self.about_attack(token):
            return not self.other_attack(token)
        lemma = token.lemma_.lower()
        if lemma in self.lex.attack_charges or token.lower_ in self.lex.attack_charges:
            return True
        if lemma in self.lex.involvement_nouns or lemma in self.lex.role_nouns:
            return any(self.is_attack(t) and not self.other_attack(t) for t in token.subtree if t != token)
        return False

    def anonymous(self, head: Token) -> bool:
        """Whether a noun names perpetrators without saying who they are ("the attackers", "gunmen")."""
        return head.lemma_.lower() in self.lex.anonymous_perpetrators or head.lower_ in self.lex.anonymous_perpetrators

    def outsiders(self, head: Token) -> bool:
        """Whether anonymous perpetrators are named as foreigners ("foreign elements"): a side the speaker blames."""
        return any(c.dep_ == "amod" and c.lower_ in self.lex.outsider_words for c in head.children)

    def has_name(self, head: Token) -> bool:
        """Whether a description names who it is ("al-Shabaab fighters", "members of the ADF" or "of the X group")."""
        for child in head.children:
            named = child.pos_ == "PROPN" or child.ent_type_ or child.text[:1].isupper()
            if child.dep_ in ("compound", "amod", "poss", "nmod") and named:
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ in ("of", "from")
                and any(g.pos_ == "PROPN" or _names_by_compound(g) for g in child.children)
            ):
                return True
        return False


def _names_by_compound(noun: Token) -> bool:
    """A common noun named by the proper nouns compounded on it ("the Islamic State group", "the TTP network")."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


def _negated(conjunct: Token) -> bool:
    """A conjunct carrying its own negation ("and not followers of Y")."""
    return any(c.dep_ == "neg" for c in conjunct.children)
