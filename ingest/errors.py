"""The extractor's exception tree."""
from __future__ import annotations

__all__ = ["IngestError", "ReadError", "AccessError", "CrashError", "quote_path"]


class IngestError(Exception):
    """Base of every error raised by ``ingest``."""


class ReadError(IngestError):
    """A file that cannot be read; the message names the file and the reason.

    >>> str(ReadError("a.bin", "binary content"))
    'a.bin: binary content'
    """

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{quote_path(self.path)}: {reason}")

    def __reduce__(self):  # sent back from a worker process (``ingest.parallel``)
        return type(self), (self.path, self.reason)


class AccessError(ReadError):
    """A file or folder whose bytes could not be read at all (permissions, an I/O
    error, gone while walking): its content is unknown, so what a store holds for it
    must stay as it is.

    >>> str(AccessError("/c/x", "cannot read: Permission denied"))
    '/c/x: cannot read: Permission denied'
    """


class CrashError(ReadError):
    """A file the extractor failed on in a worker process (an exception other than
    ``ReadError``, or the worker died): that file's failure, and the run goes on
    (``ingest.parallel``). Not a verdict on the file's content: what a store holds for
    it stays, and the next run tries it again.

    >>> str(CrashError("a.txt", "the extractor failed: ValueError: bad"))
    'a.txt: the extractor failed: ValueError: bad'
    """


# Characters a path may carry that would forge a line or reach the terminal raw:
# C0 and C1 controls (newline, ESC …), DEL, bidi overrides and line separators.
_UNSAFE = frozenset([*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F),
                     *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])


def quote_path(path: str) -> str:
    r"""A path as it may be printed on one line: left as it is when harmless, else
    quoted like Python's ``repr`` (control characters as escapes).

    >>> quote_path("/corpus/kế hoạch.txt")
    '/corpus/kế hoạch.txt'
    >>> print(quote_path("a\nvbgraph: forged.txt"), quote_path("\x1b[31mred.txt"))
    'a\nvbgraph: forged.txt' '\x1b[31mred.txt'
    """
    path = str(path)
    if not any(ord(c) in _UNSAFE for c in path) and not path.startswith(("'", '"')):
        return path
    return "'" + "".join(_escape(c) for c in path) + "'"


def _escape(c: str) -> str:
    if c in "'\\":
        return "\\" + c
    if ord(c) not in _UNSAFE:
        return c
    if c in "\n\r\t":
        return repr(c)[1:-1]
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
