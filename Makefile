# Two commands for a newcomer: `make check` and `make test`. Both bootstrap .venv (so does `make accuracy`).
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

# The accuracy benchmark: the development corpus (outside the repository) and the seeds with their hand gold.
DEVSET ?= ../shared/devset
SEEDS_GOLD := tests/fixtures/seeds_gold.json

accuracy: $(STAMP)
	@if [ ! -d "$(DEVSET)/articles" ] || [ ! -f "$(DEVSET)/gold.json" ]; then \
		echo "make accuracy: no development corpus at $(DEVSET) (needs $(DEVSET)/articles/ and $(DEVSET)/gold.json); set DEVSET=DIR" >&2; \
		exit 2; \
	fi
	$(BIN)/python -m benchmarks.accuracy $(DEVSET)/articles $(DEVSET)/gold.json \
		--title "Development corpus ($(DEVSET))" --markdown reports/.accuracy-devset.md
	$(BIN)/python -m benchmarks.accuracy seeds $(SEEDS_GOLD) \
		--title "Seeds (hand gold: $(SEEDS_GOLD))" --markdown reports/.accuracy-seeds.md
	cat reports/.accuracy-devset.md reports/.accuracy-seeds.md > reports/accuracy.md
	rm -f reports/.accuracy-devset.md reports/.accuracy-seeds.md
# The speed benchmark (issue 5); add 100000 with ARTICLES=1000,10000,100000 (several minutes).
ARTICLES ?= 1000,10000
benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.run --articles $(ARTICLES)

clean:
	rm -rf $(VENV) .factcheck-cache .pytest_cache
