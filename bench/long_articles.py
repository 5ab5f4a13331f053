"""Seconds and peak memory of one long article against its length: the cost per character must stay flat.

Long documents (reports, transcripts, the text of a PDF) are analysed in
bounded pieces, so time should grow linearly with length and memory should
stop growing once an article is longer than a piece. For each length this
writes one article of about that many characters (the project's own corpus,
``tests/corpus/*/*.txt``, joined by blank lines, repeated as needed and cut at
a paragraph boundary), runs ``counterclaim extract`` on it in a fresh process
and prints wall and CPU seconds, peak RSS, and the cost per character after
subtracting the start-up cost (the time of a one-paragraph article). On a
shared machine the CPU figures are the steadier ones.

    .venv/bin/python bench/long_articles.py                      # 10 KB to 2 MB
    .venv/bin/python bench/long_articles.py --sizes 10000 1000000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000)


def article(length: int) -> str:
    """About ``length`` characters of news text, whole paragraphs, from the project's own corpus."""
    paragraphs = [
        p.strip()
        for path in sorted((ROOT / "tests" / "corpus").glob("*/*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    out: list[str] = []
    size = 0
    while size < length:
        for p in paragraphs:
            if size >= length:
                break
            out.append(p)
            size += len(p) + 2
    return "\n\n".join(out)


def run(path: Path, out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS in MiB of ``counterclaim extract path`` in a child process."""
    cmd = [sys.executable, "-m", "counterclaim.cli", "extract", str(path), "--out", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"extract failed on {path.name}: {proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="article lengths in characters")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cc-long-") as tmp:
        folder = Path(tmp)
        base = folder / "startup.txt"
        base.write_text(article(1), encoding="utf-8")
        startup, startup_cpu, startup_rss = run(base, folder / "out")
        print(f"start-up (one paragraph): {startup:.1f} s ({startup_cpu:.1f} s CPU), peak RSS {startup_rss:.0f} MiB")
        print(f"{'characters':>10} {'seconds':>8} {'CPU s':>7} {'peak RSS':>9} {'µs/char':>8} {'CPU µs/char':>11}")
        for length in args.sizes:
            path = folder / f"long-{length}.txt"
            text = article(length)
            path.write_text(text, encoding="utf-8")
            seconds, cpu, peak = run(path, folder / "out")
            per_char, cpu_per_char = (seconds - startup) / len(text) * 1e6, (cpu - startup_cpu) / len(text) * 1e6
            sizes = f"{len(text):>10,} {seconds:>8.1f} {cpu:>7.1f} {peak:>5.0f} MiB"
            print(f"{sizes} {per_char:>8.1f} {cpu_per_char:>11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
