"""Fuzz the extractor with mutated real texts from ../shared/corpus/real.

Each input is one real ``.txt`` file, mutated one way:

* ``truncate``: the text cut at a random character;
* ``truncate_bytes``: the UTF-8 bytes cut at a random byte (often inside a character);
* ``flip_bytes``: 1–32 random bytes of the UTF-8 replaced by random values;
* ``splice_bytes``: a run of 1–64 random bytes inserted at a random place;
* ``nfd``: the text decomposed (Unicode NFD);
* ``no_breaks``: every line break removed (lines glued, or joined by a space);
* ``double_breaks``: every line break doubled;
* ``tcvn3`` / ``vni``: the text typed in a legacy font (the tables of
  ``ingest/data/legacy_vn.csv`` read backwards) and saved as 8-bit bytes.

Text mutations go to ``ingest.extract_text``; byte mutations go through
``ingest.read.read_bytes`` first, where a ``ReadError`` is an accepted outcome
(the file is rejected with a reason). Counted per mutation: inputs tried,
crashes (any other exception), offset violations (a mention outside the text,
empty, or whose ``text`` is not the slice it points at; evidence outside the
text), and for the legacy mutations whether the text was detected and converted,
rejected with a message naming legacy text, or neither.

Deterministic: input ``i`` uses ``random.Random(f"{seed}:{i}")``, so
``--only i`` replays one case.

    .venv/bin/python bench/fuzz_extract.py --n 3000
    .venv/bin/python bench/fuzz_extract.py --only 17 --show
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vbgraph.ingest import extract_text  # noqa: E402
from vbgraph.ingest.errors import ReadError  # noqa: E402
from vbgraph.ingest.legacy import encode_legacy  # noqa: E402
from vbgraph.ingest.read import read_bytes  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL = SHARED / "corpus" / "real"


# ---------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------


def load_texts(folder: Path) -> list[tuple[str, str]]:
    """(relative name, text) of every UTF-8 ``.txt`` file under ``folder``, sorted."""
    out = []
    for path in sorted(folder.rglob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if text.strip():
            out.append((path.relative_to(folder).as_posix(), text))
    return out


# ---------------------------------------------------------------------------
# Legacy encodings (the reader's table, read backwards)
# ---------------------------------------------------------------------------


def to_legacy_bytes(text: str, encoding: str) -> bytes:
    """``text`` typed in a legacy font and saved as 8-bit bytes (unencodable characters as '?')."""
    return b"".join(_byte(ch) for ch in encode_legacy(text, encoding))


def _byte(ch: str) -> bytes:
    if ord(ch) < 0x100:
        return bytes([ord(ch)])
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return b"?"


# ---------------------------------------------------------------------------
# Mutations: each returns ("text", str) or ("bytes", bytes)
# ---------------------------------------------------------------------------


def m_truncate(rng: random.Random, text: str):
    return "text", text[: rng.randint(0, len(text))]


def m_truncate_bytes(rng: random.Random, text: str):
    data = text.encode("utf-8")
    return "bytes", data[: rng.randint(1, len(data))]


def m_flip_bytes(rng: random.Random, text: str):
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 32)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return "bytes", bytes(data)


def m_splice_bytes(rng: random.Random, text: str):
    data = text.encode("utf-8")
    at = rng.randint(0, len(data))
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return "bytes", data[:at] + junk + data[at:]


def m_nfd(rng: random.Random, text: str):
    return "text", unicodedata.normalize("NFD", text)


def m_no_breaks(rng: random.Random, text: str):
    return "text", text.replace("\r\n", "\n").replace("\n", rng.choice(("", " ")))


def m_double_breaks(rng: random.Random, text: str):
    return "text", text.replace("\n", "\n\n")


def m_tcvn3(rng: random.Random, text: str):
    return "bytes", to_legacy_bytes(text, "tcvn3")


def m_vni(rng: random.Random, text: str):
    return "bytes", to_legacy_bytes(text, "vni")


MUTATIONS = {
    "truncate": m_truncate,
    "truncate_bytes": m_truncate_bytes,
    "flip_bytes": m_flip_bytes,
    "splice_bytes": m_splice_bytes,
    "nfd": m_nfd,
    "no_breaks": m_no_breaks,
    "double_breaks": m_double_breaks,
    "tcvn3": m_tcvn3,
    "vni": m_vni,
}
LEGACY = ("tcvn3", "vni")


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def offset_problems(text: str, extraction) -> list[str]:
    """What is wrong with the offsets of one extraction (empty when all hold)."""
    bad = []
    n = len(text)
    for c in extraction.citations:
        for m in c.mentions:
            if not (0 <= m.start < m.end <= n):
                bad.append(f"mention {m.start}:{m.end} outside 0:{n} or empty")
            elif text[m.start : m.end] != m.text:
                bad.append(f"mention {m.start}:{m.end} text {m.text!r} != {text[m.start:m.end]!r}")
        ev = c.evidence
        if ev is not None and not (0 <= ev.start <= ev.end <= n):
            bad.append(f"evidence {ev.start}:{ev.end} outside 0:{n}")
    for link in extraction.links:
        ev = link.evidence
        if ev is not None and not (0 <= ev.start <= ev.end <= n):
            bad.append(f"link evidence {ev.start}:{ev.end} outside 0:{n}")
    return bad


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).casefold().split()


def word_agreement(original: str, converted: str) -> float:
    """Share of word positions where the converted text equals the original (casefolded)."""
    a, b = _words(original), _words(converted)
    if not a:
        return 1.0
    return sum(x == y for x, y in zip(a, b)) / max(len(a), len(b))


# ---------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------


@dataclass
class Tally:
    tried: Counter = field(default_factory=Counter)
    extracted: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)  # ReadError
    reasons: Counter = field(default_factory=Counter)
    crashes: list = field(default_factory=list)  # (i, mutation, file, error)
    violations: list = field(default_factory=list)  # (i, mutation, file, problems)
    legacy: dict = field(default_factory=lambda: defaultdict(Counter))
    agreement: dict = field(default_factory=lambda: defaultdict(list))
    slowest: tuple = (0.0, -1, "", "")
    seconds: float = 0.0


def run_one(i: int, seed: int, texts: list[tuple[str, str]], tally: Tally, show: bool = False) -> None:
    rng = random.Random(f"{seed}:{i}")
    names = list(MUTATIONS)
    mutation = names[i % len(names)]
    name, original = texts[rng.randrange(len(texts))]
    kind, payload = MUTATIONS[mutation](rng, original)
    tally.tried[mutation] += 1
    t0 = time.perf_counter()
    try:
        if kind == "bytes":
            try:
                raw = read_bytes(payload, source=Path(name).name)
            except ReadError as err:
                tally.rejected[mutation] += 1
                reason = str(getattr(err, "reason", err))
                tally.reasons[(mutation, reason.split(":")[0][:70])] += 1
                if mutation in LEGACY:
                    tally.legacy[mutation]["rejected, says legacy" if "legacy" in reason.lower() else "rejected, other reason"] += 1
                if show:
                    print(f"[{i}] {mutation} {name}: ReadError {reason}")
                return
            text = raw.text
            if mutation in LEGACY:
                label = raw.encoding
                if any(enc in label for enc in LEGACY):
                    tally.legacy[mutation]["converted"] += 1
                    tally.agreement[mutation].append(word_agreement(original, text))
                else:
                    tally.legacy[mutation][f"read as {label}, not converted"] += 1
        else:
            text = payload
        extraction = extract_text(text, source=Path(name).name)
        extraction.to_dict()
        tally.extracted[mutation] += 1
        problems = offset_problems(text, extraction)
        if problems:
            tally.violations.append((i, mutation, name, problems[:3]))
        if show:
            print(f"[{i}] {mutation} {name}: {len(extraction.citations)} citations, {len(problems)} offset problems")
    except Exception as err:  # the point of the run: anything but ReadError is a crash
        tally.crashes.append((i, mutation, name, f"{type(err).__name__}: {err}", traceback.format_exc(limit=-3)))
        if show:
            traceback.print_exc()
    finally:
        dt = time.perf_counter() - t0
        tally.seconds += dt
        if dt > tally.slowest[0]:
            tally.slowest = (dt, i, mutation, name)


def report(tally: Tally, seed: int, n_files: int) -> str:
    tried = sum(tally.tried.values())
    lines = [
        f"fuzz_extract: seed {seed}, {tried} inputs from {n_files} real files, {tally.seconds:.1f} s in the extractor",
        f"{'mutation':<15}{'tried':>7}{'extracted':>10}{'ReadError':>10}",
    ]
    for m in MUTATIONS:
        lines.append(f"{m:<15}{tally.tried[m]:>7}{tally.extracted[m]:>10}{tally.rejected[m]:>10}")
    lines.append(f"crashes (exceptions other than ReadError): {len(tally.crashes)}")
    for i, m, name, err, _ in tally.crashes[:10]:
        lines.append(f"  [{i}] {m} {name}: {err[:200]}")
    lines.append(f"offset violations: {len(tally.violations)}")
    for i, m, name, problems in tally.violations[:10]:
        lines.append(f"  [{i}] {m} {name}: {'; '.join(problems)[:200]}")
    for m in LEGACY:
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(tally.legacy[m].items()))
        agree = tally.agreement[m]
        mean = f"; converted words equal to the original: mean {sum(agree) / len(agree):.3f}, min {min(agree):.3f}" if agree else ""
        lines.append(f"legacy {m}: {outcomes or 'none tried'}{mean}")
    lines.append("ReadError reasons:")
    for (m, reason), k in sorted(tally.reasons.items(), key=lambda kv: -kv[1])[:12]:
        lines.append(f"  {k:>5}  {m}: {reason}")
    dt, i, m, name = tally.slowest
    lines.append(f"slowest input: [{i}] {m} {name} {dt:.2f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="inputs to try (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--only", type=int, default=None, help="replay input number ONLY and nothing else")
    parser.add_argument("--show", action="store_true", help="print each input's outcome and tracebacks")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    if not REAL.is_dir():
        print(f"fuzz_extract: the real corpus is not there ({REAL}); nothing to fuzz", file=sys.stderr)
        return 2
    texts = load_texts(REAL)
    if not texts:
        print(f"fuzz_extract: no UTF-8 .txt files under {REAL}", file=sys.stderr)
        return 2
    tally = Tally()
    cases = [args.only] if args.only is not None else range(args.n)
    for k, i in enumerate(cases):
        run_one(i, args.seed, texts, tally, show=args.show)
        if not args.show and (k + 1) % 500 == 0:
            print(f"  {k + 1} inputs, {len(tally.crashes)} crashes, {len(tally.violations)} offset violations", file=sys.stderr)
    print(report(tally, args.seed, len(texts)))
    if tally.crashes and args.show:
        for *_, tb in tally.crashes[:3]:
            print(tb)
    return 1 if tally.crashes or tally.violations else 0


if __name__ == "__main__":
    sys.exit(main())
