# Two entry points that work on a fresh machine with only python3:
#   make run   - set up .venv, install, parse the sample documents in corpora/
#   make test  - set up .venv with the dev extras, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test venv dev clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

venv: $(BIN)/activate
	$(BIN)/pip install --quiet -e .

dev: $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[dev]"

run: venv
	$(BIN)/extractor parse corpora --out out/corpora.duckdb --force
	$(BIN)/extractor parse corpora --format json > out/corpora.jsonl; test $$? -le 1
	@echo "wrote out/corpora.duckdb and out/corpora.jsonl"

test: dev
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out build *.egg-info
