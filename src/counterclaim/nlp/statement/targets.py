"""Who a statement makes responsible: the agent of the attack inside what was said.

"Zionists funded the attack", "X was behind the bombing", "Y was involved in
the attacks": the party blamed is whoever the clause makes the agent of the
attack. A party described as someone's "agents", "proxies" or acting "on
behalf of" someone passes the blame on to that someone. Hedges ("may have
been") and negations ("was not behind") are recorded, not dropped: the stance
step decides what they make of the statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from counterclaim.nlp.statement.lexicon import StanceLexicon
from counterclaim.nlp.statement.speakers import clause_subject, passive_agent
from counterclaim.nlp.tokenwords import word_flags

#: Words that point back to the attack ("condemned it", "was behind this").
RESUMPTIVE = {"it", "this", "that", "them", "these", "those"}
#: Entity types of a name that can own a weapon or attack ("a Hezbollah rocket"), not its make or place.
_OWNER_ENTS = ("ORG", "NORP", "GPE", "PERSON")


@dataclass
class Blame:
    """A party the words make responsible, with the rule that found it."""

    head: Token
    rule: str
    hedged: bool = False
    negated: bool = False


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
        if node.lower_ in lexicon.hedge_modals:
            return True
        if (stop is not None and node == stop) or node.head == node:
            return False
        node = node.head
    return False


def accused(noun: Token) -> list[Token]:
    """Who an accusation is against: "accusations against X", "the allegation of X's involvement"."""
    return [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"
    ]


def _predicate(token: Token) -> Token | None:
    """The verb a noun phrase is an argument of ("Afghan" -> "used" in "Afghan soil was not used"), or None.

    Only the phrase's own verb counts: in "acts by the X militia will not
    pass" the negation is about the acts, not about X.
    """
    node = token
    while node.dep_ in ("amod", "compound", "poss", "nmod") and node.head != node:
        node = node.head
    return node.head if node.dep_ in ("nsubj", "nsubjpass", "dobj") else None


def _subject(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "nsubj"), None)


def _objects(token: Token, *prepositions: str) -> list[Token]:
    """Objects of ``token``'s prepositions (of any, when none is named), or of ``token`` itself if a preposition."""
    if token.dep_ == "prep" and not prepositions:
        return [g for g in token.children if g.dep_ == "pobj"]
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "agent") and (not prepositions or c.lower_ in prepositions)
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _purpose(noun: Token) -> bool:
    """ "operations to track down the assailants": an operation with a purpose is a response, not the attack."""
    return any(c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children) for c in noun.children)


