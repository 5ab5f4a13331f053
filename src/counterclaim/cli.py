"""The ``counterclaim`` command line: analyze, extract, attributions, report, events, event, export, serve,
watch, rules.

User mistakes (a missing file, an unknown model, a bad database URL) end in
one line and an exit code, never a traceback: 1 when some inputs could not be
processed (after processing all the others), 2 for usage errors and anything
that stops the command from starting, 3 for an unforeseen error.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import threading
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
    events_to_json,
    find_document,
    merge_decision,
    move_decision,
    split_decision,
)
from counterclaim.export import FORMATS, ExportCounts, ExportError, write_export
from counterclaim.ingest import IngestError, IngestWarning, read_inputs
from counterclaim.ingest.fetch import FetchPolicy, is_url
from counterclaim.ingest.language import not_analysed
from counterclaim.ingest.names import file_stem
from counterclaim.nlp import ModelNotFound, PieceProgress
from counterclaim.nlp.statement.rules.registry import RuleConfigError, check_names, rule_table
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
    list[str],
    typer.Argument(help="Files (.txt, .html, .jsonl), directories (read recursively), http(s) URLs, or - for stdin."),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Let URLs reach private, loopback and link-local addresses (refused by default; metadata never).",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline name or path (default: $COUNTERCLAIM_MODEL, else the small model)."),
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--kb",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="Extra knowledge-base YAML (actors, aliases); repeatable.",
    ),
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
#: Short metavars (FORMAT, FILE, N) keep the help column of an 80-column terminal wide enough that no default is
#: cut off; the layouts are named in the help text instead.
FormatOption = Annotated[
    ReportFormat, typer.Option("--format", metavar="FORMAT", help="Report layout: text, markdown, json or html.")
]
EventArgument = Annotated[str, typer.Argument(help="An event id, as `counterclaim events` lists it.")]
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", min=1, help=f"Events listed (default: {TEXT_PAGE} in text and Markdown, all in JSON)."),
]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Events skipped before the listed ones.")]
WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers", min=1, metavar="N", help="Processes running the NLP (this process stays the only writer)."
    ),
]
DisableRuleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--disable-rule",
        metavar="RULE",
        help="Switch a statement rule off (e.g. act.vow); repeatable. `counterclaim rules` lists them.",
    ),
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


@app.command(
    epilog="Example: counterclaim analyze articles/ feed.jsonl https://news.example/story.html --db attacks.db"
)
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
    allow_private: AllowPrivateOption = False,
    disable_rule: DisableRuleOption = None,
) -> None:
    """Read articles, extract their records, store them, group them into events, and print the events' reports.

    Documents already in the store (same text) are skipped, so re-running a
    command that was interrupted completes the rest. Each event the inputs
    belong to is summarised on stderr (who claimed, confirmed, accused), then
    its narrative report is printed.
    """
    store = _open_store(db, create=True)
    try:
        backend = _backend(model, kb, pipeline, workers=workers, dask=dask, disabled_rules=disable_rule)
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

        records = _records(paths, backend, remarks, fresh, allow_private=allow_private)
        for batch in batched(records, DEFAULT_BATCH_SIZE):
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
    allow_private: AllowPrivateOption = False,
    disable_rule: DisableRuleOption = None,
) -> None:
    """Write each input's record in the evaluation format to OUT/NAME.json (no database)."""
    backend = _backend(model, kb, pipeline, workers=workers, dask=dask, disabled_rules=disable_rule)
    _export(paths, out, backend, to_eval, allow_private)


