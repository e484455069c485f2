"""Every value type of the graph, as frozen dataclasses.

Both backends (the embedded SQLite store and Neo4j) answer the query functions of
``graph.queries`` with these rows, so the CLI and the explorer never see a driver
record or an SQL row.

>>> row = DirectiveRow(id="vn/national/tw/nq/2018/35", type="NQ", number="35", symbol="35-NQ/TW")
>>> row.label
'35-NQ/TW'
>>> row.status
'cited-only'
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "STATUSES",
    "TYPE_NAMES",
    "RELATIONS",
    "LEVELS",
    "DirectiveRow",
    "EdgeRow",
    "TextMention",
    "CascadeRow",
    "CoverageRow",
    "Coverage",
    "FailureRow",
    "Span",
    "SourceText",
    "DirectiveDetail",
    "Stats",
    "IngestSummary",
]

STATUSES = ("document", "cited-only")
# Plain names of type codes, for labels ("Nghị quyết 35-NQ/TW · Bộ Chính trị · 2018").
TYPE_NAMES = {
    "NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "KH": "Kế hoạch", "QĐ": "Quyết định",
    "QĐI": "Quy định", "HD": "Hướng dẫn", "NĐ": "Nghị định", "TT": "Thông tư", "L": "Luật",
    "CTR": "Chương trình", "ĐA": "Đề án", "TB": "Thông báo", "BC": "Báo cáo", "CV": "Công văn",
    "CĐ": "Công điện", "TTR": "Tờ trình", "QC": "Quy chế", "PL": "Pháp lệnh", "PA": "Phương án",
}
RELATIONS = ("implements", "refers_to")
LEVELS = ("central", "province", "district", "commune")


@dataclass(frozen=True, slots=True)
class DirectiveRow:
    """One directive node: its identity fields as merged from every text that names it.

    ``status`` is ``document`` when the corpus holds the directive's own text (or a
    report on it), ``cited-only`` for a stub known only from citations.
    ``homonyms`` counts the nodes sharing (type, number, issuer code): > 1 means the
    same symbol names several directives (other terms, years or jurisdictions).
    """

    id: str
    type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer_code: str | None = None
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    district: str | None = None
    commune: str | None = None
    date: str | None = None
    year: int | None = None
    term: str | None = None
    title: str | None = None
    status: str = "cited-only"
    homonyms: int = 1

    @property
    def plain_label(self) -> str:
        """Type word, symbol, issuer and year, for telling homonyms apart.

        >>> DirectiveRow(id="vn/national/tw/nq/2018/35", type="NQ", number="35", symbol="35-NQ/TW",
        ...              issuer="Bộ Chính trị", year=2018).plain_label
        'Nghị quyết 35-NQ/TW · Bộ Chính trị · 2018'
        """
        word = TYPE_NAMES.get((self.type or "").replace("Ð", "Đ").upper(), self.type or "")
        where = self.issuer or self.issuer_code or ""
        if self.province and self.province not in where:
            where = f"{where} {self.province}".strip()
        return " · ".join(p for p in (f"{word} {self.label}".strip(), where, str(self.year or "năm ?")) if p)

    @property
    def label(self) -> str:
        """A short human label: the symbol, else type and number, else the id."""
        if self.symbol:
            return self.symbol
        if self.type and self.number:
            return f"{self.type} {self.number}"
        return self.id


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """One citation edge seen from a directive: the directive at the other end and why.

    ``mentions`` is the number of mentions merged into it; ``sentence``/``start``/
    ``end`` are the evidence in ``source`` (the citing file). ``candidates`` lists the
    ids an ``ambiguous`` citation could mean (empty when it is resolved).
    """

    other: DirectiveRow
    relation: str
    cue: str | None = None
    mentions: int = 1
    sentence: str | None = None
    source: str | None = None
    start: int | None = None
    end: int | None = None
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """Whether the citation could mean several directives."""
        return len(self.candidates) > 1


@dataclass(frozen=True, slots=True)
class TextMention:
    """A directive named by a text that is no directive (a news article, an encyclopaedia
    page): the explorer's "nhắc đến trong". ``path`` is the text, ``relation`` how it names
    the directive; ``candidates`` as in ``EdgeRow``."""

    path: str
    relation: str
    cue: str | None = None
    mentions: int = 1
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CascadeRow:
    """A directive reached by ``cascade``: its row, the parent it implements, the depth."""

    row: DirectiveRow
    parent_id: str
    depth: int
    relation: str = "implements"


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """Whether one province (``district`` None) or one district has implemented a directive.

    ``directives`` are the implementing directives found there (empty: none);
    ``lag_days`` is the smallest delay from the directive's date, when both dates are known;
    ``formed_from`` names the old provinces (before 1 July 2025) whose plans count here.
    """

    province: str
    district: str | None = None
    directives: tuple[DirectiveRow, ...] = ()
    lag_days: int | None = None
    formed_from: tuple[str, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether an implementing directive exists here."""
        return bool(self.directives)


@dataclass(frozen=True, slots=True)
class Coverage:
    """``coverage`` of a directive: one row per province, and per district of a covered province.

    ``era`` is ``old`` (63 provinces with districts, before 1 July 2025) or ``new``
    (34 provinces with communes): the map in force on the implementing directives' dates
    (new as soon as one is dated on or after 1 July 2025), else on the directive's.
    """

    directive: DirectiveRow
    era: str
    rows: tuple[CoverageRow, ...] = ()

    @property
    def provinces(self) -> tuple[CoverageRow, ...]:
        """The province rows only."""
        return tuple(r for r in self.rows if r.district is None)

    @property
    def covered(self) -> tuple[str, ...]:
        """Names of the provinces with an implementing directive."""
        return tuple(r.province for r in self.provinces if r.covered)

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of the provinces without one."""
        return tuple(r.province for r in self.provinces if not r.covered)


@dataclass(frozen=True, slots=True)
class FailureRow:
    """A file that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of a source text (offsets into the original text)."""

    start: int
    end: int
    label: str = ""
    target: str | None = None


@dataclass(frozen=True, slots=True)
class SourceText:
    """The text of a directive that has its own file, with its citations highlighted."""

    path: str
    text: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DirectiveDetail:
    """Everything known of one directive: its row, conflicting values and its edges.

    ``conflicts`` maps a field to the distinct values the texts gave for it (only
    fields with more than one value). ``implements`` are the directives it carries
    out (up), ``implemented_by`` those carrying it out (down); ``mentioned_in`` the
    texts that are no directive citing it ("nhắc đến trong").
    """

    row: DirectiveRow
    conflicts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    implements: tuple[EdgeRow, ...] = ()
    implemented_by: tuple[EdgeRow, ...] = ()
    refers_to: tuple[EdgeRow, ...] = ()
    referred_by: tuple[EdgeRow, ...] = ()
    sources: tuple[str, ...] = ()
    mentioned_in: tuple[TextMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts of the whole graph.

    ``documents`` by kind (original / report / other), ``directives`` by status,
    ``edges`` by relation; ``files`` ingested and ``failed`` files.
    """

    documents: dict[str, int] = field(default_factory=dict)
    directives: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    files: int = 0
    failed: int = 0


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ``graph.build.ingest`` run did."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    directives: int = 0
    edges: int = 0
    failures: tuple[FailureRow, ...] = ()

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.removed} removed, {self.failed} failed; "
            f"graph: {self.directives} directives, {self.edges} edges"
        )
