"""Chuỗi: from a local directive up to the central directives it carries out, transitively."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import routes, shape, state, tables
from vbgraph.app.explorer.views._common import table
from vbgraph.app.explorer.labels import level_label, type_label
from vbgraph.app.explorer.vi import md_escape


def render() -> None:
    sess = state.session()
    subject = state.page_subject(sess, key="chain-pick", title="Chuỗi thực hiện", load=sess.directive)
    if subject is None:
        return
    id, detail = subject
    row = detail.row
    st.title(f"Chuỗi thực hiện {row.label}")
    st.caption(" · ".join(md_escape(b) for b in (type_label(row.type), row.issuer or "", level_label(row.level),
                                                  shape.jurisdiction(row)) if b))
    state.page_links(id, skip="chain")
    paths = [p for p in sess.chain(id) if len(p) > 1]
    if not paths:
        st.info("Văn bản này không thực hiện văn bản nào khác trong kho (nó là gốc của chuỗi).")
        return
    st.caption(f"{len(paths)} chuỗi từ văn bản này lên văn bản gốc (văn bản cao nhất mà chuỗi thực hiện)")
    for i, path in enumerate(paths, 1):
        links = " → ".join(f"[{md_escape(r.label)}]({routes.url('directive', r.id)})" for r in path)
        st.markdown(f"{i}. {links}")
    st.graphviz_chart(shape.chain_dot(paths))
    st.caption("Bấm vào một ô để mở văn bản (trong thẻ mới).")
    names = sess.titles([r for p in paths for r in p])
    rows = list({r.id: r for p in paths for r in p}.values())
    table(tables.directive_table(rows, names, link=True), key="chain-table")


if __name__ == "__main__":
    render()
