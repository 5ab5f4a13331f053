"""The Store: saves ArticleRecords, one transaction per batch (each document whole or absent), and reads them back.

That is the crash-safety contract: a batch killed at any moment leaves every
document either fully stored or absent, so re-running the same command simply
completes the rest (documents already present are skipped by id, which is a
hash of the text). Several processes may write at once: rows are inserted
only if absent, and the event updates run under the store's writer lock
(``lock.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from itertools import groupby, islice
from typing import Any, Concatenate, NamedTuple, ParamSpec, TypeVar

from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    Insert,
    Row,
    Select,
    Table,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
    union,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, InternalError, OperationalError, SQLAlchemyError

from counterclaim.events import Assignment, Decision, EventIndex, EventSummary, apply_decision, recluster
from counterclaim.events.cluster import arrival_order
from counterclaim.events.config import DateWindows
from counterclaim.records import ENGLISH, Actor, ArticleRecord
from counterclaim.store import browse, event_rows, lock, rows, schema, search
from counterclaim.store.engine import StoreError, default_url, first_line, make_engine, parse_url, sqlite_path
from counterclaim.store.migrate import upgrade

#: Rows fetched per round trip when streaming records.
STREAM_BATCH = 200

P = ParamSpec("P")
T = TypeVar("T")


class Store:
    """A counterclaim database at ``url`` (any SQLAlchemy URL, or a path to an SQLite file).

    Opening migrates the schema to the newest version. With ``create=False`` a
    missing SQLite file is an error instead of a new empty store (for commands
    that only read).
    """

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url = parse_url(url or default_url())
        self.display_url = self.url.render_as_string(hide_password=True)
        path = sqlite_path(self.url)
        if path is not None and not create and not path.exists():
            raise StoreError(f"no store at {path}; run `counterclaim analyze` first or pass --db")
        self.engine = make_engine(self.url)
        self._sqlite_file = path
        try:
            with self.exclusive():  # two runs creating one new store would both create its tables
                upgrade(self.engine)
        except SQLAlchemyError as err:
            self.engine.dispose()
            raise StoreError(f"cannot open store {self.display_url}: {first_line(err)}") from err

    def exclusive(self) -> AbstractContextManager[None]:
        """The store's writer lock, for a read-modify-write of the events that no other process may interleave."""
        return lock.exclusive(self.engine, self._sqlite_file)

    def close(self) -> None:
        """Release the connections (and SQLite's file handles)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            return _exists(conn, document_id)

    def save(self, record: ArticleRecord) -> bool:
        """Store every row of ``record`` in one transaction; ``False`` if the document was already stored."""
        return self.save_many([record])[0]

    def save_many(self, records: Sequence[ArticleRecord]) -> list[bool]:
        """Store a batch of records in one transaction; for each, ``False`` if its document was already stored.

        A crash still leaves each document whole or absent, as with one
        transaction per document, but a long run commits once per batch
        instead of once per article. A document stored before, earlier in the
        batch, or by another process at the same moment is skipped: its row
        is inserted only if absent, and its facts only if that insert took.
        """
        with self.engine.begin() as conn:
            return [_insert_record(conn, record) for record in records]

    def load_record(self, document_id: str) -> ArticleRecord:
        """The record exactly as saved; ``KeyError`` if no such document."""
        with self.engine.connect() as conn:
            found = conn.execute(
                select(schema.documents.c.record_json).where(schema.documents.c.id == document_id)
            ).scalar_one_or_none()
        if found is None:
            raise KeyError(document_id)
        return ArticleRecord.model_validate_json(found)

    def iter_records(self, document_ids: Iterable[str] | None = None) -> Iterator[ArticleRecord]:
        """Stored records in ingestion order (or those of ``document_ids``, in that order), streamed.

        Given ids are read a batch at a time (one query per batch, not one per
        record); a missing one raises ``KeyError``.
        """
        if document_ids is not None:
            docs, ids = schema.documents, iter(document_ids)
            while batch := list(islice(ids, STREAM_BATCH)):
                with self.engine.connect() as conn:
                    found = dict(conn.execute(select(docs.c.id, docs.c.record_json).where(docs.c.id.in_(batch))).all())
                for document_id in batch:
                    if document_id not in found:
                        raise KeyError(document_id)
                    yield ArticleRecord.model_validate_json(found[document_id])
            return
        query = select(schema.documents.c.record_json).order_by(schema.documents.c.ingested_at, schema.documents.c.id)
        with self.engine.connect() as conn:
            for chunk in conn.execution_options(yield_per=STREAM_BATCH).execute(query).scalars().partitions():
                for record_json in chunk:
                    yield ArticleRecord.model_validate_json(record_json)

    def document_ids(self) -> list[str]:
        """Ids of all stored documents, in ingestion order."""
        with self.engine.connect() as conn:
            query = select(schema.documents.c.id).order_by(schema.documents.c.ingested_at, schema.documents.c.id)
            return list(conn.execute(query).scalars())

    def ingestion_times(self, document_ids: Sequence[str]) -> dict[str, dt.datetime]:
        """When each of ``document_ids`` was stored (UTC): the creation time of what counterclaim made of it."""
        docs = schema.documents
        query = select(docs.c.id, docs.c.ingested_at).where(docs.c.id.in_(list(document_ids)))
        with self.engine.connect() as conn:
            found = conn.execute(query).all()
        # SQLite hands back naive datetimes; they were written in UTC
        return {row.id: row.ingested_at.replace(tzinfo=row.ingested_at.tzinfo or dt.UTC) for row in found}

    def upsert_actors(self, actors: Iterable[Actor]) -> None:
        """Write knowledge-base actors, replacing the provisional names rows were created with."""
        with self.engine.begin() as conn:
            for actor in actors:
                values = {
                    "name": actor.name,
                    "kind": actor.kind,
                    "affiliation_id": actor.affiliation,
                    "country_id": actor.country,
                }
                changed = conn.execute(update(schema.actors).where(schema.actors.c.id == actor.id).values(values))
                if changed.rowcount == 0:
                    conn.execute(insert(schema.actors).values(id=actor.id, **values))

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents whose title or text hold every word of ``query``, best first (see ``store/search.py``)."""
        with self.engine.connect() as conn:
            return search.search(conn, query, limit)

    def event_listing(
        self, limit: int | None = None, offset: int = 0, filters: browse.Filters | None = None
    ) -> list[ListedEvent]:
        """Stored events, oldest attack first, undated last, with their members and cached consensus.

        One query: a page of ``events`` (``limit``/``offset``; all when
        ``limit`` is None; those matching ``filters``) joined to its members'
        names, so listing a large store costs one round trip however many
        events it holds.
        """
        chosen = select(schema.events).where(browse.event_clause(filters or browse.Filters()))
        return self._listed(_ordered(chosen).limit(limit).offset(offset))

    def event_count(self, filters: browse.Filters | None = None) -> int:
        """How many events are stored, or match ``filters`` (to say how many a page of the listing leaves out)."""
        query = select(func.count()).select_from(schema.events).where(browse.event_clause(filters or browse.Filters()))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def read(self, query: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run one of the read functions of ``store/browse.py`` (or any ``f(conn, ...)``) on a fresh connection."""
        with self.engine.connect() as conn:
            return query(conn, *args, **kwargs)

    def event_summaries(self, limit: int | None = None, offset: int = 0) -> list[EventSummary]:
        """Cross-document events as stored, oldest attack first, undated last (empty until events are grouped)."""
        return [listed.summary for listed in self.event_listing(limit, offset)]

    def event_document_ids(self, event_id: str) -> list[str]:
        """Documents assigned to ``event_id``, by publication date."""
        return self.event_summary(event_id).document_ids

    def event_summary(self, event_id: str) -> EventSummary:
        """An event as stored (no records are loaded); ``KeyError`` if there is no such event."""
        found = self._listed(select(schema.events).where(schema.events.c.id == event_id))
        if not found:
            raise KeyError(event_id)
        return found[0].summary

    def _listed(self, chosen: Select) -> list[ListedEvent]:
        """The events ``chosen`` selects, in its order, each with its members by publication date.

        Two queries, the page of events and then their members: joined in
        one, every member row would carry (and decode) its event's cached
        consensus again.
        """
        ed, docs = schema.event_documents, schema.documents
        with self.engine.connect() as conn:
            events = [row._mapping for row in conn.execute(chosen)]
            members_query = (
                select(docs.c.name.label("member_name"), ed)
                .join(docs, docs.c.id == ed.c.document_id)
                .where(ed.c.event_id.in_([row["id"] for row in events]))
                .order_by(ed.c.event_id, docs.c.published, docs.c.name)
            )
            found = [row._mapping for row in conn.execute(members_query)] if events else []
        members = {event_id: list(rows_) for event_id, rows_ in groupby(found, key=lambda row: row["event_id"])}
        listed = []
        for event in events:
            own = members.get(event["id"], [])
            if not own:
                continue  # an event emptied between the two reads (save_events deletes it)
            summary = EventSummary(
                **event_rows.event_fields(event),
                document_ids=[row["document_id"] for row in own],
                document_names=[row["member_name"] for row in own],
            )
            assignments = [event_rows.assignment_from_row(row, row["member_name"]) for row in own]
            listed.append(ListedEvent(summary, event["consensus"], assignments, event["updated_at"]))
        return listed

    def save_consensus(self, listed: ListedEvent, consensus: dict[str, Any]) -> None:
        """Cache an event's consensus (computed by the report layer) until its members change.

        Only if the event is as it was listed: when another run changed it
        meanwhile (``updated_at`` moved), the consensus is of old members.
        """
        events = schema.events
        with self._cache_write() as conn:
            unchanged = (events.c.id == listed.summary.id) & (events.c.updated_at == listed.updated_at)
            conn.execute(update(events).where(unchanged).values(consensus=consensus))

    @contextmanager
    def _cache_write(self) -> Iterator[Connection]:
        """A transaction that writes what is kept only to save time (a consensus, a narrative).

        A store that may only be read (an SQLite file or connection in
        read-only mode, a read-only PostgreSQL session) keeps nothing and
        says nothing: the reader has what it computed. Two readers keeping the
        same thing at once (two workers opening one event page) collide on its
        key; the one that lost keeps nothing, as the winner's copy is as good.
        """
        try:
            with self.engine.begin() as conn:
                yield conn
        except IntegrityError:
            return
        except (OperationalError, InternalError) as err:
            if "readonly database" not in str(err) and "read-only transaction" not in str(err):
                raise

    def unassigned_document_ids(self) -> list[str]:
        """Stored English documents in no event, in ingestion order: new ones, or ones a crash left unassigned."""
        docs, ed = schema.documents, schema.event_documents
        query = (
            select(docs.c.id)
            .where(docs.c.language == ENGLISH, ~select(ed.c.document_id).where(ed.c.document_id == docs.c.id).exists())
            .order_by(docs.c.ingested_at, docs.c.id)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def unanalysed_document_ids(self) -> list[str]:
        """Stored documents not in English (kept, never analysed nor grouped into events), in ingestion order."""
        docs = schema.documents
        query = select(docs.c.id).where(docs.c.language != ENGLISH).order_by(docs.c.ingested_at, docs.c.id)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def document_count(self) -> int:
        """How many documents are stored."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()

    def load_index(self, index: EventIndex | None = None, events: Select | None = None) -> EventIndex:
        """The event index as stored: every assigned document back in its event, with its score and reasons.

        ``events`` (a SELECT of event ids) restricts it to those events, whole:
        what ``update_events`` needs to place new documents on a large store.
        """
        index = index or EventIndex()
        ed, docs = schema.event_documents, schema.documents
        query = (
            select(ed, docs.c.name, docs.c.record_json)
            .join(docs, docs.c.id == ed.c.document_id)
            .order_by(docs.c.published, docs.c.name, docs.c.id)
        )
        if events is not None:
            query = query.where(ed.c.event_id.in_(events))
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=STREAM_BATCH).execute(query):
                record = ArticleRecord.model_validate_json(row.record_json)
                index.restore(record, event_rows.assignment_from_row(row._mapping, row.name))
        return index

    def save_events(self, index: EventIndex) -> None:
        """Write the index's events and assignments in one transaction.

        Events are upserted (an existing event keeps its ``created_at``),
        assignments replaced where they changed, and events left without
        documents deleted. Documents the index does not hold keep their rows, so
        an index built by another process never erases this one's work.
        """
        now = dt.datetime.now(dt.UTC)
        events, ed = schema.events, schema.event_documents
        with self.engine.begin() as conn:
            assigned = {row.document_id: row for row in conn.execute(select(ed))}
            changed = [a for a in index.assignments.values() if _differs(assigned.get(a.document_id), a)]
            # an event whose members change loses its cached consensus (old and new event of each moved document)
            stale = {a.event_id for a in changed}
            stale |= {assigned[a.document_id].event_id for a in changed if a.document_id in assigned}
            known = {row.id: row for row in conn.execute(select(*(events.c[k] for k in _EVENT_COLUMNS)))}
            for summary in index.summaries():
                values = event_rows.event_row(summary)
                stored = known.get(summary.id)
                if stored is None:
                    conn.execute(insert(events).values(**values, created_at=now, updated_at=now))
                elif summary.id in stale or any(getattr(stored, key) != value for key, value in values.items()):
                    values = {**values, "consensus": None, "updated_at": now}
                    conn.execute(update(events).where(events.c.id == summary.id).values(**values))
            for assignment in changed:
                values = event_rows.assignment_row(assignment)
                if assignment.document_id not in assigned:
                    conn.execute(insert(ed).values(**values))
                else:
                    conn.execute(update(ed).where(ed.c.document_id == assignment.document_id).values(**values))
            empty = ~select(ed.c.event_id).where(ed.c.event_id == events.c.id).exists()
            conn.execute(delete(events).where(empty))

    def kept_narrative(self, event_id: str, built_with: str) -> KeptNarrative:
        """An event's kept narrative and counts if built for its present members by ``built_with``.

        Also returns the event's last change, which :meth:`keep_narrative`
        needs to tell whether a narrative built now is of the present members.
        ``KeyError`` if there is no such event.
        """
        events, kept = schema.events, schema.event_narratives
        query = select(kept.c.narrative, kept.c.counts, events.c.updated_at).outerjoin(kept, _current(built_with))
        with self.engine.connect() as conn:
            found = conn.execute(query.where(events.c.id == event_id)).one_or_none()
        if found is None:
            raise KeyError(event_id)
        return KeptNarrative(*found)

    def stale_narratives(self, built_with: str) -> list[str]:
        """Ids of the events with no kept narrative built for their present members by ``built_with``."""
        events = schema.events
        with self.engine.connect() as conn:
            return list(conn.execute(select(events.c.id).where(~exists().where(_current(built_with)))).scalars())

    def keep_narrative(self, event_id: str, kept: KeptNarrative, built_with: str) -> None:
        """Keep an event's narrative (JSON text) and counts, built for its members as they were at ``kept.built_for``.

        Written only while the event is still as it was then (one guarded
        statement): a narrative of old members is never kept as current.
        """
        events, table = schema.events, schema.event_narratives
        values = select(
            events.c.id, events.c.updated_at, literal(built_with), literal(kept.narrative), literal(kept.counts, JSON)
        ).where((events.c.id == event_id) & (events.c.updated_at == kept.built_for))
        with self._cache_write() as conn:
            conn.execute(delete(table).where(table.c.event_id == event_id))
            conn.execute(insert(table).from_select([c.name for c in table.c], values))

    def update_events(self, document_ids: Iterable[str] = ()) -> EventIndex:
        """Assign every document in no event (new, or left unassigned by a crash), consolidate, save.

        Only the events a new document could join are loaded (see
        :func:`_candidate_events`), plus those ``document_ids`` are in, so the
        caller can report them; the returned index holds just these events.
        Documents are committed before their event assignment, one transaction
        each; assignment can be redone from them at any time, so a crash in
        between costs nothing: the next call assigns what is unassigned.
        """
        with self.exclusive():  # another run placing its documents at the same time would split events
            # in arrival order, as `recluster` takes them: the events then do not depend on the order of the files
            new = arrival_order(self.iter_records(self.unassigned_document_ids()))
            index = EventIndex()
            ed = schema.event_documents
            wanted = select(ed.c.event_id).where(ed.c.document_id.in_(list(document_ids)))
            self.load_index(index, union(wanted, *_candidate_events(new, index.config.date)))
            for record in new:
                index.assign(record)
            index.consolidate()
            self.save_events(index)
        return index

    def recluster_events(self) -> EventIndex:
        """Group every stored document into events from scratch, replay the user's decisions, save."""
        with self.exclusive():
            english = (r for r in self.iter_records() if r.document.language == ENGLISH)
            index = recluster(english, self.decisions())
            self.save_events(index)
        return index

    def add_decision(self, decision: Decision) -> int:
        """Record a user decision on events; returns its id (the order decisions are replayed in)."""
        with self.engine.begin() as conn:
            inserted = conn.execute(insert(schema.event_decisions).values(event_rows.decision_row(decision)))
            return int(inserted.inserted_primary_key[0])

    def decide(self, make: Callable[[EventIndex], Decision]) -> tuple[Decision, list[Assignment]]:
        """Record the decision ``make`` builds from the stored events, apply it, save; the assignments it changed.

        What ``counterclaim event merge|split|move`` and the API's event
        endpoints do: ``make`` may raise :class:`~counterclaim.events.UnknownEvent`,
        and then nothing is recorded.
        """
        with self.exclusive():  # an analyze run placing documents meanwhile must not undo the decision
            index = self.load_index()
            decision = make(index)
            decision.id = self.add_decision(decision)
            changed = apply_decision(index, decision)
            self.save_events(index)
        return decision, changed

    def decisions(self) -> list[Decision]:
        """Every user decision on events, oldest first."""
        table = schema.event_decisions
        with self.engine.connect() as conn:
            found = conn.execute(select(table).order_by(table.c.created_at, table.c.id))
            return [event_rows.decision_from_row(row._mapping) for row in found]


