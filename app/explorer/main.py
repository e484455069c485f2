"""Entry script of the explorer: ``streamlit run app/explorer/main.py`` (or ``vbgraph serve``).

The store comes from the configuration (``VBGRAPH_STORE``, ``VBGRAPH_BACKEND`` …, see
``app.config``); ``vbgraph serve --store FILE`` sets it. Pages are in ``views/`` and are
listed in ``routes.ROUTES``. Nothing runs on import: Streamlit executes this file as
``__main__``.
"""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import routes


def main() -> None:
    """Configure the page and hand over to ``st.navigation``."""
    st.set_page_config(page_title="vbgraph — Văn bản chỉ đạo", page_icon=":material/account_tree:", layout="wide")
    pages = [
        st.Page(r.script, title=r.title, icon=r.icon, url_path=r.url_path, default=(r.key == "search"))
        for r in routes.ROUTES
    ]
    nav = st.navigation(pages, position="sidebar", expanded=True)
    with st.sidebar:
        st.caption("vbgraph · đồ thị trích dẫn văn bản chỉ đạo")
    nav.run()


if __name__ == "__main__":
    main()
