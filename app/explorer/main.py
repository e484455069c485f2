"""Entry script of the explorer: ``streamlit run app/explorer/main.py`` (or ``vbgraph serve``).

The store comes from the configuration (``VBGRAPH_STORE``, ``VBGRAPH_BACKEND`` …, see
``app.config``); ``vbgraph serve --store FILE`` sets it. Pages are in ``views/`` and are
listed in ``routes.ROUTES``. Nothing runs on import: Streamlit executes this file as
``__main__``.
"""
from __future__ import annotations

import logging

import streamlit as st

from vbgraph.app.explorer import routes, state


def main() -> None:
    """Configure the page and hand over to ``st.navigation``; an error becomes a message, never a traceback.

    No ``page_icon``: Streamlit fetches emoji and icon-font favicons from the internet.
    """
    st.set_page_config(page_title="vbgraph — Văn bản chỉ đạo", layout="wide")
    pages = [
        st.Page(r.script, title=r.title, icon=r.icon or None, url_path=r.url_path, default=(r.key == "search"))
        for r in routes.ROUTES
    ]
    nav = st.navigation(pages, position="sidebar", expanded=True)
    with st.sidebar:
        st.caption("vbgraph · đồ thị trích dẫn văn bản chỉ đạo")
    try:
        nav.run()
    except Exception as err:  # noqa: BLE001 — the page's own messages are shown; this is the last resort
        logging.getLogger("vbgraph.explorer").exception("page failed")  # the details stay in the server's log
        st.error(state.friendly(err))


if __name__ == "__main__":
    main()
