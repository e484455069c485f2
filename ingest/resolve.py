"""Turn raw hits into citations: merge mentions, decide relations, find links.

* Mentions of one directive (full, listed, short form, well-known name) merge into
  one citation keyed by (type, number, issuer code) — or (type, issuer code,
  congress) for a congress resolution.
* A citation ``implements`` the document when it is the object of a cue
  ("Thực hiện", "Căn cứ", "Triển khai", "cụ thể hóa") in the title or preamble of an
  original, or in the lead sentence of a report; otherwise it ``refers_to``.
* A link is asserted by "X … (về) (tiếp tục) thực hiện Y" between two citations.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import links as said
from . import locate
from . import regexes as rx
from . import tables
from .identity import symbol_year
from .models import Citation, DirectiveRef, Document, Evidence, Hit, Link, Mention
from .normalize import NormText

__all__ = [
    "resolve_citations", "Group", "Sentences", "group_hits", "hit_key",
    "merge_hits", "opening_end", "decide_relations", "find_links",
]

_UNSET = object()


def resolve_citations(norm: NormText, hits: list[Hit], document: Document, *,
                      scope: str = "<text>") -> tuple[tuple[Citation, ...], tuple[Link, ...]]:
    """The resolve stage: hits merged into one citation per directive (the document's own
    mentions left out), each placed and given its canonical id, its relation to the
    document decided; and the links the text asserts between them. ``document`` is the
    located one (:func:`~vbgraph.ingest.locate_document`); offsets of the result point
    into ``norm.original``.

    >>> from vbgraph.ingest import find_hits, normalize
    >>> n = normalize("Thực hiện Kết luận số 224-KL/TU ngày 18/10/2021. Kết luận 224 nêu rõ")
    >>> citations, links = resolve_citations(n, find_hits(n.flat), Document(), scope="a.txt")
    >>> [(c.ref.symbol, c.relation, len(c.mentions), c.id) for c in citations], links
    ([('224-KL/TU', 'refers_to', 2, 'vn/~a-txt/tu/kl/2021/224')], ())
    """
    t = norm.flat
    kind, doc_ref, anchor, region = document.kind, document.ref, document.anchor, document.region
    own = hit_key(doc_ref)[:3] if doc_ref.number else None
    own_symbol = doc_ref.symbol if doc_ref.number else None
    groups = group_hits([h for h in hits if h is not anchor and not (
        own_symbol and h.ref.symbol == own_symbol and not h.ref.issuer and _year_tag(h)[1] in (None, doc_ref.year))])
    sentences = Sentences(t, norm.text)
    extra = tuple(sentences.bounds(m.start()) for m in rx.PLAN_CARRIES_OUT.finditer(t)
                  if m.start() == 0 or t[m.start() - 1] == "\n" or t[max(0, m.start() - 2):m.start()] in (". ", "! ", "? ")
                  ) if kind == "report" else ()
    decided = (decide_relations(t, groups, region=region, anchor=anchor, sentences=sentences, extra=extra)
               if region[1] > region[0] and kind != "other" else {})
    doc_date = doc_ref.date or (f"{doc_ref.year}-06-30" if doc_ref.year else None)
    citations: list[Citation] = []
    ids: dict[tuple, str] = {}
    text_place = _UNSET
    if anchor is not None:
        ids[hit_key(anchor.ref)] = document.id
    enumerated = said.enumerated_issuers(norm.text, groups) if "\n" in norm.text else {}
    refs: dict[tuple, DirectiveRef] = {}
    merged = {group.key: merge_hits(group.hits, group.key) for group in groups}
    issuers: dict[tuple, str] = {}  # one key's directives of several years: one issuer
    for key, ref in merged.items():
        if ref.issuer and key[1] is not None:
            issuers.setdefault(key[:3], ref.issuer)
    for group in groups:
        ref = merged[group.key]
        if ref.issuer is None and group.key[1] is not None and group.key[:3] in issuers:
            ref = ref.with_(issuer=issuers[group.key[:3]])
        if ref.issuer is None and group.key in enumerated and enumerated[group.key][1]:
            ref = ref.with_(issuer=enumerated[group.key][1])  # "… Thành ủy Thủ Đức đã ban hành:\n1. Kế hoạch …"
        context = document.place
        if context is None and locate.level_of_code(ref.issuer_code) not in (None, "central"):
            if text_place is _UNSET:  # the one province the whole text's places lie in, if only one
                text_place = locate.dominant_place(t, on=doc_date)
            context = text_place
        place = locate.place_of_citation(ref, context, doc_date=doc_date)
        if ref.issuer and rx.BARE_CITY_ISSUER.match(ref.issuer) and document.place is None:
            place = locate.city_below_province(t, on=doc_date) or place  # "… của Ban Chấp hành Đảng bộ Thành phố"
        ref = locate.apply_place(ref, place, locate.level_of_citation(ref, place))
        if group.key[:3] == own and _is_own(ref, document):
            continue  # the document naming itself; the same number of another year or place is a citation
        if locate.other_body(ref.issuer, ref.issuer_code):
            ref = ref.with_(level="other")
        cid = locate.ref_id(ref, scope=scope)
        ids[group.key] = cid
        refs[group.key] = ref
        cue, span = decided.get(group.key, (None, None))
        citations.append(Citation(
            ref=ref, id=cid, relation="implements" if cue else "refers_to", cue=cue,
            mentions=tuple(_mention(norm, h) for h in group.hits),
            evidence=_evidence(norm, span or sentences.bounds(group.first.start)),
            via_alias=next((h.via_alias for h in group.hits if h.via_alias), None),
        ))
    links = []
    seen = set()
    reported = ((anchor, hit_key(anchor.ref)),) if anchor is not None else ()
    explicit = find_links(t, groups) + said.issued_links(t, groups, sentences, enumerated, extra=reported)
    sources = {skey for skey, _, _, _ in explicit}
    # Co-listed bases tell a cascade in news; an original's preamble lists what it carries out itself.
    listed = ([x for x in said.listed_links(t, groups, sentences, refs) if x[0] not in sources and x[0][1] and x[1][1]]
              if kind != "original" and len(groups) > 1 else [])
    for skey, tkey, start, _ in explicit + listed:
        pair = (ids.get(skey), ids.get(tkey))
        if None in pair or pair in seen or pair[0] == pair[1]:
            continue
        seen.add(pair)
        links.append(Link(pair[0], pair[1], "implements", _evidence(norm, sentences.bounds(start))))
    if anchor is not None:  # "Sau khi … ban hành X, … ban hành <the reported plan>": the plan carries X out
        carried = {link.target: link.evidence for link in links if link.source == document.id}
        citations = [c if c.id not in carried or c.relation == "implements" else
                     replace(c, relation="implements", cue=_issued_cue(t, sentences, anchor), evidence=carried[c.id])
                     for c in citations]
        links = [link for link in links if link.source != document.id]
    return tuple(citations), tuple(links)


def _is_own(ref: DirectiveRef, document: Document) -> bool:
    """Whether a reference with the document's type, number and issuer code is the document
    itself: not when it writes another year ("Kế hoạch số 12/KH-UBND ngày 3/1/2023" in the
    12/KH-UBND of 2024) or another province."""
    own = document.ref
    year = locate.id_year(ref)
    if year and own.year and year != own.year:
        return False
    here = document.place.province if document.place else own.province
    return not (ref.province and here and ref.province != here)


def _issued_cue(text: str, sentences: Sentences, anchor: Hit) -> str:
    """The words that tie a reported directive to what its sentence opens with."""
    start = sentences.bounds(anchor.start)[0]
    m = rx.CUE_OPENING.match(text, start) or rx.AFTER_ISSUING.match(text, start)
    return (m.group("cue") if m and "cue" in m.groupdict() else m.group(0) if m else "ban hành").strip(" -+*•–,").lower()


def merge_hits(hits: list[Hit], key: tuple | None = None) -> DirectiveRef:
    """One reference from all mentions of a directive: the first value of each field wins;
    full mentions before short ones, and mentions spelled like the group's key first.

    >>> from .find import find_hits
    >>> merge_hits(find_hits("Kết luận 224 và Kết luận số 224-KL/TU ngày 18/10/2021")).symbol
    '224-KL/TU'
    """
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


def _mention(norm: NormText, hit: Hit) -> Mention:
    start, end = norm.span(hit.start, hit.end)
    return Mention(start, end, norm.original[start:end], hit.form)


def _evidence(norm: NormText, span: tuple[int, int]) -> Evidence:
    start, end = norm.span(*span)
    sentence = norm.original[start:end].strip()
    return Evidence(" ".join(sentence.split())[:600], start, end)

_NOT_ENDING = ("No", "NO", "TP", "Tp")


class Sentences:
    """Sentence boundaries of a text: paragraph breaks, '. ' before a capital, and line
    breaks that open a preamble clause ("\\nCăn cứ …"). Found on demand, near the
    positions asked about, so long texts with few citations cost little.

    >>> s = Sentences("Mở đầu. Thực hiện Kết luận số 1. Hết")
    >>> s.text[slice(*s.bounds(12))]
    'Thực hiện Kết luận số 1.'
    """

    _REACH = 1500

    def __init__(self, text: str, structured: str | None = None):
        self.text = text
        self.structured = structured
        self._cache: dict[tuple[int, int], tuple[int, int]] = {}

    def _ends_at(self, i: int) -> bool:
        """Whether the '.', '!' or '?' at ``i`` ends a sentence (a capital or a digit follows,
        after any footnote marks: "….[36] Ngày …")."""
        text = self.text
        j = i + 1
        while text.startswith("[", j):
            close = text.find("]", j, j + 6)
            if close < 0:
                break
            j = close + 1
        k = j
        while k < len(text) and text[k] == " ":
            k += 1
        if k >= len(text):
            return True
        if k == j:
            return text[k] == "\n"
        return rx.SENTENCE_NEXT.match(text[k]) is not None and not text.endswith(_NOT_ENDING, max(0, i - 2), i)

    def _clause_at(self, i: int) -> bool:
        """Whether the line break at ``i`` of the structured text opens a preamble clause."""
        return self.structured is not None and rx.CLAUSE_LINE.match(self.structured, i) is not None

    def _last_end(self, lo: int, pos: int) -> int:
        text = self.text
        best = text.rfind("\n", lo, pos) + 1 or lo
        for mark in ".!?":
            j = text.rfind(mark, best, pos)
            while j >= best:
                if self._ends_at(j):
                    best = j + 1
                    break
                j = text.rfind(mark, best, j)
        if self.structured is not None:
            k = self.structured.rfind("\n", best, pos)
            while k >= best:
                if self._clause_at(k):
                    best = k + 1
                    break
                k = self.structured.rfind("\n", best, k)
        return best

    def _next_end(self, pos: int, hi: int) -> int:
        text = self.text
        nl = text.find("\n", pos, hi)
        best = nl + 1 if nl >= 0 else hi
        for mark in ".!?":
            j = text.find(mark, pos, best)
            while 0 <= j < best:
                if self._ends_at(j):
                    best = j + 1
                    break
                j = text.find(mark, j + 1, best)
        if self.structured is not None:
            k = self.structured.find("\n", pos, best)
            while 0 <= k < best:
                if self._clause_at(k):
                    best = k + 1
                    break
                k = self.structured.find("\n", k + 1, best)
        return best

    def bounds(self, pos: int, *, floor: int = 0) -> tuple[int, int]:
        key = (pos, floor)
        found = self._cache.get(key)
        if found is not None:
            return found
        start = max(floor, self._last_end(max(floor, pos - self._REACH), pos + 1 if pos < len(self.text) and self.text[pos] == "\n" else pos))
        while start < len(self.text) and self.text[start] in " \n":
            start += 1
        end = self._next_end(pos, min(len(self.text), pos + self._REACH))
        self._cache[key] = (start, end)
        return start, end


@dataclass(slots=True)
class Group:
    """All hits of one directive in a text."""

    key: tuple
    hits: list[Hit] = field(default_factory=list)

    @property
    def first(self) -> Hit:
        return self.hits[0]


def hit_key(ref: DirectiveRef) -> tuple:
    """The key mentions merge on.

    >>> hit_key(DirectiveRef(type="KL", number="01", issuer_code="tw"))
    ('KL', '1', 'TW', None)
    """
    number = ref.number
    if number is not None and number.isdigit():
        number = str(int(number))
    code = (ref.issuer_code or "").upper().replace("Ð", "Đ") or None
    return (ref.type, number, code, ref.congress if number is None else None)


def group_hits(hits: list[Hit], *, exclude: set[tuple] = frozenset()) -> list[Group]:
    """Merge hits into groups: full and listed mentions by key; short forms to the one
    full citation with the same type and number; well-known names by their number.

    >>> from .find import find_hits
    >>> gs = group_hits(find_hits("Kết luận số 224-KL/TU ngày 18/10/2021. Kết luận 224 nêu"))
    >>> [(g.key, len(g.hits)) for g in gs]
    [(('KL', '224', 'TU', None), 2)]
    """
    groups: dict[tuple, Group] = {}
    by_type_number: dict[tuple, set] = {}
    by_number_code: dict[tuple, set] = {}
    for hit in hits:
        if hit.form in ("short", "bare"):
            continue
        key = hit_key(hit.ref)
        groups.setdefault(key, Group(key)).hits.append(hit)
        by_type_number.setdefault((key[0], key[1]), set()).add(key)
        by_number_code.setdefault((key[1], key[2]), set()).add(key)
    for hit in hits:  # a symbol with no type word before it ("… 50-QĐ/TW …")
        if hit.form != "bare":
            continue
        key = hit_key(hit.ref)
        same = by_number_code.get((key[1], key[2]), set())
        if key not in same and len(same) == 1:
            key = next(iter(same))
        groups.setdefault(key, Group(key)).hits.append(hit)
        by_type_number.setdefault((key[0], key[1]), set()).add(key)
    for hit in hits:
        if hit.form != "short":
            continue
        key = hit_key(hit.ref)
        candidates = by_type_number.get((key[0], key[1]), set())
        if len(candidates) == 1:
            groups[next(iter(candidates))].hits.append(hit)
    for key in list(groups):  # "Công văn số 7886/HD-BNV" beside "Hướng dẫn số 7886/HD-BNV": one directive
        alias = _symbol_typed_key(key)
        if alias is not None and alias != key and alias in groups and key in groups:
            groups[alias].hits.extend(groups.pop(key).hits)
    out = []
    for key, group in groups.items():
        if key in exclude:
            continue
        group.hits.sort(key=lambda h: h.start)
        out.extend(split_by_year(group))
    out.sort(key=lambda g: g.first.start)
    return out


def _year_tag(hit: Hit) -> tuple[None, int | None]:
    """(None, year) a mention writes: from the symbol, else the date (not "năm YYYY", which
    often dates a report's period: "kết quả thực hiện Nghị quyết 35 năm 2023"). Series alone
    do not split within one text: news write "19/NQ-CP" and "19/2017/NQ-CP" for one resolution."""
    return None, symbol_year(hit.ref.symbol) or (int(hit.ref.date[:4]) if hit.ref.date else None)


def _fits(a: tuple, b: tuple) -> bool:
    return all(x is None or y is None or x == y for x, y in zip(a, b))


def split_by_year(group: Group) -> list[Group]:
    """One group per directive: mentions of one key whose symbols or dates write different
    years are different directives (Nghị định
    22/2015/NĐ-CP and 22/2023/NĐ-CP); mentions that tell neither stay with the first. The
    first keeps the key; the others' keys carry their year ("@2023").

    >>> from .find import find_hits
    >>> gs = group_hits(find_hits("Nghị định số 22/2015/NĐ-CP; Nghị định số 22/2023/NĐ-CP; Nghị định 22 nêu"))
    >>> [(g.key, len(g.hits)) for g in gs]
    [(('NĐ', '22', 'CP', None), 2), (('NĐ', '22', 'CP', '@2023'), 1)]
    """
    parts: list[tuple[list, Group]] = []
    untold = []
    for hit in group.hits:
        tag = _year_tag(hit)
        if tag == (None, None) or hit.form not in ("full", "list"):
            untold.append(hit)
            continue
        for told, part in parts:
            if _fits(told, tag):
                part.hits.append(hit)
                told[:] = [x if x is not None else y for x, y in zip(told, tag)]
                break
        else:
            key = group.key if not parts else (*group.key[:3], f"@{tag[1]}")
            parts.append((list(tag), Group(key, [hit])))
    if len(parts) < 2:
        return [group]
    parts[0][1].hits.extend(untold)
    for _, part in parts:
        part.hits.sort(key=lambda h: h.start)
    return [part for _, part in parts]


def _symbol_typed_key(key: tuple) -> tuple | None:
    """The key a mention would have if its symbol's type part decided its type: for
    ("CV", "7886", "HD-BNV") that is ("HD", "7886", "BNV"); None when the code has no type part."""
    type_code, number, code, congress = key
    if not code or "-" not in code:
        return None
    head, _, rest = code.partition("-")
    typed = tables.symbol_type(head)
    return (typed, number, rest, congress) if typed else None


def opening_end(text: str, *, first_cue: int | None = None, limit: int = 8000) -> int:
    """Where the title and preamble of an original end: the first body heading after
    its first cue, or ``limit``."""
    m = rx.BODY_HEADING.search(text, first_cue or 0, min(len(text), limit))
    return m.start() if m else min(len(text), limit)


def decide_relations(text: str, groups: list[Group], *, region: tuple[int, int], anchor: Hit | None = None,
                     sentences: Sentences | None = None, extra: tuple[tuple[int, int], ...] = ()) -> dict[tuple, tuple[str, str]]:
    """``{key: (cue, sentence span)}`` for each group that implements the document.

    A hit implements when it lies in ``region`` (title and preamble, or a report's
    lead), in a sentence opened by a cue, and is that cue's object rather than the
    object of another citation's "về thực hiện" phrase.
    """
    spans = (region, *extra)
    order = sorted(((h, g.key) for g in groups for h in g.hits if any(a <= h.start < b for a, b in spans)),
                   key=lambda x: x[0].start)
    if anchor is not None:
        order.append((anchor, None))
        order.sort(key=lambda x: x[0].start)
    decided: dict[tuple, tuple[str, tuple[int, int]]] = {}
    by_sentence: dict[tuple[int, int], list] = {}
    sentences = sentences or Sentences(text)
    for hit, key in order:
        floor = region[0] if region[0] <= hit.start < region[1] else 0
        by_sentence.setdefault(sentences.bounds(hit.start, floor=floor), []).append((hit, key))
    for (s_start, s_end), items in by_sentence.items():
        opening = rx.CUE_OPENING.match(text, s_start)
        direct_prev, last_cue_word, prev_key_is_anchor = False, None, False
        prev_tail = None
        for hit, key in items:
            if prev_tail is None:
                gap_before = text[s_start:hit.start]
                cue = _last_cue(gap_before)
                direct = cue is not None and (opening is not None or _verb_before(gap_before))
                cue_word = (opening.group("cue") if opening else cue) if direct else None
            else:
                gap = text[prev_tail:hit.start]
                if rx.LINK_GAP.match(gap):
                    direct, cue_word = prev_key_is_anchor, _last_cue(gap)
                elif (rx.COORDINATION.search(gap) and len(gap) < 250) or rx.AMENDED_BY.search(gap):
                    direct, cue_word = direct_prev, last_cue_word
                else:
                    cue = rx.CUE_AT_END.search(gap)
                    direct, cue_word = cue is not None, (cue.group(1) if cue else None)
            if direct and key is not None and key not in decided:
                decided[key] = ((cue_word or "thực hiện").lower(), (s_start, s_end))
            direct_prev, last_cue_word = direct, cue_word
            prev_key_is_anchor = key is None
            prev_tail = max(hit.tail_end, hit.end)
    return decided


def _last_cue(gap: str) -> str | None:
    found = None
    for m in rx.CUE.finditer(gap):
        found = m.group(1)
    return found


def _verb_before(gap: str) -> bool:
    """A cue inside the sentence that still governs what follows ("ban hành kế hoạch thực hiện …")."""
    return bool(rx.VERB_BEFORE.search(gap[-200:]))


def find_links(text: str, groups: list[Group]) -> list[tuple[tuple, tuple, int, int]]:
    """(source key, target key, start, end) for each "X … về thực hiện Y" in the text.

    >>> from .find import find_hits
    >>> t = "Kế hoạch số 61-KH/TU ngày 22/12/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 224-KL/TU"
    >>> [(s[1], d[1]) for s, d, _, _ in find_links(t, group_hits(find_hits(t)))]
    [('61', '224')]
    """
    mentions = sorted(((h, g.key) for g in groups for h in g.hits), key=lambda x: x[0].start)
    links = []
    source = None  # (key, start) of the X whose "thực hiện" list is running
    for (x, xkey), (y, ykey) in zip(mentions, mentions[1:]):
        tail = max(x.tail_end, x.end)
        gap = text[tail:y.start] if tail <= y.start else None
        if xkey == ykey or gap is None or len(gap) > 220:
            source = None
            continue
        if rx.LINK_GAP.match(gap):
            links.append((xkey, ykey, x.start, y.end))
            source = (xkey, x.start)
        elif source is not None and rx.LIST_GAP.match(gap) and source[0] != ykey and ykey[1] is not None:
            links.append((source[0], ykey, source[1], y.end))  # "X về thực hiện Y và Z"
        else:
            source = None
    return links
