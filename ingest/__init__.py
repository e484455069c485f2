"""vbgraph's extractor: Vietnamese directive texts in, directives and citations out.

:func:`extract_text` runs the stages, each of which is public and can be called alone:
:func:`read_file` → :func:`normalize` → :func:`find_hits` → :func:`identify_document`
→ :func:`locate_document` → :func:`resolve_citations`.

>>> from vbgraph.ingest import extract_text
>>> e = extract_text("Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị")
>>> [(c.ref.symbol, c.ref.date) for c in e.citations]
[('35-NQ/TW', '2018-10-22')]

The same, stage by stage:

>>> norm = normalize("Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị")
>>> hits = find_hits(norm.flat)
>>> document = locate_document(norm, identify_document(norm, hits))
>>> citations, links = resolve_citations(norm, hits, document)
>>> document.kind, [c.id for c in citations]
('other', ['vn/national/tw/nq/2018/35'])
"""
from .document import identify_document, text_date
from .errors import IngestError, ReadError
from .find import find_hits
from .locate import locate_document
from .models import Citation, DirectiveRef, Document, DocumentInfo, Evidence, Extraction, Hit, Link, Mention, RawText
from .normalize import NormText, normalize
from .pipeline import extract_file, extract_paths, extract_text
from .read import read_file
from .resolve import resolve_citations

__all__ = [
    "extract_text",
    "extract_file",
    "extract_paths",
    "read_file",
    "normalize",
    "find_hits",
    "identify_document",
    "text_date",
    "locate_document",
    "resolve_citations",
    "Extraction",
    "Citation",
    "DirectiveRef",
    "Document",
    "DocumentInfo",
    "Evidence",
    "Hit",
    "Link",
    "Mention",
    "NormText",
    "RawText",
    "IngestError",
    "ReadError",
]
