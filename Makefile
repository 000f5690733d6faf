# Saiken Desk — the commands a developer, a user and CI need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint layers unit bench translations clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/saiken-desk --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

layers: $(STAMP)
	$(BIN)/lint-imports --config pyproject.toml

test: $(STAMP) lint layers
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup tests

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

translations: $(STAMP)
	$(BIN)/python -m saiken.ui.i18n_build

clean:
	rm -rf $(VENV) build dist .pytest_cache
