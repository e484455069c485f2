"""Every value type of the extractor, as frozen dataclasses.

Offsets (``start``/``end``) always point into the *original* decoded text of a
file, never into the normalised copy the patterns run on.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: places does not import models
    from .places import Place

__all__ = [
    "Mention",
    "Evidence",
    "DirectiveRef",
    "Citation",
    "Link",
    "DocumentInfo",
    "Extraction",
    "RawText",
    "ReadLimits",
    "Hit",
    "Header",
    "Document",
    "KINDS",
    "RELATIONS",
    "LEVELS",
]

KINDS = ("original", "report", "other")
RELATIONS = ("implements", "refers_to")
LEVELS = ("central", "province", "district", "commune", "other")  # other: Party committees of blocs, agencies, enterprises


@dataclass(frozen=True, slots=True)
class RawText:
    """A decoded file: its text and how it was read.

    >>> RawText("Số 1-KH/HU", source="a.txt").text
    'Số 1-KH/HU'
    """

    text: str
    source: str
    path: str = ""
    sha256: str = ""
    encoding: str = "utf-8"
    format: str = "txt"


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What reading one file may cost; each limit is checked while reading, and a file
    over one is a ``ReadError`` that names it.

    ``max_bytes`` is the size on disk (checked before any byte is read);
    ``max_unpacked`` the bytes unpacked from a .docx (its parts are streamed, never
    held whole); ``max_elements`` the XML elements of a .docx or the pages of a PDF;
    ``max_chars`` the characters of text read out; ``max_seconds`` the wall time.
    The defaults keep any single input under 500 MB of memory.

    >>> ReadLimits().max_unpacked, ReadLimits(max_seconds=5).max_seconds
    (64000000, 5)
    """

    max_bytes: int = 20_000_000
    max_unpacked: int = 64_000_000
    max_elements: int = 4_000_000
    max_chars: int = 8_000_000
    max_seconds: float = 60.0


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where a directive is named.

    ``form`` is ``full`` (number and symbol), ``short`` ("Kết luận 224"),
    ``alias`` (a well-known name) or ``congress`` ("Nghị quyết Đại hội XIII").
    """

    start: int
    end: int
    text: str
    form: str = "full"


@dataclass(frozen=True, slots=True)
class Hit:
    """One raw finding of the matcher, in *normalised* offsets.

    ``end`` closes the citation phrase itself; ``tail_end`` closes its date, issuer
    and term ("… ngày 18/10/2021 của Ban Chấp hành Đảng bộ tỉnh"), where a link
    phrase ("về thực hiện …") may follow.
    """

    start: int
    end: int
    form: str
    ref: DirectiveRef
    tail_end: int = -1
    via_alias: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that decided a relation, with its offsets."""

    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        """``dataclasses.asdict`` of it, without its recursion and deep copies."""
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class DirectiveRef:
    """The identity fields of one directive, as far as one text tells them.

    >>> DirectiveRef(type="NQ", number="35", issuer_code="TW").symbol_text()
    '35-NQ/TW'
    """

    type: str | None = None
    number: str | None = None
    issuer_code: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    term: str | None = None
    congress: str | None = None
    province: str | None = None
    district: str | None = None
    commune: str | None = None
    level: str | None = None
    title: str | None = None
    no_symbol: bool = False  # named by type and number only ("Kế hoạch số 192 của UBND thành phố Hải Phòng")

    def symbol_text(self) -> str | None:
        """The symbol as written, or a Party-style one rebuilt from the fields (None for a
        directive the text names without its symbol: its issuer code is read from its issuer).

        >>> DirectiveRef(type="KH", number="192", issuer_code="UBND", no_symbol=True).symbol_text() is None
        True
        """
        if self.symbol:
            return self.symbol
        if self.no_symbol:
            return None
        if self.number and self.type and self.issuer_code:
            return f"{self.number}-{self.type}/{self.issuer_code}"
        return None

    def with_(self, **changes) -> "DirectiveRef":
        """A copy with some fields changed (``dataclasses.replace``, without its per-call
        look-up of the fields: the hot path copies a reference some 15,000 times a corpus).

        >>> ref = DirectiveRef(type="NQ", number="35", issuer_code="TW").with_(number="36", year=2018)
        >>> ref.type, ref.number, ref.issuer_code, ref.year
        ('NQ', '36', 'TW', 2018)
        """
        for name in _REF_FIELDS:
            if name not in changes:
                changes[name] = getattr(self, name)
        return DirectiveRef(**changes)


