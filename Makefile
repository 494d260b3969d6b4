# Storyline: the two commands of the quick start.
#   make demo   set up .venv, ingest the sample pages in examples/ into a fresh archive,
#               print the summary, one search, one speaker's quotes and the events at a place,
#               and the command that opens the archive in a browser
#   make test   set up .venv with the test extras (Playwright for the browser tests, which
#               use Debian's chromium: `apt-get install chromium`) and run the test suite

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo-archive/storyline.db

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	rm -rf $(dir $(DEMO_DB)) && mkdir -p $(dir $(DEMO_DB))
	$(BIN)/storyline ingest examples/ --db $(DEMO_DB) --quiet
	$(BIN)/storyline search "strike talks" --db $(DEMO_DB) --limit 5
	$(BIN)/storyline quotes --speaker Bakker --db $(DEMO_DB) --limit 5
	$(BIN)/storyline events --where "The Hague" --db $(DEMO_DB) --limit 10
	@echo "Browse it: $(BIN)/storyline serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

test: install-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) demo-archive *.egg-info
