"""The extractor's public entry points: text or files in, :class:`Extraction` out."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from .identity import directive_id

from . import document as docmod
from . import regexes as rx
from . import tables
from . import locate
from .errors import ReadError
from .files import iter_paths
from .find import find_hits, parse_date
from .models import Citation, DirectiveRef, DocumentInfo, Evidence, Extraction, Hit, Link, Mention
from .normalize import NormText, normalize
from .resolve import PLAN_CARRIES_OUT, Sentences, decide_relations, find_issued_links, find_links, group_hits, hit_key, opening_end

__all__ = ["extract_text", "extract_file", "extract_paths"]

_UNSET = object()
_REPORT_ISSUER = re.compile(
    r"(?P<issuer>(?:Ban[ ]Thường[ ]vụ|Ban[ ]Chấp[ ]hành|Thường[ ]trực|Ủy[ ]ban[ ]nhân[ ]dân|UBND|HĐND|Đảng[ ]ủy|Huyện[ ]ủy|Tỉnh[ ]ủy|Thành[ ]ủy|Quận[ ]ủy|Thị[ ]ủy|Ban|Bộ|Sở)[^,.;\n]{0,80}?)[ ]+(?:đã[ ]+)?(?:ký[ ]+)?(?:ban[ ]hành|xây[ ]dựng|có|ra)[ ]",
)


def extract_text(text: str, *, source: str = "<text>", path: str = "", sha256: str = "") -> Extraction:
    """Extract the document's identity, its citations and links from one text.

    >>> e = extract_text("HUYỆN ỦY TAM ĐƯỜNG\\nSố 102 - KH/HU\\nTam Đường, ngày 26 tháng 01 năm 2022\\n"
    ...                  "KẾ HOẠCH\\nThực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Tỉnh ủy\\n"
    ...                  "I. MỤC ĐÍCH\\nTriển khai Nghị quyết số 35-NQ/TW của Bộ Chính trị.")
    >>> e.document.kind, e.document.ref.symbol, e.document.ref.province, e.document.ref.district
    ('original', '102-KH/HU', 'Lai Châu', 'Tam Đường')
    >>> [(c.ref.symbol, c.relation, c.ref.province) for c in e.citations]
    [('224-KL/TU', 'implements', 'Lai Châu'), ('35-NQ/TW', 'refers_to', None)]
    """
    norm = normalize(text)
    t = norm.flat
    hits = find_hits(t)
    header = docmod.read_header(norm.text, hits, t)
    kind, doc_ref, anchor, region = _document(norm.text, t, hits, header)
    own = {hit_key(doc_ref)} if doc_ref.number else set()
    own_symbol = doc_ref.symbol if doc_ref.number else None
    groups = group_hits([h for h in hits if h is not anchor and (own_symbol is None or h.ref.symbol != own_symbol)],
                        exclude=own)
    doc_place = (locate.place_of_document(t, doc_ref, header=header, lead_end=(anchor.end if anchor else 0) + 400)
                 if kind != "other" else None)
    doc_ref = locate.apply_place(doc_ref, doc_place, locate.level_of_code(doc_ref.issuer_code))
    if doc_ref.level is None and kind != "other":
        doc_ref = doc_ref.with_(level=locate.level_of_code(doc_ref.issuer_code))
    scope = source
    doc_id = None
    if kind != "other":
        doc_id = _id(doc_ref, scope)
    sentences = Sentences(t, norm.text)
    extra = tuple(sentences.bounds(m.start()) for m in PLAN_CARRIES_OUT.finditer(t)
                  if m.start() == 0 or t[m.start() - 1] == "\n" or t[max(0, m.start() - 2):m.start()] in (". ", "! ", "? ")
                  ) if kind == "report" else ()
    decided = decide_relations(t, groups, region=region, anchor=anchor, sentences=sentences, extra=extra) if region[1] > region[0] and kind != "other" else {}
    citations: list[Citation] = []
    ids: dict[tuple, str] = {}
    text_place = _UNSET
    if anchor is not None:
        ids[hit_key(anchor.ref)] = doc_id
    for group in groups:
        ref = _merge(group.hits, group.key)
        doc_date = doc_ref.date or (f"{doc_ref.year}-06-30" if doc_ref.year else None)
        context = doc_place
        if context is None and kind != "other" and locate.level_of_code(ref.issuer_code) not in (None, "central"):
            if text_place is _UNSET:  # the one province the whole text names, if only one
                text_place = locate.place_in_text(t, level="province", on=doc_date)
            context = text_place
        place = locate.place_of_citation(ref, context, doc_date=doc_date)
        ref = locate.apply_place(ref, place, locate.level_of_code(ref.issuer_code))
        cid = _id(ref, scope)
        ids[group.key] = cid
        cue, span = decided.get(group.key, (None, None))
        relation = "implements" if cue else "refers_to"
        first = group.first
        ev_span = span or sentences.bounds(first.start)
        citations.append(Citation(
            ref=ref, id=cid, relation=relation, cue=cue,
            mentions=tuple(_mention(norm, h) for h in group.hits),
            evidence=_evidence(norm, ev_span),
            via_alias=next((h.via_alias for h in group.hits if h.via_alias), None),
        ))
    links = []
    seen = set()
    for skey, tkey, start, end in find_links(t, groups) + find_issued_links(t, groups, sentences):
        pair = (ids.get(skey), ids.get(tkey))
        if None in pair or pair in seen or pair[0] == pair[1]:
            continue
        seen.add(pair)
        links.append(Link(pair[0], pair[1], "implements", _evidence(norm, sentences.bounds(start))))
    return Extraction(
        source=source, document=DocumentInfo(kind, doc_ref if kind != "other" else DirectiveRef(), doc_id),
        citations=tuple(citations), links=tuple(links), path=path, sha256=sha256, chars=len(text),
    )


def _document(structured: str, t: str, hits: list[Hit], header) -> tuple[str, DirectiveRef, Hit | None, tuple[int, int]]:
    first_cue = _first_cue(structured)
    if header is not None:
        ref = header.ref
        if header.body_lines:
            ref = ref.with_(issuer=_title_case(header.body_lines[-1]))
        end = opening_end(structured, first_cue=first_cue)
        if ref.type == "CV":
            # A letter's opening is its first paragraph ("Thực hiện …, Sở X báo cáo như sau:"); a later
            # "Căn cứ quy định nêu trên, …" argues from what it quoted, it does not carry it out.
            end = min(end, _letter_opening_end(structured))
        if ref.issuer_code is None:
            ref = _issuer_from_preamble(t[:end], ref)
        return "original", ref, None, (0, end)
    anchor = docmod.report_hit(t, hits)
    if anchor is not None:
        ref = anchor.ref
        lead_start = t.rfind("\n", 0, anchor.start) + 1
        if ref.date is None:
            date = _report_date(t, anchor)
            if date:
                ref = ref.with_(date=date, year=ref.year or int(date[:4]))
        issuer = _REPORT_ISSUER.search(t, max(lead_start, anchor.start - 160), anchor.start)
        if issuer and not ref.issuer:
            ref = ref.with_(issuer=issuer.group("issuer").strip())
        _, end = Sentences(t).bounds(anchor.end)
        return "report", ref.with_(title=ref.title), anchor, (0, end)
    return "other", DirectiveRef(), None, (0, 0)


_PREAMBLE_ISSUER = re.compile(
    r"(?P<issuer>(?:Ban[ ]Thường[ ]vụ|Ban[ ]Chấp[ ]hành|Thường[ ]trực)[ ](?:Huyện|Tỉnh|Thành|Quận|Thị)[ ][ủu]y|"
    r"(?:Huyện|Tỉnh|Thành|Quận|Thị|Đảng)[ ][ủu]y(?:[ ]Khối)?|Ủy[ ]ban[ ]nhân[ ]dân[ ](?:tỉnh|huyện|xã|thành[ ]phố|phường))"
    r"[^,.;\n]{0,40}?[ ](?:ban[ ]hành|xây[ ]dựng)[ ]"
)


def _issuer_from_preamble(opening: str, ref: DirectiveRef) -> DirectiveRef:
    """An original with no number line names its issuer in the preamble
    ("… Ban Thường vụ Huyện ủy xây dựng Kế hoạch thực hiện như sau")."""
    m = _PREAMBLE_ISSUER.search(opening)
    if not m:
        return ref
    found = tables.issuer_code_of(m.group("issuer"))
    if not found:
        return ref
    return ref.with_(issuer=m.group("issuer"), issuer_code=found[0])


_KINH_GUI_LINE = re.compile(r"(?m)^[ *_|]*Kính[ ]+gửi")


def _letter_opening_end(structured: str) -> int:
    """End of a letter's first paragraph after its recipients ("Kính gửi: …")."""
    kg = _KINH_GUI_LINE.search(structured)
    pos = kg.end() if kg else 0
    for m in re.finditer(r"\n[ ]*\n", structured[pos:pos + 6000]):
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


