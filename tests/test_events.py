"""Events across documents: incremental clustering, its reasons, user decisions, JSON for the scorer.

Records are built directly (our own short texts, event fields as the attack
extractor gives them), so the clustering logic is tested apart from extraction.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from counterclaim.events import (
    EventIndex,
    apply_decision,
    events_to_json,
    merge_decision,
    move_decision,
    recluster,
    split_decision,
)
from counterclaim.events.similarity import TfidfSimilarity
from counterclaim.records import ArticleRecord, Document, Event, Evidence, Perpetrators, Place, document_id
from counterclaim.store.store import Store

MULTI = Path(__file__).parent / "corpus" / "multi"


def article(
    name: str,
    text: str,
    published: dt.date | None,
    date: dt.date | None = None,
    city: str | None = None,
    country: str | None = None,
    attack_type: str | None = None,
    killed: int | None = None,
    claimed_by: tuple[str, ...] = (),
    attack_sentence: str | None = None,
) -> ArticleRecord:
    """A record as the pipeline writes it; no attack fields at all means the article reports no attack."""
    has_attack = any((date, city, country, attack_type, killed, claimed_by))
    evidence = (
        Evidence(start=0, end=len(attack_sentence), sentence=attack_sentence, producer="attack", confidence=0.9)
        if attack_sentence
        else None
    )
    event = Event(
        evidence=evidence,
        date=date,
        place=Place(city=city, country=country),
        attack_type=attack_type,
        killed=killed,
        perpetrators=Perpetrators(claimed_by=list(claimed_by)),
    )
    doc = Document(id=document_id(text), name=name, text=text, published=published, raw_hash="0" * 64)
    return ArticleRecord(document=doc, event=event if has_attack else None)


D = dt.date
MARKET = (
    "A car bomb tore through a crowded vegetable market in Baghdad on Monday, killing 20 shoppers and wounding "
    "dozens, police said. The Islamic State said in a statement that one of its fighters drove the car into the "
    "market. Stalls were flattened and ambulances ferried the wounded to the Medical City hospital."
)
WIRE_COPY = "Iraq: Baghdad market car bomb kills 20\n\n" + MARKET.replace("Medical City hospital", "nearest hospital")
KIRKUK = (
    "A roadside bomb hit a minibus carrying labourers on the road to Kirkuk on Monday, killing eight men, security "
    "sources said. The Islamic State later claimed the blast on its channels."
)
FOLLOW_UP = (
    "The death toll from last week's car bombing at a Baghdad vegetable market has risen to 27, the health ministry "
    "said, as traders reopened their stalls. The Islamic State had claimed the attack."
)
OLD_MARKET = (
    "Two suicide bombers blew themselves up in a busy clothes market in central Baghdad, killing 32 people, in the "
    "first such attack in the capital in three years. The Islamic State claimed the bombings."
)
KABUL = (
    "A suicide bomber struck a Shia mosque in Kabul during Monday prayers, killing 14 worshippers, the interior "
    "ministry said. The Islamic State's local branch claimed the bombing."
)
ESSAY = (
    "Counter-terrorism budgets in Europe have grown for a decade, but researchers disagree about whether spending "
    "on surveillance has reduced the number of plots that reach the attack stage."
)


@pytest.fixture(scope="module")
def records() -> dict[str, ArticleRecord]:
    monday = D(2023, 5, 1)
    return {
        "market": article("market", MARKET, monday, monday, "Baghdad", "Iraq", "car bomb", 20, ("Islamic State",)),
        "kirkuk": article("kirkuk", KIRKUK, monday, monday, "Kirkuk", "Iraq", "roadside bomb", 8, ("Islamic State",)),
        "kabul": article("kabul", KABUL, monday, monday, "Kabul", "Afghanistan", "suicide bombing", 14),
        "old": article("old", OLD_MARKET, D(2021, 1, 21), D(2021, 1, 21), "Baghdad", "Iraq", "suicide bombing", 32),
        "wire": article("wire", WIRE_COPY, monday, monday, None, "Iraq", "bombing", 20),
        "followup": article("followup", FOLLOW_UP, D(2023, 5, 8), None, "Baghdad", "Iraq", "bombing", 27),
        "essay": article("essay", ESSAY, D(2023, 5, 2)),
        "essay_copy": article("essay_copy", "Opinion. " + ESSAY, D(2023, 5, 3)),
    }


@pytest.fixture(scope="module")
def index(records: dict[str, ArticleRecord]) -> EventIndex:
    return recluster(records.values())


def _together(index: EventIndex, records: dict[str, ArticleRecord], a: str, b: str) -> bool:
    return index.event_of(records[a].document.id) == index.event_of(records[b].document.id)


def test_same_day_other_city_and_same_city_other_year_stay_apart(index, records) -> None:
    assert not _together(index, records, "market", "kirkuk")
    assert not _together(index, records, "market", "old")
    assert not _together(index, records, "market", "kabul")
    assert not _together(index, records, "essay", "market")


def test_follow_up_and_wire_copy_join_with_reasons(index, records) -> None:
    assert _together(index, records, "market", "followup")
    assert _together(index, records, "market", "wire")
    reasons = " | ".join(index.assignments[records["followup"].document.id].reasons)
    assert "same city Baghdad" in reasons and "days after the attack" in reasons and "tfidf" in reasons
    wire = index.assignments[records["wire"].document.id]
    assert any(r.startswith("near-duplicate of market") for r in wire.reasons)
    assert not wire.new and wire.assigned_by == "auto"


def test_articles_without_attack_join_only_on_strong_similarity(index, records) -> None:
    assert _together(index, records, "essay", "essay_copy")
    assert len(index.events) == 5  # market(+wire, follow-up), kirkuk, kabul, old, essays


def test_incremental_assignment_reports_new_events(records) -> None:
    index = EventIndex()
    first = index.assign(records["market"])
    assert first.new and first.event_id.startswith("ev-")
    assert index.assign(records["kirkuk"]).new
    joined = index.assign(records["wire"])
    assert not joined.new and joined.event_id == first.event_id and joined.score >= index.config.threshold
    again = index.assign(records["wire"])  # re-analysis of the same document does not duplicate it
    assert again.event_id == first.event_id
    assert sum(len(c.members) for c in index.events.values()) == 3


def test_user_decisions_survive_reclustering(records) -> None:
    index = recluster(records.values())
    ids = {name: r.document.id for name, r in records.items()}
    market_event, kirkuk_event = index.event_of(ids["market"]), index.event_of(ids["kirkuk"])
    decisions = [merge_decision(index, market_event, kirkuk_event)]
    apply_decision(index, decisions[0])
    assert index.event_of(ids["kirkuk"]) == market_event
    decisions.append(split_decision(index, market_event, [ids["followup"]]))
    apply_decision(index, decisions[-1])
    assert index.event_of(ids["followup"]) != market_event
    decisions.append(move_decision(index, ids["essay"], index.event_of(ids["kabul"])))
    changed = apply_decision(index, decisions[-1])
    assert changed[0].assigned_by == "user" and changed[0].reasons == ["user move"]
    for n, decision in enumerate(decisions, start=1):
        decision.id = n
    stored = [type(d).model_validate_json(d.model_dump_json()) for d in decisions]  # as the store keeps them
    replayed = recluster(reversed(list(records.values())), stored)
    groups = lambda ix: sorted(sorted(c.document_ids) for c in ix.summaries())  # noqa: E731
    assert groups(replayed) == groups(index)
    assert replayed.assignments[ids["essay"]].reasons == ["user move (decision 3)"]


def test_events_json_has_the_scorer_shape(index, records) -> None:
    events = json.loads(json.dumps(events_to_json(index.listing())))
    market = next(e for e in events if "market" in e["documents"])
    assert market["date"] == "2023-05-01" and market["place"] == "Baghdad, Iraq"
    assert market["attack_type"] == "bombing/explosion"
    assert set(market["documents"]) == {"market", "wire", "followup"}
    assert all({"id", "date", "place", "attack_type", "documents"} <= set(e) for e in events)
    assert all(m["reasons"] for e in events for m in e["members"])


def test_tfidf_similarity_is_incremental() -> None:
    sim = TfidfSimilarity()
    sim.add("a", MARKET)
    sim.add("b", ESSAY)
    scores = sim.similarities(WIRE_COPY, ["a", "b", "missing"])
    assert set(scores) == {"a", "b"} and scores["a"] > 0.8 > 0.1 > scores["b"]


def test_tfidf_blocks_give_the_same_scores() -> None:
    texts = {"a": MARKET, "b": ESSAY, "c": KIRKUK, "d": KABUL, "e": OLD_MARKET}
    small, large = TfidfSimilarity(), TfidfSimilarity()
    small.BLOCK = 2
    for doc_id, text in texts.items():
        small.add(doc_id, text)
        large.add(doc_id, text)
    small.add("c", FOLLOW_UP)  # replacing a document already in a full block
    large.add("c", FOLLOW_UP)
    one, two = small.similarities(WIRE_COPY, list(texts)), large.similarities(WIRE_COPY, list(texts))
    assert one.keys() == two.keys() and all(abs(one[k] - two[k]) < 1e-9 for k in one)


@pytest.mark.parametrize("at_least", [0.0, 0.1, 0.5, 0.9])
def test_tfidf_neighbours_are_exactly_the_documents_above_the_bar(at_least: float) -> None:
    texts = {"a": MARKET, "b": ESSAY, "c": KIRKUK, "d": KABUL, "e": OLD_MARKET, "f": WIRE_COPY}
    sim = TfidfSimilarity()
    sim.BLOCK = 2  # full blocks, a pending one, and a replaced row left stale in a full block
    for doc_id, text in texts.items():
        sim.add(doc_id, text)
    sim.add("a", FOLLOW_UP)
    everyone = sim.similarities(WIRE_COPY, list(texts))
    expected = {d for d, s in everyone.items() if s >= at_least}
    found = sim.neighbours(WIRE_COPY, at_least)
    assert set(found) == expected and all(abs(found[d] - everyone[d]) < 1e-9 for d in found)


# -- the multi-document corpus, with event fields as a good extractor would give them --------------------------------
#: file prefix -> published, attack date, city, country, attack words, killed, claimed by
CORPUS_FIELDS: dict[str, tuple] = {
    "m01": (D(2022, 10, 30), D(2022, 10, 29), "Mogadishu", "Somalia", "car bombs", 100, ()),
    "m02": (D(2022, 10, 30), D(2022, 10, 29), "Mogadishu", "Somalia", "car bombs", 100, ()),
    "m03": (D(2022, 10, 31), D(2022, 10, 29), "Mogadishu", "Somalia", "car bombings", 121, ()),
    "m04": (D(2024, 8, 3), D(2024, 8, 2), "Mogadishu", "Somalia", "suicide bomber and gunmen", 32, ("al-Shabaab",)),
    "m05": (D(2024, 8, 4), D(2024, 8, 2), "Mogadishu", "Somalia", "massacre", None, ("al-Shabaab",)),
    "m06": (D(2024, 3, 23), D(2024, 3, 22), "Moscow", "Russia", "terrorist attack", None, ()),
    "m07": (D(2024, 3, 23), D(2024, 3, 22), "Krasnogorsk", "Russia", "gun and arson attack", 133, ("Islamic State",)),
    "m08": (D(2024, 3, 27), None, "Krasnogorsk", "Russia", "attack", 144, ()),
    "m09": (D(2024, 3, 23), D(2024, 3, 22), "Malam Fatori", "Nigeria", "attacked", 7, ("ISWAP",)),
    "m10": (D(2024, 3, 24), D(2024, 3, 22), "Malam Fatori", "Nigeria", "raid", 8, ()),
    "m11": (D(2023, 1, 30), D(2023, 1, 30), "Peshawar", "Pakistan", "suicide bomber", 59, ()),
    "m12": (D(2023, 1, 31), D(2023, 1, 30), "Peshawar", "Pakistan", "suicide attack", 100, ()),
    "m13": (D(2023, 2, 2), D(2023, 1, 30), "Peshawar", "Pakistan", "suicide bombing", 84, ()),
    "m14": (D(2023, 10, 1), D(2023, 10, 1), "Ankara", "Turkey", "suicide bomber", None, ()),
    "m15": (D(2023, 10, 2), D(2023, 10, 1), "Ankara", "Turkey", "attacked", None, ("PKK",)),
}


def bcubed_f1(gold: dict[str, str], pred: dict[str, str]) -> float:
    """B-cubed F1 over the gold documents (as shared/eval/score_clusters.py computes it)."""
    p = r = 0.0
    for d in gold:
        same_pred = {e for e in gold if pred[e] == pred[d]}
        same_gold = {e for e in gold if gold[e] == gold[d]}
        p += len(same_pred & same_gold) / len(same_pred)
        r += len(same_pred & same_gold) / len(same_gold)
    p, r = p / len(gold), r / len(gold)
    return 2 * p * r / (p + r)


def _corpus_records(degrade: bool) -> list[ArticleRecord]:
    """The corpus as records; ``degrade`` drops every second article's date and city, as a weak extractor might."""
    out = []
    for n, (prefix, fields) in enumerate(sorted(CORPUS_FIELDS.items())):
        published, date, city, country, words, killed, claimed = fields
        if degrade and n % 2:
            date, city = None, None
        path = next(MULTI.glob(f"{prefix}_*.txt"))
        text = path.read_text(encoding="utf-8")
        out.append(article(path.stem, text, published, date, city, country, words, killed, claimed))
    return out


