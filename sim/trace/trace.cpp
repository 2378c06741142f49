// SPDX-License-Identifier: GPL-2.0-only
// The trace ring buffer and the ftrace text sink (kernel/trace/trace.c, trace_output.c).
#include "sim/trace/trace.h"
#include "sim/trace/trace_state.h"
#include "sim/trace/kallsyms.h"
#include "sim/random.h"

#include "linux/sched.h"
#include "sim/sched/clock.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace sim {

bool fast_path_keys[fast_path_nr_keys];
trace_state trace_globals;

namespace {

std::vector<trace_event_type *> &registry()
{
	static std::vector<trace_event_type *> events;
	return events;
}

} // namespace

// A host pointer as the kernel address it stands for: inside a registered region, its
// fixed address; otherwise a number in first-printed order (deterministic for a given run).
namespace {
std::optional<std::uint64_t> region_address(std::uintptr_t v)
{
	auto it = trace_globals.regions.upper_bound(v);
	if (it == trace_globals.regions.begin())
		return std::nullopt;
	--it;
	if (v - it->first >= it->second.size)
		return std::nullopt;
	return it->second.kernel_base + (v - it->first);
}
} // namespace

std::uint64_t kernel_view(std::uint64_t v) { return region_address(v).value_or(v); }

std::uint64_t kernel_address(const void *p)
{
	auto v = reinterpret_cast<std::uintptr_t>(p);
	if (!v)
		return 0;
	if (auto k = region_address(v))
		return *k;
	auto [pos, fresh] = trace_globals.unknown_ids.try_emplace(v, 0);
	if (fresh)
		pos->second = 0xffffffffc0000000ULL + 64 * trace_globals.unknown_ids.size();
	return pos->second;
}


trace_event_type::trace_event_type(const char *system, const char *name) : system_(system), name_(name)
{
	registry().push_back(this);
}

trace_event_type::~trace_event_type()
{
	auto &r = registry();
	r.erase(std::remove(r.begin(), r.end(), this), r.end());
}

void trace_event_type::record(const void *fields, std::size_t size)
{
	if (!enabled || trace_globals.ring.empty())
		return;
	trace_slot &s = trace_globals.ring[trace_globals.written % trace_globals.ring.size()];
	trace_globals.written++;
	const sim_cpu_ctx *cpu = __sim_this_cpu;
	const task_struct *tsk = __sim_current;
	s.ts_ns = now_ns;
	s.type = this;
	s.pid = tsk->pid;
	s.cpu = static_cast<std::uint16_t>(cpu->cpu);
	s.preempt_count = static_cast<std::uint8_t>(cpu->preempt_count & PREEMPT_MASK);
	s.flags = (cpu->flags & X86_EFLAGS_IF ? 0 : trace_flag_irqs_off) | ((cpu->preempt_count & HARDIRQ_MASK) ? trace_flag_hardirq : 0) |
		  ((cpu->preempt_count & SOFTIRQ_MASK) ? trace_flag_softirq : 0);
	std::memcpy(s.comm, tsk->comm, sizeof(s.comm));
	std::memcpy(s.fields, fields, size);
}

void trace_boot(std::uint64_t seed)
{
	trace_globals = {};
	trace_globals.hash_key = seed * 0x9e3779b97f4a7c15ULL;
	tracing_on = false;
}

void trace_teardown() { tracing_on = false; }

void trace_start(std::size_t entries)
{
	trace_globals.ring.assign(std::max<std::size_t>(entries, 1), trace_slot{});
	trace_globals.written = 0;
	trace_globals.unknown_ids.clear();
	tracing_on = true;
}

void trace_stop() { tracing_on = false; }

void trace_clear()
{
	trace_globals.written = 0;
	trace_globals.unknown_ids.clear();
}

int trace_set_event(const std::string &spec, bool on)
{
	int n = 0;
	for (trace_event_type *e : registry()) {
		if (spec == e->system() || spec == fmt::format("{}:{}", e->system(), e->name()) || spec == "all") {
			e->enabled = on;
			n++;
		}
	}
	return n;
}

std::uint64_t trace_entries_written() { return trace_globals.written; }

