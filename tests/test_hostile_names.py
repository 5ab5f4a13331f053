"""Document names from inputs are made safe (issue 20, item 4).

A JSONL ``name`` or a file name is not trusted: ``extract --out`` writes only
plain files inside its folder, and nothing a name holds (an escape sequence,
a newline that would start a forged ``failed:`` line, a bidirectional
override) reaches the terminal raw. Real commands in real processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

from counterclaim.ingest.names import document_name, file_stem

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
ARTICLE = (
    "A roadside bomb killed four soldiers near the town of Gao on Tuesday, the army said. "
    "No group has claimed the attack."
)
ESC = "\x1b"


def feed(folder: Path, names: list[str]) -> Path:
    """A JSONL feed: one article per name (the text varies so each is its own document), then a bad line."""
    lines = [json.dumps({"name": name, "text": f"{ARTICLE} Report {n}."}) for n, name in enumerate(names)]
    path = folder / "feed.jsonl"
    path.write_text("\n".join([*lines, "not json"]) + "\n", encoding="utf-8")
    return path


def test_extract_never_writes_outside_its_folder(tmp_path: Path) -> None:
    outside = f"/tmp/cc-escape-{uuid.uuid4().hex}"
    names = ["../escaped", outside, "..", "nested/../../deep", "screen\x1b[2Jclear"]
    out = tmp_path / "work" / "out"
    result = subprocess.run(
        [COUNTERCLAIM, "extract", str(feed(tmp_path, names)), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr  # the bad line
    written = sorted(p.name for p in out.iterdir())
    expected = ["_escaped.json", f"_tmp_{Path(outside).name}.json", "document.json", "nested_.._.._deep.json"]
    assert written == sorted([*expected, "screen_x1b[2Jclear.json"]), written
    assert not (tmp_path / "work" / "escaped.json").exists() and not Path(f"{outside}.json").exists()
    assert [p for p in tmp_path.rglob("*.json") if p.parent != out] == []
    assert ESC not in result.stdout + result.stderr


def test_names_reach_the_terminal_escaped_and_cannot_forge_a_line(tmp_path: Path) -> None:
    names = ["wire\nfailed: forged.jsonl: nothing wrong here", "clear\x1b[2J\x1b[Hscreen", "flip\u202etxt.exe"]
    (tmp_path / "in").mkdir()
    bad = tmp_path / "in" / "bin\x1b[31mary.txt"  # a file name on disk is no safer
    bad.write_bytes(b"\x00\x01\x02" * 50)
    command = [COUNTERCLAIM, "analyze", str(feed(tmp_path, names)), str(bad), "--db", str(tmp_path / "s.db")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert ESC not in output and "\u202e" not in output
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2, failed  # the bad JSONL line and the binary file, nothing forged
    assert "wire\\nfailed: forged.jsonl" in output and "clear\\x1b[2J\\x1b[Hscreen" in output
    assert "bin\\x1b[31mary.txt: binary content" in result.stderr


def test_names_are_one_line_and_file_stems_plain() -> None:
    assert document_name("  a\tb\r\nc  ") == "a\\tb\\r\\nc"
    assert len(document_name("x" * 10_000)) == 200
    assert file_stem("../../etc/passwd") == "_.._etc_passwd"
    assert file_stem(".hidden") == "hidden" and file_stem("...") == "document"
    assert file_stem("بيان-١") == "بيان-١"  # any script stays readable
    assert len(file_stem("é" * 500).encode()) <= 200
