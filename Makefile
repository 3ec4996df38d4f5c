# The two commands of the README: `make demo` and `make test`. Each sets up what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
WEB    := src/armstrace/present/web

.PHONY: demo test install clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs Python 3.11 (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error
	@touch $(STAMP)

# the page's front-end libraries (npm) are part of the install; a new lock file reinstalls
$(STAMP): $(WEB)/package-lock.json

install: $(STAMP)

# the main job on the demo corpus: every claim with its quote, then the breaches it shows
demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/armstrace run examples/corpus --db $(DEMO_DB)
	COLUMNS=$${COLUMNS:-160} $(VENV)/bin/armstrace show claims --db $(DEMO_DB) --limit 500
	COLUMNS=$${COLUMNS:-160} $(VENV)/bin/armstrace breaches --db $(DEMO_DB)

test: $(STAMP)
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
