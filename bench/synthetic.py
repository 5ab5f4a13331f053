"""Synthetic stores for query benchmarks: N made-up but plausible ArticleRecords, grouped into events.

Each synthetic event (an attack on a date in a place, by a group) is reported
by a few documents from different outlets; each document carries the attack
with casualty figures by source, a claim, an accusation, a condemnation, actor
mentions and attributions, all with evidence offsets into its own text. The
vocabulary (``synthetic.yaml``) is fictional.

Records go straight into the tables in large transactions (the fast bulk path:
no NLP, one ``executemany`` per table and chunk) together with the ``events``
and ``event_documents`` rows, so a 100,000-document store builds in minutes.

    python bench/synthetic.py /tmp/synthetic.db -n 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import func, insert, select

from counterclaim.records import (
    ArticleRecord,
    Attribution,
    CasualtyReport,
    Document,
    Event,
    Evidence,
    Mention,
    Perpetrators,
    Place,
    Span,
    Statement,
    document_id,
)
from counterclaim.store import Store, schema
from counterclaim.store import rows as store_rows

VOCABULARY = Path(__file__).with_name("synthetic.yaml")
PRODUCER = "synthetic"
#: Documents written per transaction by the bulk path.
CHUNK = 2000


@dataclass(frozen=True)
class SyntheticEvent:
    """One made-up attack that several synthetic documents report."""

    id: str
    date: dt.date
    place: dict[str, str]
    landmark: str
    attack: dict[str, str]
    group: dict[str, str]
    state: dict[str, str]
    killed: int
    injured: int


class TextBuilder:
    """Appends sentences to a text and hands back the evidence of each, so offsets are right by construction."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str, separator: str = " ") -> tuple[int, int]:
        if self.parts:
            self.parts.append(separator)
            self.length += len(separator)
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def evidence(text: str, start: int, end: int, rule: str) -> Evidence:
    return Evidence(start=start, end=end, sentence=text[start:end], producer=f"{PRODUCER}.{rule}", confidence=0.9)


def span_of(text: str, fragment: str, within: tuple[int, int]) -> Span:
    start = text.index(fragment, within[0], within[1])
    return Span(start=start, end=start + len(fragment), text=fragment)


def synthetic_events(rng: random.Random, vocab: dict[str, Any], count: int) -> list[SyntheticEvent]:
    """``count`` attacks spread over ten years."""
    first = dt.date(2015, 1, 1)
    return [
        SyntheticEvent(
            id=f"syn-{k:06d}",
            date=first + dt.timedelta(days=rng.randrange(3650)),
            place=rng.choice(vocab["places"]),
            landmark=rng.choice(vocab["landmarks"]),
            attack=rng.choice(vocab["attack_types"]),
            group=rng.choice(vocab["groups"]),
            state=rng.choice(vocab["states"]),
            killed=rng.randrange(1, 80),
            injured=rng.randrange(0, 150),
        )
        for k in range(count)
    ]


def synthetic_record(rng: random.Random, vocab: dict[str, Any], event: SyntheticEvent, n: int) -> ArticleRecord:
    """The ``n``-th synthetic document: one outlet's report of ``event``."""
    city, group, state = event.place["city"], event.group["name"], event.state["name"]
    outlet = rng.choice(vocab["outlets"])
    published = event.date + dt.timedelta(days=rng.randrange(4))
    killed = max(1, event.killed + rng.randrange(-3, 4))
    source, qualifier = rng.choice(vocab["sources"]), rng.choice(vocab["qualifiers"])
    minister = f"The {state} {event.state['minister']}"

    b = TextBuilder()
    title = f"{event.attack['text'].capitalize()} at {event.landmark} in {city} kills {killed}"
    b.add(title)
    lead = b.add(
        f"A {event.attack['text']} struck a {event.landmark} in {city}, {event.place['region']}, "
        f"on {event.date:%d %B %Y}, {outlet} reported.",
        "\n\n",
    )
    figure = f"{qualifier} {killed}" if qualifier else str(killed)
    toll = b.add(f"{figure} people were killed and {event.injured} injured, {source} said.")
    claim = b.add(f'The {group} claimed responsibility, saying: "Our fighters carried out the operation in {city}."')
    accuse = b.add(f"{minister} accused the {group} of the attack and vowed to pursue those responsible.")
    condemn = b.add(f"The United Nations condemned the {event.attack['text']} in {city}.")
    for sentence in rng.sample(vocab["filler"], k=rng.randrange(3, len(vocab["filler"]) + 1)):
        b.add(sentence, rng.choice((" ", "\n\n")))
    b.add(f"(Report {n} from the {outlet} desk.)", "\n\n")  # every synthetic text distinct, so every id
    text = b.text

    group_mention = Mention(span=span_of(text, f"The {group}", claim), actor_id=event.group["id"], producer=PRODUCER)
    minister_mention = Mention(
        span=span_of(text, minister, accuse),
        role=event.state["minister"],
        affiliation_id=event.state["id"],
        producer=PRODUCER,
    )
    target = Mention(span=span_of(text, f"the {group}", accuse), actor_id=event.group["id"], producer=PRODUCER)
    un = Mention(span=span_of(text, "The United Nations", condemn), actor_id="united-nations", producer=PRODUCER)
    quote = f"Our fighters carried out the operation in {city}."
    quote_span = span_of(text, quote, claim)
    statements = [
        Statement(
            speaker=group_mention,
            speaker_name=group,
            speaker_affiliation=group,
            stance="claim",
            target=group_mention,
            target_name=group,
            content=quote_span,
            quote=quote,
            direct=True,
            date=published,
            evidence=evidence(text, *claim, "claim"),
        ),
        Statement(
            speaker=minister_mention,
            speaker_name=event.state["minister"],
            speaker_affiliation=state,
            stance="accuse",
            target=target,
            target_name=group,
            evidence=evidence(text, *accuse, "accuse"),
        ),
        Statement(
            speaker=un,
            speaker_name="United Nations",
            stance="condemn",
            evidence=evidence(text, *condemn, "condemn"),
        ),
    ]
    casualties = [
        CasualtyReport(
            kind="killed", number=killed, qualifier=qualifier, source=source, evidence=evidence(text, *toll, "killed")
        ),
        CasualtyReport(kind="injured", number=event.injured, source=source, evidence=evidence(text, *toll, "injured")),
    ]
    attack = Event(
        date=event.date,
        place=Place(city=city, region=event.place["region"], country=event.place["country"], landmark=event.landmark),
        attack_type=event.attack["type"],
        attack_type_text=event.attack["text"],
        suicide="suicide" in event.attack["text"],
        casualties=casualties,
        killed=killed,
        killed_source=source,
        injured=event.injured,
        injured_source=source,
        perpetrators=Perpetrators(claimed_by=[group], accused={group: [state]}),
        groups_involved=[group],
        evidence=evidence(text, *lead, "attack"),
    )
    return ArticleRecord(
        document=Document(
            id=document_id(text),
            name=f"synthetic-{n:07d}",
            title=title,
            outlet=outlet,
            published=published,
            text=text,
            raw_hash=document_id(text),
        ),
        event=attack,
        statements=statements,
        attributions=[Attribution(source=group_mention.span, content=quote_span, direct=True, producer=PRODUCER)],
        mentions=[group_mention, minister_mention, target, un],
    )


