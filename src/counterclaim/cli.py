"""The ``counterclaim`` command line: analyze, extract, attributions, report.

User mistakes (a missing file, an unknown model, a bad database URL) end in
one line and an exit code, never a traceback: 1 when some inputs could not be
processed (after processing all the others), 2 for usage errors and anything
that stops the command from starting, 3 for an unforeseen error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text
from spacy.language import Language
from sqlalchemy.exc import SQLAlchemyError

from counterclaim.evalformat import attributions_to_eval, to_eval
from counterclaim.events import (
    Decision,
    EventIndex,
    apply_decision,
    events_to_json,
    find_document,
    merge_decision,
    move_decision,
    split_decision,
)
from counterclaim.ingest import IngestError, IngestWarning, read_inputs
from counterclaim.ingest.language import not_analysed
from counterclaim.ingest.names import file_stem
from counterclaim.nlp import ModelNotFound, PieceProgress
from counterclaim.parallel import PipelineSpec, check_dask_address, results
from counterclaim.printable import printable
from counterclaim.records import ENGLISH, ArticleRecord, Document
from counterclaim.report import (
    UnknownEvent,
    event_entries,
    event_entry,
    event_narrative,
    format_for_path,
    render,
    render_narratives,
    reports_from_store,
)
from counterclaim.report.collect import stored_entries
from counterclaim.report.render import NOTHING_STORED
from counterclaim.runner import DEFAULT_BATCH_SIZE, ProcessError, batched
from counterclaim.store import Store, StoreError
from counterclaim.store.engine import first_line

EXIT_FAILED_INPUTS = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
DEBUG_ENV = "COUNTERCLAIM_DEBUG"
#: Events a text or Markdown listing shows unless --limit says otherwise (a page, so a large store answers at once).
TEXT_PAGE = 50

app = typer.Typer(
    name="counterclaim",
    help="Source-attributed records of terrorist attacks from news articles: "
    "who claimed, who blamed whom, who confirmed, casualties by source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    epilog="Example: counterclaim analyze articles/ --db attacks.db && counterclaim report --db attacks.db",
)


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


Paths = Annotated[
    list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories (read recursively) or - for stdin.")
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline name or path (default: $COUNTERCLAIM_MODEL, else the small model)."),
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option("--kb", exists=True, dir_okay=False, help="Extra knowledge-base YAML (actors, aliases); repeatable."),
]
PipelineOption = Annotated[
    Path | None,
    typer.Option(
        "--pipeline",
        exists=True,
        dir_okay=False,
        help="A pipeline.yaml saying which counterclaim components run, in order (default: the bundled one).",
    ),
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (default: $COUNTERCLAIM_DB, else ./counterclaim.db)."),
]
FormatOption = Annotated[ReportFormat, typer.Option("--format", help="Report layout.")]
EventArgument = Annotated[str, typer.Argument(help="An event id, as `counterclaim events` lists it.")]
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", min=1, help=f"Events listed (default: {TEXT_PAGE} in text and Markdown, all in JSON)."),
]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Events skipped before the listed ones.")]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Processes running the NLP (this process stays the only writer).")
]
DaskOption = Annotated[
    str | None,
    typer.Option("--dask", help="Run the NLP on Dask: local:N for N local workers, or a scheduler address."),
]


@dataclass(frozen=True)
class Backend:
    """The pipeline built here (so a bad model fails at once) and where the NLP runs: here, a pool or Dask."""

    nlp: Language
    spec: PipelineSpec
    workers: int = 1
    dask: str | None = None

    def results(
        self, documents: Iterable[Document], progress: PieceProgress | None = None
    ) -> Iterator[ArticleRecord | ProcessError]:
        return results(documents, self.nlp, self.spec, self.workers, self.dask, progress)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``message`` as one error line on stderr; the caller raises the returned Exit."""
    _say(f"error: {message}")
    return typer.Exit(code)


