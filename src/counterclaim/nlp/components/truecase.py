"""``cc_truecase``: text written in capitals is re-cased before the model's own pipes read it.

A component, first in the pipeline, rather than an ingest step: the stored
document keeps the text exactly as it came (a user searching the store finds
what the wire sent), while the tagger, parser and entity recogniser, trained
on mixed case, read the re-cased copy. The copy keeps every character's
offset, so evidence offsets point into the stored text. Mixed-case text passes
through untouched. How words are re-cased is in ``nlp/casing.py``; the word
lists come from what counterclaim ships or installs: the ``web2`` word list,
this spaCy model's vocabulary and lemmatiser tables, the gazetteer and the
knowledge base.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.kb import get_kb
from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.casing import CasingModel, Dictionary, build_model, english_words, is_shouted, web2
from counterclaim.nlp.extensions import register_extensions
from counterclaim.nlp.gazetteer import country_name, place_names

#: The lemmatiser parts of speech whose rules and exceptions derive inflected forms.
_POS = ("noun", "verb", "adj", "adv")


class TrueCaser:
    """Replaces a Doc written in capitals by one of the same text re-cased, tokenised afresh."""

    def __init__(self, nlp: Language, name: str, extra_kb: list[str]) -> None:
        register_extensions()
        self.name = name
        self.extra_kb = list(extra_kb)
        self.tokenizer = nlp.tokenizer
        # words the model's vocabulary holds only in lower case, read before any text adds to it
        strings = nlp.vocab.strings
        self.seen_lower = frozenset(
            s for s in strings if s.isalpha() and s.islower() and s.title() not in strings and s.upper() not in strings
        )
        self.stop_words = frozenset(nlp.Defaults.stop_words)
        self.rules: list[list[str]] = []
        self.exceptions: dict[str, list[str]] = {}
        index: set[str] = set()
        lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        for pos in _POS if lookups is not None else ():
            if lookups.has_table("lemma_rules"):
                self.rules += lookups.get_table("lemma_rules").get(pos, [])
            if lookups.has_table("lemma_exc"):
                for form, lemmas in lookups.get_table("lemma_exc").get(pos, {}).items():
                    self.exceptions.setdefault(form, []).extend(lemmas)
            if lookups.has_table("lemma_index"):
                index.update(lookups.get_table("lemma_index").get(pos, []))
        self.index = frozenset(index)
        self._model: CasingModel | None = None

    def model(self) -> CasingModel:
        """The casing model, built on the first text in capitals (most runs never need it)."""
        if self._model is None:
            # an ordinary word is in both web2 (lower case) and the lemmatiser's index, or a function word:
            # web2 alone holds rare words that are also names ("alfonso", "reina")
            words = english_words() & self.index | self.stop_words
            dictionary = Dictionary(words, self.rules, self.exceptions)
            kinds = set(load_lexicon("casing")["name_kinds"])
            kb = get_kb(self.extra_kb)
            kb_names = [
                name
                for actor in kb
                if actor.kind in kinds and (entry := kb.entry(actor.id)) is not None
                for name in (entry.name, *entry.aliases)
            ]
            places = place_names()
            countries = [p for p in places if country_name(p)]
            # a place of several ordinary words ("Union City") says nothing about a run of capitals
            towns = [p for p in places if not all(dictionary(w.lower()) for w in p.split())]
            dates = load_lexicon("dates")
            self._model = build_model(
                dictionary,
                self.seen_lower,
                [w for w in web2() if w[:1].isupper() and not w.isupper()],
                [*kb_names, *towns],
                countries,
                [*dates["months"], *dates["weekdays"]],
            )
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        if not is_shouted(text):
            return doc
        recased = self.tokenizer(self.model().recase(text))
        # the extension values set before the pipeline (document id, publication date), not per-doc memos
        recased.user_data.update({k: v for k, v in doc.user_data.items() if isinstance(k, tuple) and k[:1] == ("._.",)})
        recased._.recased = True
        return recased


@Language.factory("cc_truecase", default_config={"extra_kb": []})
def make_truecase(nlp: Language, name: str, extra_kb: list[str]) -> TrueCaser:
    return TrueCaser(nlp, name, extra_kb)
