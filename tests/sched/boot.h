// SPDX-License-Identifier: GPL-2.0-only
// A booted machine for one test, with the kernel log captured instead of printed.
#pragma once

#include "sim/machine.h"
#include "sim/sched/sched.h"
#include "sim/trace/printk.h"

#include <string>

struct test_machine {
	sim::machine m;
	explicit test_machine(sim::machine_config cfg = {}) : m(cfg)
	{
		sim::console_loglevel = 0;
		sim::log_clear();
	}
	static std::string log() { return sim::dmesg(); }
};
