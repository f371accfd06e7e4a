# WriterBench: the two commands README promises, and their parts.
SWIFT ?= swift
RELEASE_BIN = .build/release/writerbench

.PHONY: deps build release bench test gate-bench pipeline-bench soak sanitize clean

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

## Install what is missing and run the test suite (in a private temporary directory it must leave clean).
## The PostgreSQL history test runs first, in a process of its own (see PostgresHistoryStoreTests.ownProcess).
test: deps
	WRITERBENCH_POSTGRES_TESTS=1 SWIFT=$(SWIFT) bash scripts/test-leaves-no-temp.sh --filter PostgresHistoryStoreTests
	SWIFT=$(SWIFT) bash scripts/test-leaves-no-temp.sh

## The CI gate: measure both pipe strategies paced at 30 fps at 1080p, apply results/gate-rules.txt (must pass),
## then results/gate-rules-must-fail.txt (must fail with exit 1: proof that the gate can fail on real data).
gate-bench: release
	$(RELEASE_BIN) run --strategy ffmpeg-pipe --strategy ffmpeg-pipe-async --frameset camera --size 1920x1080 \
	    --frames 300 --pace 30 --repeat 3 --no-ceiling --verify-stride 10 --out results/gate.csv
	$(RELEASE_BIN) gate --csv results/gate.csv --rules results/gate-rules.txt
	@status=0; $(RELEASE_BIN) gate --csv results/gate.csv --rules results/gate-rules-must-fail.txt || status=$$?; \
	if [ $$status -eq 1 ]; then echo "gate self-test: the must-fail rules failed, as they must"; \
	else echo "gate self-test: expected exit 1 from the must-fail rules, got $$status"; exit 1; fi

## The pipeline gate: the face-mirror pipeline at 1080p talking-head, 1000 frames, with opencv-mp4v (the quality
## reference) and libav-async, judged by the pipeline rules of results/gate-rules.txt. libav-async runs
## PIPELINE_REPEAT times (the first verified; the batch-delay rule takes the median of the runs' worst batches).
## Hand-offs run at real-time priority where the system allows it (root, or ulimit -r >= 1), with the writers'
## wake-ups held until the hand-off's last write (so the pipeline's thread never sleeps on a writer's lock in it, and
## time the host takes from it can be told apart); elsewhere the batch-delay rule is report-only: on a busy 2-core
## machine preemption mid hand-off decides it. The raw delay (host steal included) is always report-only (README,
## "Batch-transition delay").
PIPELINE_FRAMES ?= 1000
PIPELINE_REPEAT ?= 3
# Asks the system itself (root without CAP_SYS_NICE, as in some containers, is refused too).
PIPELINE_HANDOFF := $(shell chrt -f 1 true 2>/dev/null && echo --realtime-hand-off --hold-wake-ups)
PIPELINE_ARGS = --frameset talking-head --size 1920x1080 --frames $(PIPELINE_FRAMES) $(PIPELINE_HANDOFF) --out results/pipeline-gate.csv
pipeline-bench: release
	rm -f results/pipeline-gate.csv
	$(RELEASE_BIN) pipeline --strategy opencv-mp4v --strategy libav-async $(PIPELINE_ARGS)
	for i in $$(seq 2 $(PIPELINE_REPEAT)); do \
	    $(RELEASE_BIN) pipeline --strategy libav-async --no-verify --no-baseline --no-ceiling $(PIPELINE_ARGS) || exit 1; done
	$(RELEASE_BIN) gate --pipeline-csv results/pipeline-gate.csv --rules results/gate-rules.txt \
	    --report-only pipeline-batch-delay-raw $(if $(PIPELINE_HANDOFF),,--report-only pipeline-batch-delay)

## Memory soak: SOAK_FRAMES frames at SOAK_SIZE through each asynchronous writer (ffmpeg-pipe-async, libav-async)
## and through the pipeline (libav-async writers), resident memory read every 100 frames; fails when it grows by
## more than 16 MiB after the warm-up (the first tenth). Minutes, not for .ci/run. See README "Soak and sanitizers".
SOAK_FRAMES ?= 10000
SOAK_SIZE ?= 1280x720
soak: release
	$(RELEASE_BIN) soak --size $(SOAK_SIZE) --frames $(SOAK_FRAMES) --every 100 --limit-mib 16

## The concurrency tests under ThreadSanitizer and the libav/OpenCV tests under AddressSanitizer, each in its own
## build folder (.build/tsan, .build/asan). Suppressions (third-party code only) are in scripts/sanitizers/.
TSAN_SUITES ?= AsyncVideoWriterTests|InterruptionTests|PipelineProcessingTests|PipelineRunnerTests|HardwareProbeTests|OpenCVStrategyTests|LibAVLogCaptureTests|CSVFileWriterTests
ASAN_SUITES ?= LibAVStrategyTests|OpenCVStrategyTests|LibAVLogCaptureTests|OutputVerifierTests|QualityMetricsTests|ColorInterpretationTests
# Resident-memory bounds mean nothing under ASan: its quarantine keeps freed memory resident on purpose.
ASAN_SKIP ?= openingAndFinishingManyWritersKeepsResidentMemoryBounded
sanitize: deps
	TSAN_OPTIONS="suppressions=$(CURDIR)/scripts/sanitizers/tsan.supp history_size=4" \
	    $(SWIFT) test --scratch-path .build/tsan --sanitize=thread --filter '$(TSAN_SUITES)'
	ASAN_OPTIONS="detect_leaks=1" LSAN_OPTIONS="suppressions=$(CURDIR)/scripts/sanitizers/lsan.supp" \
	    $(SWIFT) test --scratch-path .build/asan --sanitize=address --filter '$(ASAN_SUITES)' --skip '$(ASAN_SKIP)'

clean:
	rm -rf .build
