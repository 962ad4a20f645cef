# The two commands of the README: `make serve` and `make test`.
SHELL := /bin/bash
PORT ?= 8080
# wasm-opt comes from the binaryen npm package.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup build serve test test-native test-browser test-e2e bench lint

setup:
	@scripts/setup

# wasm-opt's features: those rustc's wasm32 target uses.
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-mutable-globals --enable-reference-types --enable-multivalue

# The self-assessment page at /, then the survey page at /survey/ (trunk builds one page a
# run, and the first run empties dist/), then each page's first screens written into its HTML
# (yew's server renderer, natively), then the download's wasm that the self-assessment
# fetches on demand (no page of its own, so not through trunk), then the embed loader with
# the example pages, then the service worker that keeps it all offline.
build: setup
	trunk build --release --offline
	trunk build --release --offline --dist dist/survey --public-url /survey/ survey/index.html
	terser embed/early.js --compress --mangle --output target/early.js
	cargo run --quiet --features ssr --bin prerender -- target/early.js dist index.html survey/index.html
	cargo build --release --target wasm32-unknown-unknown --bin export
	wasm-bindgen --target web --no-typescript --out-dir dist --out-name export target/wasm32-unknown-unknown/release/export.wasm
	wasm-opt -Oz --converge $(WASM_FEATURES) dist/export_bg.wasm -o dist/export_bg.wasm
	node scripts/post-build.mjs dist/export.js
	node scripts/embed.mjs dist
	node scripts/service-worker.mjs dist

serve: build
	node tests/e2e/serve.mjs dist $(PORT)

test: setup lint test-native test-browser build test-e2e

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

bench: build
	node tests/e2e/bench.mjs