@pytest.mark.skipif(not (MULTI / "clusters.gold.json").exists(), reason="multi-document corpus not present")
@pytest.mark.parametrize(("degrade", "minimum"), [(False, 1.0), (True, 0.9)])
def test_multi_corpus_clusters_like_gold(degrade: bool, minimum: float) -> None:
    gold = json.loads((MULTI / "clusters.gold.json").read_text(encoding="utf-8"))
    events = events_to_json(recluster(_corpus_records(degrade)).listing())
    pred = {name: e["id"] for e in events for name in e["documents"]}
    assert bcubed_f1(gold, pred) >= minimum


def test_a_misread_place_does_not_split_one_attack() -> None:
    """One article's place is misread (a wrong country for the city, a neighbouring town): the texts still agree."""
    day = D(2023, 10, 1)
    lead = (
        "Two attackers struck outside the interior ministry in Ankara, Turkey, on Sunday; one blew himself up and the "
        "other was shot dead. The PKK, which has bases in northern Iraq, claimed the bombing."
    )
    misread = (
        "Turkish jets hit PKK targets in northern Iraq after Sunday's suicide bombing at the ministry in Ankara, "
        "officials said, a day after the group claimed the attack outside the interior ministry in Turkey."
    )
    index = EventIndex()
    index.assign(article("lead", lead, day, day, "Ankara", "Turkey", "suicide bombing", 1, ("PKK",)))
    assignment = index.assign(article("misread", misread, D(2023, 10, 2), day, "Ankara", "Iraq", "suicide bombing"))
    assert not assignment.new, assignment.reasons
    assert any("named in the article" in reason for reason in assignment.reasons)


