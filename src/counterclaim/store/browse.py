"""Filtered, paginated reads for browsing the store: documents, statements, casualty reports, actors, events.

The REST API and the workbench's pages list records with the same filters
(event, actor, stance, date range, document), so the filters are one record
(:class:`Filters`) turned into SQL here, once. Each read returns one page of
rows as plain dicts and the total the filters match; pages are in a stable
order (date, then document and position), undated rows last.

An actor is named by its knowledge-base id (``islamic-state``) or, for a
speaker the knowledge base does not know, by its name as the text gives it
(matched case-insensitively, ``prominent regime officials``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, literal, or_, select, true

from counterclaim.store import schema

docs, st, cas, att = schema.documents, schema.statements, schema.casualty_reports, schema.attacks
ed, actors, events = schema.event_documents, schema.actors, schema.events
sources_t = schema.document_sources

#: Rows a page may hold: enough for an analyst's table, small enough that one request stays cheap.
MAX_PAGE = 500


@dataclass(frozen=True)
class Filters:
    """What a listing is narrowed to; every field is optional and they combine with AND."""

    event: str | None = None
    actor: str | None = None
    stance: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    document: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Page:
    """One page of rows and how many rows the filters match in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def _page(conn: Connection, query: Select, order: Sequence[Any], limit: int, offset: int) -> Page:
    total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
    rows = conn.execute(query.order_by(*order).limit(limit).offset(offset))
    return Page([dict(row._mapping) for row in rows], total, limit, offset)


def _between(column: Any, filters: Filters) -> list[ColumnElement[bool]]:
    clauses = []
    if filters.date_from is not None:
        clauses.append(column >= filters.date_from)
    if filters.date_to is not None:
        clauses.append(column <= filters.date_to)
    return clauses


def _actor_clause(actor: str, ids: Iterable[Any], names: Iterable[Any]) -> ColumnElement[bool]:
    """Rows whose actor-id columns hold ``actor`` or whose name columns hold its name or, for an id, its stored name."""
    stored = select(func.lower(actors.c.name)).where(actors.c.id == actor)
    by_name = [or_(func.lower(c) == actor.lower(), func.lower(c).in_(stored)) for c in names]
    return or_(*(c == actor for c in ids), *by_name)


def statement_actor_clause(actor: str) -> ColumnElement[bool]:
    """Statements an actor made or that name it as the party responsible (or cleared)."""
    return _actor_clause(actor, (st.c.speaker_actor_id, st.c.target_actor_id), (st.c.speaker_name, st.c.target_name))


#: What a row read from a document (a statement, a casualty figure) says about where it was read.
_EVIDENCE_COLUMNS = ("evidence_start", "evidence_end", "evidence_sentence", "evidence_producer", "evidence_confidence")


def _read_rows(table: Any, columns: Sequence[str], filters: Filters) -> tuple[Select, list[ColumnElement[bool]], Any]:
    """Rows of a table of things read from documents (statements, casualty figures): its ``columns`` between the
    row's id, document, document name, publication day and event and its evidence; the filters such tables share
    (date range on the row's date else the publication's, event, document); and that date, which orders them."""
    when = func.coalesce(table.c.date, docs.c.published)
    query = (
        select(
            table.c.id,
            table.c.document_id,
            docs.c.name.label("document_name"),
            docs.c.published,
            ed.c.event_id,
            *table.c[*columns],
            *table.c[*_EVIDENCE_COLUMNS],
        )
        .join(docs, docs.c.id == table.c.document_id)
        .outerjoin(ed, ed.c.document_id == table.c.document_id)
    )
    clauses = _between(when, filters)
    if filters.event:
        clauses.append(ed.c.event_id == filters.event)
    if filters.document:
        clauses.append(table.c.document_id == filters.document)
    return query, clauses, when


