// SPDX-License-Identifier: GPL-2.0-only
// A run from boot to teardown: the machine the program describes, its top level executed,
// what the scenario left captured, and the verdict.
#include "sim/scenario/interp.h"

#include "sim/check.h"
#include "sim/machine.h"
#include "sim/mempool/mempool.h"
#include "sim/mm/proc.h"
#include "sim/scenario/ctor.h"
#include "sim/sched/clock.h"
#include "sim/slab/slabinfo.h"
#include "sim/trace/kallsyms.h"
#include "sim/trace/trace.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

namespace sim::scenario {

namespace {

// Allocations made for a script line record that line as their caller (SLAB_STORE_USER,
// call_site= in traces): the line each task last executed, by pid.
interp *active = nullptr;

bool script_site(const char **file, unsigned *line)
{
	auto pid = static_cast<std::size_t>(get_current()->pid);
	if (!active || pid >= active->line_by_pid_.size() || !active->line_by_pid_[pid])
		return false;
	*file = active->file_name_.c_str();
	*line = active->line_by_pid_[pid];
	return true;
}

struct script_site_scope {
	explicit script_site_scope(interp *in)
	{
		active = in;
		in->file_name_ = std::filesystem::path(in->p_.file).filename().string();
		set_script_site_hook(&script_site);
	}
	~script_site_scope()
	{
		set_script_site_hook(nullptr);
		active = nullptr;
	}
};

} // namespace

interp::interp(const program &p, const run_options &o)
	: p_(p), o_(o), slots_(p.object_slots), modules_(p.modules.size())
{
}

outcome interp::go()
{
	machine_config cfg = p_.config;
	if (o_.seed)
		cfg.seed = *o_.seed;
	if (o_.time_limit_ns)
		cfg.time_limit_ns = *o_.time_limit_ns;
	if (o_.caps.until_ns)
		cfg.time_limit_ns = std::min(cfg.time_limit_ns, o_.caps.until_ns);
	if (o_.caps.memory_bytes)
		cfg.memory_bytes = std::min(cfg.memory_bytes, o_.caps.memory_bytes);
	if (o_.caps.ops)
		next_poll_ = std::min(next_poll_, o_.caps.ops);
	outcome out;
	out.file = p_.file;
	out_ = &out;
	{
		sim::machine m(cfg);
		sim::invariant_checking checking(o_.check);
		script_site_scope sites(this);
		if (o_.trace)
			trace_start();
		narrator_.emplace(p_, o_.narrate ? o_.out : nullptr);
		std::vector<std::int64_t> frame(p_.actors[0].counters);
		exec(p_.actors[0].entry, frame.data());
		capture(out);
		narrator_.reset();
		release_all();
		if (o_.trace) {
			trace_stop();
			out.trace = trace_text();
		}
	}
	ctor_reset();
	if (error_)
		throw *error_;
	out.unexpected_reports = claims_.unexpected();
	return out;
}

void interp::note_line(const op &o)
{
	auto pid = static_cast<std::size_t>(get_current()->pid);
	if (pid >= line_by_pid_.size())
		line_by_pid_.resize(pid + 1);
	line_by_pid_[pid] = o.loc.line;
}

void interp::capture(outcome &out)
{
	out.ops = ops_;
	out.end_ns = now_ns;
	out.slabinfo = sim::slabinfo();
	out.buddyinfo = proc_buddyinfo();
	out.meminfo = proc_meminfo();
	out.zoneinfo = proc_zoneinfo();
	out.mempools = mempoolinfo();
	out.observed = observe_machine();
}

// Gives the hogs' pages back; the machine's teardown reclaims everything else.
void interp::release_all()
{
	for (auto &[name, h] : hogs_)
		release(h);
}

bool outcome::passed() const { return failures() == 0 && unexpected_reports.empty() && !capped; }

std::size_t outcome::failures() const
{
	return std::count_if(expectations.begin(), expectations.end(), [](auto &e) { return !e.passed; });
}

outcome run(const program &p, const run_options &opts) { return interp(p, opts).go(); }

std::string failure_line(const std::string &file, const expectation &e)
{
	return fmt::format("{}:{}:{}: expectation failed: {}: expected {}, actual {}", file, e.loc.line, e.loc.col,
			   e.text, e.expected, e.actual);
}

std::string failure_line(const std::string &file, const kernel_report &r)
{
	return fmt::format("{}: unexpected kernel report: {}", file, r.headline);
}

std::vector<std::string> outcome::failure_lines() const
{
	std::vector<std::string> lines;
	for (const expectation &e : expectations)
		if (!e.passed)
			lines.push_back(failure_line(file, e));
	for (const kernel_report &r : unexpected_reports)
		lines.push_back(failure_line(file, r));
	if (capped)
		lines.push_back(capped_message);
	return lines;
}

} // namespace sim::scenario
