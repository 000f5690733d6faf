# Saiken Desk — the commands a developer, a user and CI need.
# Python 3.12 or newer: PySide6 6.12 drops references to None and True on CPython 3.11, and the interpreter
# aborts ("deallocating None") after enough Qt calls; from 3.12 on those objects are immortal.
# The first of these that is 3.12+ is used: python3.12, python3.13, python3, then pyenv's installed versions.
PYTHON ?= $(shell for p in python3.12 python3.13 python3 $$HOME/.pyenv/versions/3.12*/bin/python3 \
	$$HOME/.pyenv/versions/3.1[3-9]*/bin/python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint layers typecheck unit bench translations clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 以上が見つかりません。Python 3.12+ を入れて make PYTHON=/path/to/python3.12 を実行してください (Python 3.12+ required)."; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "re-creating $(VENV) with $(PYTHON) (it was made with an older Python)"; rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/saiken-desk --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

layers: $(STAMP)
	$(BIN)/lint-imports --config pyproject.toml

# mypy over src/saiken (pyproject [tool.mypy]): strict for domain, security, exchange and store, checked elsewhere
typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) lint layers typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup tests

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

translations: $(STAMP)
	$(BIN)/python -m saiken.ui.i18n_build

clean:
	rm -rf $(VENV) build dist .pytest_cache