def _indefinite_plural(noun: Token) -> bool:
    """ "several attacks", "attacks on two convoys": operations other than the one reported (not "the attacks")."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("several", "some", "many") for c in noun.children)


#: Determiners that make an attack noun mean attacks in general: "every attack", "any attack".
_GENERIC_DETERMINERS = ("every", "any", "each", "all", "most")


def generic_attack(noun: Token) -> bool:
    """Attacks in general ("attacks like this", "virtually every attack"), not the one reported."""
    return _indefinite_plural(noun) or any(c.lower_ in _GENERIC_DETERMINERS for c in noun.children if c.i < noun.i)


#: Pronouns that may stand for the attackers in a report about them ("they are linked to X").
_ATTACKER_PRONOUNS = ("they", "he", "she", "these", "those")


class TargetFinder:
    """Finds the parties a stretch of text makes responsible for the attack."""

    def __init__(self, lexicon: StanceLexicon) -> None:
        self.lex = lexicon
        lex = lexicon
        #: Lemmas some rule of :meth:`_agents` (or the proxy rule) starts from; any other token is passed over.
        self.cue_lemmas = frozenset().union(
            lex.proxy_nouns,
            lex.attack_nouns,
            lex.origin_verbs,
            lex.pointing_verbs,
            lex.penalty_verbs,
            lex.perpetrate_verbs,
            lex.responsible_adjectives,
            lex.claim_verbs,
            lex.role_verbs,
            lex.haven_nouns,
            lex.membership_verbs,
            lex.attribute_verbs,
            {"be"},
            lex.involvement_nouns,
            lex.haven_verbs,
            lex.disclaim_objects,
            lex.dismissal_words,
        )
        #: Word forms (not lemmas) some rule of :meth:`_agents` starts from.
        self.cue_forms = lex.attack_nouns | lex.responsible_adjectives | lex.responsible_prepositions

    def may_blame(self, doc: Doc) -> list[bool]:
        """Per token of ``doc``: whether :meth:`blamed` must look at it (its lemma or form is a cue)."""
        return word_flags(doc, self.cue_lemmas, self.cue_forms)

    def attack_words(self, doc: Doc) -> list[bool]:
        """Per token of ``doc``: whether :meth:`is_attack` holds for it."""
        return word_flags(doc, self.lex.attack_nouns, self.lex.attack_nouns)

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
            if token.lemma_.lower() in self.lex.proxy_nouns:
                proxies += [Blame(p, "proxy") for p in self._principals(token, inside)]
            else:
                # the predicate's own hedge counts too: "X was likely responsible"
                agents += [Blame(a, rule, is_hedged(token, self.lex, stop=root)) for a, rule in self._agents(token)]
        found = proxies or agents
        out = []
        for blame in found:
            if blame.head.i not in inside or (self.anonymous(blame.head) and not self._has_name(blame.head)):
                continue
            blame.negated = (
                blame.rule == "disclaim"
                or is_negated(blame.head.head, self.lex)
                or is_negated(blame.head, self.lex)
                # "Afghan soil was not used": the negated verb of the phrase that names the party
                or ((verb := _predicate(blame.head)) is not None and is_negated(verb, self.lex))
            )
            blame.hedged = (
                blame.hedged
                or is_hedged(blame.head.head, self.lex, stop=root)
                or any(c.dep_ == "amod" and c.lower_ in self.lex.hedge_modals for c in blame.head.children)
            )  # "suspected Boko Haram fighters"
            out.append(blame)
            out += [Blame(c, blame.rule, blame.hedged, blame.negated) for c in blame.head.conjuncts if c.i in inside]
        unique: dict[int, Blame] = {}
        for blame in out:
            unique.setdefault(blame.head.i, blame)
        return sorted(unique.values(), key=lambda b: b.head.i)

    def is_attack(self, token: Token | None) -> bool:
        """Whether a noun names the attack (or points back to it: "it", "this")."""
        if token is None:
            return False
        return token.lemma_.lower() in self.lex.attack_nouns or token.lower_ in self.lex.attack_nouns

    def _about_attack(self, token: Token | None) -> bool:
        return token is not None and (self.is_attack(token) or token.lower_ in RESUMPTIVE)

    def anonymous(self, head: Token) -> bool:
        """Whether a noun names perpetrators without saying who they are ("the attackers", "gunmen")."""
        return head.lemma_.lower() in self.lex.anonymous_perpetrators or head.lower_ in self.lex.anonymous_perpetrators

    def _nationality(self, token: Token) -> bool:
        """ "a Tajik national", "Afghan citizens": where the attackers come from, not who is behind them."""
        return token.lemma_.lower() in self.lex.nationality_nouns or token.lower_ in self.lex.nationality_nouns

    def _has_name(self, head: Token) -> bool:
        """Whether a description names who it is ("al-Shabaab fighters", "members of the ADF")."""
        for child in head.children:
            named = child.pos_ == "PROPN" or child.ent_type_ or child.text[:1].isupper()
            if child.dep_ in ("compound", "amod", "poss", "nmod") and named:
                return True
            if child.dep_ == "prep" and child.lower_ == "of" and any(g.pos_ == "PROPN" for g in child.children):
                return True
        return False

    def _response(self, verb: Token) -> bool:
        """ "launched operations to hunt down the attackers": the verb is the response to the attack."""
        actions = self.lex.response_actions
        return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in actions for c in verb.children)

    @staticmethod
    def _places(verb: Token) -> list[Token]:
        """Named places a verb happened "in" or "from"."""
        return [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "from")
            for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ == "GPE"
        ]

    def _owner(self, named: Token) -> Token | None:
        """Whose weapon or attack a predicate names: "a Hezbollah rocket", "the rocket was Russia's"."""
        if any(c.dep_ == "case" for c in named.children) and named.pos_ == "PROPN":
            return named
        if not self.is_attack(named):
            return None
        for child in named.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in _OWNER_ENTS:
                return child
        return None

    def _ties(self, noun: Token, subject: Token | None, parties: list[Token]) -> list[tuple[Token, str]]:
        """The attackers' ties ("they have links with X"): X is blamed, or cleared when they have "no" links."""
        attackers = subject is not None and (self.anonymous(subject) or subject.lower_ in _ATTACKER_PRONOUNS)
        if not attackers or noun.lemma_.lower() not in self.lex.tie_nouns:
            return []
        rule = "disclaim" if any(c.lower_ == "no" for c in noun.children) else "linked"
        return [(p, rule) for p in parties if p.dep_ == "pobj"]

    def _attack_site(self, place: Token) -> bool:
        """Whether a territory is where an attack struck ("operations inside Saudi territory"), not a haven."""
        prep = place.head
        return place.dep_ == "pobj" and prep.lower_ in ("in", "inside", "within", "into") and self.is_attack(prep.head)

    def _backer(self, group: Token) -> Token | None:
        """Who stands behind an unnamed group ("a group funded by Saudi Arabia"): the agent of its backing verb."""
        if group.pos_ != "NOUN":
            return None
        for verb in (c for c in group.children if c.dep_ == "acl" and c.lemma_.lower() in self.lex.perpetrate_verbs):
            agent = passive_agent(verb)
            if agent is not None:
                return agent
        return None

    def _principals(self, proxy: Token, inside: set[int]) -> list[Token]:
        """Whom a proxy serves: "agents of X", "proxies for X", "... on behalf of X"."""
        out = [
            g
            for c in proxy.children
            if c.dep_ == "prep" and c.lower_ in ("of", "for")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for token in proxy.doc[proxy.i + 1 : proxy.i + 6]:
            if token.lower_ != "behalf":
                continue
            out += [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return [t for t in out if t.i in inside]

    def _agents(self, token: Token) -> list[tuple[Token, str]]:
        """The agent when ``token`` is a predicate of responsibility, else nothing."""
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and self.is_attack(token):  # "these terrorist acts by the X militia"
            return [(g, "by_agent") for g in _objects(token, "by")][:1]
        if lemma in self.lex.origin_verbs and self._about_attack(_subject(token)):  # "the rocket came from X"
            return [(g, "origin") for g in _objects(token, "from")][:1]
        if lemma in self.lex.pointing_verbs:  # "the evidence points to a X rocket"
            named = next(iter(_objects(token, "to")), None)
            owner = self._owner(named) if named is not None else None
            return [(owner or named, "pointing")] if owner is not None or (named and named.pos_ == "PROPN") else []
        if lemma in self.lex.penalty_verbs and token.pos_ == "VERB":  # "X will pay for this"
            paid_for = [g for t in token.subtree if t.dep_ == "prep" and t.lower_ == "for" for g in _objects(t)]
            subject = _subject(token)
            return [(subject, "penalty")] if subject is not None and any(map(self._about_attack, paid_for)) else []
        if lemma in self.lex.perpetrate_verbs and token.pos_ in ("VERB", "AUX"):
            if lemma == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
                return []
            if self._response(token):
                return []
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and not _purpose(c)]
            if token.dep_ == "acl" and passive_agent(token) is not None:  # "a rocket fired by X": its noun was done
                objects.append(token.head)
            if not any(self._about_attack(o) or self.anonymous(o) for o in objects):
                return []
            agent = passive_agent(token) or (clause_subject(token) if token.dep_ in ("conj", "ROOT", "ccomp") else None)
            agent = agent or next((c for c in token.children if c.dep_ == "nsubj"), None)
            if agent is not None and agent.dep_ == "nsubjpass":
                agent = None  # "the attackers were surrounded and carried out ...": a passive head is no agent
            if agent is not None and agent.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                agent = token.head  # "it is X who planted the device": the relative pronoun stands for X
            if agent is not None and not (agent.dep_ == "nsubj" and self._about_attack(agent)):
                return [(agent, "perpetrate")]
            if lemma in self.lex.planning_verbs:  # "the attack was planned in X": kept only if X is a state
                return [(p, "planned_in") for p in self._places(token)][:1]
            return []
        if lemma in self.lex.responsible_adjectives or token.lower_ in self.lex.responsible_adjectives:
            about = [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if about and not any(self._about_attack(a) for a in about):
                return []
            governor = token.head if token.dep_ in ("acomp", "oprd", "ccomp", "xcomp") else token
            if governor.lemma_.lower() in self.lex.hold_verbs:  # "Iran holds X accountable": X, not Iran
                held = next((c for c in token.children if c.dep_ == "nsubj"), None) or next(
                    (c for c in governor.children if c.dep_ == "dobj"), None
                )
                return [(held, "held")] if held is not None else []
            holder = token.head if token.dep_ == "acomp" else token
            subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return [(subject, "responsible")] if subject is not None else []
        if lemma in self.lex.claim_verbs | self.lex.role_verbs:
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            words = self.lex.responsibility_nouns | self.lex.role_nouns
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                subject = token.head  # "the X regime, which bears direct responsibility"
            about = [g for c in (obj.children if obj is not None else ()) if c.dep_ == "prep" for g in c.children]
            if about and not any(self._about_attack(a) for a in about):  # "has links to al-Qaeda"
                return self._ties(obj, subject, about) if obj is not None else []
            claimed = [a for a in (*about, *_objects(token, "for")) if self._about_attack(a)]
            if claimed and all(generic_attack(a) for a in claimed):
                return []  # "they claim responsibility for virtually every attack": a habit, not this attack
            if obj is not None and obj.lemma_.lower() in words and subject is not None:
                return [(subject, "responsibility")]
            return []
        if lemma in self.lex.haven_nouns and token.dep_ in ("pobj", "nsubjpass") and not self._attack_site(token):
            # "from X soil", "X soil was used"; not "operations inside Saudi territory", where the attack struck
            named = (c for c in token.children if c.dep_ in ("amod", "compound", "poss") and c.text[:1].isupper())
            of = (g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)
            owner = next(named, None) or next((g for g in of if g.dep_ == "pobj"), None)
            return [(owner, "haven")] if owner is not None else []
        if lemma in self.lex.attribute_verbs and token.pos_ == "VERB":
            # "they are linked to X", "the gunmen were tied to X": the attackers' links name who is behind them
            linked = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if linked is not None and (self.anonymous(linked) or linked.lower_ in _ATTACKER_PRONOUNS):
                return [(g, "linked") for o in _objects(token, "to", "with") for g in (o, *o.conjuncts)]
            return []
        if lemma in self.lex.membership_verbs:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            group = next((g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
            if subject is not None and group is not None and self.anonymous(subject):
                return [(self._backer(group) or group, "membership")]
            return []
        if lemma == "be":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            named = next((c for c in token.children if c.dep_ == "attr"), None)
            if subject is not None and named is not None and self.anonymous(subject) and not self._nationality(named):
                return [(named, "identity")]
            if subject is not None and named is not None:  # "the main sponsor is India", "X was the mastermind"
                if subject.lemma_.lower() in self.lex.responsible_words and named.pos_ == "PROPN":
                    return [(named, "identity")]
                if named.lemma_.lower() in self.lex.responsible_words and subject.pos_ == "PROPN":
                    return [(subject, "identity")]
            pronoun = subject is not None and subject.lower_ in _ATTACKER_PRONOUNS
            if pronoun and named is not None and self.anonymous(named) and self._has_name(named):
                return [(named, "identity")]  # "they are members of X", "they are X fighters"
            if subject is not None and named is not None and self._about_attack(subject):
                owner = self._owner(named)
                return [(owner, "owner")] if owner is not None else []
            cleft = subject is not None and subject.lower_ in ("it", "they") and named is not None
            if cleft and named.pos_ == "PROPN" and any(c.dep_ == "relcl" for c in named.children):
                return [(named, "cleft")]  # "it is X that has been terrorising ...": kept for groups
        if (
            lemma in self.lex.involvement_nouns
            and token.pos_ == "NOUN"
            and token.dep_ in ("dobj", "attr", "pobj", "nsubj")
        ):
            # "evidence indicates the involvement of X", "X's hand in the attack"
            of = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) or next(
                iter(of), None
            )
            if owner is not None and token.head.lemma_.lower() not in self.lex.deny_verbs:
                return [(owner, "involvement")]
        if lemma in self.lex.haven_verbs:
            # "the men who planned this massacre sit in X": where the perpetrators are is a state harbouring them
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and self.anonymous(subject) and not self._has_name(subject):
                return [(p, "planned_in") for p in self._places(token)][:1]
        if (
            lemma in self.lex.disclaim_objects
            and token.dep_ == "dobj"
            and token.head.lemma_.lower() in self.lex.role_verbs
        ):
            # "X had nothing to do with the attack": a disclaimer, recorded as a negated agent
            about = [g for t in token.subtree if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and any(self._about_attack(a) for a in about):
                return [(subject, "disclaim")]
        if lemma in self.lex.dismissal_words and token.dep_ == "acomp":
            # "accusations against X were baseless": X is cleared
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lemma_.lower() in self.lex.deny_objects:
                return [(p, "disclaim") for p in accused(subject)][:1]
        if token.lower_ in self.lex.responsible_prepositions and token.head.lemma_ == "be":
            about = next((c for c in token.children if c.dep_ == "pobj"), None)
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and self._about_attack(about):
                return [(subject, "behind")]
        return []
