# notmuch-followup — one plain, non-recursive Makefile.
#
#   make                 build ./notmuch-followup
#   make check           install missing Debian packages, build, run all tests
#   make check-asan      the same tests against an ASan+UBSan build
#   make check-valgrind  the end-to-end tests under valgrind (slow)
#   make fuzz            libFuzzer targets, FUZZ_TIME seconds each
#   make demo            run the product on a sample mailbox in a temp dir
#   make install         PREFIX=/usr/local DESTDIR= (binary, man page, hook)
#   make deps            install the Debian packages that are missing
#   make eval            how well mail is understood (tests/corpus, real mail)
#   make train           fit the evidence weights (src/core/weights.c)
#   make man             write the man page's list of settings from the
#                        table in src/core/config.c (a test checks it)
#
# DEVELOPER=1 adds -Werror (CI sets it).  V=1 shows full commands.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
DATADIR   ?= $(PREFIX)/share/notmuch-followup
DESTDIR   ?=

CC        ?= cc
PKG_CONFIG ?= pkg-config
PKGS      := gmime-3.0 glib-2.0 gio-2.0 libcurl libical libxml-2.0

WARN      := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wwrite-strings -Wvla
ifeq ($(DEVELOPER),1)
WARN      += -Werror
endif

# Build flavours: the normal build lives in build/, the sanitizer build in
# build-asan/ (make check-asan sets SANITIZE=1 and BUILD=build-asan).
BUILD     ?= build
ifeq ($(SANITIZE),1)
SANFLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer
OPT       ?= -O1 -g
else
SANFLAGS  :=
OPT       ?= -O2 -g
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libcurl is loaded at run time by the IMAP commands only (src/io/imap.c).
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(filter-out libcurl,$(PKGS)) 2>/dev/null)
# Tests only: cmocka, and json-glib to read the corpus labels.
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka json-glib-1.0 2>/dev/null)
CMOCKA_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka json-glib-1.0 2>/dev/null)

ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE $(WARN) $(OPT) \
             $(SANFLAGS) -Iinclude $(PKG_CFLAGS) \
             -DNMF_VERSION='"$(VERSION)"' $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS       = -lnotmuch $(PKG_LIBS) -lm

ifeq ($(V),1)
Q :=
else
Q := @
endif