def test_neighbours_named_in_each_others_text_count_as_one_place_only_on_the_same_day() -> None:
    """Two neighbours name each other in every story: that is evidence of one place only for the same day's attack."""
    day = D(2025, 4, 22)
    lead = (
        "Gunmen opened fire on tourists in a meadow near Pahalgam in India on Tuesday, killing 26. Officials in "
        "New Delhi said the attackers had crossed from Pakistan."
    )
    misread = (
        "Pakistan denied any part in Tuesday's shooting of tourists near Pahalgam, as India closed a border "
        "crossing and the two armies traded warnings."
    )
    undated = (
        "Separatists who seized a passenger train in Balochistan killed 21 travellers, the army said; Pakistan "
        "said the fighters took orders from handlers in India."
    )
    index = EventIndex()
    index.assign(article("lead", lead, day, day, "Pahalgam", "India", "armed assault", 26))
    joined = index.assign(article("misread", misread, day, day, None, "Pakistan", "armed assault"))
    assert not joined.new, joined.reasons
    # the day of the train attack is not given: the two countries named in each other's text are no evidence
    index = EventIndex()
    index.assign(article("lead", lead, day, day, "Pahalgam", "India", "armed assault", 26))
    apart = index.assign(article("train", undated, D(2025, 4, 24), None, None, "Pakistan", "armed assault"))
    assert apart.new, apart.reasons


def test_a_state_blamed_by_two_articles_is_no_shared_group() -> None:
    """States are blamed for many attacks at once; an armed group named by both articles is evidence."""
    day = D(2025, 3, 11)
    index = EventIndex()
    quetta = "A bomb hit a bus in Quetta on Tuesday, killing 9. Officials blamed India and the BLA."
    index.assign(article("quetta", quetta, day, day, "Quetta", "Pakistan", "bombing", 9, ("India", "BLA")))
    other = "Gunmen attacked a checkpoint in Pakistan on Tuesday, killing 4. Officials blamed India and the BLA."
    reasons = index.assign(article("other", other, day, day, None, "Pakistan", "armed assault", 4, ("India", "BLA")))
    shared = [r for r in reasons.reasons if r.startswith("shared group")]
    assert len(shared) == 1 and "india" not in shared[0].lower(), reasons.reasons


def test_undated_attacks_in_one_city_by_one_group_stay_apart_unless_their_texts_agree() -> None:
    """Place, type and group fit every attack one group made in one city: without dates, the text must agree."""
    stadium = (
        "Two bombs exploded outside a football stadium in Istanbul after a match, killing 38 people, most of them "
        "police officers. A Kurdish militant group said its fighters set off the bombs to avenge army operations."
    )
    avenue = (
        "A bomb left on a bench ripped through a crowded shopping street in central Istanbul, killing six shoppers. "
        "Officials blamed Kurdish militants; a woman suspected of planting it was detained in a flat nearby."
    )
    index = EventIndex()
    index.assign(article("stadium", stadium, None, None, "Istanbul", "Turkey", "bombing", 38, ("PKK",)))
    apart = index.assign(article("avenue", avenue, None, None, "Istanbul", "Turkey", "bombing", 6, ("PKK",)))
    assert apart.new, apart.reasons
    follow_up = (
        "Police detained 12 people over the two bombs outside the football stadium in Istanbul that killed 38 "
        "people after a match, most of them police officers, as the Kurdish militant group's claim was studied."
    )
    joined = index.assign(article("follow-up", follow_up, None, None, "Istanbul", "Turkey", "bombing", 38))
    assert not joined.new and joined.event_id == index.event_of(document_id(stadium)), joined.reasons


def test_undated_reports_of_one_attack_with_unlike_texts_join_by_the_same_toll() -> None:
    """Two outlets word one truck bombing apart; the same city, group, attack type and two-digit toll tie them, while
    a toll of the same size in another attack type, or a different toll, does not."""
    first = (
        "A truck packed with explosives blew up at a busy tax checkpoint on the edge of Mogadishu, leaving 79 dead, "
        "among them university students on a bus. Al-Shabaab later said its fighters had set it off."
    )
    second = (
        "Somali officials put the number of dead at 80 after a huge blast near a junction southwest of the capital, "
        "and said Al-Shabaab was behind the blast that wrecked minibuses and shops."
    )
    other = "Gunmen loyal to Al-Shabaab opened fire at a camp for displaced families overnight; 80 were shot dead."
    index = EventIndex()
    index.assign(article("first", first, None, None, "Mogadishu", "Somalia", "bombing", 79, ("al-Shabaab",)))
    joined = index.assign(article("second", second, None, None, "Mogadishu", "Somalia", "bombing", 80, ("al-Shabaab",)))
    assert not joined.new and any("toll (80 dead)" in r for r in joined.reasons), joined.reasons
    apart = index.assign(
        article("other", other, None, None, "Mogadishu", "Somalia", "armed assault", 80, ("al-Shabaab",))
    )
    assert apart.new, apart.reasons


def test_an_article_without_a_town_joins_no_event_whose_town_it_never_names() -> None:
    """One group, one country, one attack type: a report that gives no town and never names the event's town is
    about another town (its extraction missed it), while one naming the town joins."""
    village = (
        "Jihadists on motorbikes rounded up farm workers in rice fields at Kolofata and killed 43 of them, officials "
        "in Cameroon said. Boko Haram was blamed."
    )
    base = "Insurgents raided an army post in the far north of Cameroon, killing seven soldiers. Boko Haram was blamed."
    again = "The toll among rice farmers killed near Kolofata by Boko Haram fighters rose, officials in Cameroon said."
    index = EventIndex()
    index.assign(
        article(
            "village", village, D(2020, 11, 30), D(2020, 11, 29), "Kolofata", "Cameroon", "armed", 43, ("Boko Haram",)
        )
    )
    apart = index.assign(article("base", base, None, None, None, "Cameroon", "armed", 7, ("Boko Haram",)))
    assert apart.new, apart.reasons
    village_event = index.events[index.event_of(document_id(village))]
    _, reasons = index.score(index.features[document_id(base)], village_event, {})
    assert any("Kolofata is not named" in r for r in reasons), reasons
    joined = index.assign(article("again", again, None, None, None, "Cameroon", "armed", None, ("Boko Haram",)))
    assert not joined.new and joined.event_id == index.event_of(document_id(village)), joined.reasons


