"""The fast paths of our components answer exactly as the plain, slower reading would.

Each test states the slow reading in the test itself (a regex run over the
whole string, a Token per token) and checks the fast one against it on
sentences written for the purpose.
"""

from __future__ import annotations

from spacy.language import Language

from counterclaim.kb.normalise import fold, normalise_name
from counterclaim.nlp import dates
from counterclaim.nlp.attack.casualties import _number_run
from counterclaim.nlp.doctext import token_texts
from counterclaim.nlp.gazetteer import find_city

DATE_SENTENCES = [
    "On Tuesday, the 4th of March 2021, gunmen stormed the hotel; two days later the army said it was over.",
    "The raid came three weeks after the bombing, and a day before the vote (12/05/2024).",
    "Officials met on 2024-05-12 and again the following day; a few days ago they met the same day of the attack.",
    "Last night and this morning, residents said; Jan. 9 and SEPT 30 and May may appear.",
    "the day before yesterday twenty-five days ago thousands of people",
    "Friday's attack came the next day",
    "x2024-01-01 and 3rd May, half a dozen days later",
    "",
]


def test_date_scan_finds_what_the_full_pattern_finds() -> None:
    for text in DATE_SENTENCES:
        expected = [(m.span(), m.groupdict()) for m in dates._pattern().finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._scan(text)] == expected, text


def test_date_scan_within_a_longer_text_keeps_offsets() -> None:
    text = " ".join(DATE_SENTENCES)
    spans = [m.span() for m in dates._scan(text)]
    assert spans == [m.span() for m in dates._pattern().finditer(text)]
    assert spans  # the sentences do hold dates


def test_fold_of_plain_and_special_characters() -> None:
    assert fold("Al-Shabaab's  fighters") == (
        "al shabaab s fighters",
        [0, 1, 2, *range(3, 10), 10, 11, 12, *range(14, 22)],
    )
    assert fold("U.S. Qa’ani") == ("us qaani", [0, 2, 4, 5, 6, 8, 9, 10])
    assert fold("Ümit —  Straße")[0] == "umit straße".replace("ß", "ss")
    assert fold(" . leading") == ("leading", list(range(3, 10)))
    assert fold("") == ("", [])


def test_fold_index_points_at_the_source_characters() -> None:
    text = "The ISIS-K cell / \u201cIslamic\u00a0State\u201d (Khorasan) claimed it."
    folded, index = fold(text)
    assert len(folded) == len(index)
    for char, source in zip(folded, index, strict=True):
        assert char == " " or char in fold(text[source])[0]


def test_normalise_name_uses_the_fast_fold() -> None:
    assert normalise_name("the Islamic State's") == "islamic state"
    assert normalise_name("AL-QAEDA") == "al qaeda"


def test_token_texts_are_the_tokens_texts(nlp: Language) -> None:
    doc = nlp("Brig. Gen. Ali Reza said:\n\n  \u201cWe will respond,\u201d he added.")
    assert token_texts(doc) == [t.text for t in doc]
    assert token_texts(nlp("")) == []


def test_number_runs_over_words_hyphens_and_vague_counts(nlp: Language) -> None:
    doc = nlp("Twenty-three people died and a dozen were hurt; 1,200 fled, while two hundred stayed.")
    runs = {doc[start:end].text for i in range(len(doc)) if (run := _number_run(doc, i)) for start, end in [run]}
    assert {"Twenty-three", "a dozen", "1,200", "two hundred"} <= runs


def test_gazetteer_city_fields() -> None:
    city = find_city("Mogadishu")
    assert city is not None and city.country == "Somalia" and city.population > 100_000
    assert city.name == "Mogadishu"


# -- per-doc word tables and the prefilters built on them ------------------------------------------

FILTER_TEXT = (
    "The Interior Ministry said on Monday that gunmen loyal to the Islamic State carried out the bombing. "
    "A spokesman for the group claimed responsibility in a statement, and officials blamed the attack on its fighters. "
    "Gen. Musa Ali, the army chief, denied any role and accused rival militias of being behind it. "
    "Is it true that the rebels are expected to attack again? Police believe so, according to local media. "
    "Suicide bombers armed with an AK-47 rifle and a car bomb killed twenty-three people in Mogadishu."
)


def test_word_tables_are_the_tokens_words(pipeline: Language) -> None:
    from counterclaim.nlp.tokenwords import lemmas, lowers, word_flags

    doc = pipeline(FILTER_TEXT)
    assert lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert lowers(doc) == [t.lower_ for t in doc]
    wanted_lemmas, wanted_forms = frozenset({"kill", "claim"}), frozenset({"gunmen", "the"})
    assert word_flags(doc, wanted_lemmas, wanted_forms) == [
        t.lemma_.lower() in wanted_lemmas or t.lower_ in wanted_forms for t in doc
    ]
    assert lemmas(pipeline("")) == []


