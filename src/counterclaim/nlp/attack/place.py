"""Where an attack happened, read from the sentences that report it.

The gazetteer (``places.py``) knows names; this module decides which name in
an article is the attack's place: the city after "in"/"at" in the earliest
attack sentence, not the dateline (where the report was filed) nor every
city an article names. Places the gazetteer lacks are kept as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from counterclaim.kb import KnowledgeBase
from counterclaim.kb.normalise import without_accents
from counterclaim.kb.roles import is_role_word
from counterclaim.lexicons import lexicon_words, load_lexicon
from counterclaim.nlp.casing import english_words
from counterclaim.nlp.doccache import memo
from counterclaim.nlp.doctext import doc_ents, doc_text, in_quotation, token_texts
from counterclaim.nlp.gazetteer import (
    City,
    capital_city,
    country_mentions,
    country_name,
    find_cities,
    find_city,
    find_towns,
    is_landmark,
    is_place_name,
    landmark_word,
    region_country,
    region_name,
    subdivision_name,
)
from counterclaim.records import Evidence, Place

#: Entity labels that may name where an attack happened (the small model often
#: tags a town as NORP or a landmark as ORG, so those count when resolved).
PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}
#: Entity labels the model gives places proper.
_WHERE = {"GPE", "LOC", "FAC"}
#: Labels the small model gives a one-word town it does not know ("a railway station in Quetta" as a work of art).
MISREAD_LABELS = {"PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
#: Prepositions that put a place name in the role of where something happened.
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "on"}


def _locative(span: Span) -> bool:
    """Whether a place name is governed by a locative preposition ("in Kerman", "the town of Damboa")."""
    root = span.root
    if root.dep_ in ("compound", "appos") and root.head.lemma_.lower() in lexicon_words("places", "settlement_nouns"):
        root = root.head  # "in Pahalgam area", "at Zabarmari community", "on the island village Boma"
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


def _candidates(sent: Span, skip: range, anchors: set[int]) -> list[tuple[Span, bool, bool]]:
    """Place names in a sentence as (span, tagged as a place, locative), locative first.

    Besides the model's place entities, every proper noun outside a person's
    name is a weak candidate: the small model often misses a city inside an
    organisation's name ("the Karachi police chief"). A name after "the town
    of" is a candidate whatever its tag: the small model often reads an
    unfamiliar town ("the town of Majdal Shams") as a person.
    """
    out = []
    for ent in sent.ents:
        if len(ent) > 1 and ent[-1].is_punct:  # the model may take a sentence's full stop into a name ("Abuja.")
            ent = Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
        if _common_name(ent) or all(t.is_lower for t in ent):
            continue  # "the attack on Worshippers", a common noun capitalised and tagged a place; "a metro train"
        if (ent.label_ in PLACE_LABELS or _named_town(ent)) and ent.start_char not in skip:
            out.append((ent, ent.label_ in _WHERE, _locative(ent)))
    for token in sent:
        if token.pos_ != "PROPN" or token.idx in skip or _name_part(token):
            continue
        # a capitalised name right before an attack word is its place whatever its tag ("the Jaffa shooting"),
        # unless it opens the text after a dateline ("KABUL — Gunmen killed") or is made of common words
        # capitalised as a sentence or headline opens ("Suicide bombers struck", "Terror attack in ...")
        before_attack = token.i + 1 in anchors and token.is_title and token.ent_type_ != "NORP"
        name = _compound_run(token, sent.start) if before_attack else None
        if name is not None and ((bool(skip) and name.start_char == skip.stop) or all(_common_word(t) for t in name)):
            name = None
        if name is not None and (token.lower_ in _not_places() or token.ent_type_ in ("DATE", "TIME")):
            continue  # "the Easter bombings", "the 7 October attack"
        if name is not None:  # the whole name before the attack word: "the Manchester Arena bombing"
            out.append((name, False, True))
        elif (token.ent_type_ in PLACE_LABELS and not _common_name(token.doc[token.i : token.i + 1])) or (
            token.ent_type_ == "" and not _common_word(token)
        ):
            # an untagged word is a candidate unless it is a common word capitalised in a headline ("IS Claims Attack")
            single = sent.doc[token.i : token.i + 1]
            out.append((single, False, _locative(single)))
        elif token.ent_type_ in MISREAD_LABELS and token.ent_iob_ == "B" and not _continued(token):
            # a one-word "person" (or work of art) after "in"/"at" that the gazetteer knows: the model's guess at a town
            single = sent.doc[token.i : token.i + 1]
            if _locative(single) and is_place_name(token.text):
                out.append((single, False, True))
    return sorted(out, key=lambda c: (not c[2], not c[1]))


def _common_name(span: Span) -> bool:
    """A one-word name the text writes in lower case elsewhere and no gazetteer knows: a common noun capitalised
    ("the attack on Worshippers"), unless the text calls it a town ("the town of Sole")."""
    return len(span) == 1 and _common_word(span[0]) and not is_place_name(span.text) and not _named_town(span)


def _continued(token: Token) -> bool:
    """Whether the token's entity goes on after it."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I"


def _common_word(token: Token) -> bool:
    """Whether a capitalised word is a common one: written in lower case elsewhere in the text, a suicide word,
    or an English word no gazetteer city is called ("Terror attack" in a headline)."""
    doc = token.doc
    lower = memo(doc, _LOWER_WORDS_KEY, lambda: frozenset(t for t in token_texts(doc) if t.islower()))
    word = token.lower_
    if word in lower or word in lexicon_words("attack_types", "suicide"):
        return True
    english = word in english_words() or (word.endswith("s") and word[:-1] in english_words())  # "Claims"
    return english and find_city(token.text, primary_only=True) is None


def _calendar_word(text: str) -> bool:
    """Months, weekdays and feasts ("on Sunday", "on Easter Sunday", "on Palm Sunday"): a time, never a place.

    A capitalised name ending in a weekday is a feast day ("Good Friday", "Ash Wednesday").
    """
    dates = load_lexicon("dates")
    words = text.split()
    if len(words) > 1 and words[-1].lower() in dates["weekdays"] and all(w.istitle() for w in words):
        return True
    return bool(words) and all(
        w.lower() in dates["months"] or w.lower() in dates["weekdays"] or w.lower() in _not_places() for w in words
    )


def _buildings(doc: Doc, end: int) -> frozenset[str]:
    """Names of buildings and venues the content names ("Crocus City Hall"), for their short forms."""
    building_words = lexicon_words("places", "building_words")
    return frozenset(
        _clean(e.text)
        for e in doc_ents(doc)
        if e.start_char < end and len(e) > 1 and any(t.lower_ in building_words for t in e)
    )


_LOWER_WORDS_KEY = "counterclaim.place.lower_words"


@cache
def _not_places() -> frozenset[str]:
    """Capitalised words that are never where an attack happened: feasts, "the Caliphate", and the platforms words
    are posted on (the stance lexicon's ``platforms``: "boasted about it on Facebook"), lower-cased."""
    platforms = (str(p) for p in load_lexicon("stance")["platforms"])
    return frozenset(str(w).lower() for w in [*load_lexicon("places")["not_places"], *platforms])


def _compound_run(token: Token, floor: int) -> Span:
    """The proper nouns compounded into one name that ends at ``token`` ("Manchester Arena").

    A headline's capitalised names right before the run belong to it even when the parser hangs the first one
    elsewhere ("for Nairobi Westgate Kenya Attack", "Nairobi" read as the object of "for"), unless it is part of
    another name (a group's, a person's). A capitalised common word before a known place is no part of it.
    """
    doc = token.doc
    first = token.i
    while first - 1 >= floor and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
        first -= 1
    while first - 1 >= floor and first < token.i and _headline_name_before(doc[first - 1]):
        first -= 1
    # a headline capitalises the adjective before a town ("Deadly Toronto Shooting"): a common word that opens a
    # run no gazetteer knows, while the rest of it is a place, is no part of the name ("New York" stays whole)
    while first < token.i and _common_word(doc[first]) and not is_place_name(doc[first : token.i + 1].text):
        if not is_place_name(doc[first + 1 : token.i + 1].text):
            break
        first += 1
    return doc[first : token.i + 1]


def _headline_name_before(token: Token) -> bool:
    """A capitalised proper noun, alone on its side of the text, written right before the next name on one line."""
    doc = token.doc
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ not in ("ORG", "PERSON")
        and not _common_word(token)
        and token.whitespace_ == " "
        and doc[token.i + 1].is_title
        and (token.i == 0 or doc[token.i - 1].pos_ != "PROPN")
    )


def _name_part(token: Token) -> bool:
    """A word inside a longer name: a multi-word place entity (read whole) or a hyphenated name ("Ulema-e-Islam")."""
    doc = token.doc
    continued = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    if token.ent_type_ in PLACE_LABELS and (token.ent_iob_ == "I" or continued):
        return True
    joined = token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    if joined and doc[token.i + 2].text[:1].islower():
        return True
    # the second half of a hyphenated name ("Jamiat Ulema Islam-Fazl"), unless the gazetteer knows it as a city
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return False
    return doc[token.i - 2].is_title and find_city(token.text, primary_only=True) is None


def _clean(text: str) -> str:
    text = text[4:] if text.lower().startswith("the ") else text
    return text.rstrip(".,;:").removesuffix("’s").removesuffix("'s").strip()


def _landmark_parts(text: str) -> tuple[str, str, str]:
    """The name part of a landmark, its landmark word and the place written after it ("Manda Bay", "camp", "" of
    "Manda Bay camp"; "Bardo", "museum", "Tunis" of "Bardo Museum in Tunis"; "", "university", "Karachi" of
    "University of Karachi")."""
    words = text.split()
    for n, word in enumerate(words):
        if (kind := landmark_word(word)) is not None:
            rest = words[n + 1 :]
            where = " ".join(rest[1:]) if len(rest) > 1 and rest[0] in ("in", "of", "at") else ""
            return " ".join(words[:n]), kind, where
    return text, "", ""


#: How sure a place reading is, best first: a gazetteer city by its main name,
#: a tagged place name the gazetteer lacks, a gazetteer city by an alternate
#: name or an untagged capitalised word after "in"/"at" (a small town).
PRIMARY, LOOSE, ALTERNATE, UNTAGGED = 3, 2, 1, 1
#: How far up the parse a place may sit below the attack word that governs it
#: ("attacked two posts in a park in northern Benin").
MAX_GOVERNING_HOPS = 6
#: Links a place may climb to reach its attack word: prepositions and noun-phrase modifiers, never a clause.
GOVERNING_DEPS = {"pobj", "prep", "compound", "appos", "nmod", "amod", "poss", "dobj", "nsubj", "nsubjpass", "npadvmod"}


def governed(span: Span, anchors: set[int]) -> bool:
    """Whether a place hangs, through prepositions and noun modifiers only, under an attack word.

    "the Jaffa shooting", "an attack on a mosque in Fambita", "were killed in
    Khar" put the place in the attack's own phrase; "Pakistan demands Kabul
    act" or "a video released in Hausa" do not.
    """
    node = span.root
    for _ in range(MAX_GOVERNING_HOPS):
        if node.dep_ not in GOVERNING_DEPS or node.head is node:
            return False
        node = node.head
        if node.i in anchors:
            return True
        if node.pos_ == "VERB" and any(c.i in anchors for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
            return True  # "the attack took place in X", "the blast occurred at X"
    return False


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
    kb: KnowledgeBase
    anchors: set[int]
    organisations: list[tuple[int, int, bool]]
    buildings: frozenset[str]
    homes: Counter[str] = field(default_factory=Counter)
    elsewhere: frozenset[int] = frozenset()
    landmark: str | None = None
    region: str | None = None
    region_country: str | None = None
    region_sentence: int | None = None
    country_locative: str | None = None
    country_governed: str | None = None
    sentence_country: dict[int, list[tuple[Span, str]]] = field(default_factory=dict)
    locative_sentence: int | None = None
    country_any: str | None = None

    def choose(self, cities: Sequence[City]) -> City | None:
        """The first city (gazetteer order) in a country the article names; the first of all if it names none.

        An article that names no country writes from the home of the groups
        it names ("FMLN units attacked Santa Ana" is in El Salvador); a name
        several countries share, none of them that home, is none of those
        cities ("San Pedro" in a report on Salvadoran guerrillas). A national capital no other country's city shares
        is read as itself even when the article never names its country ("San Salvador" in copy filed from Panama).
        """
        if not self.named:
            home = next((c for c in cities if self.homes[c.country]), None)
            if home is None and self.homes and len({c.country for c in cities}) > 1:
                return None
            return home or (cities[0] if cities else None)
        found = next((c for c in cities if self.named[c.country]), None)
        if found is None and len({c.country for c in cities}) == 1:
            capital = capital_city(cities[0].country)
            return cities[0] if capital is not None and capital.name == cities[0].name else None
        return found

    def city_for(self, text: str, tagged: bool, locative: bool, towns: bool = True) -> tuple[City | None, int]:
        """A gazetteer city and how sure the reading is: main names (big cities if untagged), alternates in context,
        then (``towns``) the smaller towns."""
        big = int(load_lexicon("places")["min_population_untagged"])
        words = text.split()
        refused = False
        for n in range(len(words), 0, -1):  # "Mogadishu beach" is in Mogadishu
            if n < len(words) and words[n].lower() in lexicon_words("places", "name_connectors"):
                continue  # "Republic of Tajikistan" names no town "Republic", "Santo Tomas de Pata" none "Santo Tomas"
            found = find_cities(" ".join(words[:n]), primary_only=True, min_population=0 if tagged or locative else big)
            if found:
                city = self.choose(found)
                if city is not None:
                    return city, PRIMARY
                refused = True
                break
        if not (tagged or locative):
            return None, 0
        alternate = next((c for c in find_cities(text) if self.named[c.country]), None)
        if alternate is not None:  # named as the text spells it ("Garowe" for the gazetteer's "Garoowe")
            return alternate._replace(name=text) if text.isascii() and text.istitle() else alternate, ALTERNATE
        # a town below the main index's size, in a country the article names ("Pahalgam" in a report naming India)
        found_towns = find_towns(text) if towns else []
        town = next((c for c in found_towns if self.named[c.country] or self.homes[c.country]), None)
        if town is not None:
            return town, PRIMARY
        if found_towns and not self.named and not self.homes and not refused:
            return found_towns[0], ALTERNATE  # a small town abroad is no reading when the groups' home is known
        return None, 0

    def best_in(self, sent: Span) -> tuple[City | None, str | None, Span | None]:
        """The sentence's best city reading: (gazetteer city or None, name as written, its span)."""
        best: tuple[tuple[int, int, int, int], City | None, str, Span] | None = None
        for found, tagged, locative in _candidates(sent, self.skip, self.anchors):
            span = _connected_name(found)
            text = _district_town(_clean(span.text))
            if self.not_a_place(span, text) or _street_or_region_part(span):
                continue
            named = country_name(text) or _country_with_tail(span) or _country_compound(text)
            if (capital := self.capital(span, named or self.demonym_country(text))) is not None:
                noun = self.doc[span.root.head.i : span.root.head.i + 1]  # "in Burkina Faso's capital": Ouagadougou
                rank = (int(governed(noun, self.anchors)), int(_locative(noun)), PRIMARY, -noun.start_char)
                if (best is None or rank > best[0]) and not self.not_a_place(noun, capital.name):
                    best = (rank, capital, capital.name, noun)
            if named:
                # a country right before an attack word is mostly its doer ("a U.S. drone strike"), not its place
                locative = locative and _locative(span)
                if locative and self.country_locative is None and not _quoted(span):
                    self.country_locative, self.locative_sentence = named, sent.start
                if locative and not _quoted(span) and governed(span, self.anchors):
                    self.country_governed = self.country_governed or named
                if locative:
                    self.sentence_country.setdefault(sent.start, []).append((span, named))
                if not (_based(span) or _represents(span)):
                    self.country_any = self.country_any or named
                continue
            region = _known_region_at(span) or region_name(text) or region_name(f"{text} {_next_word(span)}")
            region = region or subdivision_name(text, self.named)
            if (tagged or locative) and region:
                self.note_region(region, sent)
                continue
            if _settlement_noun(span) in lexicon_words("places", "region_words") and not _city_of_district(span):
                self.note_region(text, sent)
                continue
            if is_landmark(text):
                self.landmark = self.landmark or text
                text, kind, where = _landmark_parts(text)
                building = kind in lexicon_words("places", "building_words")
                # the town written after the landmark ("the museum in Tunis") wins; then a building's name may hold a
                # city's ("Manchester Arena"), rarely a small town's ("Jaffar Express")
                city, strength = self.city_for(where, True, True) if where else (None, 0)
                if city is None:
                    city, strength = self.city_for(text, True, True, towns=not building) if text else (None, 0)
                else:
                    text = where
                if city is None and building:
                    continue  # "the Hayat Hotel": the building's own name, no town
            else:
                # a name the attack words govern ("the X terror attack") is read as a place after "in"
                city, strength = self.city_for(text, tagged, locative or governed(span, self.anchors))
            named_here = _named_town(span) or (
                span.root.pos_ == "PROPN" and (span.end in self.anchors or governed(span, self.anchors))
            )
            if city is None and locative and text and (tagged or is_landmark(span.text) or named_here):
                strength = LOOSE
            elif city is None and locative and _untagged_place(span):
                strength = UNTAGGED
            if strength and city is not None and self.foreign(span, city):
                strength = 0
            if strength:
                rank = (int(governed(span, self.anchors)), int(locative), strength, -span.start_char)
                if best is None or rank > best[0]:
                    best = (rank, city, text, span)
        return (best[1], best[2], best[3]) if best else (None, None, None)

    def country_of(self, place: Span | None) -> str | None:
        """The country named after "in" in the place's own sentence ("in Mpeketoni, Kenya"), when it belongs to
        the place or to the attack words, not to another phrase ("handlers in X")."""
        if place is None:
            return None
        for span, named in self.sentence_country.get(place.sent.start, []):
            if governed(span, self.anchors) or governed(span, set(range(place.start, place.end))):
                return named
            if governed(place, set(range(span.start, span.end))):
                return named
        return None

    def note_region(self, region: str, sent: Span) -> None:
        """Keep the first region the attack sentences name, and the first whose country is known (with its
        sentence)."""
        self.region = self.region or region
        if self.region_country is None and (home := region_country(region, self.named)) is not None:
            self.region_country, self.region_sentence = home, sent.start

    def not_a_place(self, span: Span, text: str) -> bool:
        """Words that look like places but are not where anything happened.

        Part of an organisation's name ("Jamiat Ulema-e-Islam", "Islamic State
        in the Greater Sahara"), a language or people ("speaking in Hausa"),
        the country in "near the Niger border", or where someone reacted or
        spoke ("In Kabul, the spokesman condemned the attack").
        """
        inside = any(
            lo <= span.start_char and span.end_char <= hi and (hi - lo > len(span.text) or group)
            for lo, hi, group in self.organisations
        )
        if inside or span.start in self.elsewhere or _reference_point(span):
            return True
        people = text.lower() in lexicon_words("places", "peoples_and_languages") and span.root.head.lemma_ != "capital"
        if people or text.lower() in _not_places() or _calendar_word(text):  # "the Somali capital" is a place
            return True
        if text.lower() in lexicon_words("places", "directions"):
            return True  # "resurfacing in the North-east": a part of the country, no town
        if (words := text.split()) and is_role_word(words[-1]):
            return True  # "a Junior Commissioned Officer": a person's rank or office, though a town bears the name
        if span.label_ == "NORP" and span.root.head.lemma_.lower() in lexicon_words("places", "country_nouns"):
            return True  # "in the Central Asian country": a description of a country, no town "Central"
        if any(name.startswith(text + " ") for name in self.buildings) and find_city(text, primary_only=True) is None:
            return True  # "the attack in Crocus", the short name of the Crocus City Hall the text names
        root = span.root
        reacting = root.head.head
        if (
            root.dep_ == "pobj"
            and reacting.pos_ == "VERB"
            and reacting.lemma_.lower() in lexicon_words("places", "reaction_heads")
        ):
            return True  # "In Kabul, the spokesman condemned the attack": where someone reacted
        # the word after the name, or after its last conjunct ("near Niger and Burkina Faso borders")
        after = [t for t in self.doc[max(span.end, span.root.right_edge.i + 1) :][:2] if t.text not in ("'s", "’s")]
        return bool(after) and after[0].lemma_.lower() in lexicon_words("places", "border_words")

    def capital(self, span: Span, country: str | None) -> City | None:
        """The capital a country or demonym names with "capital" and no city ("in the Austrian capital",
        "Burkina Faso's capital"), from the gazetteer."""
        head = span.root.head
        if country is None or head.lemma_.lower() != "capital" or span.root.dep_ not in ("poss", "amod", "compound"):
            return None
        return capital_city(country)

    def demonym_country(self, word: str) -> str | None:
        """The canonical country of a demonym ("Nigerien" -> "Niger")."""
        state = self.kb.demonym_state(word)
        return (country_name(state.name) or state.name) if state is not None else None

    def foreign(self, span: Span, city: City) -> bool:
        """A city the text itself places across a border: "the Nigerien town of Diffa" in a report on Nigeria.

        Such a city is where people fled or the report was filed, not where an
        attack in the article's own country happened: it is refused unless its
        country is the one the article names most.
        """
        own = self.named[city.country]
        if not any(n >= own for country, n in self.named.items() if country != city.country):
            return False
        noun = span.root.head.head if _settlement_noun(span) else span.root
        return any(
            c.dep_ in ("amod", "compound")
            and country_name(c.text) is None
            and self.demonym_country(c.text) == city.country
            for c in noun.children
        )


def _connected_name(span: Span) -> Span:
    """A name the model cut at a lower-case connector ("Mocimboa" of "Mocimboa da Praia"), written whole when the
    gazetteer knows the longer name as a city's."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].is_lower and doc[end].lower_ in lexicon_words("places", "name_connectors"):
        longer = doc[span.start : end + 2]
        if doc[end + 1].is_title and find_cities(_clean(longer.text), primary_only=True):
            return longer
    return span


def _district_town(text: str) -> str:
    """The town a district is named after: "Gwoza" of "Gwoza Local Government Area" (an attack there is read as in
    its town, as news and gazetteers do)."""
    for suffix in load_lexicon("places")["district_suffixes"]:
        if text.endswith(" " + suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix) - 1]
    return text


def _city_of_district(span: Span) -> bool:
    """A city a named district belongs to: Ankara in "the Sincan district of Ankara" (but Kasese in "the district
    of Kasese" names the district itself)."""
    noun = span.root.head.head
    named = any(c.dep_ in ("compound", "amod") and c.is_title for c in noun.children)
    return named and find_city(_clean(span.text), primary_only=True) is not None


def _reference_point(span: Span) -> bool:
    """A town named only to locate another place: "in Tanta city north of Cairo" (the attack is in Tanta)."""
    doc = span.doc
    if span.start < 3 or doc[span.start - 1].lower_ != "of":
        return False
    direction, before = doc[span.start - 2], doc[span.start - 3]
    settlements = lexicon_words("places", "settlement_nouns")
    return direction.lower_ in lexicon_words("places", "directions") and (
        before.pos_ == "PROPN" or before.lemma_.lower() in settlements
    )


def _country_with_tail(span: Span) -> str | None:
    """The country a name starts when the model cut it before "of" ("Democratic Republic" of "the Democratic
    Republic of the Congo")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "of":
        return None
    for end in range(span.end + 2, min(span.end + 5, len(doc)) + 1):
        if named := country_name(_clean(doc[span.start : end].text)):
            return named
    return None


def _country_compound(text: str) -> str | None:
    """The country a name opens or closes that neither the gazetteer nor the regions know: "Libya" in a headline's
    "Libya Terror Attack", "Mali" in "the Mali Radisson Blu attack", "Nigeria" in "north-east Nigeria".

    Such a compound of a country and another word (a landmark, a common word, a direction) names the country, never a
    town; a gazetteer city written with its country's name ("Guatemala City", "Kuwait City") stays a city.
    """
    words = text.split()
    if len(words) < 2 or find_cities(text, primary_only=True) or region_name(text):
        return None
    for n in range(len(words) - 1, 0, -1):
        if named := country_name(" ".join(words[:n])) or country_name(" ".join(words[-n:])):
            return named
    return None


def _quoted(span: Span) -> bool:
    """Whether a name sits inside a quotation in its sentence: a speaker's words, not the report's setting."""
    return in_quotation(span.doc, span.sent.start_char, span.start_char)


def _named_town(span: Span) -> bool:
    """A name after "the town of" / "the village of": a settlement, whatever the model tagged it."""
    return _settlement_noun(span) in set(load_lexicon("places")["settlement_nouns"])


def _settlement_noun(span: Span) -> str:
    """The noun of "the state of X" / "the town of X" governing a name, lower case, or ""."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower()
    return ""


def attack_place(
    doc: Doc,
    sentences: Sequence[Span],
    specific: Sequence[Span],
    kb: KnowledgeBase,
    anchors: Sequence[int] = (),
    elsewhere: Sequence[int] = (),
) -> Place:
    """Where the attack happened: the place its attack words govern, else the first attack sentence naming one.

    ``anchors`` are the token indices of the attack words (triggers, killing
    verbs). A place in their own phrase ("the attack on a mosque in X", "the
    X bombing") wins, earliest in the text first, as the lead says where.
    Failing that, sentences with a specific trigger (a blast, gunmen) are read
    before those with only "attack". Within a sentence a place after
    "in"/"at" wins, then a gazetteer city over a name the gazetteer lacks
    (kept as written). Names inside an organisation's name, languages and
    peoples are never places, nor is a place in the phrase of another attack
    (``elsewhere``: its attack words, "in retaliation for the attacks in X").
    Countries come from the city, else from a country named after "in", else
    the dateline, else any country or demonym in the attack sentences; the
    dateline's country wins when the dateline names the attack's own place
    or region ("LAMU, Kenya —" over an attack in Lamu county). The
    dateline itself is skipped: it says where the report was filed.
    """
    dateline = doc._.dateline or {}
    skip = range(dateline.get("start", 0), dateline.get("end", 0))
    end = doc._.content_end if doc._.content_end is not None else len(doc_text(doc))
    named = article_countries(doc, kb) - _representations(doc, end, kb)
    # (start, end, a name the knowledge base gives a group: never a place even when the candidate is all of it)
    organisations = [(lo, hi, True) for lo, hi, actor in kb.find_all(doc_text(doc)[:end]) if actor.kind != "state"]
    organisations += [(e.start_char, e.end_char, False) for e in doc_ents(doc) if e.label_ == "ORG" and len(e) > 1]
    finder = _PlaceFinder(
        doc, named, skip, kb, set(anchors), organisations, _buildings(doc, end), homes=group_homes(doc, kb)
    )
    finder.elsewhere = frozenset(i for t in elsewhere for i in _phrase_of(doc[t]) if i not in finder.anchors)
    if finder.elsewhere:  # a country named only for another attack ("revenge for the attacks in X") frames nothing
        for lo, hi, country in country_mentions(doc_text(doc)[:end]):
            mention = doc.char_span(lo, hi, alignment_mode="expand")
            if mention is not None and mention.start in finder.elsewhere and named[country] > 0:
                named[country] -= 1
        named = +named
        finder.named = named
    city, name, span = None, None, None
    governed_found, placed = [], []
    for sent in [*specific, *(s for s in sentences if s not in specific)]:
        found = finder.best_in(sent)
        if name is None and found[1]:
            city, name, span = found
        if found[2] is not None and governed(found[2], finder.anchors):
            governed_found.append(found)
        where = found[2] is not None and (_locative(found[2]) or governed(found[2], finder.anchors))
        if found[1] and where and not _of_noun(found[2], finder.anchors):
            placed.append(found)
    if span is not None and placed and not any(f[2] is span for f in placed):
        # a name read in no place's role ("since the capture of Kabul", "Kabul said") gives way to one read as a place
        city, name, span = placed[0]
    # a place the attack words govern wins when no later in the text than the first reading
    earlier = [f for f in governed_found if span is None or f[2].start <= span.start]
    if earlier:
        city, name, span = min(earlier, key=lambda f: f[2].start)
    if name is not None and span is not None and _locative(span) and _headline(span):
        city, name, span = _repeated_instead(doc_text(doc)[:end], name, governed_found) or (city, name, span)
    most_named = named.most_common(1)[0][0] if named else None
    if _elsewhere_than_dateline(doc, end, skip, dateline.get("country"), named, name):
        dateline = {}  # "HAVANA -- ... in El Salvador ... El Salvador": filed from a country the text never names
    # the country named where the place is ("in Mpeketoni, Kenya"), else the frame of the whole article
    in_sentence = finder.country_of(span)
    # then a country the attack words govern ("a blast in X"), the region's, the dateline's, the one named most;
    # a country after "in" elsewhere ("handlers in X") only after those
    country = (
        in_sentence
        or finder.country_governed
        or finder.region_country
        or dateline.get("country")
        or most_named
        or finder.country_locative
        or finder.country_any
    )
    if dateline.get("country") and dateline.get("place") in {name, finder.region} - {None}:
        country = dateline["country"]  # the report is filed from the attack's own town or region: its country
    country = country or _demonym_country(sentences, kb) or next(iter(finder.homes), None)
    same_sentence = span is not None and finder.locative_sentence == span.sent.start
    if city is not None and same_sentence and city.country != finder.country_locative:
        # "in Palma, in northern Mozambique": the country the sentence names wins over the gazetteer's
        city = find_city(name or city.name, finder.country_locative)
    beside = span is not None and finder.region_sentence == span.sent.start
    region_home = finder.region_country if beside and finder.named[finder.region_country or ""] else None
    if city is not None and region_home not in (None, city.country):
        # "San Lorenzo in Ecuador's Esmeraldas province": the region named with the town says its country
        there, country = find_city(name or city.name, region_home), region_home
        # kept as the text writes it when the gazetteer knows it by a longer name ("San Lorenzo de Esmeraldas")
        city = there._replace(name=name) if there is not None and name else there
    if city is not None and (home := _region_home(name, city, finder)) is not None:
        city, country = find_city(name or city.name, home, primary_only=True), home
    abroad = name is None and _filed_from_abroad(doc, finder, dateline.get("country"), kb)
    if abroad:
        country = abroad  # "TEGUCIGALPA -- Honduras denounced the murder of a Salvadoran minister": no town
    elif name is None and dateline.get("place"):
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
        city=_as_the_text_calls(city.name, doc_text(doc)[:end]) if city else name,
        region=finder.region,
        country=city.country if city else country,
        landmark=finder.landmark,
        latitude=city.latitude if city else None,
        longitude=city.longitude if city else None,
        evidence=evidence,
    )


def _region_home(name: str | None, city: City, finder: _PlaceFinder) -> str | None:
    """The country of a region the city's name also names, when the text reads it as that region ("in Cordoba
    department") or names that country more than the city's ("northern Santander" in a report on Colombia, not
    the Spanish city): a department at home, not a city abroad so called."""
    if name is None:
        return None
    if name == finder.region and finder.region_country not in (None, city.country):
        return finder.region_country
    home = region_country(name, finder.named)
    capital = capital_city(city.country)
    if capital is not None and capital.name == city.name:
        return None  # a capital is itself wherever a region shares its name ("Jerusalem")
    return home if home not in (None, city.country) and finder.named[home] > finder.named[city.country] else None


def _of_noun(span: Span, anchors: set[int]) -> bool:
    """A name after "of" that says whose or what a noun is ("the capture of Kabul", "the governor of X"), not a
    settlement's name ("the town of X") nor a place the attack words govern."""
    root = span.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() not in lexicon_words("places", "settlement_nouns")
        and not governed(span, anchors)
    )


@lru_cache(maxsize=4096)
def _bare_name(short: str, word: str) -> re.Pattern[str]:
    """ "Marawi" written without its designation word "City" after it; compiled once per name, not per article."""
    return re.compile(rf"\b{re.escape(short)}\b(?! {re.escape(word)}\b)")


def _as_the_text_calls(name: str, text: str) -> str:
    """A gazetteer name as the text mostly calls the city: without the accents the text does not write
    ("Pathankot" for "Pathānkot") and with the words it shortens ("St. Petersburg"); without a designation word
    ("Marawi" for "Marawi City") when the bare name is written more often than the full one. Outlets that write
    "Sadr City" keep it whole."""
    if name not in text:
        name = next((v for v in _spellings(name) if v.casefold() in text.casefold()), name)
    for word in load_lexicon("places")["designation_words"]:
        short = name.removesuffix(" " + str(word))
        other = country_name(short) or region_name(short) or find_cities(short, primary_only=True)
        if short != name and not other:  # "Guatemala City" is not called "Guatemala"
            bare = len(_bare_name(short, str(word)).findall(text))
            return short if bare > text.count(name) else name
    return name


def _spellings(name: str) -> list[str]:
    """Other ways outlets write a gazetteer name: without its accents, with a word shortened (``name_abbreviations``
    of ``lexicons/places.yaml``)."""
    plain = without_accents(name)
    first, _, rest = plain.partition(" ")
    shortened = load_lexicon("places")["name_abbreviations"].get(first, []) if rest else []
    return [plain, *(f"{short} {rest}" for short in shortened)]


def _repeated_instead(
    text: str, name: str, governed_found: Sequence[tuple[City | None, str | None, Span | None]]
) -> tuple[City | None, str | None, Span | None] | None:
    """The first gazetteer city the attack words govern that the text names again, when the place read is named
    nowhere else: a headline's slip ("... Dead in Tehran" over a report whose every sentence says Shiraz) gives way."""
    if text.count(name) > 1:
        return None
    return next((f for f in governed_found if f[0] and f[1] and f[1] != name and text.count(f[1]) > 1), None)


def _headline(span: Span) -> bool:
    """Whether a name sits on a line of its own with no closing full stop: a headline."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)].strip().strip("\"“”'")
    return not line.endswith(".")


def _represents(span: Span | None) -> bool:
    """Whether a country's name qualifies its representatives or offices ("the U.S. embassy", "U.S. advisers")."""
    root = span.root if span is not None else None
    return (
        root is not None
        and root.dep_ in ("compound", "amod", "poss", "nmod")
        and root.head.lemma_.lower() in lexicon_words("places", "representation_nouns")
    )


def _elsewhere_than_dateline(
    doc: Doc, end: int, dateline: range, home: str | None, named: Counter[str], place: str | None
) -> bool:
    """Whether a report is about another country than the one it was filed from: the attack sentences name no
    place, the text after the dateline never names the dateline's country nor a people of it, and names another
    one at least twice. Wire copy filed in Havana or San José about El Salvador or Guatemala reads so."""
    if home is None or place is not None:
        return False
    text = doc_text(doc)[:end]
    if any(country == home and lo not in dateline for lo, _, country in country_mentions(text)):
        return False
    own = named[home] - 1 - sum(country == home for lo, _, country in country_mentions(text) if lo in dateline)
    return own <= 0 and any(n >= 2 for country, n in named.items() if country != home)


def _representations(doc: Doc, end: int, kb: KnowledgeBase) -> Counter[str]:
    """How often the content names a country only as whose representatives or offices it speaks of: "the U.S.
    embassy", "U.S. advisers", "the Cuban ambassador" (``representation_nouns``). Such a mention frames no attack:
    clandestine radio and wire copy name foreign embassies and envoys in reports of attacks far from them."""
    found: Counter[str] = Counter()
    for lo, hi, country in country_mentions(doc_text(doc)[:end]):
        if _represents(doc.char_span(lo, hi, alignment_mode="expand")):
            found[country] += 1
    for ent in doc_ents(doc):
        state = kb.demonym_state(ent.text) if ent.start_char < end and ent.label_ == "NORP" else None
        if state is not None and (_represents(ent) or _counted_people(ent)):
            found[country_name(state.name) or state.name] += 1
    return found


def _counted_people(ent: Span) -> bool:
    """A people's name counted as persons ("two Americans", "2 Americans"): who was hit or there, not where."""
    root = ent.root
    return root.tag_ in ("NNPS", "NNS") and any(c.dep_ == "nummod" for c in root.children)


def _known_region_at(span: Span) -> str | None:
    """A known region of several words that the name is part of ("Jammu" of "Jammu and Kashmir", "Pakhtunkhwa"
    of "Khyber Pakhtunkhwa")."""
    text = doc_text(span.doc)
    for region in _long_regions():
        if len(region) <= len(span.text):
            continue
        lo = max(0, span.end_char - len(region))
        found = text.find(region, lo, span.start_char + len(region))
        if found >= 0 and found <= span.start_char and span.end_char <= found + len(region):
            return region
    return None