_FIRST_CUE = re.compile(r"(?m)^[ \-*]*(?:Thực hiện|Căn cứ|Triển khai|Để|Quán triệt|THỰC HIỆN|CĂN CỨ)")


def _first_cue(t: str) -> int | None:
    m = _FIRST_CUE.search(t, 0, 6000)
    return m.start() if m else None


def _title_case(line: str) -> str:
    return " ".join(w.capitalize() for w in line.split())


def _merge(hits: list[Hit], key: tuple | None = None) -> DirectiveRef:
    """One reference from all mentions: the first value of each field wins; full
    mentions before short ones, and mentions spelled like the group's key first."""
    ordered = sorted(hits, key=lambda h: (key is not None and hit_key(h.ref) != key and h.form != "short",
                                          h.form not in ("full", "list", "alias", "congress"), h.start))
    merged = ordered[0].ref
    for h in ordered[1:]:
        updates = {}
        for name in ("date", "year", "term", "issuer", "title", "symbol"):
            if getattr(merged, name) is None and getattr(h.ref, name) is not None:
                updates[name] = getattr(h.ref, name)
        if updates:
            merged = merged.with_(**updates)
    if merged.year is None and merged.date:
        merged = merged.with_(year=int(merged.date[:4]))
    if merged.issuer and not locate.issuer_fits_code(merged.issuer, merged.issuer_code):
        merged = merged.with_(issuer=None)  # "… 35-NQ/TW của Tỉnh ủy" names the plan's issuer, not the resolution's
    return merged