@app.command(epilog="Example: counterclaim attributions articles/ --out spans/")
def attributions(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", help="Folder for NAME.json files (created if missing).")],
    model: ModelOption = None,
    kb: KbOption = None,
    pipeline: PipelineOption = None,
    workers: WorkersOption = 1,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Write each input's reported-speech spans (source, cue, content) to OUT/NAME.json (no database)."""
    backend = _backend(model, kb, pipeline, until="cc_attributions", workers=workers)
    _export(paths, out, backend, attributions_to_eval, allow_private)


@app.command(epilog="Example: counterclaim rules && counterclaim extract articles/ --out out/ --disable-rule act.vow")
def rules() -> None:
    """List the statement rules in the order they are tried: kind, name, the lexicon keys that start it, what it reads.

    Within a kind the first rule that fires wins. The keys are lists of
    lexicons/stance.yaml; a rule without keys is tried on every word (or phrase,
    act, report) of its kind. A statement's evidence names the rules that shaped it.
    """
    for row in rule_table():
        keys = ", ".join(row["keys"]) or "-"
        typer.echo(f"{row['order']:>3}  {row['name']:<32} {keys:<56} {row['summary']}")


@app.command(epilog="Example: counterclaim report --db attacks.db --event ev-1a2b3c4d5e6f --out kerman.html")
def report(
    db: DbOption = None,
    event: Annotated[str | None, typer.Option("--event", help="The narrative report of this event.")] = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="Report layout: text, markdown, json or html (default: from --out's suffix, else text).",
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
) -> None:
    """Without --event, list the events with who claimed, confirmed and accused (then documents in no event);
    with --event, print that event's narrative: its brief, then claims, the bloc matrix, divergences, silences,
    timeline and casualties, every line citing numbered evidence notes."""
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


ExportChoice = StrEnum("ExportChoice", {name: name for name in FORMATS})  # type: ignore[misc]


EXPORT_HELP = "\n\n".join(
    [
        "Export the store for other tools: STIX 2.1 (OpenCTI, MISP), CSV, JSON Lines, a GTD-style table, "
        "GraphML, GEXF.",
        "Every format carries the statements' CAMEO codes and PLOVER categories; ids are stable, so exporting again "
        "names the same things the same way. Fields of each format: docs/exports.md.",
        *(f"{f.name}: {f.description}." for f in FORMATS.values()),
    ]
)


@app.command(
    "export",
    help=EXPORT_HELP,
    epilog="Example: counterclaim export --format stix --event ev-1a2b3c4d5e6f --out kerman.stix.json --db attacks.db",
)
def export_(
    fmt: Annotated[ExportChoice, typer.Option("--format", help="Output format (see above).", case_sensitive=False)],
    out: Annotated[
        str, typer.Option("--out", help="File to write; for csv a folder (or a .zip file); - for standard output.")
    ],
    event: Annotated[str | None, typer.Option("--event", help="Export this event only (default: everything).")] = None,
    db: DbOption = None,
) -> None:
    chosen = FORMATS[ExportChoice(fmt).value]
    store = _open_store(db, create=False)
    counts = ExportCounts()
    try:
        total = 1 if event else store.event_count() + len(store.unassigned_document_ids())
        with _progress() as progress:
            task = progress.add_task(f"exporting {chosen.name}", total=total)
            counts.listener = lambda _unit: progress.advance(task)
            written = write_export(store, chosen.name, out, event, counts)
    except UnknownEvent as err:
        raise fail(f"no event {event!r} in {store.display_url}") from err
    except ExportError as err:
        raise fail(str(err)) from err
    except OSError as err:
        raise fail(f"cannot write {out}: {err.strerror or err}") from err
    finally:
        store.close()
    where = f" to {written[0] if len(written) == 1 else Path(out)}" if written else ""
    typer.echo(f"{chosen.name}: {counts} exported{where}", err=True)


@app.command(epilog="Example: counterclaim serve --db attacks.db   # then open http://127.0.0.1:8000")
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; beyond loopback, writes need the token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free port).")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="COUNTERCLAIM_TOKEN",
            help="Token the write endpoints (ingest, event corrections) require; generated and printed when "
            "listening beyond loopback without one.",
        ),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Let URLs posted for analysis reach private, loopback and link-local addresses (metadata never).",
        ),
    ] = False,
    allow_network: Annotated[
        list[str] | None,
        typer.Option("--allow-network", help="A network (CIDR) URLs posted for analysis may reach; repeatable."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Server processes on the port (one per core serves many analysts at once; each has its own cache).",
        ),
    ] = 1,
) -> None:
    """Start the analyst workbench over the store: web pages (events, event reports, documents with their
    evidence highlighted, actors, search, a form to analyse an article) and a REST API (OpenAPI at /docs)."""
    from counterclaim.ingest.fetch import parse_networks
    from counterclaim.store import browse
    from counterclaim.web import WebSettings, create_app
    from counterclaim.web.server import ListenError, listen
    from counterclaim.web.server import serve as run_server
    from counterclaim.web.settings import is_loopback

    try:
        networks = parse_networks(allow_network or [])
    except ValueError as err:
        raise fail(str(err)) from err
    generated = not token and not is_loopback(host)
    token = token or (secrets.token_urlsafe(24) if generated else None)
    try:
        sock = listen(host, port, shared=workers > 1)
    except ListenError as err:
        raise fail(str(err)) from err
    store = _open_store(db, create=True)
    settings = WebSettings(
        db=store.display_url, host=host, port=port, token=token, allow_private=allow_private, allowed_networks=networks
    )
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"counterclaim workbench on http://{shown}:{bound}/ (API: /docs) serving {store.display_url}", err=True)
    if not store.read(browse.documents, browse.Filters(), 1, 0).total:
        typer.echo("it is empty: add articles with `counterclaim analyze PATH --db ...`, or at /analyse", err=True)
    if generated:
        typer.echo(f"write token (send as 'Authorization: Bearer TOKEN'): {token}", err=True)
    typer.echo("Ctrl-C stops it.", err=True)
    if workers == 1:
        run_server(lambda: create_app(settings, store), sock)
        return
    url = store.url.render_as_string(hide_password=False)
    store.close()  # each worker opens its own connections
    run_server(lambda: create_app(settings, Store(url, create=False)), sock, workers)


