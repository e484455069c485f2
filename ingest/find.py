"""Find directive citations in a normalised text: a pure function from text to hits.

Two passes over the text (symbols, then type words) plus two rarer phrase patterns
(well-known names and congress resolutions); everything else is anchored ``match``
calls on short windows, so the cost grows with the text, not with the tables.
"""
from __future__ import annotations

import re
from datetime import date as _date
from functools import cache
from bisect import bisect_left
from collections.abc import Iterator

from . import regexes as rx
from . import tables
from .models import DirectiveRef, Hit
from .normalize import fold_code

__all__ = ["find_hits", "parse_date", "issuer_after", "symbol_starts"]

# How far back from a symbol its type word may stand ("Kết luận số 187, 188-KL/TW").
_TYPE_WORD_REACH = 40
_TITLE_REACH = 150
_WEAK_TITLE_CODES = {"VB", "CĐ", "-"}  # words that head no title ("văn bản", "điện")


def parse_date(match: re.Match) -> str | None:
    """ISO date from a match of ``DATE_ANY`` / ``DATE_AFTER``; None when impossible.

    >>> parse_date(rx.DATE_ANY.search("ngày 26 tháng 01 năm 2022"))
    '2022-01-26'
    >>> parse_date(rx.DATE_ANY.search("ngày 31/02/2020")) is None  # February has no 31st
    True
    """
    groups = match.groupdict()
    d, m, y = groups.get("d") or groups.get("d2"), groups.get("m") or groups.get("m2"), groups.get("y") or groups.get("y2")
    if groups.get("mon"):  # "dated December 31, 2020"
        d, m, y = groups.get("d3"), rx.MONTHS.get(groups["mon"].lower()), groups.get("y3")
    try:
        day, month, year = int(d), int(m), int(y)
    except (TypeError, ValueError):
        return None
    try:
        return _date(year, month, day).isoformat()
    except ValueError:  # no such day: "31/02", "00/13"
        return None


