# Two commands from a fresh clone: `make run` and `make test`. Only python3 and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval bench chaos clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# Bytecode for the checkout, as pip writes for an installed package: an editable install
	# never gets it where PYTHONDONTWRITEBYTECODE is set, and `perezbot ask` then recompiles
	# every module on every start (~40 ms of a ~100 ms cold start).
	$(BIN)/python -m compileall -q bot
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/perezbot start

test: $(STAMP)
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/mypy bot
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/perezbot eval tests/eval/questions-dev.yaml

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_matcher.py
	$(BIN)/python benchmarks/bench_coldstart.py

# Long load and fault runs (minutes): the chaos tests at the issue's sizes, then the measured numbers.
chaos: $(STAMP)
	PEREZBOT_CHAOS=long $(BIN)/python -m pytest tests/e2e/test_chaos.py -s
	$(BIN)/python benchmarks/bench_chaos.py
	$(BIN)/python benchmarks/bench_memory.py
	$(BIN)/python benchmarks/bench_store.py

clean:
	rm -rf $(VENV) build *.egg-info
