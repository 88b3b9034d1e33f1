# poimija — set up, demo and test. Every target installs what it needs and is idempotent.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := libvoikko1 voikko-fi tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe
TEST_APT_PACKAGES := chromium fonts-dejavu-core

.PHONY: setup system-packages test-packages demo test lint samples clean

setup: system-packages $(STAMP)
	@# Bytecode for the editable install, as pip writes it for installed packages: every run
	@# starts from it even where PYTHONDONTWRITEBYTECODE keeps Python from writing its own.
	@$(BIN)/python -m compileall -q pipeline extractors schemas >/dev/null

# Debian packages: Voikko (Finnish lemmas, de-hyphenation) and Tesseract (OCR), only when missing.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
	  || { echo "could not install:$$missing — install them with apt-get and re-run"; exit 1; }; \
	fi

# The virtual environment is rebuilt only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $(STAMP)

demo: setup
	$(BIN)/poimija run samples/ --out outputs
	$(BIN)/poimija eval samples/gold outputs
	$(BIN)/poimija review outputs --html outputs/review
	$(BIN)/poimija compare outputs --html outputs/report.html

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy pipeline extractors schemas

test: lint test-packages
	$(BIN)/pytest -q

# Chromium renders the `poimija compare` report in a test. Where it cannot be installed, that
# test is skipped with the reason and the rest of the suite still runs.
test-packages:
	@missing=""; for p in $(TEST_APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  { $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; } \
	  || echo "could not install:$$missing — the tests that need it will be skipped"; \
	fi

samples: setup
	$(BIN)/python samples/build_samples.py

clean:
	rm -rf outputs/*.csv outputs/*.jsonl outputs/json outputs/text outputs/parquet outputs/poimija.duckdb \
	  outputs/review outputs/changes \
	  .pytest_cache .mypy_cache
