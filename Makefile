# The two commands of the README: `make serve` and `make test`.
SHELL := /bin/bash
PORT ?= 8080
# wasm-opt comes from the binaryen npm package.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup build serve test test-native test-browser test-e2e test-engines bench lint

setup:
	@scripts/setup

# Every step of the build, in order, is in scripts/build.mjs. `make build ENDPOINT=https://…`
# sends the standalone pages' answers there; without it, nothing is ever sent.
export ENDPOINT
build: setup
	node scripts/build.mjs

serve: build
	node tests/e2e/serve.mjs dist $(PORT)

test: setup lint test-native test-browser build test-e2e test-engines

lint:
	cargo fmt --check
	cargo clippy --all-targets --features ssr -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test --features ssr

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# The journeys in Firefox ESR and WebKitGTK (ENGINES=firefox or webkit for one).
test-engines:
	node --test --test-concurrency=1 tests/engines/

bench: build
	node tests/e2e/bench.mjs
