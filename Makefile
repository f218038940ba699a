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
	$(BIN)/factcheck check seeds --format html --output reports/seeds.html; test $$? -le 1
	$(BIN)/factcheck check seeds

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .factcheck-cache .pytest_cache
