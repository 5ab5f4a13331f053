"""The ``counterclaim`` command line: analyze, extract, attributions, report.

User mistakes (a missing file, an unknown model, a bad database URL) end in
one line and an exit code, never a traceback: 1 when some inputs could not be
processed (after processing all the others), 2 for usage errors and anything
that stops the command from starting.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text
from spacy.language import Language

from counterclaim.evalformat import attributions_to_eval, to_eval
from counterclaim.ingest import IngestError, read_inputs
from counterclaim.nlp import ModelNotFound
from counterclaim.parallel import PipelineSpec, check_dask_address, results
from counterclaim.records import ArticleRecord, Document
from counterclaim.report import UnknownEvent, render, reports_from_store
from counterclaim.runner import ProcessError
from counterclaim.store import Store, StoreError

EXIT_FAILED_INPUTS = 1
EXIT_USAGE = 2

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
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (default: $COUNTERCLAIM_DB, else ./counterclaim.db)."),
]
FormatOption = Annotated[ReportFormat, typer.Option("--format", help="Report layout.")]
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

    def results(self, documents: Iterable[Document]) -> Iterator[ArticleRecord | ProcessError]:
        return results(documents, self.nlp, self.spec, self.workers, self.dask)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``message`` as one error line on stderr; the caller raises the returned Exit."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.command(epilog="Example: counterclaim analyze articles/ feed.jsonl --db attacks.db")
def analyze(
    paths: Paths,
    db: DbOption = None,
    model: ModelOption = None,
    kb: KbOption = None,
    fmt: FormatOption = ReportFormat.text,
    report: Annotated[
        bool, typer.Option("--report/--no-report", " /--quiet", help="Print the report of the inputs.")
    ] = True,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
) -> None:
    """Read articles, extract their records, store them, and print the report.

    Documents already in the store (same text) are skipped, so re-running a
    command that was interrupted completes the rest.
    """
    store = _open_store(db, create=True)
    try:
        backend = _backend(model, kb, workers=workers, dask=dask)
        failures: list[str] = []
        counts = {"stored": 0, "already present": 0}
        seen: dict[str, None] = {}

        def fresh(documents: Iterable[Document]) -> Iterator[Document]:
            for document in documents:
                if store.has_document(document.id):
                    counts["already present"] += 1
                    seen[document.id] = None
                else:
                    yield document

        for record in _records(paths, backend, failures, fresh):
            counts["stored" if store.save(record) else "already present"] += 1
            seen[record.document.id] = None
        if report:
            _write(render(reports_from_store(store, document_ids=list(seen)), fmt.value))
    finally:
        store.close()
    _summary(", ".join(f"{n} {what}" for what, n in counts.items()), failures)


@app.command(epilog="Example: counterclaim extract articles/ --out predictions/")
def extract(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", help="Folder for NAME.json files (created if missing).")],
    model: ModelOption = None,
    kb: KbOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
) -> None:
    """Write each input's record in the evaluation format to OUT/NAME.json (no database)."""
    _export(paths, out, _backend(model, kb, workers=workers, dask=dask), to_eval)


@app.command(epilog="Example: counterclaim attributions articles/ --out spans/")
def attributions(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", help="Folder for NAME.json files (created if missing).")],
    model: ModelOption = None,
    kb: KbOption = None,
    workers: WorkersOption = 1,
) -> None:
    """Write each input's reported-speech spans (source, cue, content) to OUT/NAME.json (no database)."""
    _export(paths, out, _backend(model, kb, until="cc_attributions", workers=workers), attributions_to_eval)


@app.command(epilog="Example: counterclaim report --db attacks.db --format markdown > report.md")
def report(
    db: DbOption = None,
    event: Annotated[str | None, typer.Option("--event", help="Only this event (an id from the events table).")] = None,
    fmt: FormatOption = ReportFormat.text,
) -> None:
    """Print what the store holds: per event (or per document), the attack and the statements by stance."""
    store = _open_store(db, create=False)
    try:
        _write(render(reports_from_store(store, event_id=event), fmt.value))
    except UnknownEvent as err:
        raise fail(f"no event {event!r} in {store.display_url}") from err
    finally:
        store.close()


def _open_store(db: str | None, create: bool) -> Store:
    try:
        return Store(db, create=create)
    except StoreError as err:
        raise fail(str(err)) from err


def _backend(
    model: str | None, kb: list[Path] | None, until: str | None = None, workers: int = 1, dask: str | None = None
) -> Backend:
    spec = PipelineSpec(model=model, kb=tuple(str(p) for p in kb or ()), until=until)
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


def _records(
    paths: list[str],
    backend: Backend,
    failures: list[str],
    keep: Callable[[Iterable[Document]], Iterator[Document]] = iter,
) -> Iterator[ArticleRecord]:
    """Records of the inputs, streamed under a progress bar; bad inputs are appended to ``failures``."""

    def documents() -> Iterator[Document]:
        for item in read_inputs(paths):
            if isinstance(item, IngestError):
                failures.append(str(item))
            else:
                yield item

    with _progress() as progress:
        task = progress.add_task("analysing", total=None)
        for result in backend.results(keep(documents())):
            progress.advance(task)
            if isinstance(result, ProcessError):
                failures.append(str(result))
            else:
                yield result


def _export(paths: list[str], out: Path, backend: Backend, to_json: Callable[[ArticleRecord], dict[str, Any]]) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise fail(f"cannot create {out}: {err.strerror or err}") from err
    failures: list[str] = []
    written: set[str] = set()
    for record in _records(paths, backend, failures):
        name = _unique(record.document.name, written)
        target = out / f"{name}.json"
        target.write_text(json.dumps(to_json(record), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _summary(f"{len(written)} written to {out}", failures)


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3`` ... when two inputs share a name; records it as taken."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(candidate)
    return candidate


def _summary(done: str, failures: list[str]) -> None:
    """The closing lines on stderr; exit 1 if any input failed."""
    for failure in failures:
        typer.echo(f"failed: {failure}", err=True)
    failed = f", {len(failures)} failed" if failures else ""
    typer.echo(f"{done}{failed}", err=True)
    if failures:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _write(chunks: Iterable[str]) -> None:
    for chunk in chunks:
        sys.stdout.write(chunk)
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
    """Console entry point (Ctrl-C exits with 130; stored documents stay whole, a re-run completes the rest)."""
    app(prog_name="counterclaim")


if __name__ == "__main__":
    main()
