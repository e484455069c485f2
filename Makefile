# Two commands for a person: `make demo` and `make test`. Each creates or reuses .venv.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= var/demo.sqlite

.PHONY: demo test install tools extract-seeds bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Node tools for CI checks (Neo4j's Cypher parser); Chromium for the browser test.
tools:
	bash .ci/tools.sh

demo: install
	$(BIN)/vbgraph ingest data/sample --store $(STORE)
	$(BIN)/vbgraph serve --store $(STORE)

test: install tools
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/graph_scale.py

clean:
	rm -rf $(VENV) var