@app.command(epilog="Example: counterclaim analyze articles/ feed.jsonl --db attacks.db")
def analyze(
    paths: Paths,
    db: DbOption = None,
    model: ModelOption = None,
    kb: KbOption = None,
    pipeline: PipelineOption = None,
    fmt: FormatOption = ReportFormat.text,
    report: Annotated[
        bool, typer.Option("--report/--no-report", " /--quiet", help="Print the report of the inputs.")
    ] = True,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
) -> None:
    """Read articles, extract their records, store them, group them into events, and print the events' reports.

    Documents already in the store (same text) are skipped, so re-running a
    command that was interrupted completes the rest. Each event the inputs
    belong to is summarised on stderr (who claimed, confirmed, accused), then
    its narrative report is printed.
    """
    store = _open_store(db, create=True)
    try:
        backend = _backend(model, kb, pipeline, workers=workers, dask=dask)
        remarks = Remarks()
        counts = {"stored": 0, "already present": 0}
        seen: dict[str, None] = {}

        def fresh(documents: Iterable[Document]) -> Iterator[Document]:
            for document in documents:
                if store.has_document(document.id):
                    counts["already present"] += 1
                    seen[document.id] = None
                else:
                    yield document

        for batch in batched(_records(paths, backend, remarks, fresh), DEFAULT_BATCH_SIZE):
            for record, stored in zip(batch, store.save_many(batch), strict=True):
                counts["stored" if stored else "already present"] += 1
                seen[record.document.id] = None
        _report_events(store, store.update_events(seen), seen, fmt if report else None)
    finally:
        store.close()
    _summary(", ".join(f"{n} {what}" for what, n in counts.items()), remarks)


@app.command(epilog="Example: counterclaim extract articles/ --out predictions/")
def extract(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", help="Folder for NAME.json files (created if missing).")],
    model: ModelOption = None,
    kb: KbOption = None,
    pipeline: PipelineOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
) -> None:
    """Write each input's record in the evaluation format to OUT/NAME.json (no database)."""
    _export(paths, out, _backend(model, kb, pipeline, workers=workers, dask=dask), to_eval)


@app.command(epilog="Example: counterclaim attributions articles/ --out spans/")
def attributions(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", help="Folder for NAME.json files (created if missing).")],
    model: ModelOption = None,
    kb: KbOption = None,
    pipeline: PipelineOption = None,
    workers: WorkersOption = 1,
) -> None:
    """Write each input's reported-speech spans (source, cue, content) to OUT/NAME.json (no database)."""
    backend = _backend(model, kb, pipeline, until="cc_attributions", workers=workers)
    _export(paths, out, backend, attributions_to_eval)


