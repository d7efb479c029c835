# Two commands set everything up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: site docs serve test validate check install clean-build

site: $(INSTALLED)  ## create the environment, generate docs/ and build site/
	$(PY) -m generator build

docs: $(INSTALLED)  ## generate docs/ only
	$(PY) -m generator build --no-site

serve: docs  ## preview the site at http://127.0.0.1:8000
	$(PY) -m mkdocs serve

validate: $(INSTALLED)  ## check seeds and annotations, report every problem
	$(PY) -m generator validate

check: $(INSTALLED)  ## build, then check every link and anchor of site/ and the annotations
	$(PY) -m generator build
	$(PY) -m generator check

test: $(INSTALLED)  ## install what the tests need and run them
	$(PY) -m pytest

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean-build:  ## remove build output (never seeds/ or annotations/)
	rm -rf site .build docs/articles docs/entities docs/facts docs/outlets docs/tags docs/.generated.json
