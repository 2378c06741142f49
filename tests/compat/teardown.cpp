// SPDX-License-Identifier: GPL-2.0-only
// A module's lifecycle at its edges: threads it leaves behind, an oops in its init, the
// machine torn down around them.
#include "kernel_compat/insmod.h"
#include "kernel_compat/module.h"
#include "linux/errno.h"
#include "linux/kernel.h"
#include "linux/sched/clock.h"
#include "sim/machine.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace {
const std::filesystem::path test_modules = SLABSIM_TEST_MODULES;

sim::module_build build(const char *file)
{
	auto b = sim::build_module({test_modules / file});
	REQUIRE(b.ok);
	return b;
}

bool log_contains(const std::string &text)
{
	return sim::dmesg().find(text) != std::string::npos;
}

// A second of virtual time from now: long enough for the module's threads to go to sleep,
// too short for the hung-task report.
sim::run_limits one_second()
{
	return {local_clock() + 1000000000ULL};
}

// The "Modules linked in:" line print_modules() prints now, without its timestamp.
std::string modules_line()
{
	sim::log_clear();
	sim::print_modules();
	std::string line = sim::dmesg(true);
	return line.substr(line.find("] ") + 2);
}

std::vector<std::string> reports_of(sim::report_kind kind)
{
	std::vector<std::string> headlines;
	for (const auto &r : sim::kernel_reports())
		if (r.kind == kind)
			headlines.push_back(r.headline);
	return headlines;
}
} // namespace

TEST_CASE("threads left asleep by an unloaded module are reported at power-off with their wait sites")
{
	sim::machine m;
	sim::log_clear();
	REQUIRE(sim::insmod(build("asleep_at_unload.c"), one_second()) == 0);
	REQUIRE(sim::rmmod("asleep_at_unload", one_second()) == 0);
	m.power_off();
	CHECK(reports_of(sim::report_kind::asleep_at_end) ==
	      std::vector<std::string>{"BUG: queue_waiter:2 sleeps in the code of unloaded module asleep_at_unload",
				       "BUG: completion_wait:3 sleeps in the code of unloaded module asleep_at_unload"});
	CHECK(log_contains(" waits on wait queue never_signalled, in waits_on_queue at asleep_at_unload.c:19\n"));
	CHECK(log_contains(" in waits_for_completion at asleep_at_unload.c:25\n"));
	CHECK(log_contains("asleep_at_unload: leaving without stopping my threads"));
}

TEST_CASE("a machine torn down with a module's threads asleep keeps its log and does not crash")
{
	{
		sim::machine m;
		sim::log_clear();
		REQUIRE(sim::insmod(build("asleep_at_unload.c"), one_second()) == 0);
		REQUIRE(sim::rmmod("asleep_at_unload", one_second()) == 0);
	} // the destructor powers off, reports, and unwinds the sleeping threads through the module
	CHECK(log_contains("BUG: queue_waiter:2 sleeps in the code of unloaded module asleep_at_unload"));
}

TEST_CASE("threads asleep in a module still loaded at power-off are torn down without a report")
{
	{
		sim::machine m;
		REQUIRE(sim::insmod(build("asleep_at_unload.c"), one_second()) == 0);
		m.power_off();
		CHECK(reports_of(sim::report_kind::asleep_at_end).empty());
	}
	CHECK(sim::loaded_modules().empty());
}

TEST_CASE("a module thread reported at power-off leaves the machine able to run on")
{
	sim::machine m;
	REQUIRE(sim::insmod(build("asleep_at_unload.c"), one_second()) == 0);
	REQUIRE(sim::rmmod("asleep_at_unload", one_second()) == 0);
	m.power_off();
	auto hello = build("hello.c");
	sim::log_clear();
	REQUIRE(sim::insmod(hello) == 0);
	CHECK(log_contains("hello: loaded"));
	CHECK(sim::rmmod("hello") == 0);
}

TEST_CASE("an oops in module_init kills insmod and leaves the module COMING")
{
	sim::machine m;
	sim::tool_outcome o = sim::run_insmod(build("bug_in_init.c"));
	CHECK(o.killed);
	CHECK_FALSE(o.err);
	CHECK(o.run.status == sim::run_status::idle);
	CHECK(sim::tool_killed("insmod", o) == "Segmentation fault (insmod was killed by the oops above)");
	const sim::module *mod = sim::find_module("bug_in_init");
	REQUIRE(mod);
	CHECK(mod->state == sim::module_state::coming);
}

