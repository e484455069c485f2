"""The vbgraph explorer: a Streamlit app over ``graph.queries`` (Vietnamese labels).

``main.py`` is the entry script (``vbgraph serve`` runs it); ``views/`` holds one
script per page; ``shape.py`` turns query rows into tables, trees, DOT and charts
without importing streamlit, so it is unit-tested and benchmarked on its own;
``state.py`` holds the Streamlit glue (cached backend and queries, links).
"""
