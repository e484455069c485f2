"""Every module's ``>>>`` examples run, through the installed ``vbgraph`` namespace.

Doctests are collected here rather than with ``--doctest-modules`` over the source
folders, so that each module is imported once, under its installed name
(``vbgraph.ingest.find``, not ``ingest.find``). Examples may call ``tiny_store()``
(tests/conftest.py's small in-memory store): test helpers stay out of the package.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import vbgraph

LAYERS = ("vbgraph", "vbgraph.ingest", "vbgraph.graph", "vbgraph.app")
SCRIPTS = {"vbgraph.app.explorer.main"}  # run by Streamlit as __main__, not imported


def all_modules() -> list[str]:
    """Every module of the distribution, by its installed name."""
    names = set(LAYERS)
    for layer in LAYERS[1:]:
        package = importlib.import_module(layer)
        names.update(m.name for m in pkgutil.walk_packages(package.__path__, layer + "."))
    return sorted(names - SCRIPTS)


@pytest.mark.parametrize("name", all_modules())
def test_doctests(name: str, doctest_globals: dict) -> None:
    module = importlib.import_module(name)
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    result = doctest.testmod(module, optionflags=flags, verbose=False, report=False,
                             extraglobs=doctest_globals)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name} (run python -m doctest -v)"


def test_every_layer_has_examples() -> None:
    finder = doctest.DocTestFinder()
    counts = {layer: 0 for layer in LAYERS[1:]}
    for name in all_modules():
        for layer in counts:
            if name.startswith(layer + ".") or name == layer:
                counts[layer] += sum(len(t.examples) for t in finder.find(importlib.import_module(name)))
    assert all(counts.values()), counts
