# ParcelDesk — commands for people. Each target does the earlier steps it needs.
#   make run      install what is missing, build, start the demo server and the console
#   make test     install, build, check formatting, run every test suite
#   make bench    build and run the benchmarks (figures are printed)
#   make bench-10m  the server with 10,000,000 parcels on PostgreSQL (about 30 min, 50 GB of disk)
#   make drill    build and run the drills in their full form (hostile clients against the server; figures)
#   make package  build the .deb
#   make tidy     build and run clang-tidy with the checks of .clang-tidy (about 20 min on 2 cores)
#   make deps | build | format | clean

BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_ARGS ?=
CTEST_ARGS ?=
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure build run test bench bench-10m drill package format format-check tidy clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@if [ ! -f "$(BUILD_DIR)/build.ninja" ]; then \
	  cmake -S . -B "$(BUILD_DIR)" -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS); \
	fi

build: configure
	@cmake --build "$(BUILD_DIR)" -j $(JOBS)

run: build
	@scripts/run-demo.sh "$(BUILD_DIR)" $(ARGS)

# Formatting and the suites both run, so one failing does not hide the other's report.
test: build
	@rc=0; \
	cmake --build "$(BUILD_DIR)" --target format-check || rc=1; \
	(cd "$(BUILD_DIR)" && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)) || rc=1; \
	exit $$rc

bench: build
	@cmake --build "$(BUILD_DIR)" --target bench

bench-10m: build
	@cmake --build "$(BUILD_DIR)" --target bench_volume_10m

drill: build
	@cd "$(BUILD_DIR)" && PD_DRILL_FULL=1 ctest -L drill -V $(CTEST_ARGS)

package: build
	@cd "$(BUILD_DIR)" && cpack -G DEB

format: configure
	@cmake --build "$(BUILD_DIR)" --target format

format-check: configure
	@cmake --build "$(BUILD_DIR)" --target format-check

tidy: build
	@scripts/tidy.sh "$(BUILD_DIR)"

clean:
	@rm -rf "$(BUILD_DIR)"
