# Storyline: the two commands of the quick start.
#   make demo   set up .venv, ingest the sample pages in examples/ (and the seed page in
#               ../shared/seed when it is there) into a fresh archive, print the summary, the
#               stories, one search, one speaker's quotes, the events at a place, the seed
#               story with its timeline, and the command that opens the archive in a browser
#   make test   set up .venv with the test extras (Playwright for the browser tests, which
#               use Debian's chromium: `apt-get install chromium`; psycopg for the PostgreSQL
#               tests, which start a throwaway server from Debian's postgresql package:
#               `apt-get install postgresql`; without it they skip and say why) and run the
#               test suite

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo-archive/storyline.db
# The page that defines the job, beside the repository when ../shared is there.
SEED    ?= ../shared/seed/putin-biden-call.txt

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[postgres]'

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	rm -rf $(dir $(DEMO_DB)) && mkdir -p $(dir $(DEMO_DB))
	$(BIN)/storyline ingest examples/ $(wildcard $(SEED)) --db $(DEMO_DB) --quiet
	$(BIN)/storyline stories --db $(DEMO_DB) --limit 10
	$(BIN)/storyline search "strike talks" --db $(DEMO_DB) --limit 5
	$(BIN)/storyline quotes --speaker Bakker --db $(DEMO_DB) --limit 5
	$(BIN)/storyline events --where "The Hague" --db $(DEMO_DB) --limit 10
	@if [ -f "$(SEED)" ]; then $(BIN)/storyline story "$$($(BIN)/storyline search Ushakov --db $(DEMO_DB) --format json | $(BIN)/python -c 'import json,sys; print(json.load(sys.stdin)[0]["story_id"])')" --as-of 2021-12-31 --db $(DEMO_DB); fi
	@echo "Browse it: $(BIN)/storyline serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

test: install-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) demo-archive *.egg-info
