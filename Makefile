# Two commands for a newcomer: `make check` and `make test`. Both bootstrap .venv (so does `make accuracy`).
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

clean:
	rm -rf $(VENV) .factcheck-cache .pytest_cache
