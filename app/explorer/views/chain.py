"""Chuỗi: from a local directive up to the central directives it carries out, transitively."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import routes, shape, state
from vbgraph.app.explorer.labels import level_label, type_label


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="chain-pick", title="Chuỗi thực hiện", load=sess.directive)
    if subject is None:
        return
    id, detail = subject
    row = detail.row
    st.title(f"Chuỗi thực hiện {shape.md(row.label)}")
    st.caption(shape.md(f"{type_label(row.type)} · {level_label(row.level)} · {shape.jurisdiction(row)}"))
    state.page_links(id, skip="chain")
    paths = [p for p in sess.chain(id) if len(p) > 1]
    if not paths:
        st.info("Văn bản này không thực hiện văn bản nào khác trong kho (nó là gốc của chuỗi).")
        return
    st.caption(f"{len(paths)} chuỗi từ văn bản này lên văn bản gốc")
    for i, path in enumerate(paths, 1):
        links = " → ".join(f"[{shape.md(r.label)}]({routes.url('directive', r.id)})" for r in path)
        st.markdown(f"{i}. {links}")
    st.graphviz_chart(shape.chain_dot(paths))
    st.caption("Bấm vào một ô để mở văn bản (trong thẻ mới).")


if __name__ == "__main__":
    render()
