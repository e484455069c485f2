"""Synthetic corpora shaped like Vietnam's hierarchy, with their ground truth.

Central resolutions (Bộ Chính trị, Ban Chấp hành Trung ương, Ban Bí thư) are
implemented by provincial plans (Tỉnh ủy, ``KH/TU``), those by district plans
(Huyện ủy, ``KH/HU``) and those by commune plans (Đảng ủy xã, ``KH/ĐU``); after
1 July 2025 there are no districts and communes implement provincial plans
directly. Lags are drawn per level; each plan also refers to a few other central
directives. Numbers restart each Party term per issuer, so homonyms abound
(every province has its "61-KH/TU"; "01-KL/TW" exists in 2016 and 2021).

``generate`` returns a ``Corpus``: its ``docs`` carry the identity, citations and
links as extraction dicts (the ground truth) and can render their own text, all
written here from templates (no real document is copied).

>>> corpus = generate(300, seed=1)
>>> len(corpus.directives) >= 300, corpus.docs[0].text().splitlines()[0].startswith("BỘ CHÍNH TRỊ")
(True, True)
>>> d = corpus.docs[1].to_dict(); d["document"]["kind"], d["citations"][0]["relation"]
('original', 'implements')
"""
from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from vbgraph.ingest.tables import party_terms
from vbgraph.ingest import gazetteer
from vbgraph.ingest.identity import directive_id, slug

__all__ = ["SynthDoc", "Corpus", "generate", "iter_docs", "committee", "write_corpus"]

_CENTRAL_BODIES = (("Bộ Chính trị", "NQ"), ("Ban Chấp hành Trung ương", "NQ"), ("Bộ Chính trị", "KL"), ("Ban Bí thư", "CT"))
_SUBJECTS = (
    "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới",
    "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "tiếp tục đổi mới, hoàn thiện thể chế phát triển kinh tế tư nhân",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "tăng cường công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "phát triển nông nghiệp, nông dân, nông thôn bền vững",
    "nâng cao chất lượng đội ngũ cán bộ cấp cơ sở",
    "bảo đảm an ninh mạng và an toàn thông tin",
    "phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước",
    "tiếp tục đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "công tác dân tộc trong tình hình mới",
    "phòng, chống tham nhũng, tiêu cực",
)
_VERBS = ("Thực hiện", "Căn cứ", "Triển khai")


def _term_of(d: date) -> int:
    """The year of the congress that opened the Party term in force on ``d``."""
    return max(opened for opened, _ in party_terms().values() if opened <= d.year)


@lru_cache(maxsize=1)
def _unit_types() -> dict[tuple, str]:
    """(era, province[, district][, commune]) → the unit's type word ("Tỉnh", "Quận", "Phường" …)."""
    types: dict[tuple, str] = {}
    for era in gazetteer.ERAS:
        for u in gazetteer.units(era):
            names = (u.province, u.district, u.commune)[: {"province": 1, "district": 2, "commune": 3}[u.level]]
            default = {"province": "Tỉnh", "district": "Huyện", "commune": "Xã"}[u.level]
            types[(era, *(n for n in names if n is not None))] = u.kind or default
    return types


# Party committee of a district-level unit, by the unit's type: (name, issuer code).
_DISTRICT_COMMITTEE = {"Huyện": ("Huyện ủy", "HU"), "Quận": ("Quận ủy", "QU"), "Thị xã": ("Thị ủy", "TU"),
                       "Thành phố": ("Thành ủy", "TU")}


def committee(level: str, era: str, province: str, district: str | None = None, commune: str | None = None) -> tuple[str, str, str]:
    """(issuer name, issuer code, header lines) of the Party committee of a unit.

    >>> committee("district", "old", "Lai Châu", "Tam Đường")
    ('Huyện ủy Tam Đường', 'HU', 'ĐẢNG BỘ TỈNH LAI CHÂU\\nHUYỆN ỦY TAM ĐƯỜNG')
    >>> committee("province", "new", "Hà Nội")[:2]
    ('Thành ủy Hà Nội', 'TU')
    """
    types = _unit_types()
    ptype = types.get((era, province), "Tỉnh")
    p_body = f"ĐẢNG BỘ {ptype.upper()} {province.upper()}"
    if level == "province":
        name = ("Thành ủy " if ptype == "Thành phố" else "Tỉnh ủy ") + province
        return name, "TU", f"{p_body}\n{name.upper()}"
    if level == "district":
        word, code = _DISTRICT_COMMITTEE.get(types.get((era, province, district), "Huyện"), ("Huyện ủy", "HU"))
        return f"{word} {district}", code, f"{p_body}\n{word.upper()} {district.upper()}"
    key = (era, province, district, commune) if district else (era, province, commune)
    wtype = types.get(key, "Xã")
    above = f"ĐẢNG BỘ {types.get((era, province, district), 'Huyện').upper()} {district.upper()}" if district else p_body
    name = f"Đảng ủy {wtype.lower()} {commune}"
    return name, "ĐU", f"{above}\n{name.upper()}"


