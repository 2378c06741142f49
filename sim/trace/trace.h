// SPDX-License-Identifier: GPL-2.0-only
// Tracepoints: typed events recorded into one ring buffer, printed by sinks (ftrace text now).
//
// A layer defines its events in its own folder, as the kernel's include/trace/events/*.h do:
//
//     struct kmalloc_fields { unsigned long call_site; const void *ptr; size_t req, alloc; gfp_t gfp; };
//     void print_kmalloc(std::string &out, const kmalloc_fields &f);     // TP_printk
//     inline sim::trace_event<kmalloc_fields> trace_kmalloc{"kmem", "kmalloc", print_kmalloc};
//     ...
//     trace_kmalloc({_RET_IP_, ptr, size, cachep->size, flags});
//
// Calling the event costs one predictable branch while tracing is off (sim::tracing_on is
// false): the fields are copied into the buffer only when it is on. Records carry the
// virtual time, CPU, pid, comm and the latency flags of the context that emitted them, so
// the same run always gives the same bytes. Pointers print through trace_ptr(), which makes
// %p deterministic (see docs/tracing.md).
#pragma once

#include "linux/types.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <type_traits>

namespace sim {

// What a fast path tests before doing anything special, side by side so that one compare
// covers them all (the kernel patches such tests out with static keys): key 0 is tracing_on,
// key 1 a switch that a layer above claims for its own slow path (grep fast_path_keys).
inline constexpr std::size_t fast_path_nr_keys = 2;
extern bool fast_path_keys[fast_path_nr_keys];

// Every key is off: the fast paths may run.
inline bool fast_path_clear()
{
	std::uint16_t word;

	static_assert(sizeof(fast_path_keys) == sizeof(word));
	std::memcpy(&word, fast_path_keys, sizeof(word));
	return word == 0;
}

// The kernel's tracing_on: when false, events cost one branch and record nothing.
inline constexpr bool &tracing_on = fast_path_keys[0];

// Room for an event's own fields in one ring-buffer slot.
inline constexpr std::size_t trace_max_fields = 96;

class trace_event_type {
public:
	trace_event_type(const char *system, const char *name);
	trace_event_type(const trace_event_type &) = delete;
	trace_event_type &operator=(const trace_event_type &) = delete;
	virtual ~trace_event_type();

	const char *system() const { return system_; }
	const char *name() const { return name_; }
	// The TP_printk part: the fields after "name: ".
	virtual void print(std::string &out, const void *fields) const = 0;

	bool enabled = true; // the event's own enable switch (events/<system>/<name>/enable)

protected:
	void record(const void *fields, std::size_t size);

private:
	const char *system_;
	const char *name_;
};

template <class Fields>
class trace_event final : public trace_event_type {
	static_assert(sizeof(Fields) <= trace_max_fields, "trace event fields do not fit a ring-buffer slot");
	static_assert(std::is_trivially_copyable_v<Fields>, "trace event fields are copied as bytes");

public:
	using printer = void (*)(std::string &out, const Fields &fields);
	trace_event(const char *system, const char *name, printer p) : trace_event_type(system, name), print_(p) {}

	void operator()(const Fields &fields)
	{
		if (__builtin_expect(tracing_on, 0))
			record(&fields, sizeof(Fields));
	}
	void print(std::string &out, const void *fields) const override
	{
		print_(out, *static_cast<const Fields *>(fields));
	}

private:
	printer print_;
};

// One record as sinks see it.
struct trace_entry_view {
	std::uint64_t ts_ns;
	unsigned cpu;
	pid_t pid;
	const char *comm;
	char irqs_off;      // 'd' or '.'
	char irq_context;   // 'h', 's', 'H' or '.'
	int preempt_depth;  // 0..15
	const trace_event_type *type;
	const void *fields;
};

// At boot (sim/machine.cpp, before the layers that register address regions): no buffer,
// tracing off, %p's hash key derived from the machine's seed. Teardown stops tracing; the
// buffer stays readable until the next boot.
void trace_boot(std::uint64_t seed);
void trace_teardown();
// Starts tracing into a fresh buffer of `entries` slots (oldest overwritten when full).
void trace_start(std::size_t entries = 1u << 16);
void trace_stop();    // tracing_on = false; the buffer stays readable
void trace_clear();   // empties the buffer, keeps the on/off state
// Enables or disables every event of a system ("sched") or one event ("sched:sched_switch").
// Returns how many events matched.
int trace_set_event(const std::string &spec, bool on);

void trace_for_each(const std::function<void(const trace_entry_view &)> &sink);
std::uint64_t trace_entries_written();
std::size_t trace_entries_in_buffer();

// The ftrace text format of the `trace` file: header then one line per entry.
std::string trace_text(bool header = true);
void trace_format_line(std::string &out, const trace_entry_view &e);

// Field printers for TP_printk conversions.
void trace_ptr(std::string &out, const void *p);  // %p: hashed, 16 hex digits
std::uint32_t ptr_to_id(const void *p);            // %p's hash (0 for NULL), as printk's %p uses it
void trace_sym(std::string &out, const void *fn); // %ps: symbol name
void trace_symoff(std::string &out, unsigned long ip); // %pS: symbol+0xoff/0xsize

// A host pointer as the kernel address it stands for (%px): inside a registered region its
// fixed address, otherwise a number in first-asked order; the same in every run.
std::uint64_t kernel_address(const void *p);
// The same inside a registered region; any other value unchanged (%px, register dumps).
std::uint64_t kernel_view(std::uint64_t v);

// Gives a host address range a fixed kernel-like address for %p, so traces do not depend on
// where the host put it (the MM layer registers its physical memory as the direct map).
void trace_register_region(const void *host_base, std::size_t size, std::uint64_t kernel_base);
void trace_unregister_region(const void *host_base);

} // namespace sim
