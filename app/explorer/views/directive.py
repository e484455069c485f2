"""Văn bản: one directive — identity, conflicting values, what it implements (up), what
implements it (down), mentions; each row with issuer, date, title, cue and evidence,
the selected row's source text; downloads of every relation."""
from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

import streamlit as st

from vbgraph.app.explorer import routes, shape, state, tables
from vbgraph.app.explorer.labels import STATUS_LABELS, level_label, type_label
from vbgraph.app.explorer.views._common import downloads, table
from vbgraph.app.explorer.vi import date_vi, md_escape, text_key
from vbgraph.ingest.errors import ReadError

# (title, DirectiveDetail field, whether the citing text is this directive's own)
SECTIONS = (
    ("Được thực hiện bởi", "implemented_by", False),
    ("Thực hiện", "implements", True),
    ("Được đề cập bởi", "referred_by", False),
    ("Đề cập", "refers_to", True),
)
TEXT_TAB = "Toàn văn"
COUNTS_NOTE = ("*Được thực hiện bởi* đếm văn bản nêu rõ là thực hiện văn bản này (trực tiếp); *Được đề cập bởi* "
               "đếm văn bản chỉ nhắc đến nó. Trang Cây thực hiện đếm thêm văn bản thực hiện gián tiếp (qua văn bản "
               "cấp dưới) và không đếm văn bản chỉ đề cập; trang Kho dữ liệu đếm số tệp có trích dẫn (kể cả báo cáo).")


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="directive-pick", title="Văn bản", load=sess.directive)
    if subject is None:
        return
    id, detail = subject
    row = detail.row
    state.source_css()
    st.title(f"{type_label(row.type)} {row.label}".strip())
    place = tables.place(row)
    bits = [row.issuer or "", level_label(row.level), "" if place == level_label(row.level) else place,
            date_vi(row.date, row.year) or "ngày chưa rõ", STATUS_LABELS.get(row.status, row.status)]
    st.caption(" · ".join(md_escape(b) for b in bits if b))
    title = sess.titles([row]).get(row.id)
    if title:
        st.markdown(f"_{md_escape(title)}_")
    state.page_links(id, skip="directive")
    for note in _conflict_notes(detail):
        st.warning(note)
    if row.homonyms > 1:
        st.info(f"Số hiệu {md_escape(row.label)} có ở {row.homonyms} văn bản khác nhau (khác nhiệm kỳ, năm hoặc "
                f"địa bàn). [Xem tất cả]({routes.url('search', q=row.label)})")

    cols = st.columns(len(SECTIONS))
    for col, (name, field, _) in zip(cols, SECTIONS):
        col.metric(name, len(getattr(detail, field)))
    st.caption(COUNTS_NOTE)
    with st.expander("Thông tin văn bản", expanded=bool(_conflict_notes(detail))):
        st.dataframe(shape.metadata_frame(detail), hide_index=True, width="stretch")

    shown = [(name, field, own) for name, field, own in SECTIONS if getattr(detail, field)]
    labels = [f"{name} ({len(getattr(detail, field))})" for name, field, _ in shown] + [TEXT_TAB]
    tabs = st.tabs(labels, default=labels[0])
    for tab, (name, field, own) in zip(tabs, shown):
        with tab:
            _edges(sess, row, getattr(detail, field), own=own, key=f"edges-{field}")
    with tabs[-1]:
        _own_text(sess, row)
    if shown:
        _export(sess, row, detail, shown)


def _conflict_notes(detail) -> list[str]:
    """A note per field whose values differ in more than case or spacing."""
    real = {k: tuple(date_vi(x) for x in v) if k == "date" else v
            for k, v in detail.conflicts.items() if len({text_key(str(x)) for x in v}) > 1}
    return [md_escape(line) for line in shape.conflict_notes(replace(detail, conflicts=real))]


def _export(sess: state.Session, row, detail, shown) -> None:
    edges = [e for _, field, _ in shown for e in getattr(detail, field)]
    frame = tables.edge_table(edges, sess.titles([e.other for e in edges]))
    st.markdown("**Tải mọi quan hệ của văn bản này**")
    downloads(frame, f"quan-he-{row.label.replace('/', '-')}", key="directive-dl", sheet="Quan hệ")


def _edges(sess: state.Session, row, edges, *, own: bool, key: str) -> None:
    names = sess.titles([e.other for e in edges])
    event = table(tables.edge_table(edges, names, link=True), key=key, on_select="rerun",
                  selection_mode="single-row")
    picked = event.selection.rows if event and event.selection else []
    edge = edges[picked[0]] if picked else edges[0]
    hint = "" if picked else " _(dòng đầu; chọn một dòng để xem dòng khác)_"
    st.markdown(f"**{md_escape(edge.other.label)}** — từ khóa: “{md_escape(edge.cue or '—')}” · "
                f"{edge.mentions} lần nhắc{hint}")
    if edge.ambiguous:
        st.warning("Trích dẫn mơ hồ; có thể là: " + ", ".join(md_escape(c) for c in edge.candidates))
    if edge.sentence:
        st.markdown(f"> {md_escape(' '.join(edge.sentence.split()))}")
    citing = row.id if own else edge.other.id
    src, error = _source(sess, citing)
    if error:
        st.warning(error)
    elif src is None:
        st.caption("Không có toàn văn của văn bản trích dẫn trong kho.")
    elif edge.source and src.path != edge.source:
        st.caption(f"Câu làm chứng lấy từ tệp {md_escape(_name(edge.source))}; toàn văn trong kho là "
                   f"{md_escape(_name(src.path))}.")
    else:
        full = st.toggle("Hiện toàn văn", key=f"{key}-full")
        focus = (edge.start, edge.end) if edge.start is not None and edge.end is not None else None
        st.caption(f"Tệp: {md_escape(_name(src.path))}")
        st.html(shape.highlight_html(src.text, src.spans, focus=focus, window=None if full else 700))
    state.page_links(edge.other.id, label=edge.other.label)


def _name(path: str) -> str:
    """A file's name without the server's folders."""
    return PurePath(path).name


def _source(sess: state.Session, id: str):
    """(source text or None, the message to show or None): a moved or deleted file is reported, not fatal."""
    try:
        return sess.source(id), None
    except ReadError as err:
        return None, state.friendly(err)


def _own_text(sess: state.Session, row) -> None:
    src, error = _source(sess, row.id)
    if error:
        st.warning(error)
        return
    if src is None:
        st.caption("Kho không có toàn văn văn bản này (chỉ biết qua trích dẫn)." if row.status != "document"
                   else "Không đọc được toàn văn văn bản này.")
        return
    st.caption(f"Tệp: {md_escape(_name(src.path))} · {len(src.spans)} trích dẫn được tô sáng")
    st.html(shape.highlight_html(src.text, src.spans))


if __name__ == "__main__":
    render()
