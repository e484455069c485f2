"""Column settings shared by the pages' tables."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer.labels import COLUMNS as C


def column_config() -> dict:
    """Dates as dd/mm/yyyy, links as "Mở ↗", years without a thousands separator, ids hidden."""
    return {
        C["date"]: st.column_config.DateColumn(C["date"], format="DD/MM/YYYY"),
        C["link"]: st.column_config.LinkColumn(C["link"], display_text="Mở ↗", width="small"),
        C["year"]: st.column_config.NumberColumn(C["year"], format="%d"),
        C["id"]: None,
        "parent_id": None,
        "ids": None,
        "lat": None,
        "lon": None,
    }