CORE_SRC := $(wildcard src/core/*.c)
IO_SRC   := $(wildcard src/io/*.c)
CMD_SRC  := $(wildcard src/cmd/*.c)
MAIN_SRC := src/main.c

CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
IO_OBJ   := $(IO_SRC:%.c=$(BUILD)/%.o)
CMD_OBJ  := $(CMD_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(MAIN_SRC:%.c=$(BUILD)/%.o)
LIB_OBJ  := $(CORE_OBJ) $(IO_OBJ) $(CMD_OBJ)

TOOL_SRC := $(wildcard tests/tools/*.c)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)

# The fuzz targets without libFuzzer, to replay inputs (tests/fuzz/).
REPLAY_SRC := $(wildcard tests/fuzz/fuzz-*.c)
REPLAY_BIN := $(REPLAY_SRC:tests/fuzz/fuzz-%.c=$(BUILD)/tests/replay-%)

UNIT_SRC := $(wildcard tests/unit/test-*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

ifeq ($(BUILD),build)
PROG := notmuch-followup
else
PROG := $(BUILD)/notmuch-followup
endif

.PHONY: all clean check check-unit check-e2e check-eval check-asan check-layering \
        check-valgrind \
        deps demo install uninstall lint-man bench fuzz eval train man

all: $(PROG)

# The settings in the man page come from the one table of settings.
man: $(PROG)
	@./$(PROG) config --man >$(BUILD)/settings.roff
	@awk -v f=$(BUILD)/settings.roff \
	    '/^\.\\" END SETTINGS/ { skip = 0 } \
	     !skip { print } \
	     /^\.\\" BEGIN SETTINGS/ { while ((getline l < f) > 0) print l; skip = 1 }' \
	    doc/notmuch-followup.1 >$(BUILD)/notmuch-followup.1.new
	@mv $(BUILD)/notmuch-followup.1.new doc/notmuch-followup.1
	@echo "  MAN     doc/notmuch-followup.1 (settings)"

$(PROG): $(MAIN_OBJ) $(LIB_OBJ)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Unit tests link the pure core (and the adapters they exercise) with cmocka.
$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(LIB_OBJ) \
	    $(ALL_LDFLAGS) $(LIBS) $(CMOCKA_LIBS)

$(BUILD)/tests/replay-%: tests/fuzz/fuzz-%.c tests/fuzz/replay.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  REPLAY  $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $< \
	    tests/fuzz/replay.c $(LIB_OBJ) $(ALL_LDFLAGS) $(LIBS)

# Small helper programs for the end-to-end tests.
$(BUILD)/tests/tools/%: tests/tools/%.c
	@mkdir -p $(dir $@)
	@echo "  TOOL    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) -lnotmuch

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---------------------------------------------------------------------------
# Dependencies: Debian packages, installed only when missing.

deps:
	@sh tools/deps.sh

# ---------------------------------------------------------------------------
# Tests.

check: deps
	@$(MAKE) --no-print-directory check-layering
	@$(MAKE) --no-print-directory lint-man
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-unit
	@$(MAKE) --no-print-directory check-eval
	@$(MAKE) --no-print-directory check-e2e

# The held-out figures on the labelled real mail (make eval) must not fall
# below the floors of tests/eval-floors.json (the README has the figures).
# Without the real mail beside the project, there is nothing to measure.
JOBS_CORPUS ?= $(or $(NMF_JOBS_CORPUS),../shared/corpus/jobs)
check-eval: $(PROG)
	@if [ -f $(JOBS_CORPUS)/labels.tsv ]; then \
	    $(MAKE) --no-print-directory eval \
	        EVAL_ARGS=--floors=tests/eval-floors.json >$(BUILD)/eval.txt; \
	    rc=$$?; \
	    sed -n '/^== all real mail (held out)/,/^  invitations/p;/^eval:/p' \
	        $(BUILD)/eval.txt; \
	    exit $$rc; \
	else \
	    echo "eval: skipped: no labelled real mail at $(JOBS_CORPUS)"; \
	fi

check-layering:
	@sh tools/check-layering.sh

check-unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

# Two scripts at a time (each has its own temp dir, ports and sockets;
# none has a wall-clock limit but a generous one against hangs), their
# outputs shown whole and in order.  E2E_JOBS=1 runs them one by one.
E2E_JOBS ?= 2
check-e2e: $(PROG) $(TOOL_BIN) $(REPLAY_BIN)
	@NMF_BIN=$(abspath $(PROG)) NMF_TOOLS=$(abspath $(BUILD)/tests/tools) \
	    NMF_SRC=$(CURDIR) NMF_MAKE_ARGS="BUILD=$(BUILD) SANITIZE=$(SANITIZE)" \
	    NMF_E2E_JOBS=$(E2E_JOBS) sh tests/run-e2e.sh

# Sanitizer runs: leaks inside libraries we use are suppressed by name
# (tests/lsan.supp); any leak of our own fails the run.  The mail-client
# tests run the clients under faketime (an LD_PRELOAD library), and the
# clients run our program from their send hooks: ASan must not insist on
# coming first in the library list there.  Stacks of allocations are
# unwound the slow way (glib and libnotmuch keep no frame pointers, and a
# suppression names a frame inside them); freed memory waits in a 32 MB
# quarantine, not 256 MB, which spares most of the page faults (a quarter
# of the run) and still catches a use after free within a command.
check-asan: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
check-asan: export ASAN_OPTIONS = detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0:quarantine_size_mb=32:verify_asan_link_order=0
check-asan: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
check-asan: deps
	@$(MAKE) --no-print-directory SANITIZE=1 BUILD=build-asan all
	@$(MAKE) --no-print-directory SANITIZE=1 BUILD=build-asan check-unit
	@$(MAKE) --no-print-directory SANITIZE=1 BUILD=build-asan check-e2e

# The end-to-end tests with every run of the program under valgrind
# (slow: about twenty times the plain run; not part of check).
check-valgrind: deps
	@sh tools/deps.sh valgrind
	@# text.c looks for valgrind's header (no JIT under memcheck): build
	@# it again now that the header is surely there.
	@rm -f $(BUILD)/src/core/text.o
	@$(MAKE) --no-print-directory all $(TOOL_BIN) $(REPLAY_BIN)
	@sh tests/valgrind-run.sh $(BUILD)

lint-man:
	@out=$$(groff -man -ww -z doc/notmuch-followup.1 2>&1); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; \
	echo "lint-man: doc/notmuch-followup.1 is clean"

# ---------------------------------------------------------------------------
# Benchmark (not part of check): make bench [BENCH_N=20000] [BENCH_RUNS=3]

BENCH_N    ?= 20000
BENCH_RUNS ?= 3

bench: deps
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory all
	@NMF_BIN=$(abspath $(PROG)) bash bench/run-bench.sh $(BENCH_N) $(BENCH_RUNS)

# ---------------------------------------------------------------------------
# Fuzzing (not part of check): make fuzz [FUZZ_TIME=60]  (seconds per target)
# libFuzzer targets in tests/fuzz/ under ASan+UBSan, built with clang in
# build-fuzz/; seeds from tests/ and ../shared/corpus/real; every input
# that ever crashed is kept in tests/fuzz/regress/ and replayed by
# tests/unit/test-regress.c in make check.

FUZZ_TIME    ?= 60
FUZZ_BUILD   := build-fuzz
FUZZ_TARGETS := message dates ical render config
FUZZ_CFLAGS   = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -g -O1 \
                -fno-omit-frame-pointer -fno-sanitize-recover=all \
                -Iinclude $(PKG_CFLAGS) -DNMF_VERSION='"$(VERSION)"'
FUZZ_LIB_SRC := $(CORE_SRC) src/io/mime.c src/io/ical.c src/io/draft.c \
                src/io/log.c
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%)
.SECONDARY: $(FUZZ_LIB_OBJ)

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (fuzz)"
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
	    -c -o $@ $<

$(FUZZ_BUILD)/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_LIB_OBJ)
	@echo "  FUZZ    $@"
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ \
	    $< $(FUZZ_LIB_OBJ) $(LIBS)

fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@NMF_SRC=$(CURDIR) sh tests/fuzz/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_TIME) \
	    $(FUZZ_TARGETS)

# ---------------------------------------------------------------------------
# Demo: a sample mailbox in a temporary directory, nothing else touched.

demo: deps
	@$(MAKE) --no-print-directory all
	@NMF_BIN=$(abspath $(PROG)) sh demo/run-demo.sh

# ---------------------------------------------------------------------------
# Install.

COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
# Read by every new bash (bash-completion's compat directory), so that
# notmuch's own completion finds ours for "notmuch followup".
BASHCOMPATDIR ?= /etc/bash_completion.d
# On Debian's emacs load-path, for /usr and /usr/local alike.
LISPDIR ?= $(PREFIX)/share/emacs/site-lisp

# How well mail is understood, on the project's corpus and on the real,
# labelled mail beside the project (../shared/corpus/jobs).
# The figures of the real mail are held out: each fold of it classified by
# the program with weights fitted on the other folds (tools/train.py --cv).
eval: deps $(PROG)
	@/usr/bin/python3 tools/train.py --bin $(abspath $(PROG)) \
	    --jobs $(JOBS_CORPUS) --cv $(BUILD)/heldout.jsonl
	@/usr/bin/python3 tools/eval.py --bin $(abspath $(PROG)) \
	    --jobs $(JOBS_CORPUS) --predictions $(BUILD)/heldout.jsonl \
	    $(EVAL_ARGS)

# Fit the evidence weights on the labelled mail into src/core/weights.c
# (generated, checked in).  When the features changed, the old table no
# longer builds: the program is built once with zero weights to compute
# the features, then with the fitted table.
train: deps
	@$(MAKE) --no-print-directory $(PROG) 2>/dev/null \
	    || { /usr/bin/python3 tools/train.py --zero --out src/core/weights.c \
	         && $(MAKE) --no-print-directory $(PROG); }
	@/usr/bin/python3 tools/train.py --bin $(abspath $(PROG)) \
	    --jobs $(JOBS_CORPUS) --out src/core/weights.c
	@$(MAKE) --no-print-directory $(PROG)

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DATADIR)/hooks $(DESTDIR)$(COMPLETIONDIR) \
	    $(DESTDIR)$(BASHCOMPATDIR) $(DESTDIR)$(LISPDIR)
	install -m 644 tools/notmuch-followup.bash \
	    $(DESTDIR)$(COMPLETIONDIR)/notmuch-followup
	install -m 644 tools/notmuch-followup.bash \
	    $(DESTDIR)$(BASHCOMPATDIR)/notmuch-followup
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/notmuch-followup
	install -m 644 doc/notmuch-followup.1 \
	    $(DESTDIR)$(MANDIR)/man1/notmuch-followup.1
	install -m 755 hooks/post-new $(DESTDIR)$(DATADIR)/hooks/post-new
	install -m 755 contrib/followup-sendmail \
	    $(DESTDIR)$(DATADIR)/followup-sendmail
	install -m 644 emacs/notmuch-followup.el \
	    $(DESTDIR)$(LISPDIR)/notmuch-followup.el
	install -m 644 contrib/neomuttrc $(DESTDIR)$(DATADIR)/neomuttrc
	install -m 644 contrib/aerc-query-map \
	    $(DESTDIR)$(DATADIR)/aerc-query-map
	install -m 644 contrib/aerc-binds.conf \
	    $(DESTDIR)$(DATADIR)/aerc-binds.conf

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/notmuch-followup \
	    $(DESTDIR)$(COMPLETIONDIR)/notmuch-followup \
	    $(DESTDIR)$(BASHCOMPATDIR)/notmuch-followup \
	    $(DESTDIR)$(MANDIR)/man1/notmuch-followup.1 \
	    $(DESTDIR)$(DATADIR)/hooks/post-new \
	    $(DESTDIR)$(DATADIR)/followup-sendmail \
	    $(DESTDIR)$(DATADIR)/neomuttrc \
	    $(DESTDIR)$(DATADIR)/aerc-query-map \
	    $(DESTDIR)$(DATADIR)/aerc-binds.conf \
	    $(DESTDIR)$(LISPDIR)/notmuch-followup.el

clean:
	rm -rf build build-asan build-fuzz notmuch-followup
