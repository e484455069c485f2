"""vbgraph: a knowledge graph of Vietnamese directive citations.

The distribution installs one namespace with three layers that only point down:

* :mod:`vbgraph.ingest`: files in, directives and citations out (the extractor);
* :mod:`vbgraph.graph`: identity across documents, the store, queries, Neo4j;
* :mod:`vbgraph.app`: the command line and the Streamlit explorer.

In the source tree the layers are the top-level folders ``ingest/``, ``graph/`` and
``app/`` (``pyproject.toml`` maps them under this package).

>>> import vbgraph.ingest
>>> vbgraph.ingest.extract_text("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị").citations[0].ref.symbol
'05-CT/TW'
"""
__version__ = "0.2.0"
__all__ = ["__version__"]
