"""Kho dữ liệu: counts, most-cited directives, cited directives with no text, unreadable files."""
from __future__ import annotations

from pathlib import PurePath

import streamlit as st

from vbgraph.app.explorer import state, tables
from vbgraph.app.explorer.labels import COLUMNS as C
from vbgraph.app.explorer.labels import KIND_LABELS, RELATION_LABELS, STATUS_LABELS
from vbgraph.app.explorer.views._common import table
from vbgraph.app.explorer.vi import count_vi as _n

COUNTS_NOTE = ("*Số tệp trích dẫn* đếm mọi tệp có nhắc đến văn bản (thực hiện, đề cập, báo cáo, bài viết), nên thường "
               "lớn hơn số văn bản thực hiện ở trang Văn bản và số văn bản trong Cây thực hiện.")


def _cited(sess, pairs):
    rows = [r for r, _ in pairs]
    return tables.directive_table(rows, sess.titles(rows), citations={r.id: n for r, n in pairs}, link=True)


def render() -> None:
    st.title("Kho dữ liệu")
    sess = state.session()
    stats = sess.stats()
    cols = st.columns(4)
    cols[0].metric("Tệp đã nạp", _n(stats.files))
    cols[1].metric("Văn bản", _n(sum(stats.directives.values())))
    cols[2].metric("Quan hệ trích dẫn", _n(sum(stats.edges.values())))
    cols[3].metric("Tệp không đọc được", _n(stats.failed))
    a, b, c = st.columns(3)
    with a:
        st.markdown("**Tài liệu theo loại**")
        st.dataframe({"Loại": [KIND_LABELS.get(k, k) for k in stats.documents],
                      C["count"]: list(stats.documents.values())}, hide_index=True)
    with b:
        st.markdown("**Văn bản theo trạng thái**")
        st.dataframe({"Trạng thái": [STATUS_LABELS.get(k, k) for k in stats.directives],
                      C["count"]: list(stats.directives.values())}, hide_index=True)
    with c:
        st.markdown("**Quan hệ**")
        st.dataframe({C["relation"]: [RELATION_LABELS.get(k, k) for k in stats.edges],
                      C["count"]: list(stats.edges.values())}, hide_index=True)

    limit = st.slider("Số văn bản", 10, 200, 20, step=10, key="so", bind="query-params")
    pairs = sess.most_cited(max(limit, 200))
    top, stubs, failed = st.tabs(["Được trích dẫn nhiều nhất", "Chưa có toàn văn", "Tệp lỗi"])
    with top:
        st.caption(COUNTS_NOTE)
        table(_cited(sess, pairs[:limit]), key="corpus-top")
    with stubs:
        only = [(r, n) for r, n in pairs if r.status == "cited-only"][:limit]
        st.caption(f"Văn bản được trích dẫn nhưng kho không có toàn văn — {stats.directives.get('cited-only', 0)} "
                   f"văn bản; dưới đây là những văn bản được trích dẫn nhiều nhất trong số đó.")
        table(_cited(sess, only), key="corpus-stubs")
    with failed:
        rows = sess.failures()
        if not rows:
            st.caption("Không có tệp lỗi.")
        else:
            st.dataframe({C["path"]: [PurePath(f.path).name for f in rows],
                          C["reason"]: [f.reason for f in rows]}, hide_index=True, key="corpus-failed")


if __name__ == "__main__":
    render()