@app.command(epilog="Example: counterclaim report --db attacks.db --event ev-1a2b3c4d5e6f --out kerman.html")
def report(
    db: DbOption = None,
    event: Annotated[str | None, typer.Option("--event", help="The narrative report of this event.")] = None,
    fmt: Annotated[
        ReportFormat | None, typer.Option("--format", help="Report layout (default: from --out's suffix, else text).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
) -> None:
    """Without --event, list the events with who claimed, confirmed and accused (then documents in no event);
    with --event, print that event's narrative: consensus, divergences, omissions, timeline, casualties."""
    chosen = fmt or (ReportFormat(format_for_path(out)) if out else ReportFormat.text)
    store = _open_store(db, create=False)
    try:
        if event is None:
            page = _page(limit, chosen)
            _emit(render(reports_from_store(store, limit=page, offset=offset), _listing_format(chosen)), out)
        else:
            _emit(render_narratives([event_narrative(store, event)], chosen.value), out)
    except UnknownEvent as err:
        raise fail(f"no event {event!r} in {store.display_url}") from err
    finally:
        store.close()


@app.command(epilog="Example: counterclaim events --db attacks.db --format json")
def events(
    db: DbOption = None, fmt: FormatOption = ReportFormat.text, limit: LimitOption = None, offset: OffsetOption = 0
) -> None:
    """List the events: id, date, place, attack type, documents, and who claimed, confirmed and accused."""
    store = _open_store(db, create=False)
    try:
        if fmt == ReportFormat.json:
            listed = events_to_json((e.summary, e.members) for e in store.event_listing(limit, offset))
            _write([json.dumps(listed, ensure_ascii=False, indent=2) + "\n"])
        else:
            _write(render(stored_entries(store, _page(limit, fmt), offset), _listing_format(fmt), _no_events(store)))
        unassigned, unanalysed = len(store.unassigned_document_ids()), len(store.unanalysed_document_ids())
        if unassigned:
            _say(f"{unassigned} documents in no event: run `counterclaim event recluster`")
        if unanalysed:
            _say(f"{unanalysed} documents not in English: stored, not analysed, in no event")
    finally:
        store.close()


event_app = typer.Typer(
    name="event",
    help="Correct how documents are grouped into events; decisions are kept and replayed after re-analysis.",
    no_args_is_help=True,
)
app.add_typer(event_app)


@event_app.command("merge", epilog="Example: counterclaim event merge ev-1a2b3c4d5e6f ev-9f8e7d6c5b4a --db attacks.db")
def event_merge(first: EventArgument, second: EventArgument, db: DbOption = None) -> None:
    """Merge two events into one (they report the same attack)."""
    _decide(db, lambda index: merge_decision(index, first, second))


@event_app.command("split", epilog="Example: counterclaim event split ev-1a2b3c4d5e6f afp-0412 --db attacks.db")
def event_split(
    event: EventArgument,
    documents: Annotated[list[str], typer.Argument(help="Documents (names or ids) that report another attack.")],
    db: DbOption = None,
) -> None:
    """Take documents out of an event into a new event of their own."""
    _decide(db, lambda index: split_decision(index, event, [find_document(index, d) for d in documents]))


@event_app.command("move", epilog="Example: counterclaim event move afp-0412 ev-1a2b3c4d5e6f --db attacks.db")
def event_move(
    document: Annotated[str, typer.Argument(help="A document name or id.")],
    event: EventArgument,
    db: DbOption = None,
) -> None:
    """Move a document into another event."""
    _decide(db, lambda index: move_decision(index, find_document(index, document), event))


@event_app.command("recluster", epilog="Example: counterclaim event recluster --db attacks.db")
def event_recluster(db: DbOption = None) -> None:
    """Group every stored document into events from scratch, then replay the merges, splits and moves made."""
    store = _open_store(db, create=False)
    try:
        index = store.recluster_events()
        _write(render(event_entries(store, index.summaries()), "text"))
    finally:
        store.close()


def _decide(db: str | None, make: Callable[[EventIndex], Decision]) -> None:
    """Record the user's decision, apply it to the stored events, and say which documents moved where."""
    store = _open_store(db, create=False)
    try:
        with store.exclusive():  # an analyze run placing documents meanwhile must not undo the decision
            index = store.load_index()
            try:
                decision = make(index)
            except UnknownEvent as err:
                raise fail(f"{err.args[0]} in {store.display_url}") from err
            decision.id = store.add_decision(decision)
            changed = apply_decision(index, decision)
            store.save_events(index)
        for assignment in changed:
            _write([f"{assignment.document_name} -> {assignment.event_id}\n"])
        _say(f"decision {decision.id} recorded: {len(changed)} documents moved")
    finally:
        store.close()


def _report_events(store: Store, index: EventIndex, document_ids: Iterable[str], fmt: ReportFormat | None) -> None:
    """After analysis: a summary line per event the documents are in (stderr), then their narratives (stdout)."""
    touched = {index.event_of(d) for d in document_ids}
    summaries = [s for s in index.summaries() if s.id in touched]
    narratives = [event_narrative(store, s, index.names) for s in summaries]
    if summaries:
        for chunk in render((event_entry(s, n) for s, n in zip(summaries, narratives, strict=True)), "text"):
            _say(chunk, nl=False)
    if fmt is not None:
        _write(render_narratives(narratives, fmt.value))


def _no_events(store: Store) -> str:
    """What the events listing says when there is no event: the store may still hold documents."""
    stored = store.document_count()
    if not stored:
        return NOTHING_STORED
    return f"No events yet: {stored} document{'s' * (stored != 1)} stored, none grouped into an event.\n"


def _page(limit: int | None, fmt: ReportFormat) -> int | None:
    """Events to list: ``limit``, else a page in text and Markdown and all of them in JSON."""
    return limit if limit is not None or fmt == ReportFormat.json else TEXT_PAGE


def _listing_format(fmt: ReportFormat) -> str:
    """The events listing is text, Markdown or JSON; HTML is for one event's narrative."""
    if fmt == ReportFormat.html:
        raise fail("--format html needs --event (the narrative report of one event)")
    return fmt.value


def _emit(chunks: Iterable[str], out: Path | None) -> None:
    """Write the chunks to ``out``, or to stdout."""
    if out is None:
        _write(chunks)
        return
    try:
        with out.open("w", encoding="utf-8") as handle:
            handle.writelines(map(printable, chunks))
    except OSError as err:
        raise fail(f"cannot write {out}: {err.strerror or err}") from err
    _say(f"report written to {out}")


def _open_store(db: str | None, create: bool) -> Store:
    try:
        return Store(db, create=create)
    except StoreError as err:
        raise fail(str(err)) from err


def _backend(
    model: str | None,
    kb: list[Path] | None,
    pipeline: Path | None = None,
    until: str | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> Backend:
    spec = PipelineSpec(
        model=model, pipeline=str(pipeline) if pipeline else None, kb=tuple(str(p) for p in kb or ()), until=until
    )
    try:
        if dask:
            check_dask_address(dask)
    except ValueError as err:
        raise fail(str(err)) from err
    try:
        return Backend(spec.build(), spec, workers, dask)
    except ModelNotFound as err:
        raise fail(str(err)) from err
    except (OSError, ValueError, yaml.YAMLError) as err:
        raise fail(f"cannot build the pipeline: {str(err).splitlines()[0]}") from err


@dataclass
class Remarks:
    """What the closing lines tell besides the counts, input by input."""

    notes: list[str] = field(default_factory=list)  # kept but not analysed: not in English
    warnings: list[str] = field(default_factory=list)  # read, with something in it ignored
    failures: list[str] = field(default_factory=list)  # not read or not analysed: exit code 1


def _records(
    paths: list[str],
    backend: Backend,
    remarks: Remarks,
    keep: Callable[[Iterable[Document]], Iterator[Document]] = iter,
) -> Iterator[ArticleRecord]:
    """Records of the inputs, streamed under a progress bar; what went wrong is added to ``remarks``."""

    def documents() -> Iterator[Document]:
        for item in read_inputs(paths):
            if isinstance(item, IngestError):
                remarks.failures.append(str(item))
            elif isinstance(item, IngestWarning):
                remarks.warnings.append(str(item))
            else:
                yield item

    with _progress() as progress:
        task = progress.add_task("analysing", total=None)

        def piece(name: str, n: int, total: int) -> None:  # a long document is analysed in pieces
            progress.update(task, description=f"analysing {name}: piece {n} of {total}")

        for result in backend.results(keep(documents()), piece):
            progress.update(task, advance=1, description="analysing")
            if isinstance(result, ProcessError):
                remarks.failures.append(str(result))
                continue
            if result.document.language != ENGLISH:
                remarks.notes.append(f"{result.document.name}: {not_analysed(result.document.language)}")
            yield result


def _export(paths: list[str], out: Path, backend: Backend, to_json: Callable[[ArticleRecord], dict[str, Any]]) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise fail(f"cannot create {out}: {err.strerror or err}") from err
    remarks = Remarks()
    written: set[str] = set()
    for record in _records(paths, backend, remarks):
        name = _unique(file_stem(record.document.name), written)
        target = out / f"{name}.json"
        target.write_text(json.dumps(to_json(record), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _summary(f"{len(written)} written to {out}", remarks)


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3`` ... when two inputs share a name; records it as taken."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(candidate)
    return candidate


def _summary(done: str, remarks: Remarks) -> None:
    """The closing lines on stderr (notes, warnings, failures, then the counts); exit 1 if any input failed."""
    for kind, lines in (("note", remarks.notes), ("warning", remarks.warnings), ("failed", remarks.failures)):
        for line in lines:
            _say(f"{kind}: {printable(line, one_line=True)}")
    unanalysed = f", {len(remarks.notes)} not in English" if remarks.notes else ""
    failed = f", {len(remarks.failures)} failed" if remarks.failures else ""
    _say(f"{done}{unanalysed}{failed}")
    if remarks.failures:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _say(text: str, nl: bool = True) -> None:
    """Text for the user on stderr; control characters from inputs are shown as escapes, never acted on."""
    typer.echo(printable(text), err=True, nl=nl)


def _write(chunks: Iterable[str]) -> None:
    for chunk in chunks:
        sys.stdout.write(printable(chunk))
    sys.stdout.flush()


class _RateColumn(ProgressColumn):
    """Documents per second (Rich's own speed column counts bytes)."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.completed:.0f} docs · {task.speed or 0:.1f} docs/s")


def _progress() -> Progress:
    """A progress bar on stderr, shown only when both output streams are terminals."""
    console = Console(stderr=True)
    interactive = sys.stdout.isatty() and console.is_terminal
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        _RateColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not interactive,
    )


def main() -> None:
    """Console entry point (Ctrl-C exits with 130; stored documents stay whole, a re-run completes the rest).

    Anything unforeseen (a bug, a database server going away) ends in one
    line and exit code 3; ``COUNTERCLAIM_DEBUG=1`` shows the traceback.
    """
    try:
        app(prog_name="counterclaim")
    except Exception as err:
        if os.environ.get(DEBUG_ENV):
            raise
        _say(f"error: {_unexpected(err)} (set {DEBUG_ENV}=1 for the traceback)")
        sys.exit(EXIT_UNEXPECTED)


def _unexpected(err: Exception) -> str:
    """An unforeseen error in one line: a database's own message, else the error's type and first line."""
    if isinstance(err, SQLAlchemyError):
        return f"database error: {first_line(err)}"
    return f"unexpected {type(err).__name__}: {first_line(err)}"


if __name__ == "__main__":
    main()
