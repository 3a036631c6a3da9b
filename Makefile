# The two commands of the README's quick start: `make run` and `make test`.
.PHONY: run test setup setup-dev lint bench

# Types: strict on the core (everything but the Qt shell), plain on gui/.
MYPY = .venv/bin/mypy --strict src/briefgen --exclude 'src/briefgen/gui/' && .venv/bin/mypy src/briefgen/gui

setup:
	./scripts/setup.sh

setup-dev:
	BRIEFGEN_DEV=1 ./scripts/setup.sh

run: setup
	.venv/bin/briefgen-gui

test: setup-dev
	.venv/bin/ruff check src tests benchmarks scripts
	.venv/bin/ruff format --check src tests benchmarks scripts
	$(MYPY)
	.venv/bin/python -m pytest -q

lint: setup-dev
	.venv/bin/ruff check src tests benchmarks scripts
	.venv/bin/ruff format --check src tests benchmarks scripts
	$(MYPY)
