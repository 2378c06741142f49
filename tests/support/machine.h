// SPDX-License-Identifier: GPL-2.0-only
// The fixture every test of a booted machine uses: a machine (or its memory alone) with a
// quiet console and an empty log, the log as text, and ways to run the machine that REQUIRE
// it stopped for the reason the test expects. on_cpu() and run_to_completion() fail a test
// whose tasks hung, were left asleep, died (exception, BUG, oops) or hit a limit, so
// assertions inside a task cannot be skipped silently (docs/design.md, "Tests").
#pragma once

#include "sim/check.h"
#include "sim/machine.h"
#include "sim/mm/mm_init.h"
#include "sim/sched/clock.h"
#include "sim/sched/sched.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

// Silences the console for its lifetime (reports still reach the log).
struct quiet_console {
	int saved = sim::console_loglevel;
	quiet_console() { sim::console_loglevel = 0; }
	~quiet_console() { sim::console_loglevel = saved; }
	quiet_console(const quiet_console &) = delete;
	quiet_console &operator=(const quiet_console &) = delete;
};

// A whole machine booted for one test, its boot messages kept off the console and the log,
// with the invariant checker on after every step of the engine (sim/check.h): a run that
// breaks one fails run_to_completion() and on_cpu().
struct test_machine : private quiet_console {
	sim::machine m;
	sim::invariant_checking checking;
	explicit test_machine(const sim::machine_config &cfg = {}) : m(cfg) { sim::log_clear(); }
};

// The memory subsystem alone, booted as sim::machine boots it first: the page allocator's
// tests see exactly the memory layout of boot, before the slab layer or the scheduler take
// any pages. No tasks can run on it.
struct mm_machine : private quiet_console {
	explicit mm_machine(const sim::machine_config &cfg = {})
	{
		sim::validate(cfg);
		sim::mm_boot(cfg);
		sim::log_clear();
	}
	~mm_machine() { sim::mm_teardown(); }
};

// The whole kernel log as one string, without timestamps, for "contains" checks.
inline std::string log_text()
{
	std::string all;
	for (const auto &r : sim::log_records())
		all += r.text;
	return all;
}

inline bool logged(const std::string &text) { return log_text().find(text) != std::string::npos; }

// Checks that the kernel log contains `text`, showing the log when it does not.
#define CHECK_LOGGED(text)                              \
	do {                                            \
		INFO("kernel log:\n" << log_text());    \
		CHECK(logged(text));                    \
	} while (0)

namespace test_detail {

// The machine's own threads may stay idle between runs; a test's tasks must be gone.
inline bool finished(const sim::task_info &t)
{
	return t.state == 'X' || (t.state == 'I' && t.comm.starts_with("kworker/"));
}

// Reports that mean a task died instead of finishing.
inline bool task_died(sim::report_kind k)
{
	return k == sim::report_kind::exception || k == sim::report_kind::bug || k == sim::report_kind::oops;
}

// Passing adds no assertion (FAIL only when something is wrong), so -w NoAssertions still
// finds a test that asserts nothing else.
inline void require_all_finished(const sim::run_result &r, std::size_t reports_before)
{
	if (r.status != sim::run_status::idle)
		FAIL("the run ended " << sim::run_status_name(r.status) << " (" << r.message << "), not with every task finished\n"
				      << "kernel log:\n" << log_text());
	for (const auto &t : sim::task_list())
		if (!finished(t))
			FAIL("task " << t.comm << "/" << t.pid << " did not finish: state " << t.state << ", " << t.wait);
	const auto &reports = sim::kernel_reports();
	for (std::size_t i = reports_before; i < reports.size(); i++)
		if (task_died(reports[i].kind))
			FAIL("a task died: " << reports[i].headline << "\nkernel log:\n" << log_text());
		else if (reports[i].kind == sim::report_kind::invariant)
			FAIL("an invariant broke: " << reports[i].headline << "\nkernel log:\n" << log_text());
}

} // namespace test_detail

// Runs the machine and REQUIREs that it stopped because every task finished: the run ended
// idle, every task spawned exited (none asleep, none left to be killed at teardown), none
// died of an exception, a BUG or an oops, and no invariant of the machine broke.
inline sim::run_result run_to_completion(const sim::run_limits &limits = {})
{
	std::size_t reports_before = sim::kernel_reports().size();
	sim::run_result r = sim::run(limits);
	test_detail::require_all_finished(r, reports_before);
	return r;
}

// Runs the machine and REQUIREs that the run ended with `status`: the way a test says it
// expects a hang, a limit or a stop. Nothing is required of the tasks.
inline sim::run_result run_expecting(sim::run_status status, const sim::run_limits &limits = {})
{
	sim::run_result r = sim::run(limits);
	if (r.status != status)
		FAIL("the run ended " << sim::run_status_name(r.status) << " (" << r.message << "), expected "
				      << sim::run_status_name(status) << "\nkernel log:\n" << log_text());
	return r;
}

// Runs the machine for `ns` more nanoseconds of virtual time and REQUIREs that it ran that
// long: for a step after which tasks are expected to be asleep, without waiting out the
// hung-task timeout. The test says what it expects of them.
inline sim::run_result run_for(std::uint64_t ns)
{
	return run_expecting(sim::run_status::time_limit, {.until_ns = sim::now_ns + ns});
}

// Runs fn in a task on `cpu` until the machine is idle, then run_to_completion()'s checks, and
// that fn itself returned (a failed REQUIRE inside it ends the task by an exception).
inline void on_cpu(unsigned cpu, std::function<void()> fn)
{
	task_struct *p = sim::spawn(cpu, "test", std::move(fn));
	run_to_completion();
	if (long code = sim::task_list().at(static_cast<std::size_t>(p->pid) - 1).exit_code)
		FAIL("the task on CPU " << cpu << " ended with exit code " << code << ": it died (a failed REQUIRE, an exception, BUG or an oops)");
}
