"""Which files a run reads: the one folder walk of vbgraph, and streamed hashing.

:func:`walk` yields the supported files under a folder, sorted, and an
:class:`~ingest.errors.AccessError` for each folder or entry it cannot list, so
that a caller can tell "unreadable" from "gone". Hidden files and folders (a
name starting with ".") are skipped. A symbolic link is followed only when its
target stays inside the folder walked (a link to ``/etc/passwd`` is not read),
unless ``follow_symlinks=True``; a folder is never entered twice.

:func:`sha256_of` hashes a file in 1 MiB chunks after checking its size, so a
3 GB file costs no more memory than a small one.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import AccessError, ReadError
from .models import ReadLimits

__all__ = ["SUPPORTED_SUFFIXES", "FOLDER_SUFFIXES", "DEFAULT_MAX_BYTES", "walk", "iter_paths", "sha256_of", "too_large"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")  # read when named
# The formats of directives, the only ones read from a folder: a corpus folder's notes
# (SOURCE.md, README.md) are no directives; a .md is read only when named explicitly.
FOLDER_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")

# The largest file read (bytes on disk, checked before reading).
DEFAULT_MAX_BYTES = ReadLimits().max_bytes

_CHUNK = 1 << 20


def walk(root: str | os.PathLike, *, follow_symlinks: bool = False) -> Iterator[Path | AccessError]:
    """Supported files under the folder ``root`` (sorted), and an :class:`AccessError`
    for every folder or entry that cannot be listed, in path order.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for n in ("b.txt", "a.pdf", ".hidden.txt", "meta.jsonl", "SOURCE.md", "sub/c.docx"):
    ...     (d / n).parent.mkdir(exist_ok=True); _ = (d / n).write_text("x")
    >>> (d / "out.txt").symlink_to("/etc/hostname")
    >>> [p.relative_to(d).as_posix() for p in walk(d)]
    ['a.pdf', 'b.txt', 'sub/c.docx']
    """
    root = Path(root)
    inside = os.path.realpath(root)
    found: list[tuple[str, Path | AccessError]] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as err:
            found.append((str(folder), AccessError(str(folder), f"cannot list folder: {_why(err)}")))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                kind = _kind(entry, inside, follow_symlinks)
            except OSError as err:
                found.append((entry.path, AccessError(entry.path, f"cannot read: {_why(err)}")))
                continue
            if kind == "dir":
                stack.append(Path(entry.path))
            elif kind == "file" and os.path.splitext(entry.name)[1].lower() in FOLDER_SUFFIXES:
                found.append((entry.path, Path(entry.path)))
    for _, item in sorted(found, key=lambda pair: Path(pair[0]).parts):
        yield item


def _kind(entry: os.DirEntry, inside: str, follow_symlinks: bool) -> str | None:
    """'dir', 'file' or None (skipped: a link leaving the folder, a device, a socket)."""
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        if not follow_symlinks and os.path.commonpath([inside, target]) != inside:
            return None
    if entry.is_dir():
        return "dir"
    return "file" if entry.is_file() else None


def iter_paths(paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False) -> Iterator[Path | AccessError]:
    """Files named in ``paths`` (always yielded), folders walked with :func:`walk`.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("x"); _ = (d / "notes.jsonl").write_text("")
    >>> [p.name for p in iter_paths([d, d / "notes.jsonl"])]
    ['a.txt', 'notes.jsonl']
    """
    if isinstance(paths, (str, os.PathLike)):
        raise TypeError("iter_paths takes an iterable of paths, not one path; wrap it in a list")
    for given in paths:
        root = Path(given)
        if root.is_dir():
            yield from walk(root, follow_symlinks=follow_symlinks)
        elif root.exists() or root.is_symlink():
            yield root
        else:
            raise ReadError(str(given), "no such file or folder")


def sha256_of(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The SHA-256 of a file, read in chunks; the size is checked before reading.

    Raises :class:`AccessError` when the file cannot be read and
    :class:`~ingest.errors.ReadError` when it is larger than ``max_bytes``.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_bytes(b"abc")
    >>> sha256_of(p)[:12]
    'ba7816bf8f01'
    >>> sha256_of(p, max_bytes=2)
    Traceback (most recent call last):
    ...
    vbgraph.ingest.errors.ReadError: ...: too large: 3 bytes, the limit is 2 (max_bytes)
    """
    name = str(path)
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise ReadError(name, too_large(size, max_bytes))
            read = 0
            while chunk := f.read(_CHUNK):
                read += len(chunk)
                if read > max_bytes:  # the file grew since fstat
                    raise ReadError(name, too_large(read, max_bytes))
                digest.update(chunk)
    except OSError as err:
        raise AccessError(name, f"cannot read: {_why(err)}") from err
    return digest.hexdigest()


def too_large(size: int, limit: int) -> str:
    """The reason given for a file over the size limit.

    >>> too_large(25_000_000, 20_000_000)
    'too large: 25,000,000 bytes, the limit is 20,000,000 (max_bytes)'
    """
    return f"too large: {size:,} bytes, the limit is {limit:,} (max_bytes)"


def _why(err: OSError) -> str:
    return err.strerror or type(err).__name__
