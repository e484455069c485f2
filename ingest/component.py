"""The extractor as a registered spaCy component.

Its core is pure: :func:`match` maps a text to citation spans (character offsets
and attributes) with no spaCy object involved; :class:`CitationFinder` only turns
those into ``doc.spans["vbgraph_citations"]`` with attributes registered once in
:func:`register_extensions`. Use it in any pipeline, e.g. a blank one (no model
download is needed)::

    >>> import spacy
    >>> nlp = spacy.blank("xx")
    >>> _ = nlp.add_pipe("vbgraph_citations")
    >>> doc = nlp("KẾ HOẠCH\\nThực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Tỉnh ủy.")
    >>> [(s.text, s._.vb_type, s._.vb_number, s._.vb_relation) for s in doc.spans["vbgraph_citations"]]
    [('Kết luận số 224-KL/TU ngày 18/10/2021', 'KL', '224', 'implements')]
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .pipeline import extract_text

__all__ = ["SPAN_KEY", "CitationSpan", "match", "CitationFinder", "register_extensions"]

SPAN_KEY = "vbgraph_citations"
_ATTRS = ("type", "number", "issuer_code", "symbol", "date", "year", "relation", "cue", "id", "form", "province")


@dataclass(frozen=True, slots=True)
class CitationSpan:
    """One mention as character offsets plus the attributes of its citation."""

    start: int
    end: int
    attrs: dict


def match(text: str) -> list[CitationSpan]:
    """Every mention of a cited directive in ``text`` (pure: no spaCy involved).

    >>> [(s.start, s.end, s.attrs["symbol"]) for s in match("Căn cứ Nghị định số 13/2023/NĐ-CP")]
    [(7, 33, '13/2023/NĐ-CP')]
    """
    spans = []
    for citation in extract_text(text).citations:
        ref = citation.ref
        values = {
            "type": ref.type, "number": ref.number, "issuer_code": ref.issuer_code, "symbol": ref.symbol_text(),
            "date": ref.date, "year": ref.year, "relation": citation.relation, "cue": citation.cue,
            "id": citation.id, "province": ref.province,
        }
        for mention in citation.mentions:
            spans.append(CitationSpan(mention.start, mention.end, dict(values, form=mention.form)))
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


def register_extensions() -> None:
    """Register the ``Span._.vb_*`` attributes (once; safe to call again)."""
    for name in _ATTRS:
        if not Span.has_extension(f"vb_{name}"):
            Span.set_extension(f"vb_{name}", default=None)


class CitationFinder:
    """A spaCy component writing citation mentions to ``doc.spans[SPAN_KEY]``."""

    def __init__(self, nlp: Language, name: str = SPAN_KEY, spans_key: str = SPAN_KEY):
        self.name = name
        self.spans_key = spans_key
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, match(doc.text))

    def set_annotations(self, doc: Doc, found: list[CitationSpan]) -> Doc:
        spans = []
        for item in found:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is None:
                continue
            for name, value in item.attrs.items():
                span._.set(f"vb_{name}", value)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("vbgraph_citations", default_config={"spans_key": SPAN_KEY})
def make_citation_finder(nlp: Language, name: str, spans_key: str) -> CitationFinder:
    """Factory of the ``vbgraph_citations`` component."""
    return CitationFinder(nlp, name, spans_key)