@lru_cache(maxsize=1)
def _places() -> dict:
    """Provinces → districts → communes (old era) and provinces → communes (new era).

    Twin names the package marks "Kỳ Anh (Huyện)" / "Kỳ Anh (Thị xã)" are left out."""
    old: dict[str, dict[str, list[str]]] = {}
    for u in gazetteer.units("old"):
        if u.level == "province" or "(" in u.district:  # names a text never writes so: left out
            continue
        wards = old.setdefault(u.province, {}).setdefault(u.district, [])
        if u.level == "commune" and "(" not in u.commune:
            wards.append(u.commune)
    new: dict[str, list[str]] = {}
    for u in gazetteer.units("new"):
        if u.level == "commune":
            new.setdefault(u.province, []).append(u.commune)
    return {"old": old, "new": new}


@dataclass(slots=True)
class SynthDoc:
    """One synthetic directive: its identity fields, citations and links (extraction dicts)."""

    id: str
    fields: dict
    citations: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    has_text: bool = True
    parent: str | None = None
    header: str = ""

    @property
    def source(self) -> str:
        return slug(self.id.removeprefix("vn/")) + ".txt"

    def to_dict(self, *, path: str | None = None) -> dict:
        """The extraction dict an ideal extractor would print for this document."""
        path = path or self.source
        return {
            "source": self.source,
            "path": path,
            "sha256": hashlib.sha256(self.id.encode() + json.dumps(self.citations, sort_keys=True).encode()).hexdigest(),
            "document": {"kind": "original", "id": self.id, **self.fields},
            "citations": self.citations,
            "links": self.links,
        }

    def text(self) -> str:
        """The document's text, written from templates."""
        f = self.fields
        d = date.fromisoformat(f["date"])
        head_left = self.header or _header_body(f)
        place = f["commune"] or f["district"] or f["province"] or "Hà Nội"
        lines = [
            f"{head_left}",
            "*",
            f"Số {f['symbol']}",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            f"{place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
            "",
            {"NQ": "NGHỊ QUYẾT", "KL": "KẾT LUẬN", "CT": "CHỈ THỊ", "KH": "KẾ HOẠCH"}[f["type"]],
        ]
        impl = [c for c in self.citations if c["relation"] == "implements"]
        refs = [c for c in self.citations if c["relation"] != "implements"]
        if impl:
            lines.append(f"thực hiện {_cite(impl[0])} về {impl[0]['title']}")
            lines.append("-----")
            verb = _VERBS[len(self.id) % len(_VERBS)]
            above = ""
            if self.links:
                root = next(c for c in refs if c["id"] == self.links[0]["target"])
                above = f" về thực hiện {_cite(root)}"
            lines.append(
                f"{verb} {_cite(impl[0])} của {impl[0]['issuer']}{above} về {impl[0]['title']}, "
                f"{_short_body(f)} ban hành {_type_word(f['type']).lower()} thực hiện như sau:"
            )
        else:
            lines.append(f"về {f['title']}")
            lines.append("-----")
        lines += [
            "I. MỤC ĐÍCH, YÊU CẦU",
            f"1. Quán triệt sâu sắc mục tiêu {f['title']} đến toàn thể cán bộ, đảng viên.",
            "2. Xác định rõ nhiệm vụ, lộ trình, trách nhiệm của từng cơ quan, đơn vị.",
            "II. NHIỆM VỤ, GIẢI PHÁP",
        ]
        for i, c in enumerate(c for c in refs if not self.links or c["id"] != self.links[0]["target"]):
            lines.append(f"{i + 1}. Gắn việc thực hiện với {_cite(c)} của {c['issuer']}; định kỳ sơ kết, đánh giá.")
        lines += [
            "III. TỔ CHỨC THỰC HIỆN",
            "Các cơ quan, đơn vị căn cứ nội dung trên xây dựng kế hoạch cụ thể, báo cáo kết quả theo định kỳ.",
            "",
            "Nơi nhận:",
            "- Như trên,",
            "- Lưu Văn phòng.",
        ]
        return "\n".join(lines) + "\n"


