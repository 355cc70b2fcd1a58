# The two commands a user needs: `make run` (the app) and `make test` (the whole suite + offline eval gates).
# Everything is installed into .venv from PyPI; exact versions are pinned in constraints.txt.

VENV    ?= .venv
PYTHON  ?= python3
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
PORT    ?= 8501

.PHONY: install test test-fast redteam eval run index bench audit lint clean constraints

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: a plain "torch" requirement would pull the CUDA build (gigabytes).
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e ".[st,dev]"
	touch $(STAMP)

install: $(STAMP)

## make test: every test (incl. slow and browser tests; browser tests skip without /usr/bin/chromium),
## then the offline evaluation suites against their floors in evals/gates.toml.
test: install
	$(BIN)/pytest -q -ra --durations=15
	$(BIN)/advisor eval --suite all --check --report reports/latest

## make test-fast: the tests without the slow and browser marks, on two workers (pytest-xdist); under 2 minutes on 2 cores.
test-fast: install
	$(BIN)/pytest -q -n 2 -m "not slow and not browser"

## make redteam: replay every attack of the red-team rounds on a temporary state folder (part of make test too);
## the -ra summary names the attacks whose replay is not written yet.
redteam: install
	$(BIN)/pytest -q -ra tests/reliability/test_redteam.py

eval: install
	$(BIN)/advisor eval --suite all --report reports/latest

index: install
	$(BIN)/advisor index

## make run: install, build the index if missing (with progress), start the app on http://localhost:$(PORT)
run: install
	$(BIN)/advisor index
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

bench: install
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/answer.py

audit: install
	$(BIN)/pip-audit --progress-spinner off -r constraints.txt || true

lint: install
	$(BIN)/ruff check advisor tests benchmarks app.py

## Regenerate constraints.txt from the current environment (after a reviewed dependency change).
constraints:
	$(BIN)/pip freeze --exclude-editable | grep -v "^-e" > constraints.txt

clean:
	rm -rf .advisor reports test-artifacts