@cache
def _long_regions() -> tuple[str, ...]:
    """Known regions of several words, longest first."""
    regions = [str(r) for r in load_lexicon("places")["known_regions"] if " " in str(r)]
    return tuple(sorted(regions, key=len, reverse=True))


def _phrase_of(trigger: Token) -> range:
    """The tokens of an attack word's own phrase: "the mosque attacks in Christchurch" for "attacks".

    The earlier attack an attack "followed" takes what comes after it under that verb, where the parser hangs its
    place ("followed an explosion last Sunday near a mosque in Kabul": "near" on "followed").
    """
    head = trigger.head
    if trigger.dep_ == "dobj" and head.lemma_.lower() in lexicon_words("attack_types", "sequence_verbs"):
        return range(trigger.left_edge.i, head.right_edge.i + 1)
    return range(trigger.left_edge.i, trigger.right_edge.i + 1)


def _street_or_region_part(span: Span) -> bool:
    """A street's name ("Victoria Street") or the bare region word of a longer region's name ("canton" of "Los
    Llanos canton"): no town, though the gazetteer knows one by that name."""
    streets = lexicon_words("places", "street_words")
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].pos_ == "PROPN":
        end += 2  # the road between two towns: "the Jammu-Srinagar highway"
    if span[-1].lower_ in streets or (end < len(doc) and doc[end].lower_ in streets):
        return True
    previous = span.doc[span.start - 1] if span.start > 0 else None
    bare_region = len(span) == 1 and span[0].lower_ in lexicon_words("places", "region_words")
    return bare_region and previous is not None and previous.pos_ == "PROPN"


