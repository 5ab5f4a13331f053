# counterclaim: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
EVAL   ?= ../shared/eval
#: The browser the HTML report's tests (and the web UI's) drive through Playwright: Debian's build.
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint format eval bench schema clean

$(BIN)/counterclaim: pyproject.toml
	@echo "Setting up $(VENV): counterclaim, its spaCy model and the test tools (a few quiet minutes the first time)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

demo: $(BIN)/counterclaim  ## set up, analyse examples/ into demo.db, print the report
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/counterclaim analyze examples/ --db demo.db
	@echo
	@echo "List the events: $(BIN)/counterclaim events --db demo.db"
	@echo "One as a web page: $(BIN)/counterclaim report --db demo.db --event EVENT_ID --out event.html"
	@echo "Open the workbench: $(BIN)/counterclaim serve --db demo.db   (then http://127.0.0.1:8000/)"

# Playwright's own browser download does not work offline: install Debian's chromium where it is missing
# and we are root (CI); otherwise say so, and the browser tests are skipped with the same reason.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null || \
		echo "could not install chromium: the browser tests will be skipped"; \
	else echo "no $(CHROMIUM) and not root: install Debian's chromium, or the browser tests are skipped"; fi

test: $(BIN)/counterclaim $(CHROMIUM)  ## set up (venv, Chromium), lint, run the whole suite
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python -m pytest

lint: $(BIN)/counterclaim
	$(BIN)/ruff check src tests bench

format: $(BIN)/counterclaim
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

eval: $(BIN)/counterclaim  ## score against ../shared/eval and our own gold corpora
	$(BIN)/python bench/evaluate.py --eval-dir $(EVAL)

bench: $(BIN)/counterclaim  ## throughput and query benchmarks
	$(BIN)/python bench/throughput.py --eval-dir $(EVAL)

schema: $(BIN)/counterclaim  ## regenerate docs/schema from the records
	$(BIN)/python -m counterclaim.records

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache
