"""Rules for claims of responsibility narrated with a cue verb.

"X claimed responsibility for the attack", "X took credit", "X claimed the
bombing", "the group repeated its claim", "the bombing, claimed by X, ...". A claim of attacks in general
("claimed several attacks on army posts") is marked as elsewhere: it does not
make this attack claimed. A group or its outlet releasing a video of the men
who did it ("released a video of three men on their way to attack the
parade") tells its own account, which the stance rules read as a claim when
the speaker is a group. A claim withdrawn ("X retracted its claim", "X
backtracked from its claim", "X distanced itself from the attack") is a
denial by X; the claim it withdraws stays a claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.statement.narrated import Act, Cue, owner_named, pobj
from counterclaim.nlp.statement.rules.registry import rule
from counterclaim.nlp.statement.speakers import passive_agent
from counterclaim.nlp.statement.targets import generic_attack

_VERBS = ("VERB", "AUX")


def _claims(cue: Cue, obj: Token | None) -> bool:
    """ "claimed responsibility", "took credit", "claimed the attack"."""
    if obj is None:
        return False
    if obj.lemma_.lower() in cue.lex.responsibility_nouns:
        return True
    return cue.lemma not in cue.lex.claim_needs_responsibility and cue.targets.is_attack(obj)


def _unmade(cue: Cue) -> bool:
    """ "X has yet to claim it", "X is expected to claim it", "X refused to claim it": no claim made."""
    token = cue.token
    if token.dep_ != "xcomp" or token.head == token:
        return False
    head = token.head
    return head.lemma_.lower() in cue.lex.unmade_claim_heads or any(c.lower_ == "yet" for c in head.children)


@rule("act.claim", lemmas=["claim_verbs"], pos=_VERBS)
def claim(cue: Cue) -> list[Act] | None:
    """ "X claimed responsibility (for the attack)", "X took credit", "X claimed the bombing"."""
    obj = cue.obj
    if not _claims(cue, obj or cue.passive):
        return None
    if _unmade(cue):
        return []  # the claim word is this rule's, and says no claim was made
    if obj is not None and obj.lemma_.lower() in cue.lex.responsibility_nouns:
        claimed = pobj(obj, "for") or pobj(cue.token, "for")
    else:
        claimed = obj or cue.passive
    elsewhere = claimed is not None and generic_attack(claimed) and not _counted(claimed)
    return cue.act("claim", f"narrated.claim.{cue.lemma}", elsewhere=elsewhere)


def _participle_of(cue: Cue) -> Token | None:
    """The noun a bare past participle describes: its head ("the attack claimed by X"), or the noun before its comma.

    The parse often hangs "..., claimed by X" on the main verb; a participle
    with no subject or auxiliary right after a noun and a comma still describes that noun.
    """
    verb = cue.token
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    if cue.describes and verb.head.i < verb.i:
        return verb.head
    doc = verb.doc
    if verb.dep_ == "advcl" and verb.i >= 2 and doc[verb.i - 1].text == "," and doc[verb.i - 2].pos_ == "NOUN":
        return doc[verb.i - 2]
    return None


def _counted(noun: Token) -> bool:
    """ "two suicide bombings", "attacks that killed eight people": attacks counted are the ones reported.

    A toll told in a relative clause makes them as definite as a number before them.
    """
    if any(c.dep_ == "nummod" or c.like_num for c in noun.children):
        return True
    tolls = (g for c in noun.children if c.dep_ == "relcl" for g in c.children if g.dep_ == "dobj")
    return any(n.dep_ == "nummod" or n.like_num for g in tolls for n in g.children)


def talked_about(token: Token) -> bool:
    """Whether a headline's cue word is another word's argument or has a determiner or possessor ("dismissed the
    Daesh claims", "the group's condemnation"): talk about an act, not a headline's verb the parse read as a noun."""
    arguments = ("dobj", "pobj", "nsubj", "nsubjpass")
    return token.dep_ in arguments or any(c.dep_ in ("det", "poss") for c in token.children)


def named_just_before(token: Token) -> Span | None:
    """A known actor's name that ends right before ``token`` ("ISIS-K claims ..."), or None.

    Whether the actor can claim at all (a group, not a state) is the claimant guard's to say.
    """
    doc = token.doc
    text = doc_text(doc)
    for mention in doc._.actor_mentions or []:
        if mention.actor_id is None or mention.span.end > token.idx or text[mention.span.end : token.idx].strip():
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is not None:
            return span
    return None


@rule("act.claimed_attack", lemmas=["claim_verbs"], pos=("VERB",))
def claimed_attack(cue: Cue) -> list[Act] | None:
    """ "the bombing, claimed by X, came a week after ...": the attack named, its claimant the participle's agent.

    A claim told in passing hangs on the attack noun, with no subject or
    object of its own; attacks in general ("raids claimed by X over the
    years") are marked as elsewhere.
    """
    token = cue.token
    attack = _participle_of(cue)
    if attack is None or not cue.targets.is_attack(attack):
        return None
    claimant = passive_agent(token)
    if claimant is None:
        return None
    elsewhere = generic_attack(attack) and not _counted(attack)
    return [Act("claim", token, claimant, "narrated.claim.participle", elsewhere=elsewhere)]


@rule("act.headline_claim", forms=["claim_forms"], pos=("NOUN", "PROPN", "VERB"))
def headline_claim(cue: Cue) -> list[Act] | None:
    """ "ISIS-K claims responsibility for Kabul blast", "IS claims deadly Kerman bombings": a headline's claim.

    A headline drops the words that make a clause, and the parse reads
    "claims" as a noun or a modifier; a group's name right before it and
    responsibility or an attack right after it still make the claim. A claim
    someone else talks about ("dismissed the Daesh claims") is an argument
    of another word, or has a determiner.
    """
    token = cue.token
    if talked_about(token):
        return None
    if any(c.dep_ in ("dobj", "ccomp") for c in token.children):
        return None  # a verb with its object is a clause the other rules read ("X claimed thousands of rockets")
    sentence_end = token.sent.end
    following = list(token.doc[token.i + 1 : min(sentence_end, token.i + 6)])
    if not following or following[0].lower_ == "of":
        return None  # "claims of responsibility": talk about claims
    if following[0].like_num or following[0].ent_type_ == "CARDINAL":
        return None  # "claimed thousands of rockets": a count of other operations
    named = following[0].lemma_.lower() in cue.lex.responsibility_nouns or any(
        cue.targets.is_attack(t) for t in following
    )
    group = named_just_before(token) if named else None
    if group is None:
        return None
    word = group.doc[group.start - 1] if group.start > token.sent.start else None
    disputing = cue.lex.words("deny_verbs", "accuse_verbs", "report_verbs")
    if word is not None and {word.lemma_.lower(), word.lower_.removesuffix("s")} & disputing:
        return None  # "Iran rejects IS claims on the blast": the claims are what someone rejects
    return [Act("claim", token, group.root, "narrated.claim.headline")]


@rule("act.made_claim", lemmas=["claim_making_verbs"], pos=_VERBS)
def made_claim(cue: Cue) -> list[Act] | None:
    """ "X made the claim on its channels", "the claim was issued by X": a claim of responsibility put out.

    A claim with a clause of its own ("made claims that the army lied") says
    something else, and is left to the rules that read clauses.
    """
    noun = cue.obj or cue.passive
    if noun is None or noun.lemma_.lower() not in cue.lex.claim_nouns:
        return None
    if any(c.dep_ in ("acl", "ccomp", "relcl") for c in noun.children):
        return None
    return cue.act("claim", f"narrated.claim.{cue.lemma}")


@rule("act.claim_noun", forms=["claim_forms"], pos=("NOUN",))
def claim_noun(cue: Cue) -> list[Act] | None:
    """ "the Islamic State's claim of responsibility", "the claim by al-Shabaab": a claim the text says was made.

    Whoever talks about it (acknowledging, doubting, dismissing it), the
    owner made it. No claim ("no claim", "any claim"), claims of other
    things ("claims that the army lied") and claims in general ("its claims
    of attacks") are none of this attack.
    """
    token = cue.token
    if any(c.dep_ == "det" and (c.lower_ in cue.lex.negations or c.lower_ in ("any", "every")) for c in token.children):
        return None
    if any(c.dep_ in ("acl", "ccomp", "relcl") for c in token.children):
        return None
    about = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "over") for g in c.children]
    if about and not any(
        g.lemma_.lower() in cue.lex.responsibility_nouns or (cue.targets.is_attack(g) and not generic_attack(g))
        for g in about
        if g.dep_ == "pobj"
    ):
        return None
    owner = owner_named(token, cue.lex.claim_nouns)
    if owner is None:
        return None
    return [Act("claim", token, owner, "narrated.claim.noun")]


@rule("act.restated_claim", lemmas=["restate_verbs"], pos=_VERBS)
def restated_claim(cue: Cue) -> list[Act] | None:
    """ "the group repeated its claim", "renewed the claim": a group restating its claim of responsibility.

    Passive, the agent restates it ("the claim was repeated by a member of the
    group speaking to its X agency"): a member unnamed but heard through an
    outlet speaks as that outlet.
    """
    noun = cue.obj if cue.obj is not None else cue.passive
    if noun is None or noun.lemma_.lower() not in cue.lex.claim_nouns:
        return None
    agent = cue.speaker if cue.obj is None else None
    outlet = _spoken_to(cue, agent) if agent is not None else None
    if outlet is not None:
        return [Act("claim", cue.token, outlet, f"narrated.claim.{cue.lemma}")]
    return cue.act("claim", f"narrated.claim.{cue.lemma}")


def _spoken_to(cue: Cue, agent: Token) -> Token | None:
    """ "a member of the group speaking to its X agency": the outlet an unnamed member spoke through."""
    if agent.pos_ != "NOUN" or not cue.targets.anonymous(agent):
        return None
    speaking = cue.lex.words("report_verbs", "speaking_verbs")
    for verb in (t for t in agent.subtree if t.dep_ == "acl" and t.lemma_.lower() in speaking):
        outlet = pobj(verb, "to")
        if outlet is not None:
            return outlet
    return None


def _withdrawn(cue: Cue, noun: Token | None) -> bool:
    """A claim (or responsibility) a withdrawing verb takes back: "its claim", "responsibility"."""
    return noun is not None and noun.lemma_.lower() in cue.lex.words("claim_nouns", "responsibility_nouns")


def _distanced(cue: Cue, obj: Token | None) -> bool:
    """ "distanced itself (the group) from the attack": the speaker's side set apart from the attack."""
    attack = pobj(cue.token, "from")
    if attack is None or not cue.targets.about_attack(attack) or generic_attack(attack):
        return False  # "distanced itself from some attacks": attacks in general, not this one
    return obj is None or obj.pos_ == "PRON" or obj.lemma_.lower() in cue.lex.description_kinds


@rule("act.withdrawal", lemmas=["withdraw_verbs"], pos=_VERBS)
def withdrawal(cue: Cue) -> list[Act] | None:
    """ "X retracted its claim", "X backtracked from its claim", "X distanced the group from the bombing": X denies.

    The speaker's own side is cleared, as by "X denied any role".
    """
    obj = cue.obj
    if _withdrawn(cue, obj) or _withdrawn(cue, pobj(cue.token, "from", "on")) or _distanced(cue, obj):
        return cue.act("deny", f"narrated.withdraw.{cue.lemma}")
    return None


@rule("act.release", lemmas=["release_verbs"], pos=_VERBS)
def release(cue: Cue) -> list[Act] | None:
    """ "X released a video of three men on their way to attack the parade": footage of the attackers, as a report.

    Only pictures of people (the men, its fighters) with the attack in them
    are read; whether they make a claim depends on who released them.
    """
    obj = cue.obj
    if obj is None or obj.lemma_.lower() not in cue.lex.footage_nouns:
        return None
    # what the footage shows may hang on the verb ("released a video on Sunday of three men ...")
    shown = cue.token.doc[obj.i : cue.token.right_edge.i + 1]
    people = any(t.lemma_.lower() in cue.lex.footage_subjects for t in shown)
    attack = any(cue.targets.is_attack(t) or t.lemma_.lower() == "attack" for t in shown if t.i != obj.i)
    if not (people and attack):
        return None
    return cue.act("report", f"narrated.release.{cue.lemma}", content=shown)