def _next_word(ent: Span) -> str:
    return ent.doc[ent.end].text if ent.end < len(ent.doc) else ""


def article_countries(doc: Doc, kb: KnowledgeBase) -> Counter[str]:
    """How often the content names each country, by name or demonym, the dateline's country counted once.

    Both the statements and the attack components ask, after the dateline and
    content end are set; the count is kept with the doc (per knowledge base)
    and each caller gets its own copy.
    """
    return Counter(memo(doc, (_COUNTRIES_KEY, id(kb)), lambda: _article_countries(doc, kb)))


def _article_countries(doc: Doc, kb: KnowledgeBase) -> Counter[str]:
    end = doc._.content_end if doc._.content_end is not None else len(doc_text(doc))
    counts: Counter[str] = Counter(name for _, _, name in country_mentions(doc_text(doc)[:end]))
    for ent in doc_ents(doc):
        if ent.start_char < end and ent.label_ == "NORP" and (state := kb.demonym_state(ent.text)) is not None:
            counts[country_name(state.name) or state.name] += 1
    if country := (doc._.dateline or {}).get("country"):
        counts[country] += 1
    return counts


_COUNTRIES_KEY = "counterclaim.article_countries"


def group_homes(doc: Doc, kb: KnowledgeBase) -> Counter[str]:
    """The home countries of the militant groups the content names, by how often they are named."""
    end = doc._.content_end if doc._.content_end is not None else len(doc_text(doc))
    homes: Counter[str] = Counter()
    for mention in doc._.actor_mentions or []:
        entry = kb.entry(mention.actor_id) if mention.actor_id and mention.span.start < end else None
        if entry is None or entry.kind != "militant_group" or not entry.country:
            continue
        if (home := kb.actor(entry.country)) is not None:
            homes[country_name(home.name) or home.name] += 1
    return Counter(dict(homes.most_common()))


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


def _filed_from_abroad(doc: Doc, finder: _PlaceFinder, home: str | None, kb: KnowledgeBase) -> str | None:
    """The attack's country when the report is filed from another one: the attack words name no place, and their
    own phrase names the victims' country ("the murder of a Salvadoran minister", "a town of western El Salvador")
    or they govern a country other than the dateline's."""
    if home is None:
        return None
    told = finder.country_governed
    for i in sorted(finder.anchors):
        if told is not None:
            break
        word = doc[i]
        if word.pos_ != "NOUN":
            continue
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"):
            phrase = doc[prep.i : prep.right_edge.i + 1]
            demonyms = (kb.demonym_state(t.text) for t in phrase if t.pos_ in ("ADJ", "PROPN"))
            state = next((d for d in demonyms if d is not None), None)
            named = next((country for _, _, country in country_mentions(phrase.text)), None)
            told = named or (country_name(state.name) or state.name if state is not None else None)
    return told if told is not None and told != home else None


def _demonym_country(sentences: Sequence[Span], kb: KnowledgeBase) -> str | None:
    """The country of the first demonym ("Nigerian troops") in the attack sentences."""
    for sent in sentences:
        for ent in sent.ents:
            if ent.label_ == "NORP" and (state := kb.demonym_state(ent.text)) is not None:
                return country_name(state.name) or state.name
    return None
