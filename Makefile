# One place for the project's commands. `make run` and `make test` work on a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= $(or $(WAREHOUSE_DB),data/warehouse.duckdb)
PORT ?= 8501
REPLICAS ?= 1
PYTEST_ARGS ?=

.PHONY: run test bench check lint typecheck demo clean venv accel

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(BIN)/.installed

demo: venv
	$(BIN)/python -m etl demo --db $(DB) --if-missing

run: demo
	$(BIN)/python -m ui.serve --db $(DB) --replicas $(REPLICAS) --server.port $(PORT) --server.headless true

# bytecode cached even where the environment says not to (this machine sets PYTHONDONTWRITEBYTECODE=1): every
# xdist worker and every `python -m etl` / server the tests start otherwise compiles the project and rewrites
# each test module's asserts again (collection 16 CPU-s instead of 6: docs/performance.md)
test: venv
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 2 --dist loadfile --durations=10 $(PYTEST_ARGS)

# then the first-pass guard over the real exports too, when present: generated postings repeat their words, so a
# cost paid per new word shows only there (their honest first/warm gap is about 1.4x, hence the limit of 2)
bench: venv
	$(BIN)/python -m bench
	if [ -d ../shared/datasets ]; then BENCH_EXTRACT_DATA=../shared/datasets BENCH_EXTRACT_COLD_LIMIT=2 \
		$(BIN)/python -m bench extract --postings 10045 --repeat 3; fi

accel: venv
	$(BIN)/python -m etl accel build

check: venv
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build/accel
