"""Where an attack happened, read from the sentences that report it.

The gazetteer (``places.py``) knows names; this module decides which name in
an article is the attack's place: the city after "in"/"at" in the earliest
attack sentence, not the dateline (where the report was filed) nor every
city an article names. Places the gazetteer lacks are kept as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from counterclaim.kb import KnowledgeBase
from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.places import (
    City,
    country_mentions,
    country_name,
    find_cities,
    find_city,
    is_landmark,
    region_name,
)
from counterclaim.records import Evidence, Place

#: Entity labels that may name where an attack happened (the small model often
#: tags a town as NORP or a landmark as ORG, so those count when resolved).
PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}
#: Prepositions that put a place name in the role of where something happened.
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "on"}


def _locative(span: Span) -> bool:
    """Whether a place name is governed by a locative preposition ("in Kerman", "the town of Damboa")."""
    root = span.root
    if root.dep_ != "pobj" or _based(span):
        return False
    prep = root.head
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in set(load_lexicon("places")["settlement_nouns"])
    return prep.lower_ in PLACE_PREPS and prep.head.lemma_.lower() not in load_lexicon("places")["non_locative_heads"]


def _based(span: Span) -> bool:
    """A name in "Somalia-based" or "based in Somalia": where a group is based, not where it struck."""
    doc = span.doc
    after = doc[span.end : span.end + 2].text.lower().replace(" ", "")
    return after.startswith("-based") or (span.root.head.lower_ == "in" and span.root.head.head.lemma_ == "base")


def _candidates(sent: Span, skip: range) -> list[tuple[Span, bool, bool]]:
    """Place names in a sentence as (span, tagged as a place, locative), locative first.

    Besides the model's place entities, every proper noun outside a person's
    name is a weak candidate: the small model often misses a city inside an
    organisation's name ("the Karachi police chief").
    """
    out = []
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS and ent.start_char not in skip:
            out.append((ent, ent.label_ in ("GPE", "LOC", "FAC"), _locative(ent)))
    for token in sent:
        if token.pos_ == "PROPN" and token.ent_type_ in PLACE_LABELS | {""} and token.idx not in skip:
            out.append((sent.doc[token.i : token.i + 1], False, _locative(sent.doc[token.i : token.i + 1])))
    return sorted(out, key=lambda c: (not c[2], not c[1]))


def _clean(text: str) -> str:
    text = text[4:] if text.lower().startswith("the ") else text
    return text.removesuffix("’s").removesuffix("'s").strip()


def _before_landmark_word(text: str) -> str:
    """The name part of a landmark ("Manda Bay" of "Manda Bay camp")."""
    words = set(load_lexicon("places")["landmark_words"])
    kept = []
    for word in text.split():
        if word.lower() in words or word.lower().rstrip("s") in words:
            break
        kept.append(word)
    return " ".join(kept)


#: How sure a place reading is, best first: a gazetteer city by its main name,
#: a tagged place name the gazetteer lacks, a gazetteer city by an alternate
#: name or an untagged capitalised word after "in"/"at" (a small town).
PRIMARY, LOOSE, ALTERNATE, UNTAGGED = 3, 2, 1, 1


@dataclass
class _PlaceFinder:
    """Collects what the attack sentences say about the place: city, region, landmark, countries.

    ``named`` counts the countries the article names (countries, demonyms,
    the dateline's): a city name several countries have is read in one of
    them, and a gazetteer city in a country the article never names is
    refused when it names others ("Palma" in a report on Mozambique is not
    the Spanish city).
    """

    doc: Doc
    named: Counter[str]
    skip: range
    landmark: str | None = None
    region: str | None = None
    country_locative: str | None = None
    locative_sentence: int | None = None
    country_any: str | None = None

    def choose(self, cities: Sequence[City]) -> City | None:
        """The first city (gazetteer order) in a country the article names; the first of all if it names none."""
        if not self.named:
            return cities[0] if cities else None
        return next((c for c in cities if self.named[c.country]), None)

    def city_for(self, text: str, tagged: bool, locative: bool) -> tuple[City | None, int]:
        """A gazetteer city and how sure the reading is: main names (big cities if untagged), alternates in context."""
        big = int(load_lexicon("places")["min_population_untagged"])
        words = text.split()
        for n in range(len(words), 0, -1):  # "Mogadishu beach" is in Mogadishu
            found = find_cities(" ".join(words[:n]), primary_only=True, min_population=0 if tagged or locative else big)
            if found:
                city = self.choose(found)
                return (city, PRIMARY) if city else (None, 0)
        if tagged or locative:
            alternate = next((c for c in find_cities(text) if self.named[c.country]), None)
            if alternate is not None:
                return alternate, ALTERNATE
        return None, 0

    def best_in(self, sent: Span) -> tuple[City | None, str | None, Span | None]:
        """The sentence's best city reading: (gazetteer city or None, name as written, its span)."""
        best: tuple[tuple[int, int, int], City | None, str, Span] | None = None
        for span, tagged, locative in _candidates(sent, self.skip):
            text = _clean(span.text)
            if named := country_name(text):
                if locative and self.country_locative is None:
                    self.country_locative, self.locative_sentence = named, sent.start
                if not _based(span):
                    self.country_any = self.country_any or named
                continue
            if (tagged or locative) and (region := region_name(text) or region_name(f"{text} {_next_word(span)}")):
                self.region = self.region or region
                continue
            if _settlement_noun(span) in set(load_lexicon("places")["region_words"]):
                self.region = self.region or text
                continue
            if is_landmark(text):
                self.landmark = self.landmark or text
                text = _before_landmark_word(text)
                city, strength = self.city_for(text, True, True) if text else (None, 0)
            else:
                city, strength = self.city_for(text, tagged, locative)
            if city is None and locative and (tagged or is_landmark(span.text)) and text:
                strength = LOOSE
            elif city is None and locative and _untagged_place(span):
                strength = UNTAGGED
            if strength:
                rank = (int(locative), strength, -span.start_char)
                if best is None or rank > best[0]:
                    best = (rank, city, text, span)
        return (best[1], best[2], best[3]) if best else (None, None, None)


def _settlement_noun(span: Span) -> str:
    """The noun of "the state of X" / "the town of X" governing a name, lower case, or ""."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower()
    return ""


def attack_place(doc: Doc, sentences: Sequence[Span], specific: Sequence[Span], kb: KnowledgeBase) -> Place:
    """Where the attack happened: the first attack sentence naming a city wins, the dateline last.

    Sentences with a specific trigger (a blast, gunmen) are read before those
    with only "attack". Within a sentence a place after "in"/"at" wins, then
    a gazetteer city over a name the gazetteer lacks (kept as written).
    Countries come from the city, else from a country named after "in", else
    the dateline, else any country or demonym in the attack sentences. The
    dateline itself is skipped: it says where the report was filed.
    """
    dateline = doc._.dateline or {}
    skip = range(dateline.get("start", 0), dateline.get("end", 0))
    named = article_countries(doc, kb)
    finder = _PlaceFinder(doc, named, skip)
    city, name, span = None, None, None
    for sent in [*specific, *(s for s in sentences if s not in specific)]:
        found = finder.best_in(sent)
        if name is None and found[1]:
            city, name, span = found
    most_named = named.most_common(1)[0][0] if named else None
    country = finder.country_locative or dateline.get("country") or most_named or finder.country_any
    country = country or _demonym_country(sentences, kb)
    same_sentence = span is not None and finder.locative_sentence == span.sent.start
    if city is not None and same_sentence and city.country != finder.country_locative:
        # "in Palma, in northern Mozambique": the country the sentence names wins over the gazetteer's
        city = find_city(name or city.name, finder.country_locative)
    if name is None and dateline.get("place"):
        city = find_city(dateline["place"], country)
        name = city.name if city else dateline["place"]
    evidence = (
        Evidence(
            document_id=doc._.document_id or "",
            start=span.start_char,
            end=span.end_char,
            sentence=span.sent.text,
            producer="attack.place",
            confidence=0.8 if city else 0.6,
        )
        if span is not None
        else None
    )
    return Place(
        city=city.name if city else name,
        region=finder.region,
        country=city.country if city else country,
        landmark=finder.landmark,
        latitude=city.latitude if city else None,
        longitude=city.longitude if city else None,
        evidence=evidence,
    )


def _next_word(ent: Span) -> str:
    return ent.doc[ent.end].text if ent.end < len(ent.doc) else ""


def article_countries(doc: Doc, kb: KnowledgeBase) -> Counter[str]:
    """How often the content names each country, by name or demonym, the dateline's country counted once."""
    end = doc._.content_end if doc._.content_end is not None else len(doc.text)
    counts: Counter[str] = Counter(name for _, _, name in country_mentions(doc.text[:end]))
    for ent in doc.ents:
        if ent.start_char < end and ent.label_ == "NORP" and (state := kb.demonym_state(ent.text)) is not None:
            counts[country_name(state.name) or state.name] += 1
    if country := (doc._.dateline or {}).get("country"):
        counts[country] += 1
    return counts


def _untagged_place(span: Span) -> bool:
    """A capitalised word the model left untagged after "in"/"at" or "the town of": a town the gazetteer lacks.

    Month and weekday names are not places ("in May", "on Friday").
    """
    token = span.root
    dates = load_lexicon("dates")
    return (
        len(span) == 1
        and token.is_title
        and token.ent_type_ == ""
        and token.lower_ not in dates["months"]
        and token.lower_ not in dates["weekdays"]
        and token.head.lower_ in ("in", "at", "near", "outside", "of")
    )


def _demonym_country(sentences: Sequence[Span], kb: KnowledgeBase) -> str | None:
    """The country of the first demonym ("Nigerian troops") in the attack sentences."""
    for sent in sentences:
        for ent in sent.ents:
            if ent.label_ == "NORP" and (state := kb.demonym_state(ent.text)) is not None:
                return country_name(state.name) or state.name
    return None