def statements(conn: Connection, filters: Filters, limit: int, offset: int) -> Page:
    """Statements with their document, event and evidence, oldest first (by statement date, else publication)."""
    speaker = ("speaker_name", "speaker_actor_id", "speaker_affiliation", "role")
    said = ("stance", "target_name", "target_actor_id", "quote", "direct", "date")
    query, clauses, when = _read_rows(st, [*speaker, *said], filters)
    if filters.stance:
        clauses.append(st.c.stance == filters.stance)
    if filters.actor:
        clauses.append(statement_actor_clause(filters.actor))
    order = (when.is_(None), when, docs.c.name, st.c.position)
    return _page(conn, query.where(and_(true(), *clauses)), order, limit, offset)


def casualty_reports(conn: Connection, filters: Filters, limit: int, offset: int) -> Page:
    """Casualty figures as each source gave them, with document, event and evidence, oldest first."""
    columns = ("kind", "number", "qualifier", "source", "source_actor_id", "date")
    query, clauses, when = _read_rows(cas, columns, filters)
    if filters.kind:
        clauses.append(cas.c.kind == filters.kind)
    if filters.actor:
        clauses.append(_actor_clause(filters.actor, (cas.c.source_actor_id,), (cas.c.source,)))
    order = (when.is_(None), when, docs.c.name, cas.c.id)
    return _page(conn, query.where(and_(true(), *clauses)), order, limit, offset)


def documents(conn: Connection, filters: Filters, limit: int, offset: int) -> Page:
    """Documents (without their text) with their event, oldest publication first."""
    query = select(
        docs.c.id,
        docs.c.name,
        docs.c.title,
        docs.c.outlet,
        docs.c.published,
        docs.c.url,
        docs.c.ingested_at,
        ed.c.event_id,
    ).outerjoin(ed, ed.c.document_id == docs.c.id)
    clauses = _between(docs.c.published, filters)
    if filters.event:
        clauses.append(ed.c.event_id == filters.event)
    if filters.document:
        clauses.append(docs.c.id == filters.document)
    said = select(st.c.id).where(st.c.document_id == docs.c.id)
    if filters.stance:
        said = said.where(st.c.stance == filters.stance)
    if filters.actor:
        said = said.where(statement_actor_clause(filters.actor))
    if filters.stance or filters.actor:
        clauses.append(said.exists())
    order = (docs.c.published.is_(None), docs.c.published, docs.c.name, docs.c.id)
    return _page(conn, query.where(and_(true(), *clauses)), order, limit, offset)


def document(conn: Connection, document_id: str) -> dict[str, Any]:
    """One document with its text and event; ``KeyError`` if absent."""
    query = (
        select(docs.c[*_DOCUMENT_COLUMNS], ed.c.event_id)
        .outerjoin(ed, ed.c.document_id == docs.c.id)
        .where(docs.c.id == document_id)
    )
    row = conn.execute(query).first()
    if row is None:
        raise KeyError(document_id)
    return dict(row._mapping)