def issuer_after(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """The issuer named right after ``pos`` ("của Ban Thường vụ Tỉnh ủy"), its term, and where it ends.

    >>> issuer_after(" của Bộ Chính trị khóa XII về tăng cường", 0)
    ('Bộ Chính trị', 'XII', 26)
    """
    lead = rx.ISSUER_LEAD.match(text, pos)
    if not lead:
        return None, None, pos
    start = lead.end()
    stop = rx.ISSUER_END.search(text, start + 2, start + 91)
    if stop is None:
        if len(text) > start + 90:
            return None, None, pos  # no boundary within reach: not an issuer phrase
        stop_at = len(text)
    else:
        stop_at = stop.start()
    issuer = text[start:stop_at].strip(" -")
    end = stop_at
    term = None
    t = rx.TRAILING_TERM.search(issuer)
    if t:
        term = t.group("term").upper()
        issuer = issuer[: t.start()].strip(" ,-(")
    else:
        t = rx.TRAILING_TERM.match(text, end)
        if t:
            term, end = t.group("term").upper(), t.end()
    return issuer or None, term, end


def find_hits(text: str) -> list[Hit]:
    """Every citation-like phrase of a normalised text, in text order.

    >>> [(h.form, h.ref.type, h.ref.number, h.ref.issuer_code, h.ref.date)
    ...  for h in find_hits("Thực hiện Kết luận số 224- KL/TU ngày 18/10/2021 và Kết luận 224")]
    [('full', 'KL', '224', 'TU', '2021-10-18'), ('short', 'KL', '224', None, None)]
    """
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer: keep offsets
        lower = "".join(c.lower()[:1] for c in text)
    hits: list[Hit] = []
    numbers: set[str] = set()
    pos = 0
    for candidate in symbol_starts(text):
        if candidate < pos:
            continue
        m = rx.SYMBOL.match(text, candidate)
        if m is None:
            dashed = rx.DASHED.match(text, candidate)
            if dashed and not rx.glued_before(text, dashed.start()):
                words = _type_words_in(lower, max(0, dashed.start() - _TYPE_WORD_REACH), dashed.start())
                found = _dashed_hits(text, dashed, words)
                hits.extend(found)
                numbers.update(str(int(h.ref.number)) for h in found)
                pos = dashed.end()
            continue
        if rx.glued_before(text, m.start()):
            pos = _after_token(text, m.start())
            continue
        pos = m.end()
        at = m.start()
        words = _type_words_in(lower, max(0, at - _TYPE_WORD_REACH), at)  # most have their word right before
        if not words or not rx.BEFORE_SYMBOL.match(text[words[-1][1]:at]):
            words = _type_words_in(lower, max(0, at - _TITLE_REACH - 30), at)
        found = _symbol_hits(text, m, words, [w[1] for w in words], set())
        hits.extend(found)
        numbers.update(str(int(h.ref.number)) for h in found if h.ref.number and h.ref.number.isdigit())
    hits.extend(_short_forms(text, lower, numbers, hits))
    if "số" in text:
        hits.extend(_numbered_hits(text, lower, hits))
    hits.extend(_named_forms(text, lower, hits))
    if "khóa" in lower or "khoá" in lower:
        hits.extend(_alias_hits(text, lower))
    if "đại hội" in lower:
        hits.extend(_congress_hits(text, lower))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def symbol_starts(text: str) -> list[int]:
    """Where a symbol may start: the starts of ``rx.SYMBOL_START.finditer(text)``, found
    from the separators ('/' and '-', each scanned for at C speed) and the digits before them.

    >>> t = "số 13/2023/NĐ-CP, ngày 18/10/2021, Kế hoạch số 58 - KH/HU"
    >>> symbol_starts(t) == [m.start() for m in rx.SYMBOL_START.finditer(t)] == [3, 47]
    True
    """
    starts: list[int] = []
    slash, dash = rx.SYMBOL_SLASH.search(text), rx.SYMBOL_DASH.search(text)
    end = 0  # like ``finditer``, a place starts after the end of the one before
    while slash or dash:
        m = slash if dash is None or (slash is not None and slash.start() < dash.start()) else dash
        at = m.start()
        while text[at - 1] == " ":  # the pattern saw a digit before these spaces
            at -= 1
        first = at - 1
        while first > 0 and at - first < 5 and "0" <= text[first - 1] <= "9":
            first -= 1
        if first >= end:
            starts.append(first)
            end = m.end()
        after = max(end, m.start() + 1)
        if slash is not None and slash.start() < after:
            slash = rx.SYMBOL_SLASH.search(text, after)
        if dash is not None and dash.start() < after:
            dash = rx.SYMBOL_DASH.search(text, after)
    return starts


def _type_word_before(start: int, type_words, tw_ends, text: str):
    """The type word that governs a symbol at ``start`` and the numbers listed before it:
    right before it ("Kết luận số 187, 188-KL/TW"), or before a title that ends in
    "số" ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15")."""
    i = bisect_left(tw_ends, start + 1) - 1
    if i < 0:
        return None, []
    between = text[type_words[i][1]:start]
    if type_words[i][1] >= start - _TYPE_WORD_REACH:
        m = rx.BEFORE_SYMBOL.match(between)
        if m:
            return i, rx.LISTED_NUMBER.findall(m.group("list"))
    if type_words[i][1] >= start - _TITLE_REACH and rx.TITLE_THEN_SO.search(between):
        # The head of the title: the outermost capitalised type word ("Luật Sửa đổi, bổ sung một số
        # điều Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15" is a Luật, not a "văn bản").
        best, j = None, i
        while j >= 0 and type_words[j][1] >= start - _TITLE_REACH and rx.TITLE_THEN_SO.search(text[type_words[j][1]:start]):
            code = type_words[j][2]
            if code in _WEAK_TITLE_CODES:  # "Luật Điện lực": 'điện' is no type word inside a title
                j -= 1
                continue
            if best is not None and code != type_words[best][2]:
                break  # another kind of document before the title: not part of it
            if text[type_words[j][0]].isupper():
                best = j
            j -= 1
        if best is None:
            return None, []
        i = best
        return i, None  # None: a named title stands between the type word and the number
    return None, []


def _symbol_hits(text, m: re.Match, type_words, tw_ends, used_words) -> list[Hit]:
    wi, listed = _type_word_before(m.start(), type_words, tw_ends, text)
    if wi is not None and type_words[wi][2] == "-":
        return []  # "Bản án số 682/2015/HSPT": not a directive
    name = None
    if listed is None:  # "Luật Địa chất và Khoáng sản số 54/2024/QH15": keep the name
        listed = []
        name = rx.NAME_BEFORE_SO.sub("", text[type_words[wi][1]:m.start()]).strip()
    word_code = type_words[wi][2] if wi is not None else None
    start = type_words[wi][0] if wi is not None else m.start()
    if wi is not None:
        used_words.add(wi)
    type_code, number, issuer_code, symbol, year = _symbol_fields(m, word_code)
    end = m.end()
    tail = end
    date = None
    d = rx.DATE_AFTER.match(text, tail) or rx.DATE_AFTER_EN.match(text, tail)
    if d and d.end() - tail <= 40:
        date = parse_date(d)
        if date:
            tail = d.end()
            end = d.end()
    if year is None:
        if date:
            year = int(date[:4])
        else:
            y = rx.YEAR_AFTER.match(text, tail)
            if y:
                year, tail = int(y.group("year")), y.end()
    issuer, term, tail = issuer_after(text, tail)
    if issuer is None:  # "theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …", "HĐND tỉnh X ban hành …"
        window = text[max(0, start - 40):start]
        before = None
        if "tại" in window:
            before = rx.ISSUER_BEFORE.search(text, max(0, start - 120), start)
        if before is None and ("hành" in window or "qua" in window or " ra " in window or " có " in window or "bố" in window):
            before = rx.ISSUER_ISSUED.search(text, max(0, start - 120), start)
        if before:
            issuer = before.group("issuer").strip()
    if term is None:
        t = rx.TERM_EXACT.match(text, tail)
        if t:
            term, tail = t.group("term").upper(), t.end()
    if date is None:
        d = rx.DATE_AFTER.match(text, tail)
        if d and d.end() - tail <= 30 and parse_date(d):
            date, tail = parse_date(d), d.end()
            year = year or int(date[:4])
    title = None
    ti = rx.TITLE_AFTER.match(text, tail)
    if ti:
        title = ti.group("title").strip(" “”\"")
    if (date is None or issuer is None) and ")." in text[max(0, start - 20):start]:
        ref_entry = rx.REFERENCE_ENTRY.search(text, max(0, start - 160), start)  # 'UBND tỉnh X (ngày …). "Quyết định số …'
        if ref_entry:
            issuer = issuer or ref_entry.group("issuer").strip()
            if date is None and parse_date(ref_entry):
                date = parse_date(ref_entry)
                year = year or int(date[:4])
    if date is None:
        date = _lead_date(text, start)
        year = year or (int(date[:4]) if date else None)
    ref = DirectiveRef(type=type_code, number=number, issuer_code=issuer_code, symbol=symbol, issuer=issuer,
                       date=date, year=year, term=term, title=name or title)
    hits = []
    for num in listed:  # "Kết luận số 187, 188-KL/TW": 187-KL/TW too
        sym = symbol.replace(number, num, 1)
        hits.append(Hit(start, end, "list", ref.with_(number=num, symbol=sym, date=None, title=None), tail_end=tail))
    hits.append(Hit(start, end, "full" if wi is not None else "bare", ref, tail_end=tail))
    return hits


def _lead_date(text: str, start: int) -> str | None:
    """The date that opens the sentence of a citation issued in it ("Ngày 12/3/2012, Văn
    phòng Chính phủ đã có văn bản số 87/TB-VPCP"), or None."""
    if "gày" not in text[max(0, start - 200):start]:
        return None
    before = rx.DATE_LEADS.search(text, max(0, start - 200), start)
    return parse_date(before) if before else None


def _dashed_hits(text: str, m: re.Match, type_words) -> list[Hit]:
    """An old-style symbol with no type part after a type word: "Quyết định số 326-CP",
    "Sắc lệnh 60-SL", "Quyết định số 89-NV năm 1967". Without a type word it is not taken."""
    wi, listed = _type_word_before(m.start(), type_words, [w[1] for w in type_words], text)
    if wi is None or listed is None or type_words[wi][2] in _WEAK_TITLE_CODES:
        return []
    start, _, code = type_words[wi]
    issuer = fold_code(m.group("d_code"))
    if tables.symbol_type(issuer, code) == code:  # "60-SL" names only the type
        issuer = None
    end = tail = m.end()
    date = year = None
    d = rx.DATE_AFTER.match(text, tail)
    if d and d.end() - tail <= 40 and parse_date(d):
        date = parse_date(d)
        year, end = int(date[:4]), d.end()
        tail = end
    else:
        y = rx.YEAR_AFTER.match(text, tail)
        if y:
            year, tail = int(y.group("year")), y.end()
    if date is None:
        date = _lead_date(text, start)
        year = year or (int(date[:4]) if date else None)
    ref = DirectiveRef(type=code, number=m.group("d_num"), issuer_code=issuer, symbol=m.group(0), date=date, year=year)
    return [Hit(start, end, "full", ref, tail_end=tail)]


def symbol_ref(m: re.Match, word_code: str | None = None) -> DirectiveRef:
    """Type, number, issuer code, symbol and year of a ``SYMBOL`` match.

    The type word of the text decides the type ("Quy định số 11-QĐ/TW" is a QĐi); a
    State symbol's first part is its type only when it is a type code the word allows
    ("Công văn số 5388/CT-CS": issuer code CT-CS).

    >>> symbol_ref(rx.SYMBOL.search("12/2010/TTLT-BKHĐT-BTC"), "TT").issuer_code
    'BKHĐT-BTC'
    >>> symbol_ref(rx.SYMBOL.search("326/UBND-KGVX")).issuer_code
    'UBND-KGVX'
    """
    type_code, number, issuer_code, symbol, year = _symbol_fields(m, word_code)
    return DirectiveRef(type=type_code, number=number, issuer_code=issuer_code, symbol=symbol, year=year)


def _symbol_fields(m: re.Match, word_code: str | None) -> tuple:
    """(type, number, issuer code, symbol, year) of a ``SYMBOL`` match; see :func:`symbol_ref`."""
    year = None
    generic = word_code == "VB"
    if generic:
        word_code = None
    if m.group("p_num"):
        number = m.group("p_num")
        part = fold_code(m.group("p_type"))
        issuer_code = fold_code(m.group("p_iss"))
        type_code = word_code or tables.symbol_type(part) or part
        symbol = f"{number}-{part}/{issuer_code}"
    else:
        number = m.group("s_num")
        year_text = m.group("s_year") or m.group("s_year2")  # "19-2017/NQ-CP" written for 19/2017/NQ-CP
        year = int(year_text) if year_text else None
        code = fold_code(m.group("s_code"))
        split = rx.CODE_HEAD.match(code)
        head, rest = (split.group(1), split.group(2)) if split else (code, "")
        typed = tables.symbol_type(head, word_code) if rest else None
        if typed and not generic:
            type_code, issuer_code = typed, rest
        elif not rest and tables.symbol_type(head, word_code):  # "Sắc lệnh số 261/SL": no issuer part
            type_code, issuer_code = tables.symbol_type(head, word_code), None
        else:
            type_code = word_code or (tables.symbol_type(head) if rest and generic else None) or "CV"
            issuer_code = rest if (generic and rest and tables.symbol_type(head)) else code
        symbol = f"{number}/{str(year) + '/' if year else ''}{code}"
    return type_code, number, issuer_code, symbol, year


def _after_token(text: str, pos: int) -> int:
    """The end of the token that runs through ``pos`` (a match glued to it is skipped whole)."""
    return rx.TOKEN_REST.match(text, pos).end() or pos + 1


@cache
def _short_lead_words() -> frozenset[str]:
    """Last words of type words, and "số": what stands right before a short form's number."""
    return frozenset({w.split()[-1] for w in tables.type_words()} | {"số", "số:"})


def _type_words_in(lower: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Type words of the lower-cased text between two offsets: (start, end, code).
    "luật" in "pháp luật" (law in general) is not one."""
    return [(m.start(), m.end(), tables.type_of_word(m.group("tw"))) for m in rx.type_word_regex().finditer(lower, start, end)
            if not (m.group("tw") == "luật" and lower.endswith("pháp ", 0, m.start()))]


def _short_forms(text: str, lower: str, numbers: set[str], full: list[Hit]) -> list[Hit]:
    """Short forms ("Kết luận 224") of numbers that some full citation of the text has:
    only those can be resolved, so only those are looked for (with ``str.find``)."""
    if not numbers:
        return []
    covered = sorted((h.start, h.end) for h in full)
    starts = [a for a, _ in covered]
    hits = []
    for number in numbers:
        pos = text.find(number)
        while pos >= 0:
            at, pos = pos, text.find(number, pos + len(number))
            while at > 0 and text[at - 1] == "0":  # "01" for 1
                at -= 1
            if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "/.,-_"):
                continue
            i = bisect_left(starts, at + 1) - 1
            if i >= 0 and covered[i][0] <= at < covered[i][1]:
                continue
            if lower[max(0, at - 14):at].rstrip().rpartition(" ")[2] not in _short_lead_words():
                continue  # not "… số 224", "Kết luận 224": no type word can stand before it
            words = _type_words_in(lower, max(0, at - 20), at)
            if not words:
                continue
            w_start, w_end, code = words[-1]
            sm = rx.SHORT_FORM.match(text, w_end)
            if code in ("VB", "-") or not sm or sm.start("num") != at:
                continue
            hits.append(Hit(w_start, sm.end(), "short", DirectiveRef(type=code, number=sm.group("num")), tail_end=sm.end()))
    return hits


def _numbered_hits(text: str, lower: str, full: list[Hit]) -> list[Hit]:
    """Directives named by type word and number with no symbol, whose local issuer is named
    ("Kế hoạch số 155, ngày 07/7/2019 của Thành ủy Hà Nội", "Tỉnh ủy Hà Tĩnh đã ban hành
    Chương trình hành động số 40"): the issuer code is read from the issuer's name and the
    symbol stays unknown. A number that a full citation of the same type has is its short form.

    >>> [(h.form, h.ref.type, h.ref.number, h.ref.issuer_code, h.ref.date, h.ref.symbol_text())
    ...  for h in find_hits("và Kế hoạch số 155, ngày 07/7/2019 của Thành ủy Hà Nội về đại hội")]
    [('number', 'KH', '155', 'TU', '2019-07-07', None)]
    """
    typed = {(h.ref.type, str(int(h.ref.number))) for h in full if h.ref.number and h.ref.number.isdigit()}
    hits = []
    lead_words = _short_lead_words()
    for so in rx.SO_NUMBER.finditer(text):
        at = so.start()
        if at == 0 or text[at - 1] != " " or lower[max(0, at - 14):at].rstrip().rpartition(" ")[2] not in lead_words:
            continue  # "số" right after a type word's last word ("Kế hoạch số") or nothing
        words = _type_words_in(lower, max(0, at - _TYPE_WORD_REACH), at)
        if not words or words[-1][1] < so.start() - 1 or words[-1][2] in _WEAK_TITLE_CODES:
            continue
        start, _, code = words[-1]
        m = rx.NUMBER_WITHOUT_SYMBOL.match(text, words[-1][1])
        if m is None or (code, str(int(m.group("num")))) in typed:
            continue
        end = tail = m.end()
        date = None
        d = rx.DATE_AFTER.match(text, tail)
        if d and d.end() - tail <= 40 and parse_date(d):
            date, end = parse_date(d), d.end()
            tail = end
        issuer, term, tail = issuer_after(text, tail)
        if issuer is None and "hành" in text[max(0, start - 40):start]:
            before = rx.ISSUER_ISSUED.search(text, max(0, start - 120), start)
            issuer = before.group("issuer").strip() if before else None
        found = tables.issuer_code_of(issuer) if issuer else None
        if found is None or found[1] == "central":
            continue
        title = rx.TITLE_AFTER.match(text, tail)
        ref = DirectiveRef(type=code, number=m.group("num"), issuer_code=found[0], issuer=issuer, date=date,
                           year=int(date[:4]) if date else None, term=term, no_symbol=True,
                           title=title.group("title").strip(" “”\"") if title else None)
        hits.append(Hit(start, end, "number", ref, tail_end=tail))
    return hits


_NAMED_TYPES = {"L": "luật", "PL": "pháp lệnh"}


def _named_forms(text: str, lower: str, full: list[Hit]) -> list[Hit]:
    """A law named by its title alone ("… của Luật Địa chất và Khoáng sản") is a mention of
    the law the same text cites with title and number, when only one has that title."""
    by_name: dict[str, list[Hit]] = {}
    for h in full:
        word = _NAMED_TYPES.get(h.ref.type or "")
        if word and h.form == "full" and h.ref.title and len(h.ref.title.split()) >= 2 and lower.startswith(word, h.start):
            by_name.setdefault(f"{word} {h.ref.title.lower()}", []).append(h)
    hits = []
    for name, found in by_name.items():
        if len({(h.ref.number, h.ref.issuer_code) for h in found}) != 1:
            continue
        ref = found[0].ref
        pos = lower.find(name)
        while pos >= 0:
            end = pos + len(name)
            numbered = rx.NUMBER_NEXT.match(lower, end)  # "… Luật Nhà ở số 27/2023/QH15": a title, not a mention
            if not numbered and not any(h.start <= pos < h.end for h in found) and (end >= len(lower) or not lower[end].isalnum()):
                hits.append(Hit(pos, end, "short", DirectiveRef(type=ref.type, number=ref.number), tail_end=end))
            pos = lower.find(name, end)
    return hits


def _alias_hits(text: str, lower: str) -> list[Hit]:
    """Well-known names ("Nghị quyết Trung ương 4 khóa XII") resolved through the alias
    table; where a plenum adopted several, the subject words around the mention (or
    around another mention of the same name in the text) decide, else none is taken.
    The pattern runs on ``lower``, the lower-cased text (same offsets)."""
    rows = [r for r in tables.aliases() if r.get("pattern_kind") == "plenum"]
    if not rows:
        return []
    found: list[tuple[re.Match, tuple, list[dict]]] = []
    for m in _matches_at(rx.ALIAS, lower, _places(lower, ("nghị quyết", "kết luận"))):
        ordinal = m.group("ord2") or m.group("ord1") or m.group("ord1b")
        if not ordinal:
            continue
        plenum = int(ordinal) if ordinal.isdigit() else rx.ORDINALS.get(ordinal.lower())
        kind = "NQ" if m.group("tw").lower().startswith("ngh") else "KL"
        for khoa in re.split(r"[ ]*,[ ]*", m.group("khoa").upper()):  # "(Khóa XI, XII)": one per term
            name = (kind, str(plenum), khoa)
            candidates = [r for r in rows if (r["type"], str(r["hoi_nghi"]), r["khoa"].upper()) == name]
            if candidates:
                found.append((m, name, _by_topic(candidates, lower, m.start(), m.end())))
    decided = {name: cands[0] for _, name, cands in found if len(cands) == 1}
    hits = []
    for m, name, _ in found:
        row = decided.get(name)
        if row is None:
            continue
        date = row.get("date") or None
        ref = DirectiveRef(type=row["type"], number=row["number"], issuer_code=row.get("issuer_code") or "TW",
                           date=date, year=int(date[:4]) if date else None, term=name[2], title=row.get("title") or None)
        hits.append(Hit(m.start(), m.end(), "alias", ref, tail_end=m.end(), via_alias=text[m.start():m.end()]))
    return hits


def _places(text: str, words: tuple[str, ...]) -> list[int]:
    """Every offset where one of ``words`` occurs in ``text``, in order (``str.find``)."""
    places = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            places.append(at)
            at = text.find(word, at + 1)
    places.sort()
    return places


def _matches_at(pattern: re.Pattern, text: str, places: list[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that can match only at ``places`` (sorted):
    ALIAS and CONGRESS open with a type word, and searching for the pattern itself (no
    literal prefix) costs a match attempt at every 'n' and 'k' of the text.

    >>> [m.group(0) for m in _matches_at(re.compile("ab+"), "ab abb b", [0, 3, 7])]
    ['ab', 'abb']
    """
    end = 0
    for at in places:
        if at < end:
            continue  # inside the match before, as finditer would skip it
        m = pattern.match(text, at)
        if m:
            yield m
            end = m.end()


def _by_topic(candidates: list[dict], text: str, start: int, end: int) -> list[dict]:
    if len(candidates) == 1:
        return candidates
    window = text[max(0, start - 300): end + 250].lower()
    scored = [(sum(1 for k in (r.get("topic_keywords") or "").split("|") if k.strip() and k.strip().lower() in window), r)
              for r in candidates]
    best = max(score for score, _ in scored)
    return [r for score, r in scored if score == best] if best else candidates


_LEVEL_OF_BODY = (
    ("toàn quốc", "TW"), ("việt nam", "TW"), ("tỉnh", "TU"), ("thành phố", "TU"), ("khối", "ĐUK"),
    ("huyện", "HU"), ("quận", "HU"), ("thị xã", "HU"), ("xã", "ĐU"), ("phường", "ĐU"), ("thị trấn", "ĐU"),
)


def _congress_hits(text: str, lower: str) -> list[Hit]:
    hits = []
    pos = 0
    # CONGRESS ignores case: where it matches, the lower-cased text reads "nghị quyết"
    for m in _matches_at(rx.CONGRESS, text, _places(lower, ("nghị quyết",))):
        if m.start() < pos:
            continue
        hit = _congress_hit(m, m.start())
        if hit is None:
            continue
        hits.append(hit)
        pos = m.end()
        while True:
            more = rx.CONGRESS_MORE.match(text, pos)
            if not more or more.end() == pos:
                break
            extra = _congress_hit(more, more.start() + len(more.group(0)) - len(more.group(0).lstrip(" ,;và")))
            if extra is None:
                break
            hits.append(extra)
            pos = more.end()
    return hits


def _congress_hit(m: re.Match, start: int) -> Hit | None:
    ordinal = (m.group("ord_a") or m.group("ord_b") or "").upper()
    period = m.group("period")
    if not ordinal and not period:
        return None
    body = (m.group("body") or "").lower()
    code = "TW"
    for word, c in _LEVEL_OF_BODY:
        if word in body:
            code = c
            break
    if "bộ" in body and code == "TW" and "toàn quốc" not in body:
        code = "TU"
    congress = ordinal or re.sub(r"[ ]", "", period)
    ref = DirectiveRef(type="NQ", number=None, issuer_code=code, congress=congress)
    return Hit(start, m.end(), "congress", ref, tail_end=m.end())