def _current(built_with: str) -> ColumnElement[bool]:
    """An ``event_narratives`` row built for its event's present members (its ``updated_at``) by ``built_with``."""
    events, kept = schema.events, schema.event_narratives
    same_event = (kept.c.event_id == events.c.id) & (kept.c.built_for == events.c.updated_at)
    return same_event & (kept.c.built_with == built_with)


class KeptNarrative(NamedTuple):
    """An event's narrative (JSON text) and counts as kept, None when none is current; the event's last change."""

    narrative: str | None
    counts: dict[str, Any] | None
    built_for: dt.datetime


class ListedEvent(NamedTuple):
    """An event as the listing reads it: summary, cached consensus (None until computed), members, last change."""

    summary: EventSummary
    consensus: dict[str, Any] | None
    members: list[Assignment]
    updated_at: dt.datetime


#: The ``events`` columns ``save_events`` compares (not the consensus cache or the timestamps).
_EVENT_COLUMNS = ("id", "label", "date", "city", "country", "attack_type", "document_count")


def _ordered(query: Select, columns: Any = schema.events.c) -> Select:
    """``query`` in listing order: oldest attack first, undated last, then by id (stable pages)."""
    return query.order_by(columns.date.is_(None), columns.date, columns.id)


def _differs(stored: Row | None, assignment: Assignment) -> bool:
    """Whether ``assignment`` is new or differs from its stored ``event_documents`` row."""
    values = event_rows.assignment_row(assignment)
    return stored is None or any(getattr(stored, key) != value for key, value in values.items())