TEST_CASE("a module whose init oopsed cannot be removed and its exit never runs")
{
	sim::machine m;
	sim::run_insmod(build("bug_in_init.c"));
	sim::log_clear();
	int err = sim::rmmod("bug_in_init");
	CHECK(err == -EBUSY);
	CHECK(sim::rmmod_error("bug_in_init", err) ==
	      "rmmod: ERROR: could not remove module bug_in_init: Device or resource busy");
	CHECK_FALSE(log_contains("exit must not run"));
	CHECK(sim::find_module("bug_in_init"));
}

TEST_CASE("an oops in module_exit kills rmmod, leaves the module GOING and a second rmmod is refused")
{
	sim::machine m;
	REQUIRE(sim::insmod(build("oops_in_exit.c")) == 0);
	sim::tool_outcome o = sim::run_rmmod("oops_in_exit");
	CHECK(o.killed);
	CHECK(sim::tool_killed("rmmod", o) == "Killed (rmmod was killed by the oops above)"); // no_context's SIGKILL
	CHECK(log_contains("BUG: kernel NULL pointer dereference, address: 0000000000000000"));
	CHECK(modules_line() == "Modules linked in: oops_in_exit(O-)\n");
	CHECK(sim::rmmod("oops_in_exit") == -EBUSY);
}

TEST_CASE("print_modules marks a module whose init has not returned with +")
{
	sim::machine m;
	sim::run_insmod(build("bug_in_init.c"));
	CHECK(modules_line() == "Modules linked in: bug_in_init(O+)\n");
}

TEST_CASE("a warning in module_exit lists the module as going with -")
{
	sim::machine m;
	REQUIRE(sim::insmod(build("warn_in_exit.c")) == 0);
	sim::log_clear();
	REQUIRE(sim::rmmod("warn_in_exit") == 0);
	CHECK(log_contains("Modules linked in: warn_in_exit(O-)\n"));
}

TEST_CASE("print_modules names the last module rmmod removed, not one whose init failed")
{
	sim::machine m;
	REQUIRE(sim::insmod(build("hello.c")) == 0);
	REQUIRE(sim::rmmod("hello") == 0);
	REQUIRE(sim::insmod(build("fails_init.c")) == -ENOMEM);
	CHECK(modules_line() == "Modules linked in: [last unloaded: hello]\n");
}

TEST_CASE("the first out-of-tree module taints the kernel O, once, and each such module carries O")
{
	sim::machine m;
	sim::log_clear();
	REQUIRE(sim::insmod(build("hello.c")) == 0);
	REQUIRE(sim::insmod(build("kthread_demo.c")) == 0);
	CHECK(test_taint(TAINT_OOT_MODULE));
	CHECK(sim::dmesg().find("hello: loading out-of-tree module taints kernel.\n") != std::string::npos);
	CHECK(sim::dmesg().find("kthread_demo: loading out-of-tree module taints kernel.") == std::string::npos);
	CHECK(sim::find_module("kthread_demo")->taints == 1UL << TAINT_OOT_MODULE);
	CHECK_FALSE(test_taint(TAINT_UNSIGNED_MODULE)); // no CONFIG_MODULE_SIG
	CHECK(std::string(print_tainted()) == "Tainted: G           O     ");
	REQUIRE(sim::rmmod("kthread_demo") == 0);
	REQUIRE(sim::rmmod("hello") == 0);
}

TEST_CASE("a proprietary out-of-tree module carries both P and O")
{
	sim::machine m;
	REQUIRE(sim::insmod(build("proprietary.c")) == 0);
	CHECK(modules_line() == "Modules linked in: proprietary(PO)\n");
}

TEST_CASE("a module's leak at rmmod is noted as a kernel report")
{
	sim::machine m;
	REQUIRE(sim::insmod(build("leaky.c")) == 0);
	REQUIRE(sim::rmmod("leaky") == 0);
	CHECK(reports_of(sim::report_kind::leak) ==
	      std::vector<std::string>{"kmemleak: 1 new suspected memory leaks (see /sys/kernel/debug/kmemleak)"});
}

TEST_CASE("a module thread that wakes after rmmod oopses in the freed code and the machine goes on")
{
	sim::machine m;
	sim::log_clear();
	REQUIRE(sim::insmod(build("sleeps_past_unload.c"), one_second()) == 0);
	REQUIRE(sim::rmmod("sleeps_past_unload") == 0);
	CHECK(log_contains("BUG: unable to handle page fault for address: "));
	CHECK(log_contains("#PF: supervisor instruction fetch in kernel mode"));
	CHECK_FALSE(log_contains("this line runs freed code"));
	CHECK(reports_of(sim::report_kind::oops).size() == 1);
	m.power_off();
	CHECK(reports_of(sim::report_kind::asleep_at_end).empty()); // the oops ended the thread
	REQUIRE(sim::insmod(build("hello.c")) == 0);
	CHECK(log_contains("hello: loaded"));
}