def synthetic_corpus(count: int, seed: int = 0, per_event: int = 5) -> Iterator[tuple[ArticleRecord, SyntheticEvent]]:
    """``count`` records, about ``per_event`` per synthetic event, each with its event; deterministic for a seed."""
    rng = random.Random(seed)
    vocab = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))
    events = synthetic_events(rng, vocab, max(1, count // per_event))
    for n in range(count):
        event = events[n % len(events)]
        yield synthetic_record(rng, vocab, event, n), event


def bulk_write(store: Store, corpus: Iterable[tuple[ArticleRecord, SyntheticEvent]], chunk: int = CHUNK) -> int:
    """Write records and their events in transactions of ``chunk`` documents; the number written."""
    written = 0
    batch: list[tuple[ArticleRecord, SyntheticEvent]] = []
    for item in corpus:
        batch.append(item)
        if len(batch) == chunk:
            written += _write_chunk(store, batch)
            batch = []
    if batch:
        written += _write_chunk(store, batch)
    return written


def _write_chunk(store: Store, batch: list[tuple[ArticleRecord, SyntheticEvent]]) -> int:
    now = dt.datetime.now(dt.UTC)
    table_rows: dict[str, list[dict[str, Any]]] = {
        t: [] for t in ("documents", "mentions", "attributions", "statements", "attacks", "casualty_reports")
    }
    actors: dict[str, str] = {}
    events: dict[str, dict[str, Any]] = {}
    links: list[dict[str, Any]] = []
    with store.engine.begin() as conn:
        next_attack = (conn.execute(select(func.max(schema.attacks.c.id))).scalar() or 0) + 1
        known_events = set(conn.execute(select(schema.events.c.id)).scalars())
        for record, event in batch:
            doc_id = record.document.id
            table_rows["documents"].append({**store_rows.document_row(record), "ingested_at": now})
            for table, found in (
                ("mentions", store_rows.mention_rows(record)),
                ("attributions", store_rows.attribution_rows(record)),
                ("statements", store_rows.statement_rows(record)),
            ):
                table_rows[table] += [{**row, "document_id": doc_id} for row in found]
            for position, (attack, is_main) in enumerate(store_rows.attacks(record)):
                row = store_rows.attack_row(attack, position, is_main)
                table_rows["attacks"].append({**row, "id": next_attack, "document_id": doc_id})
                table_rows["casualty_reports"] += [
                    {**store_rows.casualty_row(c), "attack_id": next_attack, "document_id": doc_id}
                    for c in attack.casualties
                ]
                next_attack += 1
            actors.update(store_rows.referenced_actors(record))
            if event.id not in known_events:
                events[event.id] = _event_row(event, now)
            links.append({"document_id": doc_id, "event_id": event.id, "score": 0.9, "assigned_by": "auto"})
        known_actors = set(conn.execute(select(schema.actors.c.id)).scalars())
        new_actors = [{"id": k, "name": v} for k, v in actors.items() if k not in known_actors]
        for table, values in (
            ("actors", new_actors),
            *table_rows.items(),
            ("events", list(events.values())),
            ("event_documents", links),
        ):
            if values:
                conn.execute(insert(schema.metadata.tables[table]), values)
    return len(batch)


def _event_row(event: SyntheticEvent, now: dt.datetime) -> dict[str, Any]:
    city = event.place["city"]
    return {
        "id": event.id,
        "label": f"{event.attack['text']} in {city}, {event.date:%d %B %Y}",
        "date": event.date,
        "city": city,
        "country": event.place["country"],
        "attack_type": event.attack["type"],
        "created_at": now,
        "updated_at": now,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", help="database URL or SQLite file (created)")
    ap.add_argument("-n", "--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    start = time.perf_counter()
    with Store(args.db) as store:
        written = bulk_write(store, synthetic_corpus(args.count, args.seed))
    seconds = time.perf_counter() - start
    print(f"{written} synthetic documents written in {seconds:.1f} s ({written / seconds:.0f} docs/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
