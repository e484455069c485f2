"""Streamlit glue shared by the pages: the cached backend, cached queries, links, query params.

The backend is a ``st.cache_resource`` (one per store); every query result is a
``st.cache_data`` entry keyed by the backend, the store's write version and the
arguments, so a re-ingested store is never shown stale. Nothing here runs at import.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlite3

import streamlit as st

from vbgraph.app.config import load_config
from vbgraph.graph import queries
from vbgraph.graph.errors import QueryError
from vbgraph.ingest.errors import ReadError

from . import backend as _backend
from . import routes
from . import titles as _titles
from .labels import type_label
from .shape import SOURCE_CSS
from .vi import md_escape

__all__ = [
    "Session",
    "session",
    "page_links",
    "param",
    "set_param",
    "require_id",
    "directive_picker",
    "friendly",
    "MAX_SEARCH_WORDS",
]

# A search of more words than this is cut (SQLite refuses very long searches).
MAX_SEARCH_WORDS = 24
MAX_SEARCH_CHARS = 300


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…")
def _open(key: tuple[str, str]):
    config = load_config()
    return _backend.open_read_only(config)


class Session:
    """The backend of this run and its cached queries (methods mirror ``graph.queries``)."""

    def __init__(self, key: tuple[str, str]):
        self.key = key
        self.backend = _open(key)
        self.version = _backend.version_of(self.backend)

    def search(self, text: str, limit: int = 50):
        return _search(self.key, self.version, clip_search(text), limit)

    def titles(self, rows) -> dict[str, str]:
        """id → the title to show (header of the directive's own text, else its cleaned subject phrase)."""
        wanted = tuple(sorted({(r.id, r.title or "", r.status) for r in rows}))
        return _titles_of(self.key, self.version, wanted)

    def evidence(self, rows) -> dict[tuple[str, str], str]:
        """(child id, parent id) → the evidence sentence, for cascade rows (one query per parent)."""
        out: dict[tuple[str, str], str] = {}
        for parent in dict.fromkeys(c.parent_id for c in rows):
            detail = self.directive(parent) if parent.startswith("vn/") else None
            if detail is None:
                continue
            for e in (*detail.implemented_by, *detail.referred_by):
                out.setdefault((e.other.id, parent), e.sentence or "")
        return out

    def directive(self, id: str):
        return _directive(self.key, self.version, id)

    def cascade(self, id: str, **filters: Any):
        frozen = tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in filters.items()))
        return _cascade(self.key, self.version, id, frozen)

    def chain(self, id: str):
        return _chain(self.key, self.version, id)

    def coverage(self, id: str):
        return _coverage(self.key, self.version, id)

    def most_cited(self, limit: int = 20):
        return _most_cited(self.key, self.version, limit)

    def stats(self):
        return _stats(self.key, self.version)

    def failures(self):
        return _failures(self.key, self.version)

    def source(self, id: str):
        return _source(self.key, self.version, id)


def session() -> Session:
    """The configured backend (``VBGRAPH_STORE`` / ``VBGRAPH_BACKEND``…), opened read-only once."""
    try:
        return Session(_backend.backend_key(load_config()))
    except FileNotFoundError as err:  # no store yet: say how to make one, and stop this page
        st.error(md_escape(str(err)))
        st.stop()


def clip_search(text: str) -> str:
    """A search text cut to ``MAX_SEARCH_WORDS`` words and ``MAX_SEARCH_CHARS`` characters.

    >>> clip_search(" ".join(["từ"] * 1000)).count("từ")
    24
    """
    return " ".join(text.split()[:MAX_SEARCH_WORDS])[:MAX_SEARCH_CHARS]


def friendly(err: BaseException) -> str:
    """A message for staff about an error: what went wrong in Vietnamese, never a traceback or a server path.

    >>> friendly(QueryError("not a canonical directive id: 'x'"))
    'Yêu cầu không hợp lệ: mã định danh văn bản có dạng `vn/national/tw/nq/2018/35`.'
    """
    if isinstance(err, QueryError):
        return "Yêu cầu không hợp lệ: mã định danh văn bản có dạng `vn/national/tw/nq/2018/35`."
    if isinstance(err, ReadError):
        return "Không đọc được tệp nguồn (tệp đã bị chuyển hoặc xóa)."
    if isinstance(err, sqlite3.Error):
        return "Kho dữ liệu không trả lời được yêu cầu này; hãy thử lại với ít từ hơn."
    return "Đã có lỗi khi hiển thị trang này; hãy thử lại hoặc quay về trang Tìm kiếm."


# Cached query functions. The first argument names the backend, the second its version.
@st.cache_data(show_spinner=False, max_entries=512)
def _search(key, version, text, limit):
    return queries.search(_open(key), text, limit=limit)


@st.cache_data(show_spinner=False, max_entries=64)
def _titles_of(key, version, wanted):
    out = {}
    backend = _open(key)
    for id, own, status in wanted:
        text = None
        if status == "document":
            try:
                src = queries.source(backend, id)
                text = src.text if src else None
            except (ReadError, OSError):
                text = None
        out[id] = _titles.title_of(own, text)
    return out


