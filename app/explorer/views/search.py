"""Tìm kiếm: one box for "Nghị quyết 35", "35-NQ/TW", "NQ 35", "Kết luận 224 Lai Châu" or title words."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import shape, state
from vbgraph.app.explorer.views._common import column_config

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
    if not text.strip():
        st.caption("Ví dụ: " + " · ".join(f"`{e}`" for e in EXAMPLES))
        return
    state.set_param("q", text.strip())
    st.session_state["search-url-q"] = text.strip()
    rows = sess.search(text.strip(), int(limit))
    if not rows:
        st.warning(f"Không tìm thấy văn bản nào khớp với “{shape.md(text.strip())}”.")
        return
    st.caption(f"{len(rows)} kết quả" + (" (có thể còn nữa — tăng số kết quả tối đa)" if len(rows) >= limit else ""))
    for note in shape.homonym_notes(rows):
        st.info(shape.md(note), icon=":material/info:")
    frame = shape.directive_frame(rows)
    event = st.dataframe(
        frame,
        hide_index=True,
        column_config=column_config(),
        on_select="rerun",
        selection_mode="single-row",
        key="search-results",
    )
    picked = event.selection.rows if event and event.selection else []
    row = rows[picked[0]] if picked else rows[0]
    st.subheader(shape.md(f"{row.label} — {shape.jurisdiction(row) or 'chưa rõ địa bàn'}"))
    if not picked:
        st.caption("Kết quả đầu; chọn một dòng trong bảng để xem văn bản khác.")
    state.page_links(row.id)
    _citing(sess, row.id)


def _citing(sess: state.Session, id: str) -> None:
    """The directives that implement or mention the chosen one (the directive page has the details)."""
    detail = sess.directive(id)
    if detail is None:
        return
    edges = list(detail.implemented_by) + list(detail.referred_by)
    st.markdown(f"Được thực hiện bởi **{len(detail.implemented_by)}** · được đề cập bởi "
                f"**{len(detail.referred_by)}** văn bản")
    if edges:
        frame = shape.edge_frame(edges)
        frame.insert(1, "Quan hệ", ["Thực hiện"] * len(detail.implemented_by) + ["Đề cập"] * len(detail.referred_by))
        cols = ["Số hiệu", "Quan hệ", "Cấp", "Địa bàn", "Ngày", "Từ khóa", "Trích yếu", "Mở", "Mã định danh"]
        st.dataframe(frame[cols], hide_index=True, column_config=column_config(), key="search-citing")


if __name__ == "__main__":
    render()