def test_attribution_candidates_are_the_verbs_and_nouns_the_rules_take(pipeline: Language) -> None:
    from counterclaim.nlp.attribution.cues import load_lexicon

    lex = load_lexicon()
    doc = pipeline(FILTER_TEXT)
    assert lex.verbs_among(doc, lex.speech | lex.attitude) == [t.i for t in doc if lex.verb_kind(t) is not None]
    cues = lex.nouns | lex.infinitive_nouns | frozenset(lex.noun_prepositions)
    assert lex.nouns_among(doc, cues) == [t.i for t in doc if t.pos_ == "NOUN" and lex.lemma(t) in cues]
    assert lex.verbs_among(doc, lex.speech)  # the text has reporting verbs


def test_blame_prefilter_keeps_every_token_a_rule_starts_from(pipeline: Language) -> None:
    from counterclaim.nlp.statement.lexicon import stance_lexicon
    from counterclaim.nlp.statement.rules.registry import build_chains
    from counterclaim.nlp.statement.targets import TargetFinder

    lex = stance_lexicon()
    finder = TargetFinder(lex, build_chains(lex).target)
    doc = pipeline(FILTER_TEXT + " The militants were responsible for it, and the gunmen were members of the ADF.")
    flags = finder.may_blame(doc)
    assert all(flags[t.i] for t in doc if finder.rules.candidates(t))  # the words some rule may start from
    assert any(finder.agents(t) for t in doc if flags[t.i])
    assert finder.attack_words(doc) == [finder.is_attack(t) for t in doc]


def test_attack_triggers_and_weapons_read_from_word_tables(pipeline: Language) -> None:
    from counterclaim.nlp.attack import types

    def forms(token):
        return {token.lemma_.lower(), token.lower_}

    def plain_triggers(tokens):
        phrases, found, i = types._phrases(), [], 0
        while i < len(tokens):
            hit = next(
                (
                    (len(words), cls, label)
                    for first in forms(tokens[i])
                    for words, cls, label in phrases.get(first, [])
                    if i + len(words) <= len(tokens)
                    and all(w in forms(tokens[i + k]) for k, w in enumerate(words[1:], start=1))
                ),
                None,
            )
            if hit:
                found.append((tokens[i].i, tokens[i].i + hit[0], hit[1], hit[2]))
            i += hit[0] if hit else 1
        return found

    doc = pipeline(FILTER_TEXT)
    for tokens in [doc, *doc.sents]:
        assert [(t.start, t.end, t.attack_class, t.label) for t in types.find_triggers(tokens)] == plain_triggers(
            tokens
        )
    assert types.find_triggers(doc)  # bombers, bombing, killed
    assert types.find_weapon(doc) is not None


def test_cached_person_split_and_titles() -> None:
    from counterclaim.kb.roles import split_person, title_length

    first = split_person("Commander Brig. Gen. Esmail Qa'ani")
    first.titles.append("changed")
    again = split_person("Commander Brig. Gen. Esmail Qa'ani")
    assert again.name == "Esmail Qa'ani" and "changed" not in again.titles
    words = ["said", "Brig.", "Gen.", "Ali"]
    assert [title_length(words, i) for i in range(len(words))] == [0, 2, 1, 0]
    assert title_length(words, len(words)) == 0


