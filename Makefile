# Two commands set everything up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: site docs serve test validate install clean-build bench
ENGINE ?= mkdocs
BENCH_N ?= 1000 10000

site: $(INSTALLED)  ## create the environment, generate docs/ and build site/ (ENGINE=zensical to build with Zensical)
	$(PY) -m generator build --engine $(ENGINE)

docs: $(INSTALLED)  ## generate docs/ only
	$(PY) -m generator build --no-site

serve: $(INSTALLED)  ## live preview at http://127.0.0.1:8000, regenerated when seeds/ or annotations/ change
	$(PY) -m generator serve

validate: $(INSTALLED)  ## check seeds and annotations, report every problem
	$(PY) -m generator validate

test: $(INSTALLED)  ## install what the tests need and run them
	$(PY) -m pytest

bench: $(INSTALLED)  ## time every stage on synthetic archives of BENCH_N articles (default "1000 10000"; try BENCH_N=200)
	$(PY) -m pip install --quiet -e '.[bench]'
	BENCH_N="$(BENCH_N)" $(PY) bench/run.py

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean-build:  ## remove build output (never seeds/ or annotations/)
	rm -rf site .build bench/.work docs/articles docs/entities docs/facts docs/outlets docs/tags docs/.generated.json