def test_one_group_in_two_neighbouring_countries_without_dates_stays_apart() -> None:
    """Attacks by one group in two countries that each article names are two attacks when no day ties them."""
    group = " Al-Shabaab, which has fought troops from Kenya in Somalia, said it carried out the attack."
    hotel = "Gunmen stormed a hotel complex in Nairobi, Kenya, killing 21 people." + group
    bus = "A bomb hit a bus carrying aid workers in Garowe, killing nine." + group
    index = EventIndex()
    index.assign(article("hotel", hotel, None, None, "Nairobi", "Kenya", "bombing", 21, ("al-Shabaab",)))
    apart = index.assign(article("bus", bus, None, None, "Garowe", "Somalia", "bombing", 9, ("al-Shabaab",)))
    assert apart.new, apart.reasons


def _first_sentence(text: str) -> str:
    return text.split(". ")[0] + "."


def test_undated_raids_on_two_named_sites_in_one_city_stay_apart() -> None:
    """One group, one city, one kind of raid, no dates: the site each text names (a consulate, a stock exchange)
    tells the two raids apart, and a report naming the same site joins its raid."""
    group = ("Harbour Front",)
    consulate = (
        "Gunmen stormed the French consulate in Marseille, killing two guards before police shot all three "
        "attackers. The Harbour Front separatists said they carried out the raid."
    )
    exchange = (
        "Four gunmen attacked the regional stock exchange in Marseille, killing three guards before they were "
        "shot dead at the gate. The Harbour Front separatists claimed the raid in a message."
    )
    exchange_again = (
        "Police named the four gunmen shot dead at the stock exchange in Marseille, where three guards died; the "
        "Harbour Front separatists had claimed the raid."
    )
    index = EventIndex()
    raid = ("Marseille", "France", "armed assault")
    index.assign(article("consulate", consulate, None, None, *raid, 2, group, _first_sentence(consulate)))
    apart = index.assign(article("exchange", exchange, None, None, *raid, 3, group, _first_sentence(exchange)))
    assert apart.new, apart.reasons
    joined = index.assign(article("again", exchange_again, None, None, *raid, 3))
    assert joined.event_id == apart.event_id, joined.reasons


def test_a_bombing_the_day_after_at_another_site_is_another_attack() -> None:
    """Churches bombed one day and a police station the next, in one city: two attacks. Sites bombed on the same
    day by one cell are one attack, however many there are."""
    sunday = D(2019, 6, 2)
    churches = (
        "Suicide bombers struck two churches in Medan on Sunday morning, killing nine worshippers, police said. "
        "Islamic State claimed the bombings through its news agency."
    )
    police = (
        "A bomb carried on a scooter exploded at the gate of the police headquarters in Medan, wounding four "
        "officers. It came a day after the church bombings; Islamic State claimed this bombing too."
    )
    hotel = (
        "A third bomber blew himself up at a hotel in Medan on Sunday, hours after the church bombings, killing "
        "two guests. Islamic State said the same cell carried out all the attacks."
    )
    index = EventIndex()
    place = ("Medan", "Indonesia", "suicide bombing")
    index.assign(article("churches", churches, sunday, sunday, *place, 9, ("IS",), _first_sentence(churches)))
    apart = index.assign(article("police", police, None, None, *place, 0, ("IS",), _first_sentence(police)))
    assert apart.new, apart.reasons
    same_day = index.assign(article("hotel", hotel, sunday, sunday, *place, 2, (), _first_sentence(hotel)))
    assert same_day.event_id == index.event_of(document_id(churches)), same_day.reasons


def test_a_district_spelt_another_way_is_near_its_city() -> None:
    """An article placing the attack in a district (spelt unlike the gazetteer's name) is near its city."""
    drones = (
        "Houthi rebels said they sent drones against oil installations in Abu Dhabi, where three workers died in "
        "a fire near the airport."
    )
    district = (
        "Three fuel tankers exploded in Mussafah after drones struck an oil company depot, killing three "
        "workers; the Houthis in Yemen said they launched the drones at Abu Dhabi."
    )
    index = EventIndex()
    index.assign(article("drones", drones, None, None, "Abu Dhabi", "United Arab Emirates", "drone attack", 3))
    joined = index.assign(article("district", district, None, None, "Mussafah", "United Arab Emirates", "drone", 3))
    assert not joined.new, joined.reasons
    assert any("km from" in reason for reason in joined.reasons), joined.reasons


