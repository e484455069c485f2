"""What the pages share: column settings of the tables, the download buttons."""
from __future__ import annotations

import streamlit as st

from vbgraph.app.explorer import tables
from vbgraph.app.explorer.labels import COLUMNS as C

T = tables.COL


def column_config() -> dict:
    """Dates as dd/mm/yyyy, links as "Mở ↗", years without a thousands separator, ids hidden."""
    return {
        C["date"]: st.column_config.DateColumn(C["date"], format="DD/MM/YYYY"),
        T["link"]: st.column_config.LinkColumn(T["link"], display_text="Mở ↗", width="small"),
        C["year"]: st.column_config.NumberColumn(C["year"], format="%d"),
        T["title"]: st.column_config.TextColumn(T["title"], width="large"),
        T["snippet"]: st.column_config.TextColumn(T["snippet"], width="large"),
        C["id"]: None,
        "parent_id": None,
        "ids": None,
        "lat": None,
        "lon": None,
    }


def table(frame, *, key: str, **kwargs):
    """A sortable table (click a header) with the shared column settings."""
    return st.dataframe(frame, hide_index=True, column_config=column_config(), key=key, **kwargs)


def downloads(frame, stem: str, *, key: str, sheet: str = "Văn bản") -> None:
    """CSV, JSON and Excel buttons for one table; the files are made only when a button is clicked."""
    cols = st.columns(len(tables.FORMATS))
    for col, (fmt, (label, mime)) in zip(cols, tables.FORMATS.items()):
        col.download_button(
            f"Tải {label}",
            (lambda fmt=fmt: tables.export(frame, fmt, sheet=sheet)),
            file_name=f"{stem}.{fmt}",
            mime=mime,
            key=f"{key}-{fmt}",
            on_click="ignore",
        )