def _type_word(t: str) -> str:
    return {"NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "KH": "Kế hoạch"}[t]


def _cite(c: dict) -> str:
    d = date.fromisoformat(c["date"])
    return f"{_type_word(c['type'])} số {c['symbol']} ngày {d.day:02d}/{d.month:02d}/{d.year}"


def _header_body(f: dict) -> str:
    """The issuing body's lines at the top left: the Party committee above, then the issuer."""
    level = f["level"]
    if level == "central":
        return f["issuer"].upper() if f["issuer"] != "Ban Chấp hành Trung ương" else "BAN CHẤP HÀNH TRUNG ƯƠNG"
    if level == "province":
        return f"ĐẢNG BỘ TỈNH {f['province'].upper()}\nTỈNH ỦY {f['province'].upper()}"
    if level == "district":
        return f"ĐẢNG BỘ TỈNH {f['province'].upper()}\nHUYỆN ỦY {f['district'].upper()}"
    above = f"ĐẢNG BỘ HUYỆN {f['district'].upper()}" if f["district"] else f"ĐẢNG BỘ TỈNH {f['province'].upper()}"
    return f"{above}\nĐẢNG ỦY XÃ {f['commune'].upper()}"


def _short_body(f: dict) -> str:
    if f["level"] == "central":
        return f["issuer"]
    return "Ban Thường vụ " + f["issuer"].split(" ", 2)[0] + " " + f["issuer"].split(" ", 2)[1]


@dataclass(slots=True)
class Corpus:
    """Generated directives (ground truth) in creation order: roots before their plans."""

    docs: list[SynthDoc]

    @property
    def directives(self) -> dict[str, SynthDoc]:
        return {d.id: d for d in self.docs}

    def implementers(self) -> dict[str, list[str]]:
        """Ground truth: id → ids of the directives that implement it directly."""
        out: dict[str, list[str]] = {}
        for d in self.docs:
            for c in d.citations:
                if c["relation"] == "implements":
                    out.setdefault(c["id"], []).append(d.id)
        return out

    def dicts(self) -> Iterator[dict]:
        """Extraction dicts of the documents that have text (the fast path of benchmarks)."""
        for d in self.docs:
            if d.has_text:
                yield d.to_dict()


class _Numbers:
    """Per issuer, type and Party term: the next number (restarting each term)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.next: dict[tuple, int] = {}

    def take(self, issuer_key: str, type: str, d: date) -> str:
        key = (issuer_key, type, _term_of(d))
        n = self.next.get(key) or self.rng.randint(1, 40)
        self.next[key] = n + self.rng.randint(1, 3)
        return f"{n:02d}" if n < 10 else str(n)


def _fields(type, number, code, issuer, d, level, province=None, district=None, commune=None, title=None) -> dict:
    sym = f"{number}-{type}/{code}"
    return {
        "type": type, "number": number, "issuer_code": code, "issuer": issuer, "date": d.isoformat(),
        "year": d.year, "province": province, "district": district, "commune": commune, "congress": None,
        "symbol": sym, "term": None, "level": level, "title": title,
    }


def _citation(doc: SynthDoc, relation: str, cue: str | None) -> dict:
    f = doc.fields
    return {**f, "relation": relation, "cue": cue, "id": doc.id,
            "mentions": [{"start": 0, "end": 0, "text": f["symbol"], "form": "full"}]}


def generate(n: int, **options) -> Corpus:
    """About ``n`` directives as a ``Corpus``; options as for ``iter_docs``."""
    return Corpus(list(iter_docs(n, **options)))


def iter_docs(
    n: int,
    *,
    seed: int = 0,
    province_share: tuple[float, float] = (0.3, 1.0),
    central_text_share: float = 0.2,
    refs_per_doc: int = 3,
    new_era_share: float = 0.1,
) -> Iterator[SynthDoc]:
    """Stream ``n`` synthetic directives, each central root followed by its cascade.

    Each plan implements its parent, refers to its root and to ``refs_per_doc``
    other central directives: about 5 citations a document. Roots of the old era
    are dated so that their cascades end before 1 July 2025; roots of the new
    era (``new_era_share``) are implemented by the 34 new provinces and communes.

    >>> [d.fields["level"] for d in iter_docs(3, seed=0)]
    ['central', 'province', 'district']
    """
    if n < 1:
        raise ValueError(f"n must be positive, not {n}")
    rng = random.Random(seed)
    places = _places()
    numbers = _Numbers(rng)
    centrals: list[SynthDoc] = []
    count = 0
    old_from, old_to = date(2016, 3, 1), date(2024, 12, 15)
    new_from, new_to = date(2025, 7, 1), date(2026, 6, 30)
    while count < n:
        lo, hi = (new_from, new_to) if rng.random() < new_era_share else (old_from, old_to)
        d = lo + timedelta(days=rng.randint(0, (hi - lo).days))
        body, type = rng.choice(_CENTRAL_BODIES)
        number = numbers.take("TW", type, d)
        f = _fields(type, number, "TW", body, d, "central", title=rng.choice(_SUBJECTS))
        root = SynthDoc(directive_id(type, number, "TW", year=d.year), f, has_text=rng.random() < central_text_share)
        centrals.append(root)
        yield root
        count += 1
        if count >= n:
            return
        for doc in _cascade(root, rng, places, numbers, centrals, province_share, refs_per_doc):
            yield doc
            count += 1
            if count >= n:
                return


def _others(rng, centrals, root, k) -> list[SynthDoc]:
    pool = centrals[-200:]
    picks = []
    for _ in range(k * 2):
        c = rng.choice(pool)
        if c.id != root.id and c not in picks and c.fields["date"] <= root.fields["date"]:
            picks.append(c)
        if len(picks) == k:
            break
    return picks


def _plan(rng, numbers, parent, root, d, level, era, province, district, commune, centrals, refs) -> SynthDoc:
    issuer, code, header = committee(level, era, province, district, commune)
    key = "/".join(x for x in (province, district, commune) if x) + "/" + code
    number = numbers.take(key, "KH", d)
    f = _fields("KH", number, code, issuer, d, level, province, district, commune, title=f"thực hiện {root.fields['title']}")
    doc = SynthDoc(directive_id("KH", number, code, year=d.year, province=province, district=district, commune=commune),
                   f, parent=parent.id, header=header)
    doc.citations.append(_citation(parent, "implements", rng.choice(_VERBS)))
    if parent is not root:
        doc.citations.append(_citation(root, "refers_to", None))
    if parent.parent == root.id:  # "Kế hoạch số 61-KH/TU … về thực hiện Nghị quyết số 35-NQ/TW"
        doc.links.append({"source": parent.id, "target": root.id, "relation": "implements", "evidence": None})
    for other in _others(rng, centrals, root, refs):
        doc.citations.append(_citation(other, "refers_to", None))
    return doc


def _cascade(root, rng, places, numbers, centrals, share, refs) -> Iterator[SynthDoc]:
    rd = date.fromisoformat(root.fields["date"])
    era = gazetteer.era(rd)
    provinces = sorted(places[era])
    for p in rng.sample(provinces, max(1, int(len(provinces) * rng.uniform(*share)))):
        pd = rd + timedelta(days=rng.randint(20, 90))
        pplan = _plan(rng, numbers, root, root, pd, "province", era, p, None, None, centrals, refs)
        yield pplan
        if era == "old":
            districts = list(places["old"][p])
            for dist in rng.sample(districts, max(1, int(len(districts) * rng.uniform(0.3, 1.0)))):
                dd = pd + timedelta(days=rng.randint(10, 60))
                dplan = _plan(rng, numbers, pplan, root, dd, "district", era, p, dist, None, centrals, refs)
                yield dplan
                wards = places["old"][p][dist]
                for w in rng.sample(wards, min(len(wards), rng.randint(0, 4))):
                    wd = dd + timedelta(days=rng.randint(7, 45))
                    yield _plan(rng, numbers, dplan, root, wd, "commune", era, p, dist, w, centrals, refs)
        else:
            wards = places["new"][p]
            for w in rng.sample(wards, min(len(wards), rng.randint(2, 12))):
                wd = pd + timedelta(days=rng.randint(7, 45))
                yield _plan(rng, numbers, pplan, root, wd, "commune", era, p, None, w, centrals, refs)


def write_corpus(corpus: Corpus, folder: str | Path, *, truth: str = "truth.jsonl") -> list[Path]:
    """Write each document with text as ``<source>.txt`` and the ground truth as JSON Lines.

    >>> import tempfile
    >>> paths = write_corpus(generate(30, seed=2), tempfile.mkdtemp())
    >>> paths[0].suffix, (paths[0].parent / "truth.jsonl").exists()
    ('.txt', True)
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    with open(folder / truth, "w", encoding="utf-8") as fh:
        for d in corpus.docs:
            if not d.has_text:
                continue
            p = folder / d.source
            p.write_text(d.text(), encoding="utf-8")
            out.append(p)
            fh.write(json.dumps({**d.to_dict(path=p.name), "sha256": None}, ensure_ascii=False) + "\n")
    return out