def test_sites_read_only_from_leads_do_not_split_one_attack() -> None:
    """A lead's first target may be a background attack's: two such guesses never weigh against each other."""
    easter = D(2022, 4, 17)
    revenge = (
        "Officials said the bombers wanted revenge for the attack on a mosque abroad last month. The Easter "
        "bombings in Colombo killed 250 people, and Islamic State said its fighters carried them out."
    )
    toll = (
        "The toll from the Easter bombings rose to 250, officials said. Suicide bombers struck three churches and "
        "two hotels in Colombo; Islamic State claimed the attacks."
    )
    index = EventIndex()
    index.assign(article("toll", toll, easter, easter, "Colombo", "Sri Lanka", "suicide bombing", 250))
    joined = index.assign(article("revenge", revenge, None, None, "Colombo", "Sri Lanka", "bombing", 250))
    assert not joined.new, joined.reasons


def test_a_suburb_misspelt_by_one_letter_is_near_its_city() -> None:
    """An outlet's slip in a suburb's name ("Krasogorsk") still places it beside the capital it borders."""
    day = D(2024, 3, 22)
    capital = "Gunmen opened fire in a concert hall outside Moscow on Friday evening, killing 140 people."
    slip = "Attackers set fire to a concert hall in Krasogorsk on Friday after shooting spectators, killing 140."
    index = EventIndex()
    index.assign(article("capital", capital, day, day, "Moscow", "Russia", "armed assault", 140))
    joined = index.assign(article("slip", slip, day, day, "Krasogorsk", "Russia", "armed assault", 140))
    assert not joined.new, joined.reasons
    assert any("km from" in reason for reason in joined.reasons), joined.reasons


def test_undated_bombings_of_two_mosques_in_one_city_stay_apart_when_their_texts_differ() -> None:
    """One group bombing a mosque in one city twice: place, type, group and the kind of target all fit, so without
    dates the texts must still agree."""
    friday = (
        "A suicide bomber walked into a Shia mosque in the old quarter of Quetta during Friday prayers and blew "
        "himself up, killing 60 worshippers. Islamic State said one of its members did it."
    )
    compound = (
        "A bomb went off at the mosque of a guarded police compound in Quetta as officers knelt at noon; the roof "
        "fell in and rescuers pulled 80 bodies from the rubble. Islamic State was blamed."
    )
    index = EventIndex()
    place = ("Quetta", "Pakistan", "suicide bombing")
    index.assign(article("friday", friday, None, None, *place, 60, ("IS",), _first_sentence(friday)))
    apart = index.assign(article("compound", compound, None, None, *place, 80, ("IS",), _first_sentence(compound)))
    assert apart.new, apart.reasons


def test_a_town_spelt_with_other_vowels_is_the_same_town() -> None:
    """Transliterations of a town the gazetteer lacks differ in vowels ("Besham", "Bisham"): one town."""
    first = (
        "A suicide bomber rammed a car into a bus carrying engineers near Besham, killing five of them and a driver."
    )
    second = (
        "Five engineers and their driver died when a bomber struck their convoy in Bisham, police in the district said."
    )
    day = D(2024, 3, 26)
    index = EventIndex()
    index.assign(article("first", first, day, day, "Besham", "Pakistan", "suicide bombing", 6))
    joined = index.assign(article("second", second, day, day, "Bisham", "Pakistan", "suicide bombing", 6))
    assert not joined.new, joined.reasons
    assert any(reason.startswith("same city") for reason in joined.reasons), joined.reasons


def test_two_known_towns_named_in_each_others_story_are_apart_without_the_same_day() -> None:
    """Reports from one country name its big cities' earlier attacks: that is no evidence on another day."""
    capital = (
        "A car bomb hit a military convoy in Ankara on Wednesday evening, killing 28 people; officials blamed "
        "Kurdish militants, who had also bombed Istanbul before."
    )
    stadium = (
        "Twin bombs outside a stadium in Istanbul killed 38 people, most of them police officers, weeks after "
        "Kurdish militants bombed a convoy in Ankara."
    )
    index = EventIndex()
    day = D(2016, 2, 17)
    index.assign(article("ankara", capital, day, day, "Ankara", "Turkey", "bombing", 28))
    apart = index.assign(article("istanbul", stadium, None, None, "Istanbul", "Turkey", "bombing", 38))
    assert apart.new, apart.reasons


