"""``cc_actors``: every actor the text names, linked to the knowledge base where possible.

Writes ``doc._.actor_mentions`` (list of :class:`~counterclaim.records.Mention`):

- ``actors.alias`` / ``actors.demonym`` / ``actors.metonym``: a knowledge-base
  name found by the Aho–Corasick scan ("ISIS-K", "Iranian", "Tehran");
- persons with a title or role before (or an appositive after) their name
  ("IRGC Quds Force Commander Brig. Gen. Esmail Qa'ani"): the span covers the
  name, ``role`` holds the role words and ``affiliation_id`` the organisation
  or state the role names; producer ``actors.role`` unless the name itself is
  in the knowledge base (then ``actors.alias`` or ``actors.fuzzy``);
- spaCy PERSON/ORG/GPE/NORP entities the knowledge base does not know, as
  ``actors.fuzzy`` when a transliteration matches, else unlinked ``actors.ner``.

Confidence reflects how the name was found: a full alias is surer than a
demonym, a capital city or a statistical entity.
"""

from __future__ import annotations

from spacy.attrs import IS_TITLE, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterclaim.kb import KnowledgeBase, get_kb, link_role, split_person
from counterclaim.kb.roles import is_role_word, title_length
from counterclaim.nlp.components.content import in_furniture
from counterclaim.nlp.doccache import memo
from counterclaim.nlp.doctext import doc_ents, doc_text, token_texts
from counterclaim.nlp.extensions import register_extensions
from counterclaim.records import Mention
from counterclaim.records import Span as TextSpan

#: Confidence per producer.
CONFIDENCE = {
    "actors.alias": 0.95,
    "actors.demonym": 0.7,
    "actors.metonym": 0.6,
    "actors.role": 0.8,
    "actors.fuzzy": 0.75,
    "actors.ner": 0.5,
}
NER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: How far (in tokens) a role phrase may reach left of a name.
MAX_ROLE_TOKENS = 16
_TITLE_KEY = "counterclaim.title_starts"


