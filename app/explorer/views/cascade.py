"""Cây thực hiện: everything under a directive by level, with filters, counts, downloads
and a bounded top-down picture."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import shape, state
from vbgraph.app.explorer.labels import LEVEL_COLORS, LEVEL_LABELS, level_label, type_label
from vbgraph.app.explorer.views._common import column_config

MAX_NODES = 200


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="cascade-pick", title="Cây thực hiện", load=sess.directive)
    if subject is None:
        return
    id, detail = subject
    root = detail.row
    st.title(f"Cây thực hiện {shape.md(root.label)}")
    st.caption(shape.md(f"{type_label(root.type)} · {shape.jurisdiction(root)} · {shape.date_vi(root)}"))
    state.page_links(id, skip="cascade")

    follow = st.toggle("Theo cả quan hệ đề cập (refers_to)", key="cascade-follow",
                       help="Mặc định chỉ theo quan hệ “thực hiện”.")
    full = sess.cascade(id, follow_refers=follow)
    if not full:
        st.info("Chưa có văn bản nào thực hiện văn bản này trong kho.")
        return
    filters = _filters(shape.filter_options(full), follow)
    rows = sess.cascade(id, **filters)

    counts = shape.cascade_counts(rows)
    cols = st.columns(len(counts) + 1)
    cols[0].metric("Tổng", len({c.row.id for c in rows}))
    for col, (label, n) in zip(cols[1:], counts.items()):
        col.metric(label, n)
    if not rows:
        st.warning("Không có văn bản nào khớp bộ lọc.")
        return

    frame = shape.cascade_frame(rows, root)
    d1, d2 = st.columns(2)
    stem = root.label.replace("/", "-")
    d1.download_button("Tải CSV", shape.cascade_csv(frame), file_name=f"cay-thuc-hien-{stem}.csv",
                       mime="text/csv", icon=":material/download:", key="cascade-csv")
    d2.download_button("Tải JSON", shape.cascade_json(root, rows, filters), file_name=f"cay-thuc-hien-{stem}.json",
                       mime="application/json", icon=":material/download:", key="cascade-json")

    tree_tab, pic_tab = st.tabs(["Cây", "Sơ đồ"])
    with tree_tab:
        st.dataframe(frame, hide_index=True, column_config=column_config(), key="cascade-table")
    with pic_tab:
        kept = {c.row.id for c in rows}
        parents = shape.bridge_parents(full, kept, root.id) if len(rows) < len(full) else None
        dot, drawn, rest = shape.cascade_dot(root, rows, parents=parents, max_nodes=MAX_NODES)
        legend = " ".join(
            f'<span style="background:{LEVEL_COLORS[lv]};color:white;padding:0 .4rem;border-radius:.3rem">'
            f"{LEVEL_LABELS[lv]}</span>"
            for lv in ("central", "province", "district", "commune")
        )
        st.html(f"<div>{legend}</div>")
        if rest:
            st.caption(f"Vẽ {drawn} văn bản (những cấp vừa trọn trong {MAX_NODES} ô); {rest} văn bản ở cấp sâu hơn "
                       "được đếm trong ô viền đứt của văn bản cấp trên. Lọc theo tỉnh/thành để xem chi tiết; "
                       "bảng “Cây” có đủ mọi văn bản.")
        st.graphviz_chart(dot, width="stretch" if drawn > 24 else "content")


def _filters(options: dict, follow: bool) -> dict:
    """The filter widgets (in the sidebar); returns the keyword arguments of ``graph.queries.cascade``."""
    with st.sidebar:
        st.subheader("Bộ lọc")
        types = st.multiselect("Loại văn bản", options["types"], format_func=lambda t: f"{type_label(t)} ({t})",
                               key="cascade-types", placeholder="Tất cả")
        levels = st.multiselect("Cấp", options["levels"], format_func=level_label, key="cascade-levels",
                                placeholder="Tất cả")
        provinces = st.multiselect("Tỉnh/thành", options["provinces"], key="cascade-provinces",
                                   placeholder="Tất cả")
        years = options["years"]
        year_from = year_to = None
        if years and years[0] < years[1]:
            lo, hi = st.slider("Năm ban hành", years[0], years[1], (years[0], years[1]), key="cascade-years")
            if (lo, hi) != years:
                year_from, year_to = lo, hi
        depth = st.number_input("Độ sâu tối đa (0: không giới hạn)", min_value=0, max_value=20, value=0,
                                key="cascade-depth")
    out: dict = {"follow_refers": follow}
    if types:
        out["types"] = list(types)
    if levels:
        out["levels"] = list(levels)
    if provinces:
        out["provinces"] = list(provinces)
    if year_from is not None:
        out["year_from"], out["year_to"] = year_from, year_to
    if depth:
        out["max_depth"] = int(depth)
    return out


if __name__ == "__main__":
    render()
