# The README's two commands: `make run` and `make test`. Each installs what is
# missing, configures and builds before it does its job.
BUILD_DIR ?= build
JOBS ?= 2
DEMO_DB ?= $(BUILD_DIR)/demo.sqlite
CMAKE_FLAGS ?=
ifeq ($(CI),true)
  CMAKE_FLAGS += -DMETERDESK_WERROR=ON
endif

.PHONY: all deps configure build run test sanitizers bench format clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	@scripts/run-demo.sh $(BUILD_DIR) $(DEMO_DB)

test: build
	@scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS) --no-tests=error
	@$(MAKE) --no-print-directory sanitizers

# The hostile-input tests again, under AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_DIR ?= build-asan
sanitizers: deps
	@cmake --preset asan -DMETERDESK_WERROR=$(if $(filter true,$(CI)),ON,OFF) >/dev/null
	@cmake --build $(SAN_DIR) -j$(JOBS) --target tst_fuzz meterctl
	@ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --test-dir $(SAN_DIR) -L fuzz --output-on-failure --no-tests=error

# The full-size figures: BENCH_ARGS="--events 10000000 --users 100000".
BENCH_ARGS ?= --events 1000000 --users 10000
bench: build
	@cd $(BUILD_DIR) && tests/bench/meterdesk-bench $(BENCH_ARGS)

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR)