class ActorLinker:
    """Finds actor mentions and links them to the knowledge base."""

    def __init__(self, nlp: Language, name: str, extra_kb: list[str]) -> None:
        register_extensions()
        self.name = name
        self.kb: KnowledgeBase = get_kb(tuple(extra_kb))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        matches = [_mention(text, m.start, m.end, m.actor_id, f"actors.{m.via}") for m in self.kb.find_matches(text)]
        persons, role_spans = self._persons(doc, text, matches)
        taken = [(m.span.start, m.span.end) for m in persons]
        mentions = [m for m in matches if not _overlaps(m.span.start, m.span.end, taken)] + persons
        taken = [(m.span.start, m.span.end) for m in mentions] + role_spans
        mentions += self._entities(doc, text, taken)
        mentions = [m for m in mentions if not in_furniture(doc, m.span.start)]  # no actors from captions, bylines
        doc._.actor_mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        return doc

    def _persons(self, doc: Doc, text: str, matches: list[Mention]) -> tuple[list[Mention], list[tuple[int, int]]]:
        """Persons with a role or title, one mention per name span, and the character spans of their roles."""
        found: dict[tuple[int, int], Mention] = {}
        roles: list[tuple[int, int]] = []
        for seed in _person_seeds(doc):
            result = self._person(doc, text, seed, matches)
            if result is not None:
                mention, role_start = result
                found.setdefault((mention.span.start, mention.span.end), mention)
                roles.append((role_start, mention.span.start))
        return list(found.values()), roles

    def _person(self, doc: Doc, text: str, seed: Span, matches: list[Mention]) -> tuple[Mention, int] | None:
        left = _role_start(seed)
        right = _name_end(seed)
        window = doc[left:right]
        parts = split_person(window.text)
        appositive = _appositive(doc, right)
        role = parts.role or appositive
        if not parts.name or not role:
            return None
        start = window.start_char + parts.start
        end = start + len(parts.name)
        linked = next((m for m in matches if m.span.start <= start and m.span.end >= end and m.actor_id), None)
        actor = self.kb.actor(linked.actor_id) if linked else self.kb.fuzzy(parts.name)
        if actor is not None and actor.kind != "person":
            return None
        affiliation = link_role(role, self.kb) or (actor.affiliation if actor else None)
        producer = linked.producer if linked else ("actors.fuzzy" if actor else "actors.role")
        mention = _mention(text, start, end, actor.id if actor else None, producer, role=role, affiliation=affiliation)
        return mention, window.start_char

    def _entities(self, doc: Doc, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """spaCy entities the scan did not cover, fuzzily linked where a spelling is close."""
        out = []
        for ent in doc_ents(doc):
            if ent.label_ not in NER_LABELS:
                continue
            span = _trim(ent)
            if span is None or _overlaps(span.start_char, span.end_char, taken) or _is_role_token(span):
                continue
            actor = self.kb.fuzzy(span.text) if ent.label_ in ("PERSON", "ORG") else None
            if actor is not None and (actor.kind == "person") != (ent.label_ == "PERSON"):
                actor = None
            producer = "actors.fuzzy" if actor else "actors.ner"
            out.append(_mention(text, span.start_char, span.end_char, actor.id if actor else None, producer))
            taken.append((span.start_char, span.end_char))
        return out


def _mention(
    text: str,
    start: int,
    end: int,
    actor_id: str | None,
    producer: str,
    role: str | None = None,
    affiliation: str | None = None,
) -> Mention:
    return Mention(
        span=TextSpan(start=start, end=end, text=text[start:end]),
        actor_id=actor_id,
        role=role,
        affiliation_id=affiliation,
        producer=producer,
        confidence=CONFIDENCE[producer],
    )


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    # a plain loop: asked for every entity against every span taken, where a generator's overhead dominates
    for s, e in spans:  # noqa: SIM110
        if start < e and end > s:
            return True
    return False


def _is_title_start(doc: Doc, i: int) -> int:
    """Length in tokens of a title starting at token ``i`` (spaCy splits "Gen." into "Gen" "." sometimes).

    Asked several times per token (seeds, role walks, entity checks), so the
    answers are kept per doc, read off a per-doc table of token texts rather
    than from fresh Token objects.
    """
    lengths, words, glued = memo(doc, _TITLE_KEY, lambda: _title_table(doc))
    if i not in lengths:
        joined: list[str] = []
        for k in range(i, min(i + 6, len(words))):  # glue "Gen" + "." back together
            if words[k] == "." and joined and glued[k - 1]:
                joined[-1] += "."
            else:
                joined.append(words[k])
        lengths[i] = title_length(joined, 0)
    return lengths[i]


def _title_table(doc: Doc) -> tuple[dict[int, int], list[str], list[bool]]:
    """Per doc: the title lengths found so far, each token's text, and whether it is glued to the next token."""
    glued = [not spaced for spaced in doc.to_array(SPACY).tolist()] if len(doc) else []
    return {}, [t.strip() for t in token_texts(doc)], glued


def _person_seeds(doc: Doc) -> list[Span]:
    """PERSON entities, and capitalised words right after a title or role word (NER misses those)."""
    seeds = [e for e in doc_ents(doc) if e.label_ == "PERSON" and not _is_title_start(doc, e.start)]
    texts = token_texts(doc)
    title_case = doc.to_array(IS_TITLE).tolist() if len(doc) else []
    for i, text in enumerate(texts):
        if title_case[i] and (is_role_word(text) or _is_title_start(doc, i)):
            nxt = i + 1
            while nxt < len(doc) and (texts[nxt] == "." or _is_title_start(doc, nxt)):
                nxt += 1
            if nxt < len(doc) and _is_name_token(doc[nxt]):
                seeds.append(doc[nxt : nxt + 1])
    return seeds


def _is_name_token(token: Token) -> bool:
    """A capitalised proper noun that is not a role word ("Qa'ani" counts: only its first letter is checked)."""
    return token.text[:1].isupper() and token.pos_ == "PROPN" and not is_role_word(token.text)


def _is_role_token(span: Span) -> bool:
    """A one-token entity that is really a title or role word ("Brig", "Commander")."""
    return len(span) == 1 and (is_role_word(span.text) or _is_title_start(span.doc, span.start) > 0)


def _role_ish(token: Token) -> bool:
    """A token that may belong to a role phrase before a name."""
    if token.is_punct:
        return token.text in (".", "(", ")", "'s", "’s", "-")
    return token.is_title or token.is_upper or is_role_word(token.text) or token.text in ("'s", "’s", "of", "-")


def _role_start(seed: Span) -> int:
    """First token of the role phrase that precedes ``seed``.

    Sentence boundaries are not trusted here: the parser often ends a sentence
    at the dot of "Brig." So the walk stops at line breaks and at a dot that
    does not close a title.
    """
    doc = seed.doc
    i = seed.start
    floor = max(0, seed.start - MAX_ROLE_TOKENS)
    while i > floor:
        token = doc[i - 1]
        if token.is_space or "\n" in token.whitespace_ or not _role_ish(token):
            break
        if token.text == "." and not (i >= 2 and not doc[i - 2].whitespace_ and _is_title_start(doc, i - 2)):
            break
        i -= 1
    while i < seed.start and doc[i].text in ("of", "(", ")", ".", "-", "'s", "’s"):
        i += 1
    return i


def _name_end(seed: Span) -> int:
    """Token after the name: the seed extended over following capitalised words and glued pieces."""
    doc = seed.doc
    i = seed.end
    while i < len(doc):
        token = doc[i]
        glued = not doc[i - 1].whitespace_ and token.text not in (".", ",", "’s", "'s") and not token.is_punct
        if not (glued or _is_name_token(token)):
            break
        i += 1
    while i > seed.start and doc[i - 1].text in ("’s", "'s"):
        i -= 1
    return i


def _appositive(doc: Doc, name_end: int) -> str | None:
    """A role given after the name: "X, a parliamentarian," -> "parliamentarian"."""
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    words: list[Token] = []
    for token in doc[name_end + 1 : name_end + 1 + MAX_ROLE_TOKENS]:
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            break
        words.append(token)
    if words and words[0].lower_ in ("a", "an", "the"):
        words = words[1:]
    if words and is_role_word(words[-1].text):
        return doc[words[0].i : words[-1].i + 1].text
    return None


def _trim(ent: Span) -> Span | None:
    """An entity without a leading article, a trailing possessive or stray brackets."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in ("’s", "'s", ")", "(", ".") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


@Language.factory("cc_actors", default_config={"extra_kb": []})
def make_actors(nlp: Language, name: str, extra_kb: list[str]) -> ActorLinker:
    """The ``cc_actors`` component; ``extra_kb`` lists user knowledge-base YAML files."""
    return ActorLinker(nlp, name, extra_kb)