def _candidate_events(records: list[ArticleRecord], windows: DateWindows) -> list[Select]:
    """Ids of the stored events ``records`` could join: dated, or first reported, near one of their dates.

    An article scores against an event's attack date (or, undated, against
    its publication date), and dates further apart than ``far_days`` (plus the
    follow-up window for a publication date) count heavily against; events
    outside every such window cannot reach the threshold, so they need not be
    loaded. Selects to unite: none when nothing is new, every event when a
    record has no date at all to go on.
    """
    dates = [[d for d in (*(e.date for e, _ in rows.attacks(r)), r.document.published) if d] for r in records]
    events, ed, docs = schema.events, schema.event_documents, schema.documents
    if not records:
        return []
    if not all(dates):
        return [select(events.c.id)]
    reach = dt.timedelta(days=windows.far_days + windows.followup_days)
    near = [d for ds in dates for d in ds]
    low, high = min(near) - reach, max(near) + reach
    first_reported = select(ed.c.event_id).join(docs, docs.c.id == ed.c.document_id)
    return [
        select(events.c.id).where(events.c.date.between(low, high)),
        first_reported.where(docs.c.published.between(low, high)),
    ]


def _exists(conn: Connection, document_id: str) -> bool:
    query = select(schema.documents.c.id).where(schema.documents.c.id == document_id)
    return conn.execute(query).first() is not None


