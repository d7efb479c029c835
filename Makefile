# Two commands set everything up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: site docs serve test browser validate check install clean-build bench bench-clean
ENGINE ?= mkdocs
BENCH_N ?= 1000 10000

site: $(INSTALLED)  ## create the environment, generate docs/ and build site/ (ENGINE=zensical to build with Zensical)
	@if [ "$(ENGINE)" = zensical ]; then $(PY) -m pip install --quiet -e '.[bench]'; fi
	@if [ "$(ENGINE)" = properdocs ]; then $(PY) -m pip install --quiet -e '.[properdocs]'; fi
	$(PY) -m generator build --engine $(ENGINE)

docs: $(INSTALLED)  ## generate docs/ only
	$(PY) -m generator build --no-site

serve: $(INSTALLED)  ## live preview at http://127.0.0.1:8000, regenerated when seeds/ or annotations/ change
	$(PY) -m generator serve

validate: $(INSTALLED)  ## check seeds and annotations, report every problem
	$(PY) -m generator validate

check: $(INSTALLED)  ## build, then check every link and anchor of site/ and the annotations
	$(PY) -m generator build
	$(PY) -m generator check

test: $(INSTALLED) browser  ## install what the tests need and run them
	$(PY) -m pytest

# Browser tests drive Debian's Chromium; where it cannot be installed they are skipped with the reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "chromium is not installed and this user cannot apt-get it: browser tests will be skipped"; fi; }

bench-clean: $(INSTALLED)  ## P/R/F1 of the cleaner on ../shared/corpus/{boilerplate,snippets}, tuning and held-back halves by site
	$(PY) bench/clean_bench.py
	$(PY) bench/clean_bench.py --archive --input text  # as `build` cleans: each half one archive

bench: $(INSTALLED)  ## time every stage on synthetic archives of BENCH_N articles (default "1000 10000"; try BENCH_N=200)
	$(PY) -m pip install --quiet -e '.[bench]'
	BENCH_N="$(BENCH_N)" $(PY) bench/run.py
	$(PY) bench/linkcheck_compare.py --synthetic $(firstword $(BENCH_N))  # generator check vs LinkChecker
	$(PY) bench/warc_ingest.py --build-captures 1000  # read a WARC of 1,000 captures: seconds, peak memory; a build of them
	$(PY) bench/drift.py  # quotes re-anchored after the sources drift, and what fix leaves
	$(PY) bench/charts_cost.py --articles $(lastword $(BENCH_N))  # what the SVG charts cost in a build
	$(PY) bench/neighbours.py  # previous / next / same day / same event for every article, 1,000 to 100,000
	$(PY) bench/home_snippets.py --articles $(firstword $(BENCH_N))  # each fact's verdict and the home page's snippets
	$(PY) bench/staged_check.py --articles $(lastword $(BENCH_N))  # the pre-commit check of hand-written pages, next to the build

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean-build:  ## remove build output (never seeds/ or annotations/)
	rm -rf site .build bench/.work docs/articles docs/entities docs/facts docs/outlets docs/tags docs/timeline docs/data docs/.generated.json
