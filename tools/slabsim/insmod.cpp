// SPDX-License-Identifier: GPL-2.0-only
// slabsim insmod DIR|FILE.c…|DIR/NAME.ko [PARAM=VALUE…]: build a kernel-style module (from
// its Kbuild/Makefile as kbuild would, or from its sources), load it with its parameters on a
// fresh machine, run the machine until the module's tasks are done, unload it, and print the
// kernel log.
#include "commands.h"

#include "kernel_compat/insmod.h"
#include "kernel_compat/sysfs.h"
#include "linux/sched/clock.h"
#include "sim/machine.h"
#include "sim/mempool/mempool.h"
#include "sim/mm/fail_page_alloc.h"
#include "sim/slab/failslab.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>
#include <stdexcept>

namespace cli {

namespace {

// The debugging a scenario's `machine` line and fault statements turn on, as switches.
struct debug_options {
	bool slab_debug = false;
	bool mempool_debug = false;
	std::uint64_t seed = 1;
	unsigned hz = 250;
	unsigned preempt = 0;
	long min_free_kbytes = -1;
	std::string fail_page_alloc, failslab, fail_mempool_alloc; // knob lists, empty: off
};

struct insmod_options {
	std::vector<std::string> args; // the module, then its parameters
	std::vector<std::string> cat;  // /sys files to read while the module is loaded
	machine_options machine;
	debug_options debug;
	bool keep = false;
	double run_for = 600;
};

// `cat FILE` for each --cat file; false if one could not be read.
bool cat_files(const std::vector<std::string> &paths)
{
	bool ok = true;
	for (const auto &path : paths) {
		std::string text;
		if (int err = sim::sysfs_read(path, text)) {
			fmt::print(stderr, "{}\n", sim::cat_error(path, err));
			ok = false;
		} else {
			fmt::print("{}", text);
		}
	}
	return ok;
}

sim::machine_config machine_config(const insmod_options &o)
{
	sim::machine_config cfg = o.machine.config();
	// --run-for ends each of the two runs normally; the machine's limit, unless given,
	// leaves room for both.
	if (!o.machine.time_limit_ns)
		cfg.time_limit_ns = std::max(cfg.time_limit_ns, 2 * static_cast<std::uint64_t>(o.run_for * 1e9) + 1000000000);
	cfg.slab_debug = o.debug.slab_debug;
	cfg.seed = o.debug.seed;
	cfg.hz = o.debug.hz;
	cfg.preempt_percent = o.debug.preempt;
	cfg.min_free_kbytes = o.debug.min_free_kbytes;
	return cfg;
}

// "on", or debugfs knobs "probability=10,times=3", over the defaults of a scenario's
// `fail_page_alloc on`: every request is a candidate, every time, with no limit.
using knob_setter = bool (*)(const std::string &, long);
void set_fault_knobs(const char *option, const std::string &spec, knob_setter set)
{
	set("probability", 100);
	set("times", -1);
	set("ignore-gfp-wait", 0);
	set("min-order", 0); // fail_page_alloc only: the others refuse it
	if (spec == "on")
		return;
	std::istringstream in(spec);
	for (std::string item; std::getline(in, item, ',');) {
		auto eq = item.find('=');
		long value = 0;
		bool number = eq != std::string::npos && eq + 1 < item.size() &&
			      std::all_of(item.begin() + eq + 1 + (item[eq + 1] == '-'), item.end(), ::isdigit);
		if (number)
			value = std::stol(item.substr(eq + 1));
		if (!number || !set(item.substr(0, eq), value))
			throw CLI::ValidationError(option, fmt::format("'{}' is not KNOB=NUMBER for a knob it has", item));
	}
}

void apply_debug(const debug_options &d)
{
	if (d.mempool_debug)
		sim::mempool_mode.debug = true;
	if (!d.fail_page_alloc.empty())
		set_fault_knobs("--fail-page-alloc", d.fail_page_alloc, sim::fail_page_alloc_set);
	if (!d.failslab.empty())
		set_fault_knobs("--failslab", d.failslab, sim::failslab_set);
	if (!d.fail_mempool_alloc.empty())
		set_fault_knobs("--fail-mempool-alloc", d.fail_mempool_alloc, [](const std::string &k, long v) {
			return sim::fault_attr_set(sim::fail_mempool_alloc, k, v);
		});
}

void add_debug_options(CLI::App *cmd, debug_options &d)
{
	cmd->add_flag("--slab-debug", d.slab_debug,
		      "boot with slab debugging: red zones, poisoning and owner tracking on every cache, "
		      "mempool debugging too (a scenario's `machine slab_debug on`)");
	cmd->add_flag("--mempool-debug", d.mempool_debug,
		      "poison pools' reserves and check each element comes back to its own pool");
	cmd->add_option("--seed", d.seed, "the machine's seed (fault injection, preemption)")->capture_default_str();
	cmd->add_option("--hz", d.hz, "CONFIG_HZ")->capture_default_str();
	cmd->add_option("--preempt", d.preempt, "percent chance of a switch at each preemption point (0..100)")
		->capture_default_str();
	cmd->add_option("--min-free-kbytes", d.min_free_kbytes, "vm.min_free_kbytes (default: derived at boot)");
	const char *knobs = "fault injection: 'on', or debugfs knobs such as probability=10,times=3";
	cmd->add_option("--fail-page-alloc", d.fail_page_alloc, fmt::format("page allocator {}", knobs));
	cmd->add_option("--failslab", d.failslab, fmt::format("slab {}", knobs));
	cmd->add_option("--fail-mempool-alloc", d.fail_mempool_alloc,
			fmt::format("mempool_alloc's pool->alloc {}", knobs));
}

// Whether the tool's call succeeded; prints what went wrong if not. How the runs ended is
// judged once for both (run_end_status): reaching --run-for is how a run with a module that
// keeps working ends, not a failure.
bool call_succeeded(const char *tool, const std::string &error, const sim::tool_outcome &o)
{
	if (o.killed)
		fmt::print(stderr, "{}\n", sim::tool_killed(tool, o));
	else if (!o.err)
		fmt::print(stderr, "{}: the call has not returned when the run ended ({})\n", tool, o.run.message);
	else if (*o.err)
		fmt::print(stderr, "{}\n", error);
	return o.err && *o.err == 0;
}

// insmod, then rmmod unless --keep, each followed by a run; then power-off. True if both
// calls succeeded.
bool load_run_unload(const sim::module_build &built, const insmod_options &o, sim::machine &m)
{
	auto limits = [&] { return sim::run_limits{local_clock() + static_cast<std::uint64_t>(o.run_for * 1e9)}; };
	auto params = std::vector<std::string>(o.args.begin() + sim::insmod_module_words(o.args), o.args.end());
	sim::tool_outcome in = sim::run_insmod(built, limits(), sim::insmod_command_line(params));
	bool ok = call_succeeded("insmod", in.err ? sim::insmod_error(built, *in.err) : "", in);
	bool loaded = !in.err || *in.err == 0;
	ok = cat_files(o.cat) && ok;
	if (loaded && !o.keep) {
		sim::tool_outcome out = sim::run_rmmod(built.name, limits());
		ok = call_succeeded("rmmod", out.err ? sim::rmmod_error(built.name, *out.err) : "", out) && ok;
	}
	m.power_off();
	return ok;
}

int insmod_command(const insmod_options &o)
{
	sim::module_build built;
	try {
		built = sim::build_insmod_module({o.args.begin(), o.args.begin() + sim::insmod_module_words(o.args)});
	} catch (const std::runtime_error &e) { // a makefile kbuild cannot read: FILE:LINE: error: ...
		fmt::print(stderr, "{}\n", e.what());
		return usage_error;
	} catch (const std::invalid_argument &e) { // words that name no module
		fmt::print(stderr, "slabsim insmod: {}\n", e.what());
		return usage_error;
	}
	if (!built.ok) {
		fmt::print(stderr, "slabsim: building module {} failed\n", built.name);
		return expectation_failed;
	}
	sim::machine m(machine_config(o));
	apply_debug(o.debug);
	bool ok = false;
	try {
		ok = load_run_unload(built, o, m);
	} catch (const std::exception &e) {
		// The simulator gave up (a BUG outside any task, ...): the log still says what led to it.
		fmt::print("{}", sim::dmesg(true));
		fmt::print(stderr, "slabsim: {}\n", e.what());
		return expectation_failed;
	}
	fmt::print("{}", sim::dmesg(true));
	int s = ok && sim::kernel_reports().empty() ? success : expectation_failed;
	return std::max<int>(s, run_end_status("slabsim insmod"));
}

} // namespace

void add_insmod(CLI::App &app)
{
	static insmod_options opts;
	auto *cmd = app.add_subcommand("insmod", "build a kernel module (from its Kbuild/Makefile, or .c files; or load a "
						 "built .so), load it with its parameters, unload it, print dmesg");
	cmd->add_option("module", opts.args,
			"DIR (its Kbuild or Makefile), DIR/NAME.ko, the module's C sources (the first names the module) "
			"or one built .ko.so; then the module's parameters, NAME=VALUE…")
		->required();
	cmd->add_flag("--keep", opts.keep, "leave the module loaded (module_exit never runs)");
	cmd->add_option("--cat", opts.cat, "print this /sys/module file once insmod has returned (repeatable)");
	add_machine_options(cmd, opts.machine);
	add_debug_options(cmd, opts.debug);
	cmd->add_option("--run-for", opts.run_for, "virtual seconds the machine may run after each of insmod and rmmod")
		->capture_default_str();
	cmd->callback([] { status = insmod_command(opts); });
}

} // namespace cli
