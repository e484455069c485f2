"""The cascade as a collapsible tree that reads at any size: level → province →
district → commune → directives, a count on every branch.

Plain HTML (``<details>``/``<summary>``), every value escaped, no script and nothing
fetched: it works offline and in any browser, and 1,300 directives stay readable
because only the branches a reader opens are expanded.

>>> from vbgraph.graph.models import CascadeRow, DirectiveRow
>>> rows = [CascadeRow(DirectiveRow(id="vn/a", symbol="61-KH/TU", level="province", province="Lai Châu"), "r", 1),
...         CascadeRow(DirectiveRow(id="vn/b", symbol="<b>2</b>", level="district", province="Lai Châu",
...                                 district="Tam Đường"), "vn/a", 2)]
>>> html = tree_html(rows)
>>> "Tỉnh</span> <span class=\\"vb-n\\">1</span>" in html, "&lt;b&gt;2&lt;/b&gt;" in html, "<b>2" in html
(True, True, False)
"""
from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from vbgraph.graph.models import CascadeRow, DirectiveRow

from . import routes
from .labels import LEVEL_COLORS, LEVEL_LABELS
from .vi import count_vi, date_vi, sort_key

__all__ = ["tree_html", "TREE_CSS", "levels_of"]

_UNKNOWN_PLACE = "Chưa rõ địa bàn"
# Which place fields group the rows of each level, outermost first.
_GROUPS = {
    "central": (),
    "province": ("province",),
    "district": ("province", "district"),
    "commune": ("province", "district", "commune"),
    None: ("province",),
}
_LEVELS = ("central", "province", "district", "commune", None)

TREE_CSS = """
<style>
.vb-tree { font-size: .95rem; line-height: 1.5; }
.vb-tree details { margin-left: 1.1rem; }
.vb-tree > details { margin-left: 0; }
.vb-tree summary { cursor: pointer; padding: .1rem 0; }
.vb-tree summary:hover { background: #f1f3f5; }
.vb-tree .vb-n { display: inline-block; min-width: 1.6rem; padding: 0 .4rem; border-radius: .6rem;
                 background: #e9ecef; color: #212529; font-size: .85em; text-align: center; }
.vb-tree .vb-lv { display: inline-block; padding: 0 .45rem; border-radius: .3rem; color: white; }
.vb-tree ul { margin: .1rem 0 .3rem 1.1rem; padding-left: .8rem; }
.vb-tree li { margin: .1rem 0; }
.vb-tree .vb-meta { color: #495057; }
</style>
"""


def levels_of(rows: Sequence[CascadeRow]) -> list[str | None]:
    """The levels present, in order (None last)."""
    present = {c.row.level if c.row.level in LEVEL_LABELS else None for c in rows}
    return [lv for lv in _LEVELS if lv in present]


def _leaf(row: DirectiveRow, titles: Mapping[str, str] | None) -> str:
    e = html.escape
    bits = [b for b in (date_vi(row.date, row.year), row.issuer or "") if b]
    title = (titles or {}).get(row.id) or ""
    meta = " · ".join(e(b) for b in bits)
    text = f'<a href="{e(routes.url("directive", row.id), quote=True)}" target="_self">{e(row.label)}</a>'
    if meta:
        text += f' <span class="vb-meta">· {meta}</span>'
    if title:
        text += f" — {e(title)}"
    return f"<li>{text}</li>"


def _branch(name: str, count: int, body: str, *, open_: bool = False, badge: str | None = None) -> str:
    label = html.escape(name)
    if badge:
        label = f'<span class="vb-lv" style="background:{badge}">{label}</span>'
    return (f"<details{' open' if open_ else ''}><summary>{label} <span class=\"vb-n\">{count_vi(count)}</span>"
            f"</summary>{body}</details>")


def _group(rows: list[DirectiveRow], fields: tuple[str, ...], titles, open_small: int) -> str:
    if not fields:
        rows = sorted(rows, key=lambda r: (r.date or "", sort_key(r.label)))
        return "<ul>" + "".join(_leaf(r, titles) for r in rows) + "</ul>"
    field, rest = fields[0], fields[1:]
    parts: dict[str, list[DirectiveRow]] = {}
    direct: list[DirectiveRow] = []
    for r in rows:
        value = getattr(r, field)
        if value:
            parts.setdefault(value, []).append(r)
        elif field == "province":
            parts.setdefault(_UNKNOWN_PLACE, []).append(r)
        else:  # e.g. a commune plan whose district is unknown: listed under its province directly
            direct.append(r)
    out = [_group(direct, (), titles, open_small)] if direct else []
    names = sorted(parts, key=lambda n: (n == _UNKNOWN_PLACE, sort_key(n)))
    for name in names:
        kids = parts[name]
        out.append(_branch(name, len(kids), _group(kids, rest, titles, open_small), open_=len(rows) <= open_small))
    return "".join(out)


def tree_html(rows: Sequence[CascadeRow], titles: Mapping[str, str] | None = None, *, open_small: int = 12) -> str:
    """The tree of a (filtered) cascade as escaped HTML; each directive once, branches with counts.

    Levels are open; a branch below them is open only when its parent holds at most
    ``open_small`` directives.
    """
    seen: dict[str, DirectiveRow] = {}
    for c in rows:
        seen.setdefault(c.row.id, c.row)
    by_level: dict[str | None, list[DirectiveRow]] = {}
    for r in seen.values():
        by_level.setdefault(r.level if r.level in _GROUPS else None, []).append(r)
    out = []
    for lv in _LEVELS:
        kids = by_level.get(lv)
        if not kids:
            continue
        body = _group(kids, _GROUPS[lv], titles, open_small)
        out.append(_branch(LEVEL_LABELS[lv], len(kids), body, open_=True, badge=LEVEL_COLORS[lv]))
    return f'<div class="vb-tree">{"".join(out)}</div>'
