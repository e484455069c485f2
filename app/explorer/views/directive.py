"""Văn bản: one directive — identity, conflicting values, what it implements (up), what
implements it (down), mentions; each edge with its cue, evidence sentence and source text."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import routes, shape, state
from vbgraph.ingest.errors import ReadError
from vbgraph.app.explorer.labels import STATUS_LABELS, level_label, type_label
from vbgraph.app.explorer.views._common import column_config

# (title, DirectiveDetail field, whether the citing text is this directive's own)
SECTIONS = (
    ("Thực hiện", "implements", True),
    ("Được thực hiện bởi", "implemented_by", False),
    ("Đề cập", "refers_to", True),
    ("Được đề cập bởi", "referred_by", False),
)


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="directive-pick", title="Văn bản", load=sess.directive)
    if subject is None:
        return
    id, detail = subject
    row = detail.row
    state.source_css()
    st.title(shape.md(f"{type_label(row.type)} {row.label}".strip()))
    place = shape.jurisdiction(row)
    bits = [level_label(row.level), "" if place == level_label(row.level) else place, shape.date_vi(row),
            STATUS_LABELS.get(row.status, row.status)]
    st.caption(shape.md(" · ".join(b for b in bits if b)))
    if row.title:
        st.markdown(f"_{shape.md(row.title)}_")
    state.page_links(id, skip="directive")
    for note in shape.conflict_notes(detail):
        st.warning(shape.md(note), icon=":material/warning:")
    if row.homonyms > 1:
        st.info(f"Số hiệu {shape.md(row.label)} có ở {row.homonyms} văn bản khác nhau (khác nhiệm kỳ, năm hoặc địa bàn). "
                f"[Xem tất cả]({routes.url('search', q=row.label)})", icon=":material/info:")

    cols = st.columns(len(SECTIONS))
    for col, (title, field, _) in zip(cols, SECTIONS):
        col.metric(title, len(getattr(detail, field)))
    with st.expander("Thông tin văn bản", expanded=bool(detail.conflicts)):
        st.dataframe(shape.metadata_frame(detail), hide_index=True, width="stretch")

    labels = [f"{title} ({len(getattr(detail, field))})" for title, field, _ in SECTIONS] + ["Văn bản gốc"]
    tabs = st.tabs(labels)
    for tab, (title, field, own) in zip(tabs, SECTIONS):
        with tab:
            _edges(sess, row, getattr(detail, field), own=own, key=f"edges-{field}")
    with tabs[-1]:
        _own_text(sess, row)


def _edges(sess: state.Session, row, edges, *, own: bool, key: str) -> None:
    if not edges:
        st.caption("Không có.")
        return
    event = st.dataframe(
        shape.edge_frame(edges),
        hide_index=True,
        column_config=column_config(),
        on_select="rerun",
        selection_mode="single-row",
        key=key,
    )
    picked = event.selection.rows if event and event.selection else []
    edge = edges[picked[0]] if picked else edges[0]
    hint = "" if picked else " _(dòng đầu; chọn một dòng để xem dòng khác)_"
    st.markdown(f"**{shape.md(edge.other.label)}** — từ khóa: {shape.code(edge.cue or '—')} · {edge.mentions} lần nhắc{hint}")
    if edge.ambiguous:
        st.warning("Trích dẫn mơ hồ; có thể là: " + ", ".join(shape.code(c) for c in edge.candidates))
    if edge.sentence:
        st.markdown(f"> {shape.md(edge.sentence)}")
    citing = row.id if own else edge.other.id
    src, error = _source(sess, citing)
    if error:
        st.warning(f"Không đọc được tệp nguồn: {shape.md(error)}")
    elif src is None:
        st.caption("Không có toàn văn của văn bản trích dẫn trong kho.")
    elif edge.source and src.path != edge.source:
        st.caption(f"Câu làm chứng lấy từ tệp {shape.md(edge.source)}; toàn văn trong kho là {shape.md(src.path)}.")
    else:
        full = st.toggle("Hiện toàn văn", key=f"{key}-full")
        focus = (edge.start, edge.end) if edge.start is not None and edge.end is not None else None
        st.caption(f"Tệp nguồn: {shape.md(src.path)}")
        st.html(shape.highlight_html(src.text, src.spans, focus=focus, window=None if full else 700))
    state.page_links(edge.other.id, label=edge.other.label)


def _source(sess: state.Session, id: str):
    """(source text or None, the read error to show or None): a moved or deleted file is reported, not fatal."""
    try:
        return sess.source(id), None
    except ReadError as err:
        return None, str(err)


def _own_text(sess: state.Session, row) -> None:
    src, error = _source(sess, row.id)
    if error:
        st.warning(f"Không đọc được tệp nguồn: {shape.md(error)}")
        return
    if src is None:
        st.caption("Kho không có toàn văn văn bản này (chỉ biết qua trích dẫn)." if row.status != "document"
                   else "Không đọc được toàn văn văn bản này.")
        return
    st.caption(f"Tệp: {shape.md(src.path)} · {len(src.spans)} trích dẫn được tô sáng")
    st.html(shape.highlight_html(src.text, src.spans))


if __name__ == "__main__":
    render()