def test_two_hotels_named_apart_in_one_city_are_two_attacks() -> None:
    """Undated raids by one group on hotels in one city: the name each report gives its hotel (a paragraph after
    the lead) tells the two apart, and a report naming the same hotel joins its raid."""
    group = ("al-Shabaab",)
    first = (
        "Gunmen and a car bomb struck a hotel in Kismayo, killing seven people, officials said. "
        "The bomb went off at the gate of the Medina hotel before the gunmen forced their way in, a witness said."
    )
    second = (
        "Militants stormed a seafront hotel in Kismayo once a truck laden with explosives blew up; nine died. "
        "The truck drove into the entrance of the Tawakal Hotel, where local leaders were meeting."
    )
    again = (
        "Security forces ended the siege of a hotel in Kismayo where nine people died. Survivors of the raid on "
        "the Tawakal Hotel described how the gunmen went from room to room."
    )
    index = EventIndex()
    raid = ("Kismayo", "Somalia", "armed assault")
    index.assign(article("medina", first, None, None, *raid, 7, group, _first_sentence(first)))
    apart = index.assign(article("tawakal", second, None, None, *raid, 9, group, _first_sentence(second)))
    assert apart.new, apart.reasons
    joined = index.assign(article("again", again, None, None, *raid, 9, group, _first_sentence(again)))
    assert joined.event_id == apart.event_id, joined.reasons


def test_undated_reports_of_one_attack_join_by_the_rare_names_both_write() -> None:
    """Two outlets word one undated bombing apart and give different tolls; both name the neighbourhood and the
    stadium, which no report of the group's other attack in that city names, so they join. The same names in an
    attack of another type are no tie."""
    group = ("PKK",)
    first = (
        "Twin blasts struck riot police outside the Kartalpinar football ground in Istanbul late on Saturday, and "
        "ministers said 29 were killed. Residents of Yesilkoy heard both explosions."
    )
    second = (
        "A car bomb and a suicide bomber hit a bus carrying officers near Kartalpinar ground in the Yesilkoy area of "
        "Istanbul; the toll rose to 44. A Kurdish militant faction said it carried out the attack."
    )
    other = (
        "A bomb hidden in a bag blew up on a crowded shopping street of Istanbul, killing six, and officials "
        "blamed Kurdish militants for the blast near the Galata tram stop."
    )
    index = EventIndex()
    bombing = ("Istanbul", "Turkey", "bombing")
    index.assign(article("first", first, None, None, *bombing, 29, group))
    index.assign(article("other", other, None, None, *bombing, 6, group))
    joined = index.assign(article("second", second, None, None, *bombing, 44, group))
    assert joined.event_id == index.event_of(document_id(first)), joined.reasons
    assert any("both name kartalpinar" in r for r in joined.reasons), joined.reasons
    assert index.event_of(document_id(other)) != joined.event_id
    shooting = second.replace("A car bomb and a suicide bomber hit", "Gunmen fired on").replace("toll", "count")
    apart = EventIndex()
    apart.assign(article("first", first, None, None, *bombing, 29, group))
    assert apart.assign(article("shots", shooting, None, None, "Istanbul", "Turkey", "armed assault", 44, group)).new


def test_the_events_do_not_depend_on_the_order_the_articles_were_stored_in(tmp_path: Path) -> None:
    """`analyze` places new articles in arrival order, as `event recluster` does: storing the same articles in
    another order gives the same events, and reclustering changes nothing."""
    corpus = _corpus_records(degrade=False)
    groupings = []
    for n, ordered in enumerate((corpus, corpus[::-1])):
        with Store(f"sqlite:///{tmp_path / f'{n}.db'}") as store:
            store.save_many(ordered)
            index = store.update_events()
            grouping = {frozenset(c.document_names) for c, _ in index.listing()}
            recluster_grouping = {frozenset(c.document_names) for c, _ in store.recluster_events().listing()}
        assert grouping == recluster_grouping
        groupings.append(grouping)
    assert groupings[0] == groupings[1]
