# SPDX-License-Identifier: MIT
#
# Included at the end of each tests/<name>/Makefile, after it sets:
#   NAME         the test's name; must equal its directory name
#   CATEGORY     special | functional | xsa | utility | in-development | fixture
#   TEST-ENVS    environments it runs in (pv64, arm64, arm32)
# and optionally:
#   TEST-DOMAIN  dom0 (default): the test boots as dom0;
#                domu: the launcher (dom0) creates the test's domain at run
#                time with XEN_DOMCTL_createdomain/load_image
#   TEST-MODULE  the test's boot module: a helper (helpers/<name>), or a
#                path relative to build/<arch> (e.g. livepatch/payloads.bundle)
#   TEST-MODULE-ARGS  its boot module options, e.g. "domu -- reason=1" to
#                start it as an unprivileged domain at boot instead
#   TEST-MEM     guest RAM, e.g. 4M (default)
#   TEST-ARGS    more boot module options for a dom0 test, e.g.
#                "ioports=0x2f8-0x2ff irq=3" (hv/passthrough.h)
#   TEST-HYPERVISOR  "test" to boot the test build (build/<arch>/hypervisor-test)
#   TEST-HV-ARGS more hypervisor boot options, after the runner's own
#                ("loglvl=all console_timestamps=boot"), e.g.
#                "livepatch_sig=log"
#   VARY-CFG     variations: each runs the same binary with "<variation>"
#                on its command line, as instance test-<env>-<name>~<var>
#   TEST-EXTRA-SRCS  more source files in the test's directory
#
# The info file stores one value per line; the runner reads it.

ifneq ($(NAME),$(notdir $(patsubst %/,%,$(dir $(lastword $(filter %/Makefile,$(MAKEFILE_LIST)))))))
$(error test $(NAME): NAME must equal the directory name)
endif
ifeq ($(filter $(CATEGORY),special functional xsa utility in-development fixture),)
$(error test $(NAME): unknown CATEGORY '$(CATEGORY)')
endif
ifeq ($(TEST-ENVS),)
$(error test $(NAME): TEST-ENVS is empty)
endif
ifneq ($(TEST-ARGS),)
ifeq ($(TEST-DOMAIN),domu)
$(error test $(NAME): TEST-ARGS are boot options, for dom0 tests only)
endif
endif

T_DIR := $(XTF)/tests/$(NAME)
T_ENVS := $(filter $(TEST-ENVS),$(XTF_ENVS))
ALL_TESTS += $(NAME)

$(foreach env,$(T_ENVS),$(eval $(call program,$(O)/tests/$(NAME)/test-$(env)-$(NAME),\
    $(T_DIR)/main.c $(addprefix $(T_DIR)/,$(TEST-EXTRA-SRCS)))))

# The info file the runner reads (values expanded now, while they are set).
define xtf_info_rule
all: $(O)/tests/$(1)/info
$(O)/tests/$(1)/info: $(XTF)/tests/$(1)/Makefile $(XTF)/mk/gen.mk
	@mkdir -p $$(@D)
	@printf '%s\n' 'name=$(1)' 'category=$(2)' 'environments=$(3)' 'domain=$(4)' \
	    'module=$(5)' 'mem=$(6)' 'variations=$(7)' 'module_args=$(8)' 'hypervisor=$(9)' \
	    'args=$(10)' 'hv_args=$(11)' > $$@
endef
$(eval $(call xtf_info_rule,$(NAME),$(CATEGORY),$(T_ENVS),$(or $(TEST-DOMAIN),dom0),$(strip \
    $(TEST-MODULE)),$(or $(TEST-MEM),4M),$(VARY-CFG),$(TEST-MODULE-ARGS),$(TEST-HYPERVISOR),\
    $(TEST-ARGS),$(TEST-HV-ARGS)))

NAME :=
CATEGORY :=
TEST-ENVS :=
TEST-DOMAIN :=
TEST-MODULE :=
TEST-MODULE-ARGS :=
TEST-MEM :=
TEST-HYPERVISOR :=
TEST-ARGS :=
TEST-HV-ARGS :=
VARY-CFG :=
TEST-EXTRA-SRCS :=
