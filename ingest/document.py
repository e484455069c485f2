"""What a text itself is: an original directive, a report on one, or other text.

Read from the header ("Số 102 - KH/HU"), the heading word ("KẾ HOẠCH"), the
issuing-body lines ("HUYỆN ỦY TAM ĐƯỜNG"), the place-and-date line ("Tam Đường,
ngày 26 tháng 01 năm 2022") or, for news, the sentence that reports the issuing
("Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 58 - KH/HU"). Never guessed:
a field the text does not give is None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import regexes as rx
from . import tables
from .find import parse_date, symbol_ref
from .identity import level_of_code
from .models import DirectiveRef, Document, Header, Hit
from .normalize import NormText
from .resolve import Sentences, opening_end

__all__ = ["identify_document", "text_date", "read_header", "report_hit", "body_lines", "HEAD_CHARS"]

HEAD_CHARS = 3000  # the header of an original lies in its first characters
DATELINE_CHARS = 400  # a news text gives its date in its headline, dateline or lead


def identify_document(norm: NormText, hits: list[Hit]) -> Document:
    """The document stage: what the text is (an ``original``, a ``report`` on one
    directive, or ``other``), its own identity, and the region whose cues decide
    which citations it implements. ``hits`` are :func:`~vbgraph.ingest.find_hits` of ``norm.flat``.

    >>> from vbgraph.ingest import find_hits, normalize
    >>> n = normalize("HUYỆN ỦY TAM ĐƯỜNG\\nSố 102 - KH/HU\\nTam Đường, ngày 26 tháng 01 năm 2022\\n"
    ...               "KẾ HOẠCH\\nThực hiện Kết luận số 224-KL/TU\\nI. MỤC ĐÍCH")
    >>> d = identify_document(n, find_hits(n.flat))
    >>> d.kind, d.ref.symbol, d.ref.issuer, d.ref.date, d.region
    ('original', '102-KH/HU', 'Huyện Ủy Tam Đường', '2022-01-26', (0, 112))
    """
    flat = norm.flat
    header = read_header(norm.text, hits, flat)
    if header is not None:
        kind, ref, region = _original(norm.text, flat, header)
        return Document(kind, ref, None, region, header)
    anchor = report_hit(flat, hits)
    if anchor is not None:
        return Document("report", _reported(flat, anchor), anchor, (0, Sentences(flat).bounds(anchor.end)[1]))
    return Document()


def text_date(text: str, document: Document) -> str | None:
    """The citing text's own date, a bound on what it can cite: an original's date, else a
    news text's dateline in its opening (``regexes.DATELINE``: "18/09/2019 - 07:33" on a line
    of its own, "Sáng 20/9/2024 …"); None otherwise (a lead's "Ngày …" may narrate the past).
    ``text``: the normalised text with its lines (``NormText.text``).

    >>> text_date("Thoại Sơn: hội nghị\\n18/09/2019 - 07:33\\nHuyện ủy …", Document())
    '2019-09-18'
    >>> text_date("Sáng 20/9/2024 Đảng bộ xã Tam Lư tổ chức hội nghị", Document())
    '2024-09-20'
    >>> text_date("Ngày 5/3/2019, Tỉnh ủy ban hành Kế hoạch số 12-KH/TU", Document()) is None
    True
    """
    if document.kind == "original":
        return document.ref.date
    m = rx.DATELINE.search(text, 0, DATELINE_CHARS)
    return parse_date(m) if m else None


def _original(structured: str, flat: str, header: Header) -> tuple[str, DirectiveRef, tuple[int, int]]:
    """An original's identity from its header, and the end of its title and preamble."""
    ref = header.ref
    if header.body_lines:
        ref = ref.with_(issuer=_title_case(header.body_lines[-1]))
    end = opening_end(structured, first_cue=_first_cue(structured))
    if ref.type == "CV":
        # A letter's opening is its first paragraph ("Thực hiện …, Sở X báo cáo như sau:"); a later
        # "Căn cứ quy định nêu trên, …" argues from what it quoted, it does not carry it out.
        end = min(end, _letter_opening_end(structured))
    if ref.issuer_code is None:
        ref = _issuer_from_preamble(flat[:end], ref)
    return "original", ref, (0, end)


def _reported(flat: str, anchor: Hit) -> DirectiveRef:
    """A reported directive's identity: its citation, the lead's date and issuer."""
    ref = anchor.ref
    lead_start = flat.rfind("\n", 0, anchor.start) + 1
    if ref.date is None:
        date = _report_date(flat, anchor)
        if date:
            ref = ref.with_(date=date, year=ref.year or int(date[:4]))
    issuer = rx.REPORT_ISSUER.search(flat, max(lead_start, anchor.start - 160), anchor.start)
    if issuer and not ref.issuer:
        ref = ref.with_(issuer=issuer.group("issuer").strip())
    return ref


def _issuer_from_preamble(opening: str, ref: DirectiveRef) -> DirectiveRef:
    """An original with no number line names its issuer in the preamble
    ("… Ban Thường vụ Huyện ủy xây dựng Kế hoạch thực hiện như sau")."""
    m = rx.PREAMBLE_ISSUER.search(opening)
    if not m:
        return ref
    found = tables.issuer_code_of(m.group("issuer"))
    if not found:
        return ref
    return ref.with_(issuer=m.group("issuer"), issuer_code=found[0])


def _letter_opening_end(structured: str) -> int:
    """End of a letter's first paragraph after its recipients ("Kính gửi: …")."""
    kg = rx.KINH_GUI_LINE.search(structured)
    pos = kg.end() if kg else 0
    for m in rx.BLANK_LINE.finditer(structured[pos:pos + 6000]):
        start = pos + m.end()
        stop = structured.find("\n\n", start)
        stop = len(structured) if stop < 0 else stop
        paragraph = structured[start:stop].strip()
        if len(paragraph) < 40 or paragraph[:1] in "-+(•*":
            continue  # the recipients and their addresses
        return stop
    return len(structured)


def _report_date(t: str, anchor: Hit) -> str | None:
    """The date of a reported issuing: the one that opens the lead sentence ("Ngày
    25/3/2022, Ban Thường vụ … ban hành …"), else the nearest one right before the
    directive that is not inside a parenthesis."""
    start = max(t.rfind("\n", 0, anchor.start), t.rfind(". ", 0, anchor.start)) + 1
    opening = rx.DATE_LEAD.match(t, start + len(t[start:anchor.start]) - len(t[start:anchor.start].lstrip()))
    if opening:
        return parse_date(opening)
    last = None
    for m in rx.DATE_LEAD.finditer(t, max(start, anchor.start - 120), anchor.start):
        if t.count("(", m.end(), anchor.start) <= t.count(")", m.end(), anchor.start):
            last = m
    return parse_date(last) if last else None


def _first_cue(t: str) -> int | None:
    m = rx.FIRST_CUE.search(t, 0, 6000)
    return m.start() if m else None


def _title_case(line: str) -> str:
    return " ".join(w.capitalize() for w in line.split())


def read_header(text: str, hits: list[Hit], flat: str | None = None) -> Header | None:
    """The identity of an original from its head, or None when the text has no header.

    ``text`` keeps the line structure (heading words stand alone on a line); ``flat``
    is the same text with single line breaks read as spaces (see ``NormText.flat``).

    >>> h = read_header("HUYỆN ỦY TAM ĐƯỜNG\\nSố 102 - KH/HU\\nTam Đường, ngày 26 tháng 01 năm 2022\\nKẾ HOẠCH\\n", [])
    >>> h.ref.type, h.ref.number, h.ref.issuer_code, h.ref.date, h.place
    ('KH', '102', 'HU', '2022-01-26', 'Tam Đường')
    """
    head = text[:HEAD_CHARS]
    flat_head = (flat or text)[:HEAD_CHARS]
    number = rx.HEADER_NUMBER.search(head)
    if number is None or not re.search(r"\d|/", number.group("rest")):  # "Số:\n5662/CT-CS": the flat line
        number = rx.HEADER_NUMBER.search(flat_head) or number
    heading_code, heading_pos = _heading(head)
    kinh_gui = rx.KINH_GUI.search(head)
    motto = rx.MOTTO.search(head)
    if number and not (motto or heading_code or rx.PLACE_DATE_LINE.search(flat_head) or _body_before(flat_head, number.start())):
        number = None  # a "Số …" line in the body of an article is not a header
    if not number and not (heading_code and heading_pos < 600) and not (kinh_gui and kinh_gui.start() < 400):
        return None
    if heading_code is None and kinh_gui:
        heading_code = "CV"
    ref = _parse_number_line(number, heading_code) if number else DirectiveRef()
    if heading_code and ref.type is None:
        ref = ref.with_(type=heading_code)
    place = None
    pd = rx.PLACE_DATE_LINE.search(head) or rx.PLACE_DATE_LINE.search(flat_head) or rx.PLACE_DATE_LINE_EN.search(flat_head)
    if pd:
        date = parse_date(pd)
        ref = ref.with_(date=date, year=int(date[:4]) if date else ref.year)
        place = pd.group("place").strip(" *_")
    else:
        blank = rx.PLACE_BLANK_DATE.search(flat_head)
        if blank:
            place = blank.group("place").strip(" *_")
            ref = ref.with_(year=ref.year or int(blank.group("y")))
    lines = _body_before(flat_head, number.start() if number else heading_pos or 600)
    if not number and heading_pos is not None and heading_pos > 1500 and not lines:
        return None
    return Header("original", ref, lines, place)


@lru_cache(maxsize=64)
def _body_before(flat_head: str, end: int) -> tuple[str, ...]:
    return body_lines(flat_head[:end])


def body_lines(head: str) -> tuple[str, ...]:
    """The issuing-body names of a header, one per body, even when a portal broke
    or joined their lines.

    >>> body_lines("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP --------\\n\\nCỘNG HÒA XÃ HỘI")
    ('ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',)
    >>> body_lines("ĐẢNG BỘ TỈNH LAI CHÂU HUYỆN ỦY TAM ĐƯỜNG\\n\\n*")
    ('ĐẢNG BỘ TỈNH LAI CHÂU', 'HUYỆN ỦY TAM ĐƯỜNG')
    """
    out = []
    for block in rx.HEADER_STOP.split(head):
        starts = [m.start() for m in rx.ISSUER_LINE_START.finditer(block)]
        for a, b in zip(starts, starts[1:] + [len(block)]):
            line = " ".join(block[a:b].split()).strip(" *_-")
            if line and (not out or out[-1] != line) and _mostly_capitals(line):
                out.append(line)
    return tuple(out)


def _mostly_capitals(line: str) -> bool:
    """Issuing-body lines are set in capitals; a title or a sentence naming a body is not one."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.islower() for c in letters) <= len(letters) // 5


def _heading(head: str) -> tuple[str | None, int | None]:
    for m in rx.HEADING.finditer(head):
        code = tables.type_of_word(m.group("word"))
        if code:
            return code, m.start()
    return None, None


def _parse_number_line(number: re.Match, heading_code: str | None) -> DirectiveRef:
    """The document's own type, number, issuer code and year from its "Số …" line."""
    rest = number.group("rest")
    sym = rx.SYMBOL.search(rest)
    if sym and sym.start() <= 3:
        return symbol_ref(sym, heading_code)
    # A blank number: "Số: /2025/QĐ-UBND", "Số:      -KH/TU".
    blank = rx.BLANK_NUMBER.match(rest)
    if blank:
        code = blank.group("code")
        year = int(blank.group("year")) if blank.group("year") else None
        if "/" in code:  # Party style "-KH/TU"
            part, _, issuer = code.partition("/")
            return DirectiveRef(type=heading_code or tables.symbol_type(part), issuer_code=issuer, year=year)
        head_part, _, tail = code.partition("-")
        typed = tables.symbol_type(head_part, heading_code) if tail else None
        return DirectiveRef(type=typed or heading_code, issuer_code=tail if typed else code, year=year)
    return DirectiveRef(type=heading_code)


def report_hit(text: str, hits: list[Hit], *, lead_chars: int = 900, lead_sentences: int = 4) -> Hit | None:
    """The directive a news text reports on: a full citation in its opening that a body
    "issued" ("Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 58 - KH/HU").

    >>> from .find import find_hits
    >>> t = "Ngày 25/3/2022, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 58 - KH/HU để triển khai"
    >>> report_hit(t, find_hits(t)).ref.symbol
    '58-KH/HU'
    """
    if rx.INFOBOX.search(text, 0, 500):
        return None  # an encyclopaedia page opens with an infobox, not with news
    local = any(h.form in ("full", "number") and level_of_code(h.ref.issuer_code) not in (None, "central") for h in hits)
    for hit in hits:
        if hit.start > lead_chars:
            break
        if len([m for m in rx.LEAD_END.finditer(text, 0, hit.start) if text[m.start() - 1: m.start()] != "\n"]) >= lead_sentences:
            break
        if hit.form not in ("full", "alias", "number"):
            continue
        if local and level_of_code(hit.ref.issuer_code) == "central":
            continue  # a lead about the centre's act, then local acts: the article reports those, if any
        before = text[max(0, hit.start - 60): hit.start]
        if rx.REPORT_VERB.search(before):
            return hit
    return None
