"""vbgraph's extractor: Vietnamese directive texts in, directives and citations out.

>>> from vbgraph.ingest import extract_text
>>> e = extract_text("Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị")
>>> [(c.ref.symbol, c.ref.date) for c in e.citations]
[('35-NQ/TW', '2018-10-22')]
"""
from .errors import IngestError, ReadError
from .models import Citation, DirectiveRef, DocumentInfo, Evidence, Extraction, Link, Mention, RawText
from .pipeline import extract_file, extract_paths, extract_text

__all__ = [
    "extract_text",
    "extract_file",
    "extract_paths",
    "Extraction",
    "Citation",
    "DirectiveRef",
    "DocumentInfo",
    "Evidence",
    "Link",
    "Mention",
    "RawText",
    "IngestError",
    "ReadError",
]
