// SPDX-License-Identifier: GPL-2.0-only
// Oops, not crash: a fault in a simulated task prints the kernel's report (v5.4 shapes,
// /work/shared/reference section 2), kills that task only, and the machine goes on.
#include "linux/bug.h"
#include "linux/delay.h"
#include "linux/kernel.h"
#include "linux/slab.h"
#include "linux/spinlock.h"
#include "sim/sched/oops.h"
#include "sim/trace/report.h"

#include <cstdio>
#include <vector>

extern "C" {
// Kernel-level functions (C linkage) for the faults and the call chains to check. UBSan
// would report the faults before they happen: these reach the hardware, as kernel code does.
[[gnu::noipa, gnu::no_sanitize_undefined]] void oops_test_write_null(int *p) { *p = 5; }
[[gnu::noipa, gnu::no_sanitize_undefined]] int oops_test_read(const int *p) { return *p; }
[[gnu::noipa]] void oops_test_caller(int *p)
{
	oops_test_write_null(p);
	asm volatile(""); // keeps the call from being a tail call
}
[[gnu::noipa, gnu::no_sanitize_undefined]] int oops_test_divide(int d) { return 100 / d; }
[[gnu::noipa]] void oops_test_sleeper(void)
{
	msleep(1000);
	asm volatile(""); // not a tail call: the frame stays
}
// Catch2 has a WARN macro of its own: the kernel's are used before it is included.
[[gnu::noinline]] int oops_test_warn(void) { int line = __LINE__; WARN(1, "my message %d\n", 5); return line; }
[[gnu::noinline]] void oops_test_warn_on(void) { WARN_ON(1); }
}

#include "support/machine.h"

#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// The log as lines, without timestamps.
std::vector<std::string> log_lines()
{
	std::vector<std::string> lines;
	for (const auto &r : sim::log_records()) {
		std::size_t start = 0;
		for (std::size_t nl; (nl = r.text.find('\n', start)) != std::string::npos; start = nl + 1)
			lines.push_back(r.text.substr(start, nl - start));
		if (start < r.text.size())
			lines.push_back(r.text.substr(start));
	}
	return lines;
}

// The index of the first line starting with `prefix` at or after `from`; REQUIREs one.
std::size_t line_at(const std::vector<std::string> &lines, const std::string &prefix, std::size_t from = 0)
{
	for (std::size_t i = from; i < lines.size(); i++)
		if (lines[i].starts_with(prefix))
			return i;
	FAIL("no line starts with \"" << prefix << "\" in:\n" << sim::dmesg());
	return lines.size();
}

const std::string cpu0_line_untainted = "CPU: 0 PID: 1 Comm: insmod Not tainted 5.4.0-slabsim #1";

} // namespace

TEST_CASE("a NULL write in a task prints v5.4's page-fault oops line by line")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { oops_test_caller(nullptr); });
	run_expecting(sim::run_status::idle);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "BUG: kernel NULL pointer dereference");
	REQUIRE(lines.size() > i + 24);
	CHECK(lines[i] == "BUG: kernel NULL pointer dereference, address: 0000000000000000");
	CHECK(lines[i + 1] == "#PF: supervisor write access in kernel mode");
	CHECK(lines[i + 2] == "#PF: error_code(0x0002) - not-present page");
	CHECK(lines[i + 3] == "PGD 0 P4D 0 ");
	CHECK(lines[i + 4] == "Oops: 0002 [#1] SMP");
	CHECK(lines[i + 5] == cpu0_line_untainted);
	CHECK(lines[i + 6].starts_with("RIP: 0010:oops_test_write_null+0x"));
	CHECK(lines[i + 7].starts_with("Code: "));
	CHECK(lines[i + 7].find(" <") != std::string::npos);
	CHECK(lines[i + 8].starts_with("RSP: 0018:ffffc9")); // the task's stack at its kernel address
	CHECK(lines[i + 8].find(" EFLAGS: 000") != std::string::npos);
	CHECK(lines[i + 9].starts_with("RAX: "));
	CHECK(lines[i + 13].starts_with("R13: "));
	CHECK(lines[i + 14].starts_with("FS:  0000000000000000(0000) GS:"));
	CHECK(lines[i + 15] == "CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033");
	CHECK(lines[i + 16].starts_with("CR2: 0000000000000000 CR3: "));
	CHECK(lines[i + 17] == "Call Trace:");
	CHECK(lines[i + 18].starts_with(" oops_test_caller+0x"));
	std::size_t mods = line_at(lines, "Modules linked in:", i);
	CHECK(lines[mods + 1] == "CR2: 0000000000000000");
	CHECK(lines[mods + 2].starts_with("---[ end trace "));
	CHECK(lines[mods + 3].starts_with("RIP: 0010:oops_test_write_null+0x")); // the executive summary
}

TEST_CASE("a call trace lists kernel-level frames only")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { oops_test_caller(nullptr); });
	run_expecting(sim::run_status::idle);
	auto lines = log_lines();
	std::size_t trace = line_at(lines, "Call Trace:");
	std::size_t mods = line_at(lines, "Modules linked in:", trace);
	for (std::size_t i = trace + 1; i < mods; i++) {
		INFO(lines[i]);
		CHECK(lines[i].find("::") == std::string::npos);
		CHECK(lines[i].find("lambda") == std::string::npos);
		CHECK(lines[i].find("std") == std::string::npos);
	}
}

TEST_CASE("an oops kills only its task and the machine goes on")
{
	test_machine tm;
	void *later = nullptr;
	task_struct *dead = sim::spawn(0, "insmod", [] { oops_test_write_null(nullptr); });
	sim::spawn(1, "after", [&] {
		msleep(10);
		later = kmalloc(128, GFP_KERNEL);
	});
	run_expecting(sim::run_status::idle);
	CHECK(later != nullptr);
	kfree(later);
	CHECK(sim::task_state_char(dead) == 'X');
	CHECK(sim::task_list()[0].exit_code == 9); // no_context() kills with SIGKILL
	CHECK(test_taint(TAINT_DIE));
	REQUIRE(sim::kernel_reports().size() == 1);
	CHECK(sim::kernel_reports()[0].kind == sim::report_kind::oops);
	CHECK(sim::kernel_reports()[0].headline == "BUG: kernel NULL pointer dereference, address: 0000000000000000");
}

TEST_CASE("a second oops counts [#2] and shows the D taint of the first")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { oops_test_write_null(nullptr); });
	sim::spawn(0, "reader", [] { oops_test_read(reinterpret_cast<const int *>(16)); });
	run_expecting(sim::run_status::idle);
	auto lines = log_lines();
	std::size_t second = line_at(lines, "BUG: kernel NULL pointer dereference, address: 0000000000000010");
	CHECK(lines[second + 1] == "#PF: supervisor read access in kernel mode");
	CHECK(lines[second + 2] == "#PF: error_code(0x0000) - not-present page");
	CHECK(lines[second + 4] == "Oops: 0000 [#2] SMP");
	// print_tainted(): 18 columns, G and D set.
	CHECK(lines[second + 5] == "CPU: 0 PID: 2 Comm: reader Tainted: G      D" + std::string(10, ' ') + " 5.4.0-slabsim #1");
}

TEST_CASE("a fault outside simulated memory is an unable-to-handle page fault")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { oops_test_read(reinterpret_cast<const int *>(0x10000)); });
	run_expecting(sim::run_status::idle);
	CHECK(sim::dmesg().find("BUG: unable to handle page fault for address: 0000000000010000\n") !=
	      std::string::npos);
}

TEST_CASE("the end-of-trace id comes from the machine's seed")
{
	auto end_marker = [](std::uint64_t seed) {
		test_machine tm({.seed = seed});
		sim::spawn(0, "insmod", [] { oops_test_write_null(nullptr); });
		run_expecting(sim::run_status::idle);
		auto lines = log_lines();
		return lines[line_at(lines, "---[ end trace ")];
	};
	CHECK(end_marker(7) == end_marker(7));
	CHECK(end_marker(7) != end_marker(8));
}

TEST_CASE("a divide by zero in a task is the kernel's divide error")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { oops_test_divide(0); });
	run_expecting(sim::run_status::idle);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "divide error: 0000 [#1] SMP");
	CHECK(lines[i + 1] == cpu0_line_untainted);
	CHECK(lines[i + 2].starts_with("RIP: 0010:oops_test_divide+0x"));
	CHECK(sim::task_list()[0].exit_code == 11); // die() kills with SIGSEGV
	CHECK(test_taint(TAINT_DIE));
}

