"""Throughput of counterclaim against the bare spaCy parse, on one corpus.

`make bench` calls this. Each phase runs in a fresh process on the same texts
with the same model, so the figures include what a user pays (model load,
reading files) and peak memory is the phase's own:

* ``bare``    -- ``nlp.pipe`` with the spaCy model alone;
* ``extract`` -- ``counterclaim extract`` (every component, no store);
* ``analyze`` -- ``counterclaim analyze`` into a fresh SQLite file.

It prints the time a fresh process takes to load the knowledge base (every
command pays it once), documents/s, tokens/s and peak RSS per phase and, last, the line
``ratio analyze/bare: X.XX`` (throughput of analyze over the bare parse).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bare_parse(corpus: Path, model: str | None, batch_size: int) -> None:
    """Child process: parse every text with the model alone; print the token count."""
    from counterclaim.nlp import load_model

    nlp = load_model(model)
    texts = (p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    print(json.dumps({"tokens": tokens}))


def timed(cmd: list[str], workdir: Path) -> tuple[float, float, str]:
    """Run ``cmd`` in a child; wall seconds, that child's own peak RSS in MiB, its stdout."""
    out_path, err_path = workdir / "phase.out", workdir / "phase.err"
    with out_path.open("w") as out, err_path.open("w") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: some input was rejected, the figures still stand
        sys.stderr.write(err_path.read_text())
        raise SystemExit(f"benchmark phase failed ({code}): {' '.join(cmd)}")
    return seconds, usage.ru_maxrss / 1024, out_path.read_text()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--corpus", type=Path, help="folder of .txt files (default: PolNeAR train texts)")
    ap.add_argument("--model", default=os.environ.get("COUNTERCLAIM_MODEL"))
    ap.add_argument("--workers", type=int, default=1, help="--workers passed to extract and analyze")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--phase", choices=("bare",), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    corpus = (args.corpus or args.eval_dir / "polnear" / "train" / "text").resolve()
    if args.phase == "bare":
        bare_parse(corpus, args.model, args.batch_size)
        return 0

    load = "import time; t = time.perf_counter(); from counterclaim.kb import get_kb; get_kb(); "
    load += "print(time.perf_counter() - t)"
    seconds = float(subprocess.run([sys.executable, "-c", load], check=True, capture_output=True, text=True).stdout)
    print(f"knowledge base load: {seconds:.2f} s")
    files = sorted(corpus.glob("*.txt"))
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"corpus: {corpus} ({len(files)} documents, {size_mb:.1f} MB)")
    model_args = ["--model", args.model] if args.model else []
    worker_args = ["--workers", str(args.workers)] if args.workers > 1 else []
    cli = [sys.executable, "-m", "counterclaim.cli"]
    results: dict[str, float] = {}
    tokens = 0
    with tempfile.TemporaryDirectory(prefix="cc-bench-") as tmp:
        phases = {
            "bare": [sys.executable, __file__, "--phase", "bare", "--corpus", str(corpus), *model_args],
            "extract": [*cli, "extract", str(corpus), "--out", f"{tmp}/out", *model_args, *worker_args],
            "analyze": [
                *cli,
                "analyze",
                str(corpus),
                "--db",
                f"sqlite:///{tmp}/bench.db",
                "--no-report",
                *model_args,
                *worker_args,
            ],
        }
        for name, cmd in phases.items():
            seconds, peak, out = timed(cmd, Path(tmp))
            if name == "bare":
                tokens = json.loads(out.strip().splitlines()[-1])["tokens"]
            results[name] = len(files) / seconds
            print(
                f"{name:<8} {seconds:8.1f} s  {len(files) / seconds:8.1f} docs/s  "
                f"{tokens / seconds:9.0f} tokens/s  peak RSS {peak:7.0f} MiB",
                flush=True,
            )
    print(f"ratio extract/bare: {results['extract'] / results['bare']:.2f}")
    print(f"ratio analyze/bare: {results['analyze'] / results['bare']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
