"""Search for staff: homonyms grouped, near misses suggested ("did you mean").

>>> from vbgraph.graph.models import DirectiveRow
>>> rows = [DirectiveRow(id="a", symbol="35/NQ-CP"), DirectiveRow(id="b", symbol="35-NQ/TW"),
...         DirectiveRow(id="c", symbol="35/NQ-CP")]
>>> [(label, [r.id for r in members]) for label, members in group_homonyms(rows)]
[('35/NQ-CP', ['a', 'c']), ('35-NQ/TW', ['b'])]
>>> alternatives("35-NQ/TƯW")
['Nghị quyết 35', '35']
>>> alternatives("Kết luận 224 Lai Chau")
['Kết luận 224 Lai', 'Kết luận 224', '224']
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from vbgraph.graph.models import DirectiveRow

from .labels import type_label
from .vi import text_key

__all__ = ["group_homonyms", "alternatives"]

_SYMBOL = re.compile(r"(?P<number>\d+)\s*[-/]\s*(?:\d{4}\s*/\s*)?(?P<type>[A-Za-zĐđ]+)")
_NUMBER = re.compile(r"\d+")


def group_homonyms(rows: Sequence[DirectiveRow]) -> list[tuple[str, list[DirectiveRow]]]:
    """Rows grouped by symbol (case and spacing ignored), groups in the order of their first row."""
    groups: dict[str, tuple[str, list[DirectiveRow]]] = {}
    for r in rows:
        groups.setdefault(text_key(r.label), (r.label, []))[1].append(r)
    return list(groups.values())


def alternatives(query: str) -> list[str]:
    """Looser searches to try when ``query`` finds nothing, most specific first."""
    out: list[str] = []
    words = query.split()
    m = _SYMBOL.search(query)
    if m and type_label(m["type"]) != m["type"]:
        out.append(f"{type_label(m['type'])} {int(m['number'])}")
    elif not m:
        for n in range(len(words) - 1, 1, -1):  # drop trailing words (places, title words) one by one
            if any(_NUMBER.fullmatch(w) for w in words[:n]):
                out.append(" ".join(words[:n]))
    number = _NUMBER.search(query)
    if number:
        out.append(str(int(number.group())))
    return list(dict.fromkeys(a for a in out if a != query))