TEST_CASE("BUG_ON kills only its task with v5.4's kernel BUG report")
{
	test_machine tm;
	bool after = false, other_ran = false;
	int line = 0;
	sim::spawn(0, "insmod", [&] {
		line = __LINE__; BUG_ON(!after);
		after = true;
	});
	sim::spawn(1, "other", [&] { other_ran = true; });
	run_expecting(sim::run_status::idle);
	CHECK_FALSE(after);
	CHECK(other_ran);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "------------[ cut here ]------------");
	CHECK(lines[i + 1].starts_with("kernel BUG at "));
	CHECK(lines[i + 1].ends_with("tests/sched/oops.cpp:" + std::to_string(line) + "!"));
	CHECK(lines[i + 2] == "invalid opcode: 0000 [#1] SMP");
	CHECK(lines[i + 3] == cpu0_line_untainted);
	CHECK(lines[i + 4].starts_with("RIP: 0010:"));
	CHECK(sim::task_list()[0].exit_code == 11);
	REQUIRE(sim::kernel_reports().size() == 1);
	CHECK(sim::kernel_reports()[0].kind == sim::report_kind::bug);
}

TEST_CASE("a bare ud2 is an invalid opcode oops without a kernel BUG line")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { asm volatile("ud2"); });
	run_expecting(sim::run_status::idle);
	CHECK(sim::dmesg().find("invalid opcode: 0000 [#1] SMP\n") != std::string::npos);
	CHECK(sim::dmesg().find("kernel BUG at") == std::string::npos);
	CHECK(sim::kernel_reports()[0].kind == sim::report_kind::oops);
}

TEST_CASE("a task that oopses holding a spinlock keeps it held")
{
	test_machine tm;
	DEFINE_SPINLOCK(lock);
	sim::spawn(0, "insmod", [&] {
		spin_lock(&lock);
		oops_test_write_null(nullptr);
	});
	run_expecting(sim::run_status::idle);
	CHECK(spin_is_locked(&lock));
}

TEST_CASE("WARN prints its message before the WARNING line, then the modules, CPU line and trace")
{
	test_machine tm;
	bool went_on = false;
	int line = 0;
	sim::spawn(0, "insmod", [&] {
		line = oops_test_warn();
		went_on = true;
	});
	run_expecting(sim::run_status::idle);
	CHECK(went_on);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "------------[ cut here ]------------");
	CHECK(lines[i + 1] == "my message 5");
	CHECK(lines[i + 2].starts_with("WARNING: CPU: 0 PID: 1 at "));
	CHECK(lines[i + 2].find("tests/sched/oops.cpp:" + std::to_string(line) + " ") != std::string::npos);
	CHECK(lines[i + 3] == "Modules linked in:");
	CHECK(lines[i + 4] == cpu0_line_untainted);
	CHECK(lines[i + 5].starts_with("RIP: 0010:"));
	std::size_t trace = line_at(lines, "Call Trace:", i);
	CHECK(lines[line_at(lines, "---[ end trace ", trace)].ends_with(" ]---"));
	CHECK(test_taint(TAINT_WARN));
	CHECK_FALSE(test_taint(TAINT_DIE));
	REQUIRE(sim::kernel_reports().size() == 1);
	CHECK(sim::kernel_reports()[0].kind == sim::report_kind::warning);
}

TEST_CASE("WARN_ON has no message line")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { oops_test_warn_on(); });
	run_expecting(sim::run_status::idle);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "------------[ cut here ]------------");
	CHECK(lines[i + 1].starts_with("WARNING: CPU: 0 PID: 1 at "));
}

TEST_CASE("dump_stack prints the CPU line before the call trace")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { dump_stack(); });
	run_expecting(sim::run_status::idle);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "CPU: ");
	CHECK(lines[i] == cpu0_line_untainted);
	CHECK(lines[i + 1] == "Call Trace:");
	CHECK(lines[i + 2].starts_with(" dump_stack+0x"));
}

TEST_CASE("a sleeping task's call trace shows where it sleeps")
{
	test_machine tm;
	task_struct *sleeper = sim::spawn(0, "sleeper", [] { oops_test_sleeper(); });
	run_for(10'000'000);
	sim::log_clear();
	sim::show_task_stack(sleeper);
	std::string log = sim::dmesg();
	CHECK(log.find("Call Trace:\n") != std::string::npos);
	CHECK(log.find(" schedule_timeout+0x") != std::string::npos);
	CHECK(log.find(" msleep+0x") != std::string::npos);
	CHECK(log.find(" oops_test_sleeper+0x") != std::string::npos);
}

