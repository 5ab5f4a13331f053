"""Document names: one printable line in the store, and a safe file name for exports.

A name comes from a file's stem or from a JSONL ``name`` the user does not
control (a feed, a scraper). Stored and shown, it is one line with control
characters escaped (see ``printable.py``). Written as ``extract --out
DIR/NAME.json``, it must stay a plain file inside ``DIR``: no path separator,
no ``..``, no hidden file, not too long for the file system.
"""

from __future__ import annotations

import re
import unicodedata

from counterclaim.printable import printable

#: Longest name stored (the store's column holds 500 characters; a name is for a person to read).
MAX_NAME_CHARS = 200
#: Longest file-name stem written, in UTF-8 bytes: room for ``-NN.json`` under the usual 255-byte limit.
MAX_STEM_BYTES = 200
#: Characters no file name gets: separators and what Windows reserves.
_UNSAFE = re.compile(r'[/\\:*?"<>|]')


def document_name(raw: str) -> str:
    """A name as stored and shown: one line, control characters escaped, outer blanks dropped, not too long."""
    name = printable(raw.strip(), one_line=True)
    return name if len(name) <= MAX_NAME_CHARS else name[: MAX_NAME_CHARS - 1] + "…"


def file_stem(name: str) -> str:
    """A stem for ``name``'s file that stays inside the output folder: ``../x`` -> ``_x``, ``/tmp/x`` -> ``_tmp_x``."""
    stem = _UNSAFE.sub("_", "".join("_" if unicodedata.category(c)[0] == "C" else c for c in name))
    stem = stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", errors="ignore")
    return stem.lstrip(". ").rstrip(". ") or "document"