def _insert_record(conn: Connection, record: ArticleRecord) -> bool:
    """Insert every row of ``record``; ``False`` (and nothing written) if its document is already stored."""
    document_id = record.document.id
    document = {**rows.document_row(record), "ingested_at": dt.datetime.now(dt.UTC)}
    inserted = conn.execute(_if_absent(conn, schema.documents).returning(schema.documents.c.id), document)
    if inserted.first() is None:  # RETURNING says whether it took (a driver's rowcount may not)
        return False
    _ensure_actors(conn, rows.referenced_actors(record))
    for table, table_rows in (
        (schema.mentions, rows.mention_rows(record)),
        (schema.attributions, rows.attribution_rows(record)),
        (schema.statements, rows.statement_rows(record)),
    ):
        if table_rows:
            conn.execute(insert(table), [{**row, "document_id": document_id} for row in table_rows])
    for position, (event, is_main) in enumerate(rows.attacks(record)):
        attack_row = {**rows.attack_row(event, position, is_main), "document_id": document_id}
        attack_id = conn.execute(insert(schema.attacks).values(attack_row)).inserted_primary_key[0]
        casualty_rows = [
            {**rows.casualty_row(c), "attack_id": attack_id, "document_id": document_id} for c in event.casualties
        ]
        if casualty_rows:
            conn.execute(insert(schema.casualty_reports), casualty_rows)
    return True


def _ensure_actors(conn: Connection, names: dict[str, str]) -> None:
    """Create a provisional ``actors`` row for each referenced id not yet stored."""
    if not names:
        return
    known = set(conn.execute(select(schema.actors.c.id).where(schema.actors.c.id.in_(names))).scalars())
    missing = [{"id": actor_id, "name": name} for actor_id, name in names.items() if actor_id not in known]
    if missing:
        conn.execute(_if_absent(conn, schema.actors), missing)


def _if_absent(conn: Connection, table: Table) -> Insert:
    """An INSERT into ``table`` that skips a row whose primary key is taken (``ON CONFLICT DO NOTHING``).

    Rather than a check and an insert: another process may store the same
    document or actor between the two, and on PostgreSQL the insert then
    waits for that process's commit and does nothing.
    """
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[conn.dialect.name]
    return dialect.insert(table).on_conflict_do_nothing()
