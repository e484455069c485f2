"""Shape ``graph.queries`` rows into what the pages show: tables, trees, DOT, HTML, charts.

Pure functions, no streamlit: the pages call them, the tests and
``bench/explorer_timing.py`` call them directly.

>>> from vbgraph.graph.models import DirectiveRow
>>> row = DirectiveRow(id="vn/lai-chau/tu/kh/2021/61", type="KH", number="61",
...                    symbol="61-KH/TU", level="province", province="Lai Châu", year=2021)
>>> jurisdiction(row)
'Lai Châu'
>>> directive_frame([row])[["Loại", "Số hiệu", "Cấp", "Địa bàn"]].values.tolist()
[['Kế hoạch', '61-KH/TU', 'Tỉnh', 'Lai Châu']]
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import asdict, fields
from datetime import date
from typing import Iterable, Sequence

import pandas as pd

from vbgraph.graph.models import CascadeRow, Coverage, DirectiveDetail, DirectiveRow, EdgeRow, Span

from . import routes
from .labels import COLUMNS, LEVEL_COLORS, LEVEL_LABELS, LEVEL_ORDER, STATUS_LABELS, level_label, type_label

__all__ = [
    "jurisdiction",
    "date_vi",
    "display_label",
    "directive_frame",
    "homonym_notes",
    "metadata_frame",
    "conflict_notes",
    "edge_frame",
    "highlight_html",
    "excerpt_bounds",
    "filter_options",
    "cascade_frame",
    "cascade_counts",
    "cascade_csv",
    "cascade_json",
    "cascade_dot",
    "bridge_parents",
    "chain_dot",
    "chain_labels",
    "coverage_frames",
    "coverage_map",
    "lag_chart",
    "most_cited_frame",
]

C = COLUMNS

# ---------------------------------------------------------------- one directive


def jurisdiction(row: DirectiveRow) -> str:
    """Where a directive applies, most specific last-but-readable: "Tam Đường, Lai Châu".

    >>> jurisdiction(DirectiveRow(id="vn/national/tw/nq/2018/35", level="central"))
    'Trung ương'
    """
    parts = [p for p in (row.commune, row.district, row.province) if p]
    if parts:
        return ", ".join(parts)
    if row.level == "central" or row.id.startswith("vn/national/"):
        return LEVEL_LABELS["central"]
    return ""


def date_vi(row: DirectiveRow) -> str:
    """The date as Vietnamese write it (dd/mm/yyyy), else the year, else "".

    >>> date_vi(DirectiveRow(id="x", date="2018-10-22")), date_vi(DirectiveRow(id="x", year=2018))
    ('22/10/2018', '2018')
    """
    d = _date(row)
    if d is not None:
        return d.strftime("%d/%m/%Y")
    return str(row.year) if row.year else (row.date or "")


def _dmy(value: str) -> str:
    """An ISO date as dd/mm/yyyy (other text as is)."""
    return date_vi(DirectiveRow(id="x", date=value)) or str(value)


def display_label(row: DirectiveRow) -> str:
    """``row.label``, but never a bare id: a row without number reads "KH (không rõ số)".

    >>> display_label(DirectiveRow(id="vn/~a/hu/kh/_/_", type="KH"))
    'KH (không rõ số)'
    """
    if row.label != row.id:
        return row.label
    return f"{row.type or 'Văn bản'} (không rõ số)"


def _date(row: DirectiveRow) -> date | None:
    if row.date:
        try:
            return date.fromisoformat(row.date[:10])
        except ValueError:
            return None
    return None


def _record(row: DirectiveRow, *, link: bool = True) -> dict:
    out = {
        C["type"]: type_label(row.type),
        C["symbol"]: display_label(row),
        C["level"]: level_label(row.level),
        C["jurisdiction"]: jurisdiction(row),
        C["date"]: _date(row),
        C["year"]: row.year,
        C["term"]: row.term or "",
        C["title"]: row.title or "",
        C["status"]: STATUS_LABELS.get(row.status, row.status),
        C["homonyms"]: row.homonyms,
        C["id"]: row.id,
    }
    if link:
        out[C["link"]] = routes.url("directive", row.id)
    return out


def directive_frame(rows: Iterable[DirectiveRow], *, link: bool = True) -> pd.DataFrame:
    """One line per directive: type, symbol, level, jurisdiction, date, title, status, homonyms, id."""
    records = [_record(r, link=link) for r in rows]
    if not records:
        records_cols = list(_record(DirectiveRow(id="vn/_"), link=link))
        return pd.DataFrame(columns=records_cols)
    return pd.DataFrame.from_records(records)


def homonym_notes(rows: Sequence[DirectiveRow]) -> list[str]:
    """One sentence per symbol that names several directives (other terms, years or places).

    >>> a = DirectiveRow(id="vn/lai-chau/tu/kh/2021/61", symbol="61-KH/TU", homonyms=2)
    >>> homonym_notes([a])
    ['Số hiệu 61-KH/TU có ở 2 văn bản khác nhau (khác nhiệm kỳ, năm hoặc địa bàn).']
    """
    seen: dict[str, int] = {}
    for r in rows:
        if r.homonyms > 1:
            seen[r.label] = max(seen.get(r.label, 0), r.homonyms)
    return [
        f"Số hiệu {label} có ở {n} văn bản khác nhau (khác nhiệm kỳ, năm hoặc địa bàn)."
        for label, n in seen.items()
    ]


_META_FIELDS = (
    ("symbol", "Số hiệu"),
    ("type", "Loại"),
    ("number", "Số"),
    ("issuer", "Cơ quan ban hành"),
    ("issuer_code", "Mã cơ quan"),
    ("level", "Cấp"),
    ("province", "Tỉnh/thành"),
    ("district", "Huyện"),
    ("commune", "Xã"),
    ("date", "Ngày ban hành"),
    ("year", "Năm"),
    ("term", "Nhiệm kỳ"),
    ("title", "Trích yếu"),
    ("status", "Trạng thái"),
    ("homonyms", "Số văn bản cùng số hiệu"),
    ("id", "Mã định danh"),
)


def metadata_frame(detail: DirectiveDetail) -> pd.DataFrame:
    """Field / value / other values seen (conflicts), for the identity block of the directive page."""
    row = detail.row
    lines = []
    for name, label in _META_FIELDS:
        value = getattr(row, name)
        if name == "type":
            value = f"{type_label(value)} ({value})" if value else None
        elif name == "level":
            value = level_label(value) if value else None
        elif name == "status":
            value = STATUS_LABELS.get(value, value)
        others = detail.conflicts.get(name, ())
        if name == "date":
            value, others = date_vi(row), tuple(_dmy(v) for v in others)
        if value in (None, "") and not others:
            continue
        lines.append({"Trường": label, "Giá trị": "" if value is None else str(value),
                      "Giá trị khác trong các văn bản": "; ".join(str(v) for v in others)})
    return pd.DataFrame(lines, columns=["Trường", "Giá trị", "Giá trị khác trong các văn bản"])


def conflict_notes(detail: DirectiveDetail) -> list[str]:
    """One sentence per field for which the texts disagree.

    >>> d = DirectiveDetail(row=DirectiveRow(id="vn/x"), conflicts={"date": ("2021-01-02", "2021-02-01")})
    >>> conflict_notes(d)
    ['Ngày ban hành: các văn bản ghi khác nhau — 2021-01-02; 2021-02-01']
    """
    labels = dict(_META_FIELDS)
    return [
        f"{labels.get(name, name)}: các văn bản ghi khác nhau — {'; '.join(str(v) for v in values)}"
        for name, values in detail.conflicts.items()
        if len(values) > 1
    ]


def edge_frame(edges: Sequence[EdgeRow]) -> pd.DataFrame:
    """One line per edge: the directive at the other end, then cue, mentions, evidence, source file."""
    records = []
    for e in edges:
        rec = _record(e.other)
        rec.update({
            C["cue"]: e.cue or "",
            C["mentions"]: e.mentions,
            C["sentence"]: e.sentence or "",
            C["source"]: e.source or "",
        })
        if e.ambiguous:
            rec[C["sentence"]] = f"[mơ hồ: {len(e.candidates)} khả năng] " + rec[C["sentence"]]
        records.append(rec)
    cols = [C[k] for k in ("symbol", "type", "level", "jurisdiction", "date", "cue", "mentions",
                           "sentence", "title", "source", "status", "link", "id")]
    if not records:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame.from_records(records)[cols]


# ---------------------------------------------------------------- source text


def excerpt_bounds(length: int, focus: tuple[int, int] | None, window: int | None) -> tuple[int, int]:
    """The stretch of a text to show: all of it, or ``window`` characters either side of ``focus``.

    >>> excerpt_bounds(10_000, (5_000, 5_100), 500)
    (4500, 5600)
    >>> excerpt_bounds(100, None, 500)
    (0, 100)
    """
    if window is None or focus is None:
        return 0, length
    return max(0, focus[0] - window), min(length, focus[1] + window)


def highlight_html(
    text: str,
    spans: Sequence[Span] = (),
    *,
    focus: tuple[int, int] | None = None,
    window: int | None = None,
) -> str:
    """The text as HTML, citations in ``<mark>``, the evidence sentence (``focus``) underlined.

    Overlapping spans are handled by cutting the text at every boundary, so tags never nest badly.

    >>> highlight_html("Thực hiện Nghị quyết 35-NQ/TW <x>", [Span(10, 29, "35-NQ/TW")], focus=(0, 29))
    '<div class="vb-src"><span class="vb-ev">Thực hiện </span><mark class="vb-cite vb-ev" title="35-NQ/TW">Nghị quyết 35-NQ/TW</mark> &lt;x&gt;</div>'
    """
    lo, hi = excerpt_bounds(len(text), focus, window)
    cuts = {lo, hi}
    marks = [(max(lo, s.start), min(hi, s.end), s) for s in spans if s.end > lo and s.start < hi and s.end > s.start]
    for s, e, _ in marks:
        cuts.update((s, e))
    if focus:
        cuts.update((min(max(focus[0], lo), hi), min(max(focus[1], lo), hi)))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        piece = html.escape(text[a:b])
        if not piece:
            continue
        covering = [sp for s, e, sp in marks if s <= a and b <= e]
        in_focus = bool(focus) and focus[0] <= a and b <= focus[1]
        if covering:
            cls = "vb-cite vb-ev" if in_focus else "vb-cite"
            title = html.escape(covering[0].label or covering[0].target or "", quote=True)
            out.append(f'<mark class="{cls}" title="{title}">{piece}</mark>')
        elif in_focus:
            out.append(f'<span class="vb-ev">{piece}</span>')
        else:
            out.append(piece)
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    return f'<div class="vb-src">{prefix}{"".join(out)}{suffix}</div>'


SOURCE_CSS = """
<style>
.vb-src { white-space: pre-wrap; font-family: inherit; line-height: 1.55;
          max-height: 28rem; overflow-y: auto; padding: .75rem; border: 1px solid #dee2e6; border-radius: .5rem; }
.vb-src mark.vb-cite { background: #ffe066; padding: 0 .1rem; border-radius: .2rem; }
.vb-src .vb-ev { text-decoration: underline; text-decoration-color: #e8590c; text-decoration-thickness: 2px; }
.vb-src mark.vb-ev { background: #ffa94d; }
</style>
"""


# ---------------------------------------------------------------- cascade


def filter_options(rows: Sequence[CascadeRow]) -> dict:
    """The values the cascade filters can take, from an unfiltered cascade.

    >>> filter_options([])
    {'types': [], 'levels': [], 'provinces': [], 'years': None}
    """
    types = sorted({c.row.type for c in rows if c.row.type})
    levels = [lv for lv in LEVEL_ORDER if lv and any(c.row.level == lv for c in rows)]
    provinces = sorted({c.row.province for c in rows if c.row.province})
    years = [c.row.year for c in rows if c.row.year]
    return {
        "types": types,
        "levels": levels,
        "provinces": provinces,
        "years": (min(years), max(years)) if years else None,
    }


def bridge_parents(full: Sequence[CascadeRow], kept_ids: set[str], root_id: str) -> dict[str, str]:
    """For each kept row, its nearest kept ancestor (or the root), walking the unfiltered cascade.

    ``graph.queries.cascade`` filters rows but traverses through filtered-out ones, so a kept
    row's parent may be missing; this gives the tree a parent that is shown.

    >>> from vbgraph.graph.models import CascadeRow, DirectiveRow
    >>> rows = [CascadeRow(DirectiveRow(id="a"), "r", 1), CascadeRow(DirectiveRow(id="b"), "a", 2)]
    >>> bridge_parents(rows, {"b"}, "r")
    {'b': 'r'}
    """
    parent = {}
    for c in full:
        parent.setdefault(c.row.id, c.parent_id)
    out = {}
    for rid in kept_ids:
        p = parent.get(rid, root_id)
        guard = 0
        while p not in kept_ids and p != root_id and p in parent and guard < 64:
            p = parent[p]
            guard += 1
        out[rid] = p if (p in kept_ids or p == root_id) else root_id
    return out


def cascade_frame(rows: Sequence[CascadeRow], root: DirectiveRow | None = None) -> pd.DataFrame:
    """The cascade as a table in tree order: an indented "Cây" column, then the directive's fields."""
    labels = {root.id: root.label} if root else {}
    for c in rows:
        labels.setdefault(c.row.id, c.row.label)
    records = []
    for c in rows:
        rec = {C["tree"]: "　" * (c.depth - 1) + ("└ " if c.depth > 1 else "") + c.row.label}
        rec.update(_record(c.row))
        rec[C["depth"]] = c.depth
        rec[C["parent"]] = labels.get(c.parent_id, c.parent_id)
        rec[C["relation"]] = "Thực hiện" if c.relation == "implements" else "Đề cập"
        rec["parent_id"] = c.parent_id
        records.append(rec)
    cols = [C[k] for k in ("tree", "symbol", "type", "level", "jurisdiction", "date", "year", "relation",
                           "parent", "depth", "title", "status", "link", "id")] + ["parent_id"]
    if not records:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame.from_records(records)[cols]


def cascade_counts(rows: Sequence[CascadeRow]) -> dict[str, int]:
    """Number of directives (distinct ids) per level label, in level order.

    >>> from vbgraph.graph.models import CascadeRow, DirectiveRow
    >>> cascade_counts([CascadeRow(DirectiveRow(id="a", level="district"), "r", 1)])
    {'Tỉnh': 0, 'Huyện': 1, 'Xã': 0}
    """
    seen: dict[str, str | None] = {}
    for c in rows:
        seen.setdefault(c.row.id, c.row.level)
    counts = Counter(seen.values())
    out = {LEVEL_LABELS[lv]: counts.get(lv, 0) for lv in ("province", "district", "commune")}
    if counts.get("central"):
        out = {LEVEL_LABELS["central"]: counts["central"], **out}
    unknown = sum(n for lv, n in counts.items() if lv not in LEVEL_LABELS or lv is None)
    if unknown:
        out[LEVEL_LABELS[None]] = unknown
    return out


def cascade_csv(frame: pd.DataFrame) -> bytes:
    """The cascade table as UTF-8 CSV with a byte-order mark (so spreadsheet programs read the accents)."""
    cols = [c for c in frame.columns if c not in (C["tree"], C["link"])]
    return frame[cols].to_csv(index=False).encode("utf-8-sig")


def cascade_json(root: DirectiveRow, rows: Sequence[CascadeRow], filters: dict | None = None) -> bytes:
    """The cascade as JSON: the root, the filters used and one object per row (all fields)."""
    names = _ROW_FIELDS
    doc = {
        "root": asdict(root),
        "filters": filters or {},
        "rows": [
            {"parent_id": c.parent_id, "depth": c.depth, "relation": c.relation,
             **{f: getattr(c.row, f) for f in names}}
            for c in rows
        ],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_ROW_FIELDS = tuple(f.name for f in fields(DirectiveRow))


def _dot_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _node_label(row: DirectiveRow) -> str:
    place = jurisdiction(row)
    bits = [row.label]
    if place and place != LEVEL_LABELS["central"]:
        bits.append(place if len(place) <= 28 else place[:27] + "…")
    if row.year:
        bits.append(str(row.year))
    return "\n".join(bits)


def _whole_levels(by_id: dict[str, CascadeRow], budget: int) -> set[str]:
    """The ids of the deepest whole depths that fit in ``budget`` (at least part of depth 1).

    Drawing whole depths keeps the picture honest: every province is shown, or none
    of the districts is, rather than the districts of the first few provinces only.
    """
    per_depth = Counter(c.depth for c in by_id.values())
    limit, total = 0, 0
    for d in sorted(per_depth):
        if total + per_depth[d] > budget:
            break
        total += per_depth[d]
        limit = d
    if limit == 0:  # even the first depth is too wide: its first ``budget`` rows
        first = min(per_depth, default=1)
        return set([rid for rid, c in by_id.items() if c.depth == first][:budget])
    return {rid for rid, c in by_id.items() if c.depth <= limit}


def _hidden_counts(rows: Sequence[CascadeRow], parent: dict[str, str], root_id: str, shown: set[str]):
    """For each shown node, the levels of the hidden rows whose nearest shown ancestor it is."""
    hidden: dict[str, Counter] = defaultdict(Counter)
    seen = set()
    for c in rows:
        rid = c.row.id
        if rid in shown or rid in seen:
            continue
        seen.add(rid)
        p = parent.get(rid, root_id)
        guard = 0
        while p not in shown and p != root_id and guard < 64:
            p = parent.get(p, root_id)
            guard += 1
        hidden[p if p in shown else root_id][c.row.level] += 1
    return hidden


def _hidden_label(levels: Counter) -> str:
    total = sum(levels.values())
    detail = ", ".join(
        f"{LEVEL_LABELS.get(lv, LEVEL_LABELS[None])} {n}"
        for lv, n in sorted(levels.items(), key=lambda kv: LEVEL_ORDER.index(kv[0]) if kv[0] in LEVEL_ORDER else 9)
    )
    return f"+ {total:,} văn bản bên dưới".replace(",", ".") + f"\n({detail})"


def cascade_dot(
    root: DirectiveRow,
    rows: Sequence[CascadeRow],
    *,
    parents: dict[str, str] | None = None,
    max_nodes: int = 200,
    wrap: int = 10,
) -> tuple[str, int, int]:
    """A Graphviz DOT picture of the cascade, top-down, at most ``max_nodes`` boxes.

    The directives of the first depths that fit in ``max_nodes - 1`` boxes are drawn;
    the others are counted in the box of their nearest drawn ancestor
    ("+ 37 văn bản bên dưới (Huyện 5, Xã 32)", dashed border). Drawn leaves with
    the same parent are wrapped into rows of ``wrap`` boxes (invisible edges), so
    that 60 provinces stay readable.
    ``parents`` maps a row id to the parent to draw (see ``bridge_parents``); default
    each row's ``parent_id``. Returns (dot, directives drawn, directives not drawn).

    >>> from vbgraph.graph.models import CascadeRow, DirectiveRow
    >>> root = DirectiveRow(id="r", symbol="35-NQ/TW", level="central")
    >>> rows = [CascadeRow(DirectiveRow(id=f"p{i}", symbol=f"{i}-KH/TU", level="province"), "r", 1)
    ...         for i in range(5)]
    >>> dot, drawn, rest = cascade_dot(root, rows, max_nodes=4)
    >>> drawn, rest, "rankdir=TB" in dot, "+ 2 văn bản bên dưới" in dot
    (3, 2, True, True)
    >>> kids = [CascadeRow(DirectiveRow(id=f"d{i}", level="district"), f"p{i}", 2) for i in range(5)]
    >>> cascade_dot(root, rows + kids, max_nodes=8)[1:]
    (5, 5)
    """
    parent = dict(parents) if parents else {}
    for c in rows:
        parent.setdefault(c.row.id, c.parent_id)
    by_id: dict[str, CascadeRow] = {}
    for c in rows:
        by_id.setdefault(c.row.id, c)
    shown = _whole_levels(by_id, max_nodes - 1)
    hidden = _hidden_counts(rows, parent, root.id, shown)
    lines = [
        "digraph cascade {",
        "  rankdir=TB; nodesep=0.12; ranksep=0.35; splines=true; newrank=true;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, '
        'fontcolor="white", penwidth=0, margin="0.08,0.04"];',
        '  edge [color="#adb5bd", arrowsize=0.5, dir=back];',
    ]

    def node(row: DirectiveRow, extra: str = "") -> str:
        color = LEVEL_COLORS.get(row.level, LEVEL_COLORS[None])
        label = _node_label(row)
        more = hidden.get(row.id)
        if more:
            label += "\n" + _hidden_label(more)
            extra += ', style="rounded,filled,dashed", penwidth=1.5, color="#212529"'
        tip = f"{row.label} — {jurisdiction(row)} — {row.title or ''}"
        return (f"  {_dot_str(row.id)} [label={_dot_str(label)}, fillcolor={_dot_str(color)}, "
                f"URL={_dot_str(routes.url('directive', row.id))}, target=\"_blank\", tooltip={_dot_str(tip)}{extra}];")

    lines.append(node(root, ', penwidth=2, color="black"'))
    children: dict[str, list[str]] = defaultdict(list)
    for rid, c in by_id.items():
        if rid not in shown:
            continue
        lines.append(node(c.row))
        p = c.parent_id if c.parent_id in shown else parent.get(rid, root.id)
        if p not in shown:
            p = root.id
        children[p].append(rid)
        style = "" if c.relation == "implements" else " [style=dashed]"
        lines.append(f"  {_dot_str(p)} -> {_dot_str(rid)}{style};")
    for kids in children.values():  # wrap wide groups of drawn leaves into rows
        leaves = [k for k in kids if k not in children]
        for a, b in zip(leaves, leaves[wrap:]):
            lines.append(f"  {_dot_str(a)} -> {_dot_str(b)} [style=invis];")
    lines.append("}")
    return "\n".join(lines), len(shown), len(by_id) - len(shown)


# ---------------------------------------------------------------- chain


def chain_labels(paths: Sequence[Sequence[DirectiveRow]]) -> list[str]:
    """Each path as "102-KH/HU → 61-KH/TU → 35-NQ/TW".

    >>> chain_labels([[DirectiveRow(id="a", symbol="102-KH/HU"), DirectiveRow(id="b", symbol="61-KH/TU")]])
    ['102-KH/HU → 61-KH/TU']
    """
    return [" → ".join(r.label for r in path) for path in paths]


def chain_dot(paths: Sequence[Sequence[DirectiveRow]]) -> str:
    """The union of the chains as DOT, roots (central) on top, the local directive at the bottom."""
    lines = [
        "digraph chain {",
        "  rankdir=BT; nodesep=0.3; ranksep=0.5;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, fontcolor="white", penwidth=0];',
        '  edge [color="#868e96", arrowsize=0.7];',
    ]
    nodes: dict[str, DirectiveRow] = {}
    edges = set()
    for path in paths:
        for a, b in zip(path, path[1:]):
            edges.add((a.id, b.id))
        for r in path:
            nodes.setdefault(r.id, r)
    for rid, r in nodes.items():
        color = LEVEL_COLORS.get(r.level, LEVEL_COLORS[None])
        lines.append(f"  {_dot_str(rid)} [label={_dot_str(_node_label(r))}, fillcolor={_dot_str(color)}, "
                     f"URL={_dot_str(routes.url('directive', rid))}, target=\"_blank\"];")
    for a, b in sorted(edges):
        lines.append(f"  {_dot_str(a)} -> {_dot_str(b)};")
    lines.append("}")
    return "\n".join(lines)


# ---------------------------------------------------------------- coverage


def coverage_frames(cov: Coverage, centroid) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(provinces, districts) tables of a coverage, with coordinates from ``centroid(province, district)``.

    ``centroid`` returns ``(lat, lon)`` or None; rows without coordinates keep NaN.
    """
    prov, dist = [], []
    for r in cov.rows:
        latlon = centroid(r.province, r.district) if centroid else None
        rec = {
            C["province"]: r.province,
            C["district"]: r.district or "",
            C["covered"]: "Có" if r.covered else "Chưa có",
            C["directives"]: ", ".join(d.label for d in r.directives),
            C["lag"]: r.lag_days,
            "lat": latlon[0] if latlon else None,
            "lon": latlon[1] if latlon else None,
            "ids": [d.id for d in r.directives],
        }
        (prov if r.district is None else dist).append(rec)
    cols = [C["province"], C["district"], C["covered"], C["directives"], C["lag"], "lat", "lon", "ids"]
    pf = pd.DataFrame(prov, columns=cols).drop(columns=[C["district"]])
    df = pd.DataFrame(dist, columns=cols)
    return pf, df


_COVER_COLORS = {"Có": "#2f9e44", "Chưa có": "#e03131"}


def coverage_map(provinces: pd.DataFrame, districts: pd.DataFrame | None = None):
    """An offline map of Vietnam: one circle per province centroid (green: covered, red: not).

    Districts of covered provinces are small dots. No tiles, no topojson: only points
    on a Mercator projection, so nothing is fetched from the network.
    """
    import altair as alt

    color = alt.Color(
        f"{C['covered']}:N",
        scale=alt.Scale(domain=list(_COVER_COLORS), range=list(_COVER_COLORS.values())),
        legend=alt.Legend(title="Tỉnh/thành", orient="bottom"),
    )
    pts = provinces.dropna(subset=["lat", "lon"]).drop(columns=["ids"], errors="ignore")
    base = alt.Chart(pts).mark_circle(size=170, opacity=0.85, stroke="white", strokeWidth=1).encode(
        longitude="lon:Q",
        latitude="lat:Q",
        color=color,
        tooltip=[C["province"], C["covered"], C["directives"], C["lag"]],
    )
    layers = [base]
    if districts is not None and not districts.empty:
        dpts = districts.dropna(subset=["lat", "lon"]).drop(columns=["ids"], errors="ignore")
        if not dpts.empty:
            layers.append(
                alt.Chart(dpts).mark_point(size=22, filled=True, opacity=0.9, shape="diamond").encode(
                    longitude="lon:Q",
                    latitude="lat:Q",
                    color=alt.Color(f"{C['covered']}:N",
                                    scale=alt.Scale(domain=list(_COVER_COLORS), range=["#0b7285", "#adb5bd"]),
                                    legend=alt.Legend(title="Huyện", orient="bottom")),
                    tooltip=[C["province"], C["district"], C["covered"], C["directives"], C["lag"]],
                )
            )
    return (
        alt.layer(*layers)
        .resolve_scale(color="independent")
        .project(type="mercator")
        .properties(width=360, height=620)
    )


def lag_chart(provinces: pd.DataFrame, districts: pd.DataFrame | None = None, *, below: str = "Huyện"):
    """A histogram of lags (days from the directive to each implementing plan), provinces and the
    units ``below`` them (districts on the old map, communes on the new); counts on whole-number ticks."""
    import altair as alt

    frames = []
    for frame, level in ((provinces, "Tỉnh"), (districts, below)):
        if frame is not None and not frame.empty:
            f = frame[[C["lag"]]].dropna().copy()
            f[C["level"]] = level
            frames.append(f)
    data = pd.concat(frames) if frames else pd.DataFrame(columns=[C["lag"], C["level"]])
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(f"{C['lag']}:Q", bin=alt.Bin(maxbins=30), title="Độ trễ (ngày)",
                    axis=alt.Axis(format="d")),
            y=alt.Y("count():Q", title="Số địa bàn", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(f"{C['level']}:N", title="Cấp",
                            scale=alt.Scale(domain=["Tỉnh", below],
                                            range=[LEVEL_COLORS["province"], LEVEL_COLORS["district"]])),
            tooltip=[alt.Tooltip("count():Q", title="Số địa bàn"), f"{C['level']}:N"],
        )
        .properties(height=260)
    )


# ---------------------------------------------------------------- corpus


def most_cited_frame(pairs: Sequence[tuple[DirectiveRow, int]]) -> pd.DataFrame:
    """The most-cited directives with their citation counts."""
    records = []
    for row, n in pairs:
        rec = {C["citations"]: n}
        rec.update(_record(row))
        records.append(rec)
    cols = [C[k] for k in ("citations", "symbol", "type", "level", "jurisdiction", "date", "title",
                           "status", "homonyms", "link", "id")]
    if not records:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame.from_records(records)[cols]
