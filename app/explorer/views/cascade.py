"""Cây thực hiện: everything under a directive — a collapsible tree (level → province →
district → commune) with counts on every branch, a sortable table, and a top-down
picture for small cascades; filters and the chosen view are kept in the URL."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import shape, state, tables, tree
from vbgraph.app.explorer.labels import LEVEL_COLORS, LEVEL_LABELS, level_label, type_label
from vbgraph.app.explorer.views._common import downloads, table
from vbgraph.app.explorer.vi import count_vi, date_vi, md_escape

MAX_PICTURE = 30  # boxes; above this the picture's labels are too small to read
VIEWS = ("Cây", "Bảng", "Sơ đồ")
COUNTS_NOTE = ("Đếm mọi văn bản thực hiện văn bản này, trực tiếp hoặc gián tiếp (qua văn bản cấp dưới), mỗi văn bản "
               "một lần; văn bản chỉ đề cập không được đếm, trừ khi bật “Theo cả quan hệ đề cập”.")


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="cascade-pick", title="Cây thực hiện", load=sess.directive)
    if subject is None:
        return
    id, detail = subject
    root = detail.row
    st.title(f"Cây thực hiện {root.label}")
    st.caption(" · ".join(md_escape(b) for b in (type_label(root.type), root.issuer or tables.place(root),
                                                  date_vi(root.date, root.year)) if b))
    state.page_links(id, skip="cascade")

    follow = st.toggle("Theo cả quan hệ đề cập", key="de-cap", bind="query-params",
                       help="Mặc định chỉ theo quan hệ “thực hiện”.")
    full = sess.cascade(id, follow_refers=follow)
    if not full:
        st.info("Chưa có văn bản nào thực hiện văn bản này trong kho.")
        return
    filters = _filters(tables.filter_options(full))
    rows = tables.filter_cascade(full, **filters)

    counts = shape.cascade_counts(rows)
    cols = st.columns(len(counts) + 1)
    cols[0].metric("Tổng", len({c.row.id for c in rows}))
    for col, (label, n) in zip(cols[1:], counts.items()):
        col.metric(label, n)
    st.caption(COUNTS_NOTE + (f" Bộ lọc giữ {count_vi(len({c.row.id for c in rows}))} trên "
                              f"{count_vi(len({c.row.id for c in full}))} văn bản." if len(rows) < len(full) else ""))
    if not rows:
        st.warning("Không có văn bản nào khớp bộ lọc.")
        return

    names = sess.titles([c.row for c in rows])
    labels = {root.id: root.label, **{c.row.id: c.row.label for c in full}}
    frame = tables.cascade_table(rows, labels, names, sess.evidence(rows), link=True)
    view = st.segmented_control("Cách xem", VIEWS, key="xem", bind="query-params", default=VIEWS[0],
                                required=True)
    if view == "Bảng":
        table(frame, key="cascade-table")
    elif view == "Sơ đồ":
        _picture(root, full, rows)
    else:
        st.html(tree.TREE_CSS + tree.tree_html(rows, names))
    st.markdown("**Tải danh sách** (theo bộ lọc)")
    downloads(frame, f"cay-thuc-hien-{root.label.replace('/', '-')}", key="cascade-dl", sheet="Cây thực hiện")


def _picture(root, full, rows) -> None:
    kept = {c.row.id for c in rows}
    if len(kept) > MAX_PICTURE:
        st.info(f"Sơ đồ chỉ vẽ khi có tối đa {MAX_PICTURE} văn bản (hiện có {count_vi(len(kept))}), để chữ đủ lớn "
                "để đọc. Hãy lọc theo tỉnh/thành hoặc cấp, hoặc xem dạng Cây.")
        return
    parents = shape.bridge_parents(full, kept, root.id) if len(rows) < len(full) else None
    dot, _, _ = shape.cascade_dot(root, rows, parents=parents, max_nodes=MAX_PICTURE + 1)
    chips = "".join(
        f'<span style="background:{LEVEL_COLORS[lv]};color:white;padding:0 .4rem;border-radius:.3rem;'
        f'margin-right:.3rem">{LEVEL_LABELS[lv]}</span>'
        for lv in ("central", "province", "district", "commune", None)
    )
    st.html(f"<div>{chips}<span style='margin-left:.6rem'>── thực hiện · ╌╌ đề cập · ô viền đen: văn bản đang xem"
            "</span></div>")
    st.graphviz_chart(dot, width="stretch" if len(kept) > 12 else "content")
    st.caption("Bấm vào một ô để mở văn bản.")


def _filters(options: dict) -> dict:
    """The filter widgets (in the sidebar, kept in the URL); returns ``tables.filter_cascade``'s arguments."""
    with st.sidebar:
        st.subheader("Bộ lọc")
        levels = st.multiselect("Cấp", options["levels"], key="cap", bind="query-params", placeholder="Tất cả",
                                format_func=lambda lv: level_label(None if lv == "none" else lv))
        provinces = st.multiselect("Tỉnh/thành", options["provinces"], key="tinh", bind="query-params",
                                   placeholder="Tất cả")
        types = st.multiselect("Loại văn bản", options["types"], key="loai", bind="query-params",
                               placeholder="Tất cả", format_func=lambda t: f"{type_label(t)} ({t})")
        years = options["years"]
        span = None
        if years and years[0] < years[1]:
            lo, hi = st.slider("Năm ban hành", years[0], years[1], (years[0], years[1]), key="nam",
                               bind="query-params")
            if (lo, hi) != years:
                span = (lo, hi)
        depth = st.number_input("Số bậc tối đa (0: không giới hạn)", min_value=0, max_value=20, value=0,
                                key="bac", bind="query-params")
    return {"types": types, "levels": levels, "provinces": provinces, "years": span, "max_depth": int(depth) or None}


if __name__ == "__main__":
    render()
