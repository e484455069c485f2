"""Độ phủ: which provinces (and districts or communes) have a directive implementing this
one, each implementer placed on the map in force at its own date, on an offline map,
and how long they took."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from vbgraph.app.explorer import cover, geo, shape, state
from vbgraph.app.explorer.labels import COLUMNS as C
from vbgraph.app.explorer.labels import type_label
from vbgraph.app.explorer.views._common import downloads, table
from vbgraph.app.explorer.vi import date_vi, md_escape

SHOW = ("Tất cả", "Có", "Chưa có")
COUNTS_NOTE = ("Đếm tỉnh/thành có ít nhất một văn bản thực hiện văn bản này (trực tiếp hoặc gián tiếp; văn bản chỉ "
               "đề cập không tính). Mỗi văn bản thực hiện được đặt trên bản đồ hành chính có hiệu lực ở ngày ban hành "
               "của nó: trước 1/7/2025 là 63 tỉnh/thành (có huyện), từ 1/7/2025 là 34 tỉnh/thành (có xã).")


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="coverage-pick", title="Độ phủ", load=sess.directive)
    if subject is None:
        return
    id, detail = subject
    row = detail.row
    st.title(f"Độ phủ {row.label}")
    st.caption(" · ".join(md_escape(b) for b in (type_label(row.type), row.issuer or "",
                                                  date_vi(row.date, row.year) or "ngày chưa rõ") if b))
    state.page_links(id, skip="coverage")
    eras = cover.by_era(row, sess.cascade(id))
    st.caption(COUNTS_NOTE)
    if len(eras) == 1:
        _era(eras[0], row, key="phu")
        return
    labels = [f"{cover.ERA_LABELS[c.era].capitalize()} — {len(_implementers(c))} văn bản" for c in eras]
    for tab, cov, n in zip(st.tabs(labels), eras, range(len(eras))):
        with tab:
            _era(cov, row, key=f"phu{n}")


def _implementers(cov) -> set[str]:
    return {d.id for r in cov.provinces for d in r.directives}


def _era(cov, row, *, key: str) -> None:
    below = "Huyện" if cov.era == "old" else "Xã"
    provinces, districts = shape.coverage_frames(cov, geo.centroid_for(cov.era))
    for frame in (provinces, districts):
        frame[C["lag"]] = frame[C["lag"]].astype("Int64")
    n_cov, n_all = len(cov.covered), len(cov.provinces)
    lags = provinces[C["lag"]].dropna()
    c1, c2, c3 = st.columns(3)
    c1.metric(f"Tỉnh/thành có văn bản thực hiện ({cover.ERA_LABELS[cov.era]})", f"{n_cov}/{n_all}")
    c2.metric(f"{below} có văn bản thực hiện", int((districts[C["covered"]] == "Có").sum()) if len(districts) else 0)
    c3.metric("Độ trễ trung vị (ngày)", int(lags.median()) if len(lags) else "—")

    left, right = st.columns([2, 3])
    with left:
        st.subheader("Bản đồ")
        st.altair_chart(shape.coverage_map(provinces, districts), width="content")
    with right:
        st.subheader("Độ trễ")
        if len(lags) or (len(districts) and districts[C["lag"]].notna().any()):
            st.altair_chart(shape.lag_chart(provinces, districts, below=below), width="stretch")
            st.caption("Số ngày từ ngày ban hành văn bản này đến văn bản thực hiện sớm nhất ở mỗi địa bàn.")
        elif not n_cov:
            st.caption("Chưa có văn bản thực hiện nào trong kho, nên chưa có độ trễ.")
        elif not row.date:
            st.caption("Văn bản này chưa rõ ngày ban hành, nên chưa tính được độ trễ.")
        else:
            st.caption("Các văn bản thực hiện chưa rõ ngày ban hành, nên chưa tính được độ trễ.")
        show = st.radio("Tỉnh/thành", SHOW, horizontal=True, key=key, bind="query-params")
        shown = provinces if show == SHOW[0] else provinces[provinces[C["covered"]] == show]
        table(shown.drop(columns=["ids", "lat", "lon"]), key=f"{key}-provinces")
        if len(districts):
            st.subheader(f"{below} của các tỉnh/thành đã thực hiện")
            table(districts.drop(columns=["ids", "lat", "lon"]).rename(columns={C["district"]: below}),
                  key=f"{key}-districts")
    st.markdown("**Tải bảng độ phủ**")
    both = pd.concat([provinces.assign(**{C["district"]: ""}), districts]).drop(columns=["ids", "lat", "lon"])
    both = both[[C["province"], C["district"], C["covered"], C["directives"], C["lag"]]]
    downloads(both.rename(columns={C["district"]: below}), f"do-phu-{row.label.replace('/', '-')}-{cov.era}",
              key=f"{key}-dl", sheet="Độ phủ")


if __name__ == "__main__":
    render()
