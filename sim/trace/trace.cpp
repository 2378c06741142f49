// SPDX-License-Identifier: GPL-2.0-only
// The trace ring buffer and the ftrace text sink (kernel/trace/trace.c, trace_output.c).
#include "sim/trace/trace.h"
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

fast_path_switches fast_path;
std::uint64_t trace_hash_key = 0;

namespace {

struct slot {
	std::uint64_t ts_ns;
	const trace_event_type *type;
	pid_t pid;
	std::uint16_t cpu;
	std::uint8_t preempt_count; // low byte of preempt_count(), as ftrace keeps it
	std::uint8_t flags;         // flag_* below
	char comm[TASK_COMM_LEN];
	alignas(8) unsigned char fields[trace_max_fields];
};

enum : std::uint8_t { flag_irqs_off = 1, flag_hardirq = 2, flag_softirq = 4 };

std::vector<slot> ring;
std::uint64_t written = 0; // entries ever recorded since the last clear

std::vector<trace_event_type *> &registry()
{
	static std::vector<trace_event_type *> events;
	return events;
}

struct region {
	std::size_t size;
	std::uint64_t kernel_base;
};
std::map<std::uintptr_t, region> regions; // keyed by host base: iteration order is not output
std::unordered_map<std::uintptr_t, std::uint64_t> unknown_ids; // never iterated

} // namespace

// A host pointer as the kernel address it stands for: inside a registered region, its
// fixed address; otherwise a number in first-printed order (deterministic for a given run).
namespace {
std::optional<std::uint64_t> region_address(std::uintptr_t v)
{
	auto it = regions.upper_bound(v);
	if (it == regions.begin())
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
	auto [pos, fresh] = unknown_ids.try_emplace(v, 0);
	if (fresh)
		pos->second = 0xffffffffc0000000ULL + 64 * unknown_ids.size();
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
	if (!enabled || ring.empty())
		return;
	slot &s = ring[written % ring.size()];
	written++;
	const sim_cpu_ctx *cpu = __sim_this_cpu;
	const task_struct *tsk = __sim_current;
	s.ts_ns = now_ns;
	s.type = this;
	s.pid = tsk->pid;
	s.cpu = static_cast<std::uint16_t>(cpu->cpu);
	s.preempt_count = static_cast<std::uint8_t>(cpu->preempt_count & PREEMPT_MASK);
	s.flags = (cpu->flags & X86_EFLAGS_IF ? 0 : flag_irqs_off) | ((cpu->preempt_count & HARDIRQ_MASK) ? flag_hardirq : 0) |
		  ((cpu->preempt_count & SOFTIRQ_MASK) ? flag_softirq : 0);
	std::memcpy(s.comm, tsk->comm, sizeof(s.comm));
	std::memcpy(s.fields, fields, size);
}

void trace_start(std::size_t entries)
{
	ring.assign(std::max<std::size_t>(entries, 1), slot{});
	written = 0;
	unknown_ids.clear();
	tracing_on = true;
}

void trace_stop() { tracing_on = false; }

void trace_clear()
{
	written = 0;
	unknown_ids.clear();
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

std::uint64_t trace_entries_written() { return written; }

std::size_t trace_entries_in_buffer() { return std::min<std::uint64_t>(written, ring.size()); }

void trace_for_each(const std::function<void(const trace_entry_view &)> &sink)
{
	std::uint64_t first = written - trace_entries_in_buffer();
	for (std::uint64_t i = first; i < written; i++) {
		const slot &s = ring[i % ring.size()];
		trace_entry_view v{s.ts_ns, s.cpu, s.pid, s.comm,
				   (s.flags & flag_irqs_off) ? 'd' : '.',
				   (s.flags & flag_hardirq) && (s.flags & flag_softirq) ? 'H'
				   : (s.flags & flag_hardirq)			      ? 'h'
				   : (s.flags & flag_softirq)			      ? 's'
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
			       trace_entries_in_buffer(), written, nr_cpu_ids);
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
	return p ? static_cast<std::uint32_t>(splitmix64_mix(kernel_address(p) ^ trace_hash_key)) : 0;
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
	regions[reinterpret_cast<std::uintptr_t>(host_base)] = {size, kernel_base};
}

void trace_unregister_region(const void *host_base) { regions.erase(reinterpret_cast<std::uintptr_t>(host_base)); }

} // namespace sim