_REF_FIELDS = tuple(f.name for f in fields(DirectiveRef))


@dataclass(frozen=True, slots=True)
class Citation:
    """One distinct cited directive with all its mentions merged."""

    ref: DirectiveRef
    id: str
    relation: str | None = "refers_to"
    cue: str | None = None
    mentions: tuple[Mention, ...] = ()
    evidence: Evidence | None = None
    via_alias: str | None = None

    def to_dict(self) -> dict:
        out = _ref_dict(self.ref)
        out.update(
            relation=self.relation,
            cue=self.cue,
            id=self.id,
            via_alias=self.via_alias,
            mentions=[{"start": m.start, "end": m.end, "text": m.text, "form": m.form} for m in self.mentions],
            evidence=self.evidence.to_dict() if self.evidence else None,
        )
        return out


@dataclass(frozen=True, slots=True)
class Link:
    """An implements-relation the text asserts between two directives (by id)."""

    source: str
    target: str
    relation: str = "implements"
    evidence: Evidence | None = None

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "target": self.target,
            "relation": self.relation,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the text itself is: an ``original``, a ``report`` on one directive, or ``other``."""

    kind: str = "other"
    ref: DirectiveRef = field(default_factory=DirectiveRef)
    id: str | None = None

    def to_dict(self) -> dict:
        out = _ref_dict(self.ref)
        out["kind"] = self.kind
        out["id"] = self.id
        return out


@dataclass(frozen=True, slots=True)
class Header:
    """What the head of an original says about itself (see ``document.read_header``)."""

    kind: str
    ref: DirectiveRef
    body_lines: tuple[str, ...] = ()
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What the document stage finds out about the text itself, in *normalised* offsets.

    ``anchor`` is the hit a report reports on (None for an original); ``region`` spans
    the title and preamble of an original or the lead of a report, where a cue makes a
    citation ``implements``; ``header`` is what an original's head says. The locate
    stage fills in ``place`` (the jurisdiction) and ``id``.

    >>> Document("original", DirectiveRef(type="KH", number="1", issuer_code="HU")).info().ref.symbol_text()
    '1-KH/HU'
    """

    kind: str = "other"
    ref: DirectiveRef = field(default_factory=DirectiveRef)
    anchor: Hit | None = None
    region: tuple[int, int] = (0, 0)
    header: Header | None = None
    place: Place | None = None
    id: str | None = None

    def info(self) -> DocumentInfo:
        """The :class:`DocumentInfo` of the output (no fields for ``other`` text)."""
        if self.kind == "other":
            return DocumentInfo(self.kind, DirectiveRef(), None)
        return DocumentInfo(self.kind, self.ref, self.id)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one file."""

    source: str
    document: DocumentInfo
    citations: tuple[Citation, ...] = ()
    links: tuple[Link, ...] = ()
    path: str = ""
    sha256: str = ""
    chars: int = 0
    text_date: str | None = None  # the citing text's own date (``document.text_date``), a bound on what it cites

    def to_dict(self) -> dict:
        """The JSON object of ``shared/eval/CONTRACT.md`` (plus extra keys)."""
        return {
            "source": self.source,
            "path": self.path,
            "sha256": self.sha256,
            "chars": self.chars,
            "text_date": self.text_date,
            "document": self.document.to_dict(),
            "citations": [c.to_dict() for c in self.citations],
            "links": [link.to_dict() for link in self.links],
        }


def _ref_dict(ref: DirectiveRef) -> dict:
    return {
        "type": ref.type,
        "number": ref.number,
        "year": ref.year,
        "issuer_code": ref.issuer_code,
        "issuer": ref.issuer,
        "date": ref.date,
        "province": ref.province,
        "district": ref.district,
        "commune": ref.commune,
        "congress": ref.congress,
        "symbol": ref.symbol_text(),
        "term": ref.term,
        "level": ref.level,
        "title": ref.title,
    }
