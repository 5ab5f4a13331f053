"""Hedged claims with no speaker: "X seems to ...", "X is expected to ...".

News copy often attributes a proposition to nobody in particular through a
raising verb ("seem", "appear") or a passive verb of saying or thinking with an
infinitive ("is expected to", "is said to") and no by-agent. PolNeAR annotates these as
attributions without a source; the content is the whole raised clause, subject
included, around the cue.
"""

from __future__ import annotations

from spacy.tokens import Doc

from counterclaim.nlp.attribution.cues import CueLexicon
from counterclaim.nlp.attribution.quotes import QuoteIndex
from counterclaim.nlp.attribution.spans import char_span, subtree_bounds, token_bounds, union
from counterclaim.records import Attribution

#: Complements that carry the raised proposition: "to be slipping", "unlikely to", "that ...".
_RAISED = ("xcomp", "acomp", "ccomp", "attr", "oprd")
_SUBJECTS = ("nsubj", "nsubjpass", "expl")


def raising_attributions(doc: Doc, lexicon: CueLexicon, quotes: QuoteIndex) -> list[Attribution]:
    """Every sourceless hedge whose verb raises a complement; quoted passages are skipped (no new report)."""
    found = []
    # a raising verb, or a passive one that verb_kind knows: no other verb can be a cue here
    for i in lexicon.verbs_among(doc, lexicon.raising | lexicon.speech | lexicon.attitude):
        tok = doc[i]
        lemma = lexicon.lemma(tok)
        passive = any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)
        if not (lemma in lexicon.raising or (passive and lexicon.verb_kind(tok) is not None)):
            continue
        complement = next((c for c in tok.rights if c.dep_ in _RAISED), None)
        subject = next((c for c in tok.lefts if c.dep_ in _SUBJECTS), None)
        if complement is None or subject is None or (passive and complement.dep_ != "xcomp"):
            continue
        if quotes.encloses(tok.idx):
            continue
        auxiliaries = [c for c in tok.lefts if c.dep_ in ("aux", "auxpass", "neg") and c.i > subject.i]
        content = union(subtree_bounds(subject), subtree_bounds(complement))
        found.append(
            Attribution(
                source=None,
                cue=char_span(doc, *token_bounds([*auxiliaries, tok])),
                content=char_span(doc, *content),
                direct=False,
                producer="attribution.raising",
                confidence=0.5,
            )
        )
    return found
