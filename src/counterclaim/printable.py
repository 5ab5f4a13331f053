"""Text made safe to print: control characters shown as escapes, so no input can clear a screen or forge a line.

Document names, file paths and quoted article text reach the terminal. An
escape sequence among them (``ESC[2J``) would act on the terminal, a carriage
return or newline would let a name print what looks like a line of our own
("failed: ..."), and a bidirectional override would reorder what is shown.
Such characters are printed as escapes (``\\x1b``, ``\\n``, ``\\u202e``, also
valid inside a JSON string) instead; everything else, any script included,
is unchanged.
"""

from __future__ import annotations

from functools import cache

#: Format characters that reorder displayed text (bidirectional embeddings, overrides and isolates).
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
#: The escapes that read better than a code.
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


@cache
def _table(one_line: bool) -> dict[int, str]:
    controls = [*range(0x00, 0x20), *range(0x7F, 0xA0), *_BIDI]
    kept = set() if one_line else {ord("\n"), ord("\t")}
    # \u beyond ASCII controls: JSON output (which escapes only those) stays valid JSON
    return {c: _NAMED.get(chr(c), f"\\x{c:02x}" if c < 0x20 else f"\\u{c:04x}") for c in controls if c not in kept}


def printable(text: str, one_line: bool = False) -> str:
    """``text`` with control characters escaped; line breaks and tabs too when ``one_line``."""
    return text.translate(_table(one_line))
