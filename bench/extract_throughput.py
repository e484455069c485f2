"""Extraction throughput on ../shared/corpus/real, against the floor of merely reading
and NFC-normalising the same files. One process, one core.

    .venv/bin/python bench/extract_throughput.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from pathlib import Path

from vbgraph.ingest import extract_text
from vbgraph.ingest.files import iter_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each pass; the best is reported")
    ap.add_argument("--root", default=str(SHARED / "corpus" / "real"))
    args = ap.parse_args()
    root = Path(args.root)
    if not root.is_dir():
        sys.exit(f"bench: {root} is absent")
    paths = [p for p in iter_paths([root]) if p.suffix == ".txt"]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nbytes = sum(p.stat().st_size for p in paths)
    extract_text(texts[0])  # load tables and gazetteer once, outside the timing

    def floor() -> None:
        for p in paths:
            unicodedata.normalize("NFC", p.read_bytes().decode("utf-8"))

    def extract() -> None:
        for p in paths:
            extract_text(p.read_bytes().decode("utf-8"), source=p.name)

    best = {}
    for name, fn in (("read+NFC", floor), ("extract", extract)):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        best[name] = min(times)
    mb = nbytes / 1e6
    print(f"corpus: {len(paths)} files, {mb:.1f} MB")
    for name, secs in best.items():
        print(f"{name:9} {secs:7.2f} s  {mb / secs:7.1f} MB/s  {len(paths) / secs:8.0f} docs/s")
    print(f"extract / floor time ratio: {best['extract'] / best['read+NFC']:.1f}x")


if __name__ == "__main__":
    main()