def test_country_pattern_finds_what_the_plain_alternation_finds() -> None:
    import re

    from counterclaim.lexicons import load_lexicon
    from counterclaim.nlp import gazetteer

    _, by_code = gazetteer._countries()
    forms = {*by_code.values(), *load_lexicon("places")["country_aliases"]}
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    text = "Iran, Somalia-based, NIGERIA and Chad; Niger Delta, the DRC, pre-Iraq and Lake Chad in Kenya's north."
    assert [m.span() for m in gazetteer._country_pattern().finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [name for *_, name in gazetteer.country_mentions(text)][:2] == ["Iran", "Chad"]


def test_article_countries_gives_each_caller_its_own_count(pipeline: Language) -> None:
    from counterclaim.kb import get_kb
    from counterclaim.nlp.attack.place import article_countries

    doc = pipeline("Gunmen attacked a base in Mali. Malian troops and French officials said Mali would respond.")
    counts = article_countries(doc, get_kb(()))
    first = dict(counts)
    counts["Mali"] += 100
    assert dict(article_countries(doc, get_kb(()))) == first
    assert first.get("Mali", 0) >= 2


def test_shared_link_memo_answers_as_a_fresh_one(pipeline: Language) -> None:
    from counterclaim.kb import get_kb
    from counterclaim.nlp.statement.lexicon import stance_lexicon
    from counterclaim.nlp.statement.parties import PartyResolver
    from counterclaim.nlp.statement.rules.registry import build_chains

    doc = pipeline(FILTER_TEXT)
    chains = build_chains(stance_lexicon())
    shared: dict = {}
    phrases = ["the Islamic State", "Interior Ministry", "US embassy in Nairobi", "rival militias", "Musa Ali"]
    for _ in range(2):
        resolver = PartyResolver(get_kb(()), doc.text, links=shared, rules=chains)
        fresh = PartyResolver(get_kb(()), doc.text, rules=chains)
        assert [resolver.link(p) for p in phrases] == [fresh.link(p) for p in phrases]
    assert set(phrases) <= set(shared)


def test_condemnation_prefilter_keeps_every_token_a_test_starts_from(pipeline: Language) -> None:
    from counterclaim.nlp.statement.condemnation import CondemnationReader
    from counterclaim.nlp.statement.lexicon import stance_lexicon
    from counterclaim.nlp.statement.rules.registry import build_chains
    from counterclaim.nlp.statement.targets import TargetFinder
    from counterclaim.nlp.tokenwords import word_flags

    lex = stance_lexicon()
    chains = build_chains(lex)
    reader = CondemnationReader(lex, TargetFinder(lex, chains.target), chains.condemnation)
    doc = pipeline("We are horrified by this cowardly attack and stand with the people; we will hunt down the killers.")
    flags = word_flags(doc, reader.cue_lemmas, reader.cue_forms)
    words = {"horrified", "cowardly", "stand", "hunt"}
    assert all(flags[t.i] for t in doc if t.lower_ in words)
    assert reader.condemns(doc[:])
    assert reader.condemns(doc[-7:])  # "we will hunt down the killers.": a vow against the perpetrators
    assert not reader.condemns(pipeline("The minister visited the market on Sunday.")[:])


def test_question_check_reads_as_the_tokens_say(pipeline: Language) -> None:
    from counterclaim.nlp.attribution.verbal import _in_question

    doc = pipeline('Do you think they said it ?  \n She asked: "Did he say so?" Officials said it was over.')

    def plain(tok):
        ends = [t for t in tok.sent if not (t.is_quote or t.is_space)]
        return bool(ends) and ends[-1].text == "?" and not any(t.is_quote for t in tok.sent)

    assert [_in_question(t) for t in doc] == [plain(t) for t in doc]
    assert any(plain(t) for t in doc)


def test_numeric_tokens_read_as_the_tokens_say(pipeline: Language) -> None:
    from counterclaim.nlp.attack.casualties import _numeric_tokens, _vague_numbers

    doc = pipeline("Twenty-three - five people died, dozens were hurt; 1,200 fled - and forty-- two stayed -")
    plain: list[bool] = []
    for k, t in enumerate(doc):
        if t.text == "-":
            plain.append(0 < k < len(doc) - 1 and plain[k - 1] and doc[k + 1].like_num)
        else:
            plain.append(t.like_num or t.lower_ in _vague_numbers())
    assert _numeric_tokens(doc) == plain
    assert _numeric_tokens(pipeline("")) == []


def test_cached_entities_follow_a_change_of_entities(pipeline: Language) -> None:
    from spacy.tokens import Span

    from counterclaim.nlp.doctext import doc_ents

    doc = pipeline("Gunmen attacked a hotel in Mogadishu, al-Shabaab said.")
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(0, 1, "NORP")]


def test_fuzzy_candidates_answer_as_all_keys() -> None:
    from rapidfuzz import fuzz, process

    from counterclaim.kb import get_kb

    kb = get_kb(())
    keys = kb._fuzzy_keys
    names = ["Esmail Ghaani", "Abubakar Shekau", "Al Shabab", "Islamic Stat", "Boko Haraam", "Ahmad Vahidi", "Xyzzy"]
    for name in names:
        key = kb.transliteration_key(name)
        for cutoff in (90.0, 80.0, 60.0):
            plain = process.extractOne(key, keys.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
            fast = process.extractOne(key, kb._fuzzy_candidates(key, cutoff), scorer=fuzz.ratio, score_cutoff=cutoff)
            assert (plain[0], plain[1]) == (fast[0], fast[1]) if plain else fast is None, (name, cutoff)
