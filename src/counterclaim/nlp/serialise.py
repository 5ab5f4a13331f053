"""msgpack hooks that let spaCy serialise Docs our components have filled.

``Doc.to_bytes()`` writes ``doc.user_data`` with srsly's msgpack, which knows
neither our pydantic records (the values of ``doc._.statements`` and the
other extensions) nor dates. Without these hooks ``nlp.pipe(n_process=2)``
with a counterclaim component fails in the worker. Records are written as
tagged JSON-ready dicts and rebuilt on reading; the per-doc memos
(:mod:`counterclaim.nlp.doccache`) are written as nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import srsly
from pydantic import BaseModel

from counterclaim import records
from counterclaim.nlp.doccache import DocCache

_RECORD = "__counterclaim_record__"
_DATE = "__counterclaim_date__"


def encode(obj: Any, chain: Any = None) -> Any:
    """msgpack ``default`` hook: records and dates to tagged dicts, memos to None; anything else down the chain."""
    if isinstance(obj, DocCache):
        return None
    if isinstance(obj, BaseModel) and getattr(records, type(obj).__name__, None) is type(obj):
        return {_RECORD: type(obj).__name__, "data": obj.model_dump(mode="json")}
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return {_DATE: obj.isoformat()}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Any = None) -> Any:
    """msgpack ``object_hook``: the tagged dicts of :func:`encode` back to records and dates."""
    if isinstance(obj, dict):
        if _RECORD in obj:
            return getattr(records, obj[_RECORD]).model_validate(obj["data"])
        if _DATE in obj:
            return dt.date.fromisoformat(obj[_DATE])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("counterclaim", func=encode)
srsly.msgpack_decoders.register("counterclaim", func=decode)
