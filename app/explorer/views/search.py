"""Tìm kiếm: one box for "Nghị quyết 35", "35-NQ/TW", "NQ 35", "Kết luận 224 Lai Châu" or title words.

Results are most cited first, each with a plain label (type and symbol · issuer ·
year · title); symbols that name several directives are grouped with a note; when
more than one directive matches, nothing is opened until the reader picks one.
"""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import routes, search_help, state, tables
from vbgraph.app.explorer.views._common import table
from vbgraph.app.explorer.vi import md_escape

EXAMPLES = ("Nghị quyết 35", "35-NQ/TW", "NQ 35", "Kết luận 224 Lai Châu")


def _remember_query() -> None:
    value = st.session_state["search-q"].strip()
    st.session_state["search-url-q"] = value
    state.set_param("q", value)


def render() -> None:
    st.title("Tìm kiếm văn bản")
    sess = state.session()
    url_q = state.param("q")
    if st.session_state.get("search-url-q") != url_q or "search-q" not in st.session_state:
        st.session_state["search-q"] = url_q  # a shared link (?q=…) wins over the last typed text
        st.session_state["search-url-q"] = url_q
    text = st.text_input(
        "Số hiệu, loại và số, hoặc từ trong trích yếu",
        key="search-q",
        placeholder="Ví dụ: " + ", ".join(EXAMPLES),
        on_change=_remember_query,
    )
    limit = st.sidebar.number_input("Số kết quả tối đa", min_value=10, max_value=500, value=50, step=10)
    query = text.strip()
    if not query:
        st.caption("Ví dụ: " + " · ".join(f"`{e}`" for e in EXAMPLES))
        return
    state.set_param("q", query)
    st.session_state["search-url-q"] = query
    if len(query.split()) > state.MAX_SEARCH_WORDS or len(query) > state.MAX_SEARCH_CHARS:
        st.info(f"Chỉ tìm theo {state.MAX_SEARCH_WORDS} từ đầu của nội dung đã nhập.")
    rows = sess.search(query, int(limit))
    if not rows:
        st.warning(f"Không tìm thấy văn bản nào khớp với “{md_escape(state.clip_search(query))}”.")
        _did_you_mean(sess, query)
        return
    names = sess.titles(rows)
    groups = search_help.group_homonyms(rows)
    more = " (có thể còn nữa — tăng số kết quả tối đa)" if len(rows) >= limit else ""
    st.caption(f"{len(rows)} kết quả, văn bản được trích dẫn nhiều nhất trước{more}")
    for label, members in groups:
        if len(members) > 1:
            st.info(f"Số hiệu {md_escape(label)} có ở {len(members)} văn bản khác nhau trong kết quả "
                    "(khác cơ quan, năm hoặc địa bàn): xem cơ quan ban hành, năm và trích yếu để chọn đúng văn bản.")
    ordered = [r for _, members in groups for r in members]
    frame = tables.directive_table(ordered, names, link=True)
    frame.insert(0, "Văn bản", [state.plain_label(r, names.get(r.id, "")) for r in ordered])
    event = table(frame, key="search-results", on_select="rerun", selection_mode="single-row")
    picked = event.selection.rows if event and event.selection else []
    if not picked and len(ordered) > 1:
        st.caption("Nhiều văn bản cùng khớp: chọn một dòng trong bảng để xem văn bản đó.")
        return
    row = ordered[picked[0]] if picked else ordered[0]
    st.subheader(state.plain_label(row, names.get(row.id, "")))
    state.page_links(row.id)
    _citing(sess, row.id)


def _did_you_mean(sess: state.Session, query: str) -> None:
    """Links to near misses: the same number and type with another issuer, fewer words, the number alone."""
    for alt in search_help.alternatives(query):
        rows = sess.search(alt, 8)
        if rows:
            names = sess.titles(rows)
            links = [f"- [{md_escape(state.plain_label(r, names.get(r.id, '')))}]({routes.url('directive', r.id)})"
                     for r in rows[:8]]
            st.markdown(f"**Có phải bạn muốn tìm** ([“{md_escape(alt)}”]({routes.url('search', q=alt)})):\n"
                        + "\n".join(links))
            return


def _citing(sess: state.Session, id: str) -> None:
    """The directives that implement or mention the chosen one (the directive page has the details)."""
    detail = sess.directive(id)
    if detail is None:
        return
    edges = list(detail.implemented_by) + list(detail.referred_by)
    st.markdown(f"Được thực hiện bởi **{len(detail.implemented_by)}** · được đề cập bởi "
                f"**{len(detail.referred_by)}** văn bản")
    if edges:
        frame = tables.edge_table(edges, sess.titles([e.other for e in edges]), link=True)
        table(frame, key="search-citing")


if __name__ == "__main__":
    render()