def sources(conn: Connection, document_id: str) -> list[dict[str, Any]]:
    """Every URL the monitor read a document's text from (the original, exact copies, near-duplicate reprints),
    in the order it met them, with the feed that listed it: one stored text stands for a syndicated story, and
    these are its outlets."""
    columns = ("url", "relation", "similarity", "outlet", "title", "published")
    entries = schema.watch_entries
    query = (
        select(sources_t.c[*columns], entries.c.feed_url.label("feed"))
        .outerjoin(entries, entries.c.url == sources_t.c.url)
        .where(sources_t.c.document_id == document_id)
        .order_by(sources_t.c.seen_at, sources_t.c.id)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


_DOCUMENT_COLUMNS = ("id", "name", "title", "outlet", "published", "url", "language", "source_path", "text")


def resolve_document(conn: Connection, ref: str) -> str:
    """The id of the document ``ref`` names: an id, a name, or a unique id prefix; ``KeyError`` otherwise."""
    for clause in (docs.c.id == ref, docs.c.name == ref, docs.c.id.startswith(ref, autoescape=True)):
        found = list(conn.execute(select(docs.c.id).where(clause).limit(2)).scalars())
        if len(found) == 1:
            return found[0]
        if found:
            raise KeyError(f"{ref!r} names several documents")
    raise KeyError(f"no document {ref!r}")


def actor_list(conn: Connection, name: str | None, limit: int, offset: int) -> Page:
    """Known actors with how many statements each made and how many name it, most quoted first."""
    made = select(func.count()).where(st.c.speaker_actor_id == actors.c.id).scalar_subquery()
    named = select(func.count()).where(st.c.target_actor_id == actors.c.id).scalar_subquery()
    query = select(actors, made.label("statements_made"), named.label("statements_naming"))
    if name:
        query = query.where(func.lower(actors.c.name).contains(name.lower(), autoescape=True))
    order = (made.desc(), named.desc(), actors.c.name, actors.c.id)
    return _page(conn, query, order, limit, offset)


def actor(conn: Connection, ref: str) -> dict[str, Any]:
    """An actor by id, or a speaker or party known only by name; ``KeyError`` when no record names it."""
    row = conn.execute(select(actors).where(actors.c.id == ref)).first()
    if row is not None:
        return {**row._mapping, "known": True}
    named = select(literal(1)).where(statement_actor_clause(ref)).limit(1)
    if conn.execute(named).first() is None:
        raise KeyError(ref)
    return {"id": None, "name": ref, "kind": None, "affiliation_id": None, "country_id": None, "known": False}


def event_clause(filters: Filters) -> ColumnElement[bool]:
    """Events (rows of ``events``) matching the filters: date range on the attack, actors and stances said."""
    clauses = _between(events.c.date, filters)
    if filters.event:
        clauses.append(events.c.id == filters.event)
    if filters.document:
        clauses.append(
            select(ed.c.event_id).where(ed.c.event_id == events.c.id, ed.c.document_id == filters.document).exists()
        )
    if filters.stance or filters.actor:
        said = select(st.c.id).join(ed, ed.c.document_id == st.c.document_id).where(ed.c.event_id == events.c.id)
        if filters.stance:
            said = said.where(st.c.stance == filters.stance)
        if filters.actor:
            said = said.where(statement_actor_clause(filters.actor))
        clauses.append(said.exists())
    return and_(true(), *clauses)


def event_counts(conn: Connection, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per event: statements by stance and in all, and the highest death toll any member reported."""
    counts: dict[str, dict[str, Any]] = {e: {"statements": 0, "by_stance": {}, "killed": None} for e in event_ids}
    if not event_ids:
        return counts
    said = (
        select(ed.c.event_id, st.c.stance, func.count())
        .join(st, st.c.document_id == ed.c.document_id)
        .where(ed.c.event_id.in_(event_ids))
        .group_by(ed.c.event_id, st.c.stance)
    )
    for event_id, stance, n in conn.execute(said):
        counts[event_id]["by_stance"][stance] = n
        counts[event_id]["statements"] += n
    tolls = (
        select(ed.c.event_id, func.max(att.c.killed))
        .join(att, att.c.document_id == ed.c.document_id)
        .where(ed.c.event_id.in_(event_ids), att.c.is_main)
        .group_by(ed.c.event_id)
    )
    for event_id, killed in conn.execute(tolls):
        counts[event_id]["killed"] = killed
    return counts


def events_of(conn: Connection, document_ids: Sequence[str]) -> dict[str, str]:
    """The event each of ``document_ids`` is in (documents in no event are left out)."""
    if not document_ids:
        return {}
    query = select(ed.c.document_id, ed.c.event_id).where(ed.c.document_id.in_(document_ids))
    return {document_id: event_id for document_id, event_id in conn.execute(query)}


def state(conn: Connection) -> tuple[Any, ...]:
    """A value that changes whenever anything a page shows may change: documents stored, assignments, events
    re-summarised, decisions recorded. One cheap query, so a cache of rendered pages can check it per request."""
    query = select(
        select(func.count()).select_from(docs).scalar_subquery(),
        select(func.count()).select_from(ed).scalar_subquery(),
        select(func.max(events.c.updated_at)).scalar_subquery(),
        select(func.count()).select_from(schema.event_decisions).scalar_subquery(),
    )
    return tuple(conn.execute(query).one())
