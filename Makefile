# Two commands for a newcomer: `make check` and `make test`. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make check` gates on contradictions that are not in the baseline; the
# variables let a test run the same recipe on a copy of the seeds.
CORPUS ?= seeds
BASELINE ?= reports/baseline.json
REPORTS ?= reports

.PHONY: check test accuracy benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/factcheck check $(CORPUS) --baseline $(BASELINE) --fail-on never --format json --output $(REPORTS)/seeds.json
	$(BIN)/factcheck check $(CORPUS) --baseline $(BASELINE) --fail-on never --format markdown --output $(REPORTS)/seeds.md
	$(BIN)/factcheck check $(CORPUS) --baseline $(BASELINE) --fail-on never --format html --output $(REPORTS)/seeds.html
	$(BIN)/factcheck check $(CORPUS) --baseline $(BASELINE)

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .factcheck-cache .pytest_cache
