"""The extractor's entry points: text or files in, :class:`Extraction` out.

Only orchestration lives here. Each stage is a public function that can be called on
its own (as eyecite's ``clean_text``, ``get_citations``, ``resolve_citations``)::

    read_file ─▶ normalize ─▶ find_hits ─▶ identify_document ─▶ locate_document ─▶ resolve_citations
    (read.py)   (normalize.py)  (find.py)     (document.py)        (locate.py)         (resolve.py)
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from .document import identify_document, text_date
from .errors import ReadError
from .files import iter_paths
from .find import find_hits
from .locate import locate_document
from .models import Extraction
from .normalize import normalize
from .parallel import map_in_order
from .read import read_file
from .resolve import resolve_citations

__all__ = ["extract_text", "extract_file", "extract_paths"]


def extract_text(text: str, *, source: str = "<text>", path: str = "", sha256: str = "") -> Extraction:
    """Extract the document's identity, its citations and links from one text.

    >>> e = extract_text("HUYỆN ỦY TAM ĐƯỜNG\\nSố 102 - KH/HU\\nTam Đường, ngày 26 tháng 01 năm 2022\\n"
    ...                  "KẾ HOẠCH\\nThực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Tỉnh ủy\\n"
    ...                  "I. MỤC ĐÍCH\\nTriển khai Nghị quyết số 35-NQ/TW của Bộ Chính trị.")
    >>> e.document.kind, e.document.ref.symbol, e.document.ref.province, e.document.ref.district
    ('original', '102-KH/HU', 'Lai Châu', 'Tam Đường')
    >>> [(c.ref.symbol, c.relation, c.ref.province) for c in e.citations]
    [('224-KL/TU', 'implements', 'Lai Châu'), ('35-NQ/TW', 'refers_to', None)]
    """
    norm = normalize(text)
    hits = find_hits(norm.flat)
    document = locate_document(norm, identify_document(norm, hits), scope=source)
    citations, links = resolve_citations(norm, hits, document, scope=source)
    return Extraction(source=source, document=document.info(), citations=citations, links=links,
                      path=path, sha256=sha256, chars=len(text), text_date=text_date(norm.text, document))


def extract_file(path: str | os.PathLike) -> Extraction:
    """Read one file (see :func:`~vbgraph.ingest.read_file`) and extract from it; raises ReadError."""
    raw = read_file(path)
    return extract_text(raw.text, source=raw.source, path=str(path), sha256=raw.sha256)


def extract_paths(paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False, jobs: int = 1,
                  then: Callable[[Extraction], Any] | None = None) -> Iterator[Any]:
    """Extract from every supported file under ``paths`` (walked by :func:`ingest.files.iter_paths`);
    a file or folder that cannot be read yields its :class:`ReadError` and the run goes on.

    ``jobs``: worker processes (:mod:`ingest.parallel`); the results come in the same
    order whatever their number, and with more than one a file the extractor crashes on
    yields a :class:`~vbgraph.ingest.errors.CrashError`. ``then``: a function applied to
    each :class:`Extraction` where it is made (in the worker), whose result is yielded
    instead, e.g. its JSON line: the one writer then only writes.
    """
    walked = ((item, item) for item in iter_paths(paths, follow_symlinks=follow_symlinks))
    func = extract_file if then is None else partial(_extract_then, then)
    for _, got in map_in_order(func, walked, jobs=jobs):
        yield got


def _extract_then(then: Callable[[Extraction], Any], path: str | os.PathLike) -> Any:
    return then(extract_file(path))