@app.command(
    epilog="Example: counterclaim watch https://news.example/world/rss.xml --feeds feeds.txt --interval 10m "
    "--alerts alerts.jsonl --db attacks.db"
)
def watch(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Feeds (RSS, Atom) or single pages to watch; none: every feed the store already watches.",
            show_default=False,
        ),
    ] = None,
    feeds: Annotated[
        Path | None,
        typer.Option(
            "--feeds", exists=True, dir_okay=False, help="A file of feed URLs, one a line (# comments), or OPML."
        ),
    ] = None,
    interval: Annotated[str, typer.Option("--interval", help="Time between passes: 90, 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron and tests).")] = False,
    alerts: Annotated[
        Path | None, typer.Option("--alerts", dir_okay=False, help="Append each alert as a JSON line to this file.")
    ] = None,
    webhook: Annotated[
        str | None, typer.Option("--webhook", help="POST each alert as JSON to this URL (retried with back-off).")
    ] = None,
    host_delay: Annotated[float, typer.Option("--host-delay", min=0, help="Seconds between requests to a host.")] = 1.0,
    retries: Annotated[
        int, typer.Option("--retries", min=0, help="Tries again after a timeout, 429 or 5xx, waiting 1 s, 2 s, 4 s ...")
    ] = 3,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a server's answer.")] = 10.0,
    db: DbOption = None,
    model: ModelOption = None,
    kb: KbOption = None,
    pipeline: PipelineOption = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Watch feeds and pages: analyse each new or revised article into the store, and alert when an event gains
    a claim, accusation, confirmation or denial, or a casualty figure changes.

    Each pass polls every feed (an unchanged one costs a 304), fetches the
    articles it has not seen, skips texts already stored and syndicated copies
    of them (kept as extra sources), analyses and groups the rest as `analyze`
    does, and prints an alert line per change (also to --alerts and
    --webhook). The state lives in the store: a restart goes on where the last
    run stopped, fetching nothing twice. Ctrl-C (or SIGTERM) stops after the
    article in hand.
    """
    from counterclaim.watch import Alerts, Backoff, JsonlSink, TerminalSink, Watcher, WatchOptions, WebhookSink
    from counterclaim.watch.feeds import MAX_URL_LENGTH, read_feed_list
    from counterclaim.watch.loop import log_to_stderr, parse_duration
    from counterclaim.watch.state import WatchState

    try:
        seconds = parse_duration(interval)
        urls = [*(sources or []), *(read_feed_list(feeds) if feeds else [])]
    except (OSError, ValueError) as err:
        raise fail(str(err)) from err
    if bad := [u for u in urls if not is_url(u) or len(u) > MAX_URL_LENGTH]:
        raise fail(f"not an http(s) URL of at most {MAX_URL_LENGTH} characters: {bad[0][:100]}")
    if webhook is not None and not is_url(webhook):
        raise fail(f"--webhook needs an http(s) URL, not {webhook!r}")
    if alerts is not None:
        try:
            alerts.open("a", encoding="utf-8").close()
        except OSError as err:
            raise fail(f"cannot write {alerts}: {err.strerror or err}") from err
    store = _open_store(db, create=True)
    options = WatchOptions(
        policy=FetchPolicy(allow_private=allow_private, read_timeout=timeout, connect_timeout=min(timeout, 5.0)),
        host_interval=host_delay,
        backoff=Backoff(attempts=retries + 1),
    )
    stop = threading.Event()
    sinks: list[Any] = [TerminalSink()]
    sinks += [JsonlSink(alerts)] if alerts else []
    sinks += [WebhookSink(webhook, options.backoff, stop)] if webhook else []
    sink = Alerts(sinks)
    try:
        if not urls and not WatchState(store.engine).feeds():
            raise fail("nothing to watch: name feeds or pages, or --feeds FILE")
        watcher = Watcher(store, _backend(model, kb, pipeline).results, sink, options, stop)
        with log_to_stderr():
            summary = watcher.run(urls, seconds, once=once)
    finally:
        sink.close()
        store.close()
    if not once:
        typer.echo(f"in all: {summary.line()}", err=True)
    if once and summary.failures:
        raise typer.Exit(EXIT_FAILED_INPUTS)


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
        try:
            decision, changed = store.decide(make)
        except UnknownEvent as err:
            raise fail(f"{err.args[0]} in {store.display_url}") from err
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
    disabled_rules: list[str] | None = None,
) -> Backend:
    spec = PipelineSpec(
        model=model,
        pipeline=str(pipeline) if pipeline else None,
        kb=tuple(str(p) for p in kb or ()),
        until=until,
        disabled_rules=tuple(disabled_rules or ()),
    )
    try:
        if dask:
            check_dask_address(dask)
        check_names(spec.disabled_rules)
    except (ValueError, RuleConfigError) as err:
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
    allow_private: bool = False,
) -> Iterator[ArticleRecord]:
    """Records of the inputs, streamed under a progress bar; what went wrong is added to ``remarks``.

    URLs are fetched under the default policy (public addresses only) unless ``allow_private``.
    """
    policy = FetchPolicy(allow_private=allow_private)

    def documents() -> Iterator[Document]:
        for item in read_inputs(paths, policy):
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


def _export(
    paths: list[str],
    out: Path,
    backend: Backend,
    to_json: Callable[[ArticleRecord], dict[str, Any]],
    allow_private: bool = False,
) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise fail(f"cannot create {out}: {err.strerror or err}") from err
    remarks = Remarks()
    written: set[str] = set()
    for record in _records(paths, backend, remarks, allow_private=allow_private):
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
