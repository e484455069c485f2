"""The extractor's exception tree."""
from __future__ import annotations

__all__ = ["IngestError", "ReadError"]


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
        super().__init__(f"{self.path}: {reason}")