std::size_t trace_entries_in_buffer() { return std::min<std::uint64_t>(trace_globals.written, trace_globals.ring.size()); }

void trace_for_each(const std::function<void(const trace_entry_view &)> &sink)
{
	std::uint64_t first = trace_globals.written - trace_entries_in_buffer();
	for (std::uint64_t i = first; i < trace_globals.written; i++) {
		const trace_slot &s = trace_globals.ring[i % trace_globals.ring.size()];
		trace_entry_view v{s.ts_ns, s.cpu, s.pid, s.comm,
				   (s.flags & trace_flag_irqs_off) ? 'd' : '.',
				   (s.flags & trace_flag_hardirq) && (s.flags & trace_flag_softirq) ? 'H'
				   : (s.flags & trace_flag_hardirq)			      ? 'h'
				   : (s.flags & trace_flag_softirq)			      ? 's'
											      : '.',
				   s.preempt_count, s.type, s.fields};
		sink(v);
	}
}

// trace_print_context() with the irq-info option, v5.4 widths: "%16s-%-5d [%03d] dnhp %5lu.%06lu: "
void trace_format_line(std::string &out, const trace_entry_view &e)
{
	const char *comm = e.pid == 0 ? "<idle>" : e.comm;
	char depth = e.preempt_depth ? "0123456789abcdef"[e.preempt_depth & 0xf] : '.';
	fmt::format_to(std::back_inserter(out), "{:>16}-{:<5} [{:03}] {}.{}{} {:5}.{:06}: {}: ", comm, e.pid, e.cpu,
		       e.irqs_off, e.irq_context, depth, e.ts_ns / 1000000000, e.ts_ns % 1000000000 / 1000,
		       e.type->name());
	e.type->print(out, e.fields);
	out += '\n';
}

std::string trace_text(bool header)
{
	std::string out;
	if (header) {
		fmt::format_to(std::back_inserter(out),
			       "# tracer: nop\n"
			       "#\n"
			       "# entries-in-buffer/entries-written: {}/{}   #P:{}\n"
			       "#\n"
			       "#                              _-----=> irqs-off\n"
			       "#                             / _----=> need-resched\n"
			       "#                            | / _---=> hardirq/softirq\n"
			       "#                            || / _--=> preempt-depth\n"
			       "#                            ||| /     delay\n"
			       "#           TASK-PID   CPU#  ||||    TIMESTAMP  FUNCTION\n"
			       "#              | |       |   ||||       |         |\n",
			       trace_entries_in_buffer(), trace_globals.written, nr_cpu_ids);
	}
	trace_for_each([&](const trace_entry_view &e) { trace_format_line(out, e); });
	return out;
}

void trace_ptr(std::string &out, const void *p)
{
	// ptr_to_id(): a keyed hash, of which 64-bit kernels print the low 32 bits, zero padded.
	fmt::format_to(std::back_inserter(out), "{:016x}", ptr_to_id(p));
}

std::uint32_t ptr_to_id(const void *p)
{
	return p ? static_cast<std::uint32_t>(splitmix64_mix(kernel_address(p) ^ trace_globals.hash_key)) : 0;
}

// %ps and %pS: kallsyms names the simulator's functions, a module's (static ones too) and
// the scenario lines allocations are made for; anything else prints as a pointer.
namespace {
void append_symbol(std::string &out, const void *addr, std::string name)
{
	if (name.empty())
		trace_ptr(out, addr);
	else
		out += name;
}
} // namespace

void trace_sym(std::string &out, const void *fn) { append_symbol(out, fn, sprint_symbol_no_offset(fn)); }

void trace_symoff(std::string &out, unsigned long ip)
{
	const void *addr = reinterpret_cast<const void *>(ip);
	append_symbol(out, addr, sprint_symbol(addr));
}

void trace_register_region(const void *host_base, std::size_t size, std::uint64_t kernel_base)
{
	trace_globals.regions[reinterpret_cast<std::uintptr_t>(host_base)] = {size, kernel_base};
}

void trace_unregister_region(const void *host_base) { trace_globals.regions.erase(reinterpret_cast<std::uintptr_t>(host_base)); }

} // namespace sim
