# Two commands for a newcomer: `make check` and `make test`. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: check test accuracy benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/factcheck check seeds --format json --output reports/seeds.json; test $$? -le 1
	$(BIN)/factcheck check seeds --format markdown --output reports/seeds.md; test $$? -le 1
	$(BIN)/factcheck check seeds

test: $(STAMP)
	$(BIN)/python -m pytest

# The speed benchmark (issue 5); add 100000 with ARTICLES=1000,10000,100000 (several minutes).
ARTICLES ?= 1000,10000
benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.run --articles $(ARTICLES)

clean:
	rm -rf $(VENV) .factcheck-cache .pytest_cache
