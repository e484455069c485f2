"""Staff tables: issuer, date, title, relation and an evidence snippet on every row,
and their exports (CSV, JSON, XLSX) with Vietnamese headers, no internal ids, no
decimals and no "None".

Pure functions (no streamlit). ``titles`` maps a directive id to the title to show
(``titles.title_of``); rows missing from it fall back to their cleaned subject phrase.

>>> from vbgraph.graph.models import DirectiveRow
>>> row = DirectiveRow(id="vn/lai-chau/tu/kh/2021/61", type="KH", symbol="61-KH/TU", issuer="Tỉnh ủy Lai Châu",
...                    level="province", province="Lai Châu", date="2021-12-22", year=2021,
...                    title="thực hiện Nghị quyết 35-NQ/TW, Ban Thường vụ ban hành kế hoạch như sau:")
>>> frame = directive_table([row])
>>> frame.loc[0, ["Số hiệu", "Cơ quan ban hành", "Trích yếu"]].tolist()
['61-KH/TU', 'Tỉnh ủy Lai Châu', 'Thực hiện Nghị quyết 35-NQ/TW']
>>> export(frame, "csv").decode("utf-8-sig").splitlines()[1]
'61-KH/TU,Kế hoạch,Tỉnh ủy Lai Châu,Lai Châu,Tỉnh,22/12/2021,2021,Thực hiện Nghị quyết 35-NQ/TW'
"""
from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from vbgraph.graph.models import CascadeRow, DirectiveRow, EdgeRow

from . import routes
from .labels import LEVEL_LABELS, RELATION_LABELS, level_label, type_label
from .titles import subject_title
from .vi import date_vi, parse_date, sort_key

__all__ = [
    "COL",
    "FORMATS",
    "directive_table",
    "edge_table",
    "cascade_table",
    "filter_cascade",
    "filter_options",
    "snippet",
    "export",
    "place",
]

