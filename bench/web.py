"""Latency of the workbench under load, and the server's memory over many requests.

Serves a store of 10,000 synthetic documents (``bench/synthetic.py``, built
once and cached under /tmp, its events' narratives kept as ``counterclaim
analyze`` keeps them) with ``counterclaim serve`` on a loopback port,
then, with 20 concurrent clients (each sending its next request as soon as
its last is answered), times what an analyst waits for: the events list
(random pages), an event's page (random events) and a search (a rotation of
queries), each page as HTML and as the API's JSON. Figures are percentiles
of the latency each client saw; the target is a 95th percentile under
200 ms. Then 10,000 mixed requests, with the server's resident memory
sampled every 500: it should be flat. Printed, never asserted.

    python bench/web.py                 # 10,000 documents, 20 clients, 1,000 requests per figure
    python bench/web.py --requests 300  # a quicker look
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote_plus
from urllib.request import urlopen

from sqlalchemy import select

from counterclaim.store import Store, schema

sys.path.insert(0, str(Path(__file__).resolve().parent))
from queries import DEFAULT_DB, SEARCHES, ensure_store

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
TARGET_MS = 200
PAGE = 50

Request = Callable[[random.Random], str]


def start_server(db: str, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """``counterclaim serve`` on a free loopback port (with ``workers`` server processes); its process and base URL."""
    command = [COUNTERCLAIM, "serve", "--db", db, "--port", "0", "--workers", str(workers)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, bufsize=1)
    assert server.stderr is not None
    for line in server.stderr:
        found = re.search(r"on (http://\S+?)/ ", line)
        if found:
            return server, found.group(1)
    raise RuntimeError(f"the server did not start (exit {server.wait()})")


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (the workers of ``serve --workers``), from /proc."""
    total = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1]) / 1024
    for task in Path(f"/proc/{pid}/task").iterdir():
        total += sum(rss_mib(int(child)) for child in (task / "children").read_text().split())
    return total


def cache_mib(base: str) -> float:
    """The size of the server's page cache, from /api/health."""
    with urlopen(f"{base}/api/health") as answer:
        return json.load(answer)["cache"]["bytes"] / 2**20


async def load(base: str, make: Request, count: int, clients: int, seed: int = 0) -> tuple[list[float], float]:
    """``count`` requests from ``clients`` concurrent clients; each latency (ms) and the wall time (s).

    Each client is one keep-alive HTTP/1.1 connection driven by a minimal
    reader on asyncio streams: a full HTTP client library in the same
    process costs more CPU per request than the server's cached answers and
    would measure itself.
    """
    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    left = count

    async def client(n: int) -> None:
        nonlocal left
        rng = random.Random(seed * 1000 + n)
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while left > 0:
                left -= 1
                path = make(rng)
                start = time.perf_counter()
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                length = int(re.search(rb"content-length: (\d+)", head, re.IGNORECASE).group(1))
                body = await reader.readexactly(length)
                latencies.append((time.perf_counter() - start) * 1000)
                if not head.startswith(b"HTTP/1.1 200"):
                    raise RuntimeError(f"{path}: {head.splitlines()[0].decode()} {body[:200]!r}")
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    return latencies, time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(label: str, latencies: list[float], seconds: float) -> None:
    p50, p95, p99 = (percentile(latencies, s) for s in (0.50, 0.95, 0.99))
    flag = "ok" if p95 < TARGET_MS else f"over {TARGET_MS} ms"
    print(
        f"{label:<34} p50 {p50:6.1f}  p95 {p95:6.1f}  p99 {p99:6.1f}  max {max(latencies):6.1f} ms  "
        f"{len(latencies) / seconds:6.0f} req/s  {flag}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--count", type=int, default=10_000, help="documents in the store")
    ap.add_argument("--db", type=Path, help="SQLite file of the store (default: /tmp, cached)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--workers", type=int, default=1, help="server processes (counterclaim serve --workers)")
    ap.add_argument("--requests", type=int, default=1000, help="requests per figure")
    ap.add_argument("--soak", type=int, default=10_000, help="mixed requests of the memory run")
    args = ap.parse_args(argv)

    url = ensure_store(args.db or Path(str(DEFAULT_DB).format(n=args.count)), args.count)
    with Store(url) as store, store.engine.connect() as conn:
        events = list(conn.execute(select(schema.events.c.id)).scalars())
    pages = max(1, (len(events) + PAGE - 1) // PAGE)
    server, base = start_server(url, args.workers)
    try:
        kinds: dict[str, Request] = {
            "events list (HTML, random page)": lambda r: f"/?offset={r.randrange(pages) * PAGE}",
            "event page (HTML, random event)": lambda r: f"/events/{r.choice(events)}",
            "search (HTML)": lambda r: f"/search?q={quote_plus(r.choice(SEARCHES))}",
            "events list (API)": lambda r: f"/api/events?offset={r.randrange(pages) * PAGE}",
            "event (API, narrative)": lambda r: f"/api/events/{r.choice(events)}",
            "search (API)": lambda r: f"/api/search?q={quote_plus(r.choice(SEARCHES))}",
        }
        start = time.perf_counter()
        warm, _ = asyncio.run(load(base, lambda r: f"/?offset={r.randrange(pages) * PAGE}", pages * 3, 4))
        print(
            f"server on {base}, {len(events)} events; warm-up: {len(warm)} listing pages in "
            f"{time.perf_counter() - start:.1f} s (consensus cached; first page {warm[0]:.0f} ms cold)",
            flush=True,
        )
        rss = rss_mib(server.pid)
        print(f"{args.clients} concurrent clients, {args.requests} requests per line; server RSS {rss:.0f} MiB")
        for label, make in kinds.items():
            report(label, *asyncio.run(load(base, make, args.requests, args.clients)))
        mixed = list(kinds.values())
        samples, cached = [rss_mib(server.pid)], [cache_mib(base)]
        step = 500
        for n in range(0, args.soak, step):
            asyncio.run(load(base, lambda r: r.choice(mixed)(r), step, args.clients, seed=n))
            samples.append(rss_mib(server.pid))
            cached.append(cache_mib(base))
        growth = samples[-1] - samples[2] if len(samples) > 2 else float("nan")
        print(f"memory over {args.soak} mixed requests (RSS MiB every {step}): {' '.join(f'{s:.0f}' for s in samples)}")
        print(f"of which kept answers (page cache, MiB):            {' '.join(f'{c:.0f}' for c in cached)}")
        print(
            f"RSS from request 1,000 to {args.soak:,}: {growth:+.1f} MiB (cache {cached[-1] - cached[2]:+.1f} MiB); "
            f"spread {max(samples[2:]) - min(samples[2:]):.1f} MiB; median {statistics.median(samples):.0f} MiB"
        )
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
