# SEI-LPR lokal: `make run` starts the app, `make test` runs every test, `make dist` builds the executable.
# Each target installs what it needs into .venv first.

PYTHON ?= python3
VENV   := .venv
# A venv keeps its programs in Scripts/ on Windows (GNU make there sees OS=Windows_NT), in bin/ elsewhere.
BIN    := $(VENV)/$(if $(filter Windows_NT,$(OS)),Scripts,bin)
STAMP  := $(VENV)/.installed
# The extras the venv gets; the release workflow asks for `build` alone (its runners neither test nor lint).
EXTRAS ?= test,build

.PHONY: run test test-stress lint unit ui reliability browser browser-deps dist smoke bench css clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "SEI-LPR lokal needs Python 3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV) || { echo "Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[$(EXTRAS)]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/seilocal

# The browser tier needs Debian's chromium-headless-shell and chromium-driver (and the benches' chromium); installed
# here when run as root.
browser-deps:
	@if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 || ! command -v chromium-headless-shell >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell chromium-driver poppler-utils >/dev/null; \
	  else \
	    echo "The browser tests need: sudo apt-get install chromium chromium-headless-shell chromium-driver poppler-utils"; exit 1; \
	  fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check seilocal tests bench packaging
	$(BIN)/python -m seilocal.rules.gen_doc --check
	$(BIN)/actionlint .github/workflows/release.yml
# mypy: config in pyproject.toml (strict for model/rules/store); the whole package is kept at 0 errors (issue 24.6).
	$(BIN)/python -m mypy

# Every test: lint, then every test folder in one pytest run on every core (the tiers below split the same folders;
# README "tiers"). One run, not four in a row: each tier's last module ran alone on one core while the other waited
# for the next tier. The log shows lint's time, the tests' and the whole target's.
TEST_DIRS := tests/unit tests/fuzz tests/security tests/ui tests/reliability tests/browser

test: $(STAMP) browser-deps
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint || exit 1; \
	linted=$$(date +%s); \
	$(PYTEST) $(XDIST) $(TEST_DIRS) || exit 1; \
	end=$$(date +%s); \
	echo "make test: lint $$(( linted - start )) s, tests $$(( end - linted )) s, the suite took $$(( end - start )) s"

# One tier at a time, each on every core (pytest-xdist; a module stays on one worker, so its module fixtures are
# made once; the slowest modules are handed out first, tests/support/slow_first.py). Each browser test has its own
# app and Chromium, and the browser and crash tests pass with every core busy (make test-stress,
# docs/reliability.md). TIMED runs a tier and prints how long it took.
PYTEST := $(BIN)/python -m pytest -q
XDIST  := -n auto --dist loadfile --no-loadscope-reorder -p tests.support.slow_first
TIMED   = start=$$(date +%s); $(1); rc=$$?; echo "make $@: $$(( $$(date +%s) - start )) s"; exit $$rc

unit: $(STAMP)
	@$(call TIMED,$(PYTEST) $(XDIST) tests/unit tests/fuzz tests/security)

ui: $(STAMP)
	@$(call TIMED,$(PYTEST) $(XDIST) tests/ui)

reliability: $(STAMP)
	@$(call TIMED,$(PYTEST) $(XDIST) tests/reliability)

browser: $(STAMP) browser-deps
	@$(call TIMED,$(PYTEST) $(XDIST) tests/browser)

# The browser tier and the crash tests 10 times in a row, then once more with every core kept busy (the load is
# started and stopped by the script itself); any failure fails the target (docs/reliability.md has the figures).
test-stress: $(STAMP) browser-deps
	$(BIN)/python -m tests.support.stress

dist: $(STAMP)
	$(BIN)/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/seilocal.spec

smoke: $(STAMP)
	$(BIN)/python packaging/smoke_test.py

# Every bench/*.py that prints a BENCH line, then one table of the figures of issues 20 and 23 and their goals.
bench: $(STAMP)
	SEILOCAL_PASSPHRASE=$${SEILOCAL_PASSPHRASE:-bench} $(BIN)/python bench/summary.py

# assets/css/tailwind.css, the Tailwind CSS every page gets (seilocal/pages/styles.py); after adding a Tailwind class
# or upgrading NiceGUI (tests/unit/test_tailwind_css.py says when). Needs Node.js (npx) and the npm registry.
css: $(STAMP)
	$(BIN)/python packaging/build_css.py

clean:
	rm -rf build dist

# Validate LPR3 CDA documents offline against the official XSD and schematron (needs the test extra):
#   make cda-check FILE="a.xml b.xml"      (LPR3=path/to/shared/lpr3 when it is not ../shared/lpr3)
LPR3 ?= ../shared/lpr3
.PHONY: cda-check
cda-check: $(STAMP)
	@test -n "$(FILE)" || { echo 'usage: make cda-check FILE="doc.xml ..."'; exit 2; }
	$(BIN)/python -m seilocal.export.cda.check $(LPR3) $(FILE)