# Column headers (what staff read; exports use the same words).
COL = {
    "symbol": "Số hiệu",
    "type": "Loại",
    "issuer": "Cơ quan ban hành",
    "place": "Địa bàn",
    "level": "Cấp",
    "date": "Ngày",
    "year": "Năm",
    "title": "Trích yếu",
    "relation": "Quan hệ",
    "snippet": "Trích đoạn",
    "cue": "Từ khóa",
    "parent": "Thực hiện văn bản",
    "depth": "Bậc",
    "citations": "Số tệp trích dẫn",
    "link": "Mở",
}
FORMATS = {
    "csv": ("CSV", "text/csv"),
    "json": ("JSON", "application/json"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
_BASE = ("symbol", "type", "issuer", "place", "level", "date", "year", "title")


def place(row: DirectiveRow) -> str:
    """Where a directive applies: "Tam Đường, Lai Châu", "Trung ương" or ""."""
    parts = [p for p in (row.commune, row.district, row.province) if p]
    if parts:
        return ", ".join(parts)
    return LEVEL_LABELS["central"] if row.level == "central" else ""


def snippet(sentence: str | None, limit: int = 200) -> str:
    """An evidence sentence on one line, at most ``limit`` characters.

    >>> snippet("Căn cứ  Luật\\nsố 72/2025/QH15;")
    'Căn cứ Luật số 72/2025/QH15;'
    """
    text = " ".join((sentence or "").split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _title(row: DirectiveRow, titles: Mapping[str, str] | None) -> str:
    if titles and titles.get(row.id):
        return titles[row.id]
    return subject_title(row.title)


def _record(row: DirectiveRow, titles: Mapping[str, str] | None, link: bool) -> dict:
    rec = {
        COL["symbol"]: row.label if row.label != row.id else f"{row.type or 'Văn bản'} (không rõ số)",
        COL["type"]: type_label(row.type),
        COL["issuer"]: row.issuer or "",
        COL["place"]: place(row),
        COL["level"]: level_label(row.level),
        COL["date"]: parse_date(row.date),
        COL["year"]: row.year,
        COL["title"]: _title(row, titles),
    }
    if link:
        rec[COL["link"]] = routes.url("directive", row.id)
    return rec


def _frame(records: list[dict], keys: Sequence[str], link: bool) -> pd.DataFrame:
    cols = [COL[k] for k in keys] + ([COL["link"]] if link else [])
    frame = pd.DataFrame.from_records(records, columns=cols) if records else pd.DataFrame(columns=cols)
    if COL["year"] in frame:
        frame[COL["year"]] = frame[COL["year"]].astype("Int64")
    return frame


def directive_table(rows: Sequence[DirectiveRow], titles: Mapping[str, str] | None = None, *,
                    citations: Mapping[str, int] | None = None, link: bool = False) -> pd.DataFrame:
    """One line per directive; with ``citations`` (id → files citing it) a count column first."""
    records = []
    for r in rows:
        rec = _record(r, titles, link)
        if citations is not None:
            rec[COL["citations"]] = citations.get(r.id, 0)
        records.append(rec)
    keys = (("citations",) if citations is not None else ()) + _BASE
    return _frame(records, keys, link)


def edge_table(edges: Sequence[EdgeRow], titles: Mapping[str, str] | None = None, *,
               link: bool = False) -> pd.DataFrame:
    """One line per citation edge: the directive at the other end, the relation, cue and evidence."""
    records = []
    for e in edges:
        rec = _record(e.other, titles, link)
        rec[COL["relation"]] = RELATION_LABELS.get(e.relation, e.relation)
        rec[COL["cue"]] = e.cue or ""
        text = snippet(e.sentence)
        rec[COL["snippet"]] = (f"[mơ hồ: {len(e.candidates)} khả năng] " + text) if e.ambiguous else text
        records.append(rec)
    return _frame(records, _BASE[:5] + ("date", "year", "relation", "cue", "snippet", "title"), link)


def cascade_table(rows: Sequence[CascadeRow], labels: Mapping[str, str], titles: Mapping[str, str] | None = None,
                  evidence: Mapping[tuple[str, str], str] | None = None, *, link: bool = False) -> pd.DataFrame:
    """The cascade, one line per (directive, the directive it carries out), in tree order.

    ``labels`` maps a parent id to its symbol; ``evidence`` maps (child id, parent id) to the sentence.
    """
    records = []
    for c in rows:
        rec = _record(c.row, titles, link)
        rec[COL["parent"]] = labels.get(c.parent_id, "")
        rec[COL["relation"]] = RELATION_LABELS.get(c.relation, c.relation)
        rec[COL["depth"]] = c.depth
        rec[COL["snippet"]] = snippet((evidence or {}).get((c.row.id, c.parent_id)))
        records.append(rec)
    return _frame(records, _BASE[:5] + ("date", "year", "relation", "parent", "depth", "title", "snippet"), link)


def filter_options(rows: Sequence[CascadeRow]) -> dict:
    """The values the cascade filters can take (provinces in Vietnamese order).

    >>> filter_options([])
    {'types': [], 'levels': [], 'provinces': [], 'years': None}
    """
    years = [c.row.year for c in rows if c.row.year]
    return {
        "types": sorted({c.row.type for c in rows if c.row.type}, key=sort_key),
        "levels": [lv for lv in ("central", "province", "district", "commune") if any(c.row.level == lv for c in rows)]
        + (["none"] if any(c.row.level is None for c in rows) else []),
        "provinces": sorted({c.row.province for c in rows if c.row.province}, key=sort_key),
        "years": (min(years), max(years)) if years else None,
    }


def filter_cascade(rows: Sequence[CascadeRow], *, types=(), levels=(), provinces=(), years=None,
                   max_depth: int | None = None) -> list[CascadeRow]:
    """The rows of an already computed cascade that pass the filters (no second query).

    ``levels`` may hold "none" for rows of unknown level; ``years`` is (from, to) inclusive.
    """
    types, levels, provinces = set(types), set(levels), {p.casefold() for p in provinces}
    out = []
    for c in rows:
        r = c.row
        if types and r.type not in types:
            continue
        if levels and (r.level or "none") not in levels:
            continue
        if provinces and (r.province or "").casefold() not in provinces:
            continue
        if years and (r.year is None or not years[0] <= r.year <= years[1]):
            continue
        if max_depth and c.depth > max_depth:
            continue
        out.append(c)
    return out


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


def _plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in frame.columns if c != COL["link"]]
    return pd.DataFrame({c: [_plain(v) for v in frame[c].tolist()] for c in cols}, columns=cols)


def export(frame: pd.DataFrame, fmt: str, *, sheet: str = "Văn bản") -> bytes:
    """A table as CSV (UTF-8 with BOM), JSON (a list of objects) or XLSX; dates dd/mm/yyyy."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; formats: {', '.join(FORMATS)}")
    plain = _plain_frame(frame)
    if fmt == "csv":
        return plain.to_csv(index=False).encode("utf-8-sig")
    if fmt == "json":
        return json.dumps(plain.to_dict(orient="records"), ensure_ascii=False, indent=1).encode("utf-8")
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        plain.to_excel(xl, index=False, sheet_name=sheet[:31])
    return buf.getvalue()


def date_text(row: DirectiveRow) -> str:
    """The row's date as dd/mm/yyyy (else its year, else "")."""
    return date_vi(row.date, row.year)