def _id(ref: DirectiveRef, scope: str) -> str:
    return directive_id(ref.type, ref.number, ref.issuer_code, year=ref.year, term=ref.term, congress=ref.congress,
                        province=ref.province, district=ref.district, commune=ref.commune, scope=scope, level=ref.level)


def _mention(norm: NormText, hit: Hit) -> Mention:
    start, end = norm.span(hit.start, hit.end)
    return Mention(start, end, norm.original[start:end], hit.form)


def _evidence(norm: NormText, span: tuple[int, int]) -> Evidence:
    start, end = norm.span(*span)
    sentence = norm.original[start:end].strip()
    return Evidence(" ".join(sentence.split())[:600], start, end)


def extract_file(path: str | os.PathLike) -> Extraction:
    """Read one file (see :mod:`ingest.read`) and extract from it; raises ReadError."""
    from .read import read_file

    raw = read_file(path)
    return extract_text(raw.text, source=raw.source, path=str(path), sha256=raw.sha256)


def extract_paths(paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False) -> Iterator[Extraction | ReadError]:
    """Extract from every supported file under ``paths`` (walked by :func:`ingest.files.iter_paths`);
    a file or folder that cannot be read yields its :class:`ReadError` and the run goes on."""
    for path in iter_paths(paths, follow_symlinks=follow_symlinks):
        if isinstance(path, ReadError):
            yield path
            continue
        try:
            yield extract_file(path)
        except ReadError as err:
            yield err
