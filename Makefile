# vntasks — the two commands a new user needs: `make tasks` and `make test`.
PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
OUT       ?= out
CORPUS    ?= corpus
SHARED    ?= ../shared

ANNOTATIONS ?= annotations

.PHONY: setup tasks test fault lint eval train bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# byte-compile the package (an editable install is not; with PYTHONDONTWRITEBYTECODE set, as on
# this machine, every process would compile the modules again): a no-op when up to date
BYTECODE := $(BIN)/python -m compileall -q pipeline

tasks: $(STAMP)
	$(BYTECODE)
	$(BIN)/vntasks extract $(CORPUS) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# the fault suite (issue 21): killed workers, kills during the commit, bombs, special files, signals
fault: $(STAMP)
	$(BIN)/python -m pytest -q -m fault

# extract corpus/ and score it against annotations/ (extract exits 1 when some inputs fail)
eval: $(STAMP)
	$(BIN)/vntasks extract $(CORPUS) --out $(OUT)/eval --quiet || test $$? -eq 1
	$(BIN)/vntasks eval --gold $(ANNOTATIONS) --pred $(OUT)/eval

# learned components, trained from annotations/ only: each model written once, to the package
# (pipeline/data/models/*.json), and its card (file name and sha256, figures) to models/*.md
train: $(STAMP)
	$(BIN)/python -m scripts.train --annotations $(ANNOTATIONS) --corpus $(CORPUS) --out models \
		--body-labels $(ANNOTATIONS)/body_types.tsv

# speed and memory benchmark (issue 7); N=100000 to scale up; results replace a section of BENCHMARKS.md
bench: $(STAMP)
	$(BYTECODE)
	$(BIN)/python -m scripts.bench --n $(or $(N),2000) --out BENCHMARKS.md

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests scripts

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache
