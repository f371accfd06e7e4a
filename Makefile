# WriterBench: the two commands README promises, and their parts.
SWIFT ?= swift
RELEASE_BIN = .build/release/writerbench

.PHONY: deps build release bench test gate-bench clean

## Install the Debian packages WriterBench needs (ffmpeg, libav*-dev, libopencv-dev, pkg-config).
deps:
	bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Install what is missing, build in release mode and run every strategy on the default frame sets.
bench: release
	$(RELEASE_BIN) run --all

## Install what is missing and run the test suite.
test: deps
	$(SWIFT) test

## The CI gate: measure ffmpeg-pipe-async paced at 30 fps at 1080p, then apply results/gate-rules.txt.
gate-bench: release
	$(RELEASE_BIN) run --strategy ffmpeg-pipe-async --frameset camera --size 1920x1080 --frames 300 --pace 30 --repeat 3 --out results/gate.csv
	$(RELEASE_BIN) gate --csv results/gate.csv --rules results/gate-rules.txt

clean:
	rm -rf .build
