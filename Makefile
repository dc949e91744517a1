# The two commands: `make serve` and `make test`. Both install what is missing first.
.PHONY: serve test bench build setup clean

serve: build
	@scripts/serve.sh

test: setup
	@scripts/test.sh

# Performance budgets in headless Chromium; results in bench/RESULTS.md.
bench: setup
	@scripts/bench.sh

build: setup
	@scripts/build.sh

setup:
	@scripts/setup.sh

clean:
	cargo clean
	rm -rf dist
