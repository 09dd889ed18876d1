# Set-up and checks. `make demo` and `make test` are all a fresh machine needs (Python 3.11+).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BUILT := $(VENV)/.compiled-stamp
# the modules setup.py compiles live here: an edit to one must reach its compiled copy
HOT := setup.py $(wildcard src/peyvand/registry/*.py src/peyvand/registry/*.pxd)

.PHONY: demo test lint install bench clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -c 'import sys; sys.exit("Peyvand needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# recompile the hot loops whose source changed since the install (Cython skips the others)
$(BUILT): $(STAMP) $(HOT)
	$(BIN)/python -W ignore setup.py --quiet build_ext --inplace
	touch $(BUILT)

install: $(BUILT)

demo: $(BUILT)
	$(BIN)/peyvand demo

test: $(BUILT)
	$(BIN)/pytest -q

lint: $(BUILT)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(BUILT)
	$(BIN)/python bench/text.py

clean:
	rm -rf $(VENV) peyvand-demo observatory .pytest_cache .mypy_cache .ruff_cache build
	find src -name "*.so" -delete -o -name "*.c" -delete
