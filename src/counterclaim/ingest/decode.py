"""Bytes to text: byte-order marks, UTF-8, then charset detection, and a binary check.

News archives come in every encoding (latin-1 pages, UTF-16 exports from word
processors); guessing wrongly garbles names, and decoding a PDF or an image
as cp1252 yields nonsense that the pipeline would happily analyse. So text that
is mostly control characters is rejected as binary instead.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from counterclaim.ingest.errors import InputRejected

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Share of control characters (other than tab, newline, carriage return, form feed) above which text is binary.
MAX_CONTROL_SHARE = 0.01

_ALLOWED_CONTROLS = frozenset("\t\n\r\f")


def decode_bytes(raw: bytes) -> str:
    """Decode ``raw`` to text, or raise :class:`InputRejected` for empty or binary input."""
    if not raw.strip():
        raise InputRejected("empty input")
    text = _decode(raw)
    if _looks_binary(text):
        raise InputRejected("binary content, not text")
    return text


def _decode(raw: bytes) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputRejected(f"invalid {encoding} after its byte-order mark") from err
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise InputRejected("binary content or unknown character encoding")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    return "\x00" in sample or controls > MAX_CONTROL_SHARE * len(sample)
