"""What a text says of the directives it names: which carries out which.

News of local plans and the preambles of other plans tell a cascade in a few shapes,
each a rule here (``resolve.find_links`` keeps the explicit "X … về thực hiện Y"):

* **co-listed bases**: "Bám sát Chỉ thị số 35-CT/TW … và Kế hoạch số 157-KH/TU … của Ban
  Thường vụ Tỉnh ủy, …" — a list of bases opened by a cue; each later item issued below the
  level of the list's head carries the head out (157-KH/TU → 35-CT/TW);
* **issued under a basis**: "Thực hiện X, … ban hành Y", "Sau khi … ban hành X, … ban hành Y",
  a basis sentence with no main clause followed by "Ngày …, … đã ban hành Y", and directives
  enumerated under "… đã xây dựng và ban hành:" ("1. Kế hoạch số 411-KH/TU …") — Y → X.

The functions take hits as ``(hit, key)`` pairs in text order and return
``(source key, target key, start, end)``, as ``resolve.find_links`` does.
"""
from __future__ import annotations

from . import regexes as rx
from .identity import level_of_code

__all__ = ["LEVEL_RANK", "mentions_of", "basis_lists", "listed_links", "enumerated_issuers", "issued_links"]

# How far below the centre an issuer stands: a co-listed item carries out a head above it.
LEVEL_RANK = {"central": 0, "province": 1, "other": 1, "district": 2, "commune": 3}
_LIST_GAP = 320  # the longest gap (an item's date, issuer and subject) between two listed items
_ENUM_REACH = 1500  # how far back from an enumerated item its issuing line may stand


def mentions_of(groups) -> list[tuple]:
    """(hit, key) of every mention of every group, in text order."""
    return sorted(((h, g.key) for g in groups for h in g.hits), key=lambda x: x[0].start)


def basis_lists(text: str, groups, sentences) -> list[list[tuple]]:
    """The lists of bases of the text's sentences: the first mention of a sentence with a cue
    before it ("Thực hiện", "quán triệt", "Bám sát" …), then each mention joined to the last
    by a list mark (",", ";", "và") with no main clause in between. A repeated mention of an
    item (its subject naming it again) is passed over.

    >>> from .find import find_hits
    >>> from .resolve import Sentences, group_hits
    >>> t = "Bám sát Chỉ thị số 35-CT/TW của Bộ Chính trị và Kế hoạch số 157-KH/TU ngày 5/8/2024 của Ban Thường vụ Tỉnh ủy."
    >>> [[k[1] for _, k in items] for items in basis_lists(t, group_hits(find_hits(t)), Sentences(t))]
    [['35', '157']]
    """
    by_sentence: dict[tuple[int, int], list[tuple]] = {}
    for hit, key in mentions_of(groups):
        by_sentence.setdefault(sentences.bounds(hit.start), []).append((hit, key))
    out = []
    for (s_start, _), items in sorted(by_sentence.items()):
        first, fkey = items[0]
        if not rx.BASIS_CUE.search(text, s_start, first.start) or rx.MAIN_CLAUSE.search(text, s_start, first.start):
            continue
        found, prev = [(first, fkey)], first
        for hit, key in items[1:]:
            if any(key == k for _, k in found):
                continue
            gap = text[max(prev.tail_end, prev.end):hit.start]
            listed = rx.COORDINATION.search(gap) or (hit.form == "bare" and rx.LIST_MARK_TYPED.search(gap))
            if len(gap) > _LIST_GAP or rx.LINK_GAP.match(gap) or not listed or rx.MAIN_CLAUSE.search(gap):
                break
            found.append((hit, key))
            prev = hit
        if len(found) > 1:
            out.append(found)
    return out


def listed_links(text: str, groups, sentences, refs: dict) -> list[tuple]:
    """Links of co-listed bases: each item issued below the head's level carries the head out,
    unless the text links it explicitly elsewhere, or it is dated before the head.
    ``refs`` maps each group key to its placed reference (for its level and date).

    >>> from .find import find_hits
    >>> from .resolve import Sentences, group_hits, merge_hits
    >>> t = "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị; Kế hoạch số 94-KH/TU của Tỉnh ủy."
    >>> gs = group_hits(find_hits(t))
    >>> refs = {g.key: merge_hits(g.hits, g.key).with_(level="province" if g.key[2] == "TU" else "central") for g in gs}
    >>> [(s[1], d[1]) for s, d, _, _ in listed_links(t, gs, Sentences(t), refs)]
    [('94', '35')]
    """
    links = []
    for items in basis_lists(text, groups, sentences):
        head, hkey = items[0]
        top = _rank(refs.get(hkey))
        if top is None:
            continue
        for hit, key in items[1:]:
            rank, ref = _rank(refs.get(key)), refs.get(key)
            if rank is None or rank <= top or _before(ref, refs.get(hkey)):
                continue
            links.append((key, hkey, head.start, hit.end))
    return links


def _rank(ref) -> int | None:
    if ref is None:
        return None
    level = ref.level
    if level is None and ref.issuer_code:
        level = level_of_code(ref.issuer_code)
    return LEVEL_RANK.get(level) if level else None  # a body the text does not place: no rank


def _before(ref, head) -> bool:
    """Whether ``ref`` is dated before ``head`` (then it cannot carry it out)."""
    a = ref.date if ref is not None else None
    b = head.date if head is not None else None
    return bool(a and b and a < b)


def enumerated_issuers(structured: str, groups) -> dict[tuple, tuple[int, str | None]]:
    """For each directive enumerated under an issuing line ("… đã xây dựng và ban hành:" then
    "1. Kế hoạch số 411-KH/TU …", "2. …"): the position of that line's colon and the body it
    names. ``structured`` keeps the text's line breaks (``NormText.text``).

    >>> from .find import find_hits
    >>> from .resolve import group_hits
    >>> t = "Ban Thường vụ Thành ủy Thủ Đức đã xây dựng và ban hành:\\n1. Kế hoạch số 411-KH/TU về đại hội.\\n2. Kế hoạch số 412-KH/TU."
    >>> {k[1]: v for k, v in enumerated_issuers(t, group_hits(find_hits(t.replace(chr(10), " ")))).items()}
    {'411': (54, 'Ban Thường vụ Thành ủy Thủ Đức'), '412': (54, 'Ban Thường vụ Thành ủy Thủ Đức')}
    """
    out: dict[tuple, tuple[int, str | None]] = {}
    for hit, key in mentions_of(groups):
        line = structured.rfind("\n", 0, hit.start) + 1
        if key in out or not rx.ENUMERATED.match(structured, line, hit.start) or not rx.ENUMERATED.fullmatch(structured, line, hit.start):
            continue
        pos = line - 1
        while pos > 0 and pos > hit.start - _ENUM_REACH:
            start = structured.rfind("\n", 0, pos) + 1
            issued = rx.ISSUED_LIST.search(structured, start, pos)
            if issued:
                issuer = issued.group("issuer")
                out[key] = (pos - 1, issuer.strip() if issuer else None)
                break
            if not rx.ENUMERATED.match(structured, start, min(pos, start + 6)) and not _item_line(structured, start):
                break
            pos = start - 1
    return out


def _item_line(structured: str, start: int) -> bool:
    """Whether the line at ``start`` is an enumerated item ("2. Kế hoạch …")."""
    head = structured[start:start + 8].lstrip(" -+*")
    return head[:1].isdigit() and (head[1:2] in ".)" or head[2:3] in ".)")


def issued_links(text: str, groups, sentences, enumerated: dict | None = None, *, extra: tuple = ()) -> list[tuple]:
    """(source key, target key, start, end) for a directive Y issued under a basis X:
    "Thực hiện X, <body> ban hành Y"; "Sau khi <body> ban hành X, <body> ban hành Y"; a basis
    sentence with no main clause followed by "<body> đã ban hành Y"; Y enumerated under an
    issuing line of a basis sentence (``enumerated``: :func:`enumerated_issuers`). X is the
    sentence's first object and each one coordinated with it. ``extra``: more (hit, key)
    pairs, such as a report's own directive (its key then names the document).

    >>> from .find import find_hits
    >>> from .resolve import Sentences, group_hits
    >>> t = "Thực hiện Nghị quyết 58/NQ-TW của Bộ Chính trị, ngày 3/3/1959, Thủ tướng ra Nghị định 100/TTg thành lập lực lượng."
    >>> [(s[1], d[1]) for s, d, _, _ in issued_links(t, group_hits(find_hits(t)), Sentences(t))]
    [('100', '58')]
    """
    mentions = sorted(mentions_of(groups) + list(extra), key=lambda x: x[0].start)
    enumerated = enumerated or {}
    links = []
    for i, (x, xkey) in enumerate(mentions):
        if xkey in enumerated:
            at, near = enumerated[xkey][0], False
        elif rx.ISSUED_BEFORE.search(text[max(0, x.start - 40):x.start]):
            at, near = x.start, True
        else:
            continue
        s_start, _ = sentences.bounds(at)
        if rx.CUE_OPENING.match(text, s_start) is None and rx.AFTER_ISSUING.match(text, s_start) is None:
            s_start = _bare_basis_before(text, s_start, sentences, mentions)
            if s_start is None:
                continue
            near = False
        objects = [(h, k) for h, k in mentions if s_start <= h.start < min(at, x.start) and k != xkey]
        if not objects or (near and x.start - objects[0][0].start > 300 and not rx.AFTER_ISSUING.match(text, s_start)):
            continue
        first, fkey = objects[0]
        targets = [fkey]
        prev = first
        for h, k in objects[1:]:  # "Thực hiện Y1 và Y2, …": each listed object
            gap = text[max(prev.tail_end, prev.end):h.start]
            if not (rx.COORDINATION.search(gap) and len(gap) < 250) or rx.MAIN_CLAUSE.search(gap):
                break
            targets.append(k)
            prev = h
        links.extend((xkey, k, x.start, x.end) for k in targets if k != xkey)
    return links


def _bare_basis_before(text: str, s_start: int, sentences, mentions) -> int | None:
    """The start of the sentence right before ``s_start`` when it is a basis with no main
    clause ("Thực hiện Chỉ thị số 35-CT/TW …; Kế hoạch số 81-KH/ĐUK … ." then "Ngày …, … đã
    ban hành Y"), else None."""
    if s_start <= 1:
        return None
    prev_start, _ = sentences.bounds(s_start - 2)
    if prev_start >= s_start or rx.CUE_OPENING.match(text, prev_start) is None:
        return None
    inside = [h for h, _ in mentions if prev_start <= h.start < s_start]
    if not inside or rx.MAIN_CLAUSE.search(text, inside[0].start, s_start):
        return None
    if any(rx.ISSUED_BEFORE.search(text[max(0, h.start - 40):h.start]) for h in inside):
        return None  # "…, Thủ tướng ra Nghị định 100/TTg …": it has its own main clause
    return prev_start
