# vntasks — the two commands a new user needs: `make tasks` and `make test`.
PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
OUT       ?= out
CORPUS    ?= corpus
SHARED    ?= ../shared

ANNOTATIONS ?= annotations

.PHONY: setup tasks test fault lint eval train bench clean chromium

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,train]"
	touch $(STAMP)

# byte-compile the package (an editable install is not; with PYTHONDONTWRITEBYTECODE set, as on
# this machine, every process would compile the modules again): a no-op when up to date
BYTECODE := $(BIN)/python -m compileall -q pipeline

tasks: $(STAMP)
	$(BYTECODE)
	$(BIN)/vntasks extract $(CORPUS) --out $(OUT)

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

# headless Chromium for tests/analysis/test_browser.py (the report and the review page rendered and
# screenshotted): Debian's package, installed when missing if apt-get may run (root, or sudo without
# a password); otherwise a message, and that test is skipped
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then S=""; elif sudo -n true 2>/dev/null; then S=sudo; else S=no; fi; \
	  if [ "$$S" != no ] && command -v apt-get >/dev/null 2>&1; then \
	    $$S apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$S apt-get install -y -qq chromium \
	      || echo "chromium could not be installed; the browser test is skipped"; \
	  else echo "chromium is not installed (Debian: apt-get install chromium); the browser test is skipped"; fi; }

# the fault suite (issue 21): killed workers, kills during the commit, bombs, special files, signals
fault: $(STAMP)
	$(BIN)/python -m pytest -q -m fault

# extract corpus/ and score it against annotations/ (extract exits 1 when some inputs fail); then
# each real set of ../shared (seeds, dev), when present, as its own block: the figures that count
eval: $(STAMP)
	$(BIN)/vntasks extract $(CORPUS) --out $(OUT)/eval --quiet || test $$? -eq 1
	@echo "== composed corpus ($(CORPUS) against $(ANNOTATIONS)): unit tests of the rules"
	$(BIN)/vntasks eval --gold $(ANNOTATIONS) --pred $(OUT)/eval
	@for set in seeds dev; do \
	  if [ -d $(SHARED)/corpus/$$set ] && [ -f $(SHARED)/gold/$$set.jsonl ]; then \
	    $(BIN)/vntasks extract $(SHARED)/corpus/$$set --out $(OUT)/eval-$$set --quiet || test $$? -eq 1 || exit 1; \
	    echo "== real set: $$set ($(SHARED)/corpus/$$set)"; \
	    $(BIN)/vntasks eval --gold $(SHARED)/gold/$$set.jsonl --pred $(OUT)/eval-$$set || exit 1; \
	  fi; \
	done

# learned components, trained from annotations/ only (scikit-learn: the `train` extra), tested on
# ../shared's real notices when present: each model written once, to the package
# (pipeline/data/models/*.json), and its card (file name and sha256, figures) to models/*.md
train: $(STAMP)
	$(BIN)/python -c "import sklearn" 2>/dev/null || $(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python -m scripts.train --annotations $(ANNOTATIONS) --corpus $(CORPUS) --out models \
		--body-labels $(ANNOTATIONS)/body_types.tsv

# speed and memory benchmark (issues 7, 21); N: the corpus (2000), LARGE: the large run (8 x N; LARGE=100000
# for notices/s at 100,000 against N); results replace a section of BENCHMARKS.md
bench: $(STAMP)
	$(BYTECODE)
	$(BIN)/python -m scripts.bench --n $(or $(N),2000) $(if $(LARGE),--large $(LARGE)) --out BENCHMARKS.md

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests scripts

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache
