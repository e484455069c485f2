"""Độ phủ: which provinces (and districts) have a directive implementing this one, on an
offline map, and how long they took."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import geo, shape, state
from vbgraph.app.explorer.labels import COLUMNS as C
from vbgraph.app.explorer.labels import type_label
from vbgraph.app.explorer.views._common import column_config


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="coverage-pick", title="Độ phủ", load=sess.coverage)
    if subject is None:
        return
    id, cov = subject
    row = cov.directive
    st.title(f"Độ phủ {shape.md(row.label)}")
    era = "63 tỉnh/thành, trước 1/7/2025" if cov.era == "old" else "34 tỉnh/thành, từ 1/7/2025"
    st.caption(shape.md(f"{type_label(row.type)} · {shape.jurisdiction(row)} · {shape.date_vi(row)} · bản đồ {era}"))
    state.page_links(id, skip="coverage")

    provinces, districts = shape.coverage_frames(cov, geo.centroid_for(cov.era))
    n_cov, n_all = len(cov.covered), len(cov.provinces)
    lags = provinces[C["lag"]].dropna()
    c1, c2, c3 = st.columns(3)
    c1.metric("Tỉnh/thành có văn bản thực hiện", f"{n_cov}/{n_all}")
    c2.metric("Huyện có văn bản thực hiện", int((districts[C["covered"]] == "Có").sum()) if len(districts) else 0)
    c3.metric("Độ trễ trung vị (ngày)", int(lags.median()) if len(lags) else "—")

    left, right = st.columns([2, 3])
    with left:
        st.subheader("Bản đồ")
        st.altair_chart(shape.coverage_map(provinces, districts), width="content")
    with right:
        st.subheader("Độ trễ")
        if len(lags) or (len(districts) and districts[C["lag"]].notna().any()):
            st.altair_chart(shape.lag_chart(provinces, districts), width="stretch")
        else:
            st.caption("Chưa đủ ngày tháng để tính độ trễ.")
        show = st.radio("Tỉnh/thành", ["Tất cả", "Có", "Chưa có"], horizontal=True, key="coverage-show")
        table = provinces if show == "Tất cả" else provinces[provinces[C["covered"]] == show]
        st.dataframe(table, hide_index=True, column_config=column_config(), key="coverage-provinces")
        if len(districts):
            st.subheader("Huyện của các tỉnh đã thực hiện")
            st.dataframe(districts, hide_index=True, column_config=column_config(), key="coverage-districts")


if __name__ == "__main__":
    render()