extern "C" [[gnu::noinline]] int oops_test_recurse(int depth)
{
	volatile char frame[512];
	frame[0] = static_cast<char>(depth);
	return depth < 0 ? 0 : oops_test_recurse(depth + 1) + frame[0];
}

TEST_CASE("a task that overflows its stack hits the guard page and dies with the kernel's report")
{
	test_machine tm;
	bool other_ran = false;
	sim::spawn(0, "insmod", [] { oops_test_recurse(0); });
	sim::spawn(1, "other", [&] { other_ran = true; });
	run_expecting(sim::run_status::idle);
	CHECK(other_ran);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "BUG: stack guard page was hit at ");
	CHECK(lines[i + 1] == "kernel stack overflow (page fault): 0000 [#1] SMP");
	CHECK(lines[i + 3].starts_with("RIP: 0010:oops_test_recurse+0x"));
	CHECK(sim::task_list()[0].exit_code == 11);
}

namespace {
struct child_result {
	int status;
	std::string console; // what it printed on stderr, the kernel's console
};

// Runs `fn` in a child process with every printk on its stderr: the machine does not survive
// a panic, and the child's exit status says how it ended.
child_result run_in_child(void (*fn)())
{
	int err[2];
	REQUIRE(pipe(err) == 0);
	pid_t child = fork();
	REQUIRE(child >= 0);
	if (child == 0) {
		dup2(err[1], 2);
		fn();
		_exit(0);
	}
	close(err[1]);
	child_result r{0, {}};
	char buf[4096];
	for (ssize_t n; (n = read(err[0], buf, sizeof(buf))) > 0;)
		r.console.append(buf, static_cast<std::size_t>(n));
	close(err[0]);
	waitpid(child, &r.status, 0);
	return r;
}
} // namespace

TEST_CASE("BUG() in an interrupt handler prints the report and panics the run with an exception")
{
	auto r = run_in_child([] {
		test_machine tm;
		sim::console_loglevel = 8;
		sim::raise_irq(0, 1000, [] { BUG(); });
		try {
			run_expecting(sim::run_status::idle);
		} catch (const std::exception &e) {
			std::fprintf(stderr, "run() threw: %s\n", e.what());
			_exit(3);
		}
	});
	CHECK((WIFEXITED(r.status) && WEXITSTATUS(r.status) == 3));
	CHECK(r.console.find("kernel BUG at ") != std::string::npos);
	CHECK(r.console.find("Kernel panic - not syncing: Fatal exception in interrupt\n") != std::string::npos);
	CHECK(r.console.find("run() threw: kernel BUG in interrupt context: Fatal exception in interrupt\n") !=
	      std::string::npos);
}

TEST_CASE("a fault in an interrupt handler prints the oops and the panic, then ends the process")
{
	auto r = run_in_child([] {
		test_machine tm;
		sim::console_loglevel = 4; // the oops makes the console verbose itself
		sim::raise_irq(0, 1000, [] { oops_test_write_null(nullptr); });
		run_expecting(sim::run_status::idle);
	});
	CHECK_FALSE((WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0)); // SIGSEGV, or a sanitizer's exit
	CHECK(r.console.find("BUG: kernel NULL pointer dereference, address: 0000000000000000\n") != std::string::npos);
	CHECK(r.console.find("CPU: 0 PID: 0 Comm: swapper/0 ") != std::string::npos);
	CHECK(r.console.find("Kernel panic - not syncing: Fatal exception in interrupt\n") != std::string::npos);
}

extern "C" [[gnu::noipa]] void oops_test_call(void (*fn)(void))
{
	fn();
	asm volatile("");
}

TEST_CASE("a call through a NULL function pointer is an instruction fetch oops traced from its caller")
{
	test_machine tm;
	sim::spawn(0, "insmod", [] { oops_test_call(nullptr); });
	run_expecting(sim::run_status::idle);
	auto lines = log_lines();
	std::size_t i = line_at(lines, "BUG: kernel NULL pointer dereference, address: 0000000000000000");
	CHECK(lines[i + 1] == "#PF: supervisor instruction fetch in kernel mode");
	CHECK(lines[i + 2] == "#PF: error_code(0x0010) - not-present page");
	CHECK(lines[i + 6] == "RIP: 0010:0x0");
	CHECK(lines[i + 7] == "Code: Bad RIP value.");
	CHECK(lines[line_at(lines, "Call Trace:", i) + 1].starts_with(" oops_test_call+0x"));
}