@st.cache_data(show_spinner=False, max_entries=512)
def _directive(key, version, id):
    return queries.directive(_open(key), id)


@st.cache_data(show_spinner="Đang tính cây thực hiện…", max_entries=64)
def _cascade(key, version, id, frozen):
    return queries.cascade(_open(key), id, **dict(frozen))


@st.cache_data(show_spinner=False, max_entries=256)
def _chain(key, version, id):
    return queries.chain(_open(key), id)


@st.cache_data(show_spinner="Đang tính độ phủ…", max_entries=64)
def _coverage(key, version, id):
    return queries.coverage(_open(key), id)


@st.cache_data(show_spinner=False, max_entries=16)
def _most_cited(key, version, limit):
    return queries.most_cited(_open(key), limit=limit)


@st.cache_data(show_spinner=False, max_entries=4)
def _stats(key, version):
    return queries.stats(_open(key))


@st.cache_data(show_spinner=False, max_entries=4)
def _failures(key, version):
    return queries.failures(_open(key))


@st.cache_data(show_spinner=False, max_entries=128)
def _source(key, version, id):
    return queries.source(_open(key), id)


# ---------------------------------------------------------------- links and parameters


def param(name: str, default: str = "") -> str:
    """A query parameter of the URL (``?id=…``, ``?q=…``)."""
    return st.query_params.get(name, default)


def set_param(name: str, value: str | None) -> None:
    """Set (or drop, when empty) a query parameter so the URL stays shareable."""
    if value:
        st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def page_links(id: str, *, skip: str = "", label: str = "") -> None:
    """A row of links to every page about one directive (``skip`` the current page)."""
    keys = [k for k in ("directive", "cascade", "chain", "coverage") if k != skip]
    cols = st.columns(len(keys))
    for col, k in zip(cols, keys):
        r = routes.route(k)
        with col:
            st.page_link(r.script, label=r.title + (f" · {md_escape(label)}" if label else ""), icon=r.icon or None,
                         query_params={"id": id})


def directive_picker(sess: Session, *, key: str) -> str | None:
    """When a page has no ``?id=``: a box to name a directive, resolved through ``search``."""
    text = st.text_input(
        "Văn bản (số hiệu, loại và số, hoặc mã định danh)",
        placeholder="35-NQ/TW, Nghị quyết 35, Kết luận 224 Lai Châu…",
        key=key,
    )
    if not text.strip():
        st.info("Nhập một văn bản, hoặc mở từ trang Tìm kiếm.")
        return None
    if text.strip().startswith("vn/"):
        return text.strip()
    rows = sess.search(text.strip(), 20)
    if not rows:
        st.warning(f"Không tìm thấy văn bản nào khớp với “{md_escape(text)}”.")
        return None
    if len(rows) == 1:
        return rows[0].id
    names = sess.titles(rows)
    choice = st.selectbox(
        "Chọn văn bản", rows, format_func=lambda r: plain_label(r, names.get(r.id, "")),
        key=f"{key}-choice", index=None, placeholder="Nhiều văn bản cùng khớp — chọn một",
    )
    return choice.id if choice else None


def require_id(sess: Session, *, key: str) -> str | None:
    """The directive of the page: ``?id=`` when given, else what the user names (then put in the URL)."""
    id = param("id")
    if id:
        return id
    id = directive_picker(sess, key=key)
    if id:
        set_param("id", id)
    return id


def page_subject(sess: Session, *, key: str, title: str, load: Callable[[str], Any]) -> tuple[str, Any] | None:
    """The directive a page is about and what ``load`` returns for it, or None after
    drawing the page's bare title (nothing chosen yet) or an error (no such directive)."""
    id = require_id(sess, key=key)
    if id and not id.startswith("vn/"):
        st.title(title)
        st.error(f"“{md_escape(id[:120])}” không phải mã định danh văn bản (mã có dạng "
                 "`vn/national/tw/nq/2018/35`). Hãy tìm văn bản ở trang Tìm kiếm.")
        return None
    found = load(id) if id else None
    if found is None:
        st.title(title)
        if id:
            st.error(f"Không có văn bản nào với mã định danh “{md_escape(id[:120])}”.")
        return None
    return id, found


def plain_label(row, title: str = "") -> str:
    """What staff read to tell homonyms apart: type and symbol · issuer · year · title.

    >>> from vbgraph.graph.models import DirectiveRow
    >>> plain_label(DirectiveRow(id="vn/national/cp/nq/2016/35", type="NQ", symbol="35/NQ-CP", issuer="Chính phủ",
    ...             year=2016), "Hỗ trợ và phát triển doanh nghiệp")
    'Nghị quyết 35/NQ-CP · Chính phủ · 2016 · Hỗ trợ và phát triển doanh nghiệp'
    """
    head = f"{type_label(row.type)} {row.label}".strip()
    bits = [head, row.issuer or "", str(row.year) if row.year else "năm chưa rõ", title]
    return " · ".join(b for b in bits if b)


def source_css() -> None:
    """The styles of highlighted source texts."""
    st.html(SOURCE_CSS)
