"""Extraction throughput on ../shared/corpus/real, against the floor of merely reading
and NFC-normalising the same files; then whole `vbgraph extract` processes with
--jobs 1 and --jobs 2.

    .venv/bin/python bench/extract_throughput.py [--repeat 3] [--process-repeat 3]

The first part runs in this process on one core: `extract_text` over every file, and
the floor, each the best of --repeat runs, measured in the same run so that their ratio
holds even when other jobs share the machine. The second times the command a user runs
(start-up, walking, reading, extracting, writing JSON to /dev/null): wall time, best of
--process-repeat runs of each, and the CPU time of the process and its workers.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from vbgraph.ingest import extract_text
from vbgraph.ingest.files import iter_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
VBGRAPH = [sys.executable, "-c", "from vbgraph.app.cli import main; main()"]


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _process(root: Path, jobs: int, repeat: int) -> tuple[float, float]:
    """Best wall time of `vbgraph extract --jobs N root > /dev/null`, and its CPU time then."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([*VBGRAPH, "extract", "--jobs", str(jobs), str(root)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, cpu))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each in-process pass; the best is reported")
    ap.add_argument("--process-repeat", type=int, default=3, help="runs of each whole process; the best is reported")
    ap.add_argument("--root", default=str(SHARED / "corpus" / "real"))
    args = ap.parse_args()
    root = Path(args.root)
    if not root.is_dir():
        sys.exit(f"bench: {root} is absent")
    paths = [p for p in iter_paths([root]) if p.suffix == ".txt"]
    nbytes = sum(p.stat().st_size for p in paths)
    extract_text(paths[0].read_text(encoding="utf-8"))  # load tables and gazetteer once, outside the timing

    def floor() -> None:
        for p in paths:
            unicodedata.normalize("NFC", p.read_bytes().decode("utf-8"))

    def extract() -> None:
        for p in paths:
            extract_text(p.read_bytes().decode("utf-8"), source=p.name)

    best = {name: _best(fn, args.repeat) for name, fn in (("read+NFC", floor), ("extract", extract))}
    mb = nbytes / 1e6
    print(f"corpus: {len(paths)} files, {mb:.1f} MB")
    print(f"in one process, one core, best of {args.repeat}:")
    for name, secs in best.items():
        print(f"  {name:9} {secs:7.2f} s  {mb / secs:7.1f} MB/s  {len(paths) / secs:8.0f} docs/s")
    print(f"  extract / floor time ratio: {best['extract'] / best['read+NFC']:.1f}x")
    if args.process_repeat < 1:
        return
    print(f"whole `vbgraph extract {root.name} > /dev/null` processes, best of {args.process_repeat} (wall):")
    runs = {jobs: _process(root, jobs, args.process_repeat) for jobs in (1, 2)}
    for jobs, (wall, cpu) in runs.items():
        print(f"  --jobs {jobs}  {wall:7.2f} s  {mb / wall:7.1f} MB/s  (CPU {cpu:.2f} s)")
    print(f"  --jobs 2 / --jobs 1 throughput: {runs[1][0] / runs[2][0]:.2f}x")


if __name__ == "__main__":
    main()
