// SPDX-License-Identifier: GPL-2.0-only
// The trace layer's state for the booted machine: the ring buffer and %p's keys. Only
// trace.cpp writes it; gdb's `ftrace` reads it (tools/gdb/slabsim/trace.py).
#pragma once

#include "linux/sched.h"
#include "sim/trace/trace.h"

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace sim {

// One ring-buffer entry: the context columns of ftrace's text, then the event's own fields.
struct trace_slot {
	std::uint64_t ts_ns;
	const trace_event_type *type;
	pid_t pid;
	std::uint16_t cpu;
	std::uint8_t preempt_count; // low byte of preempt_count(), as ftrace keeps it
	std::uint8_t flags;         // trace_flag_*
	char comm[TASK_COMM_LEN];
	alignas(8) unsigned char fields[trace_max_fields];
};
enum trace_flag : std::uint8_t { trace_flag_irqs_off = 1, trace_flag_hardirq = 2, trace_flag_softirq = 4 };

struct trace_region {
	std::size_t size;
	std::uint64_t kernel_base;
};

/*
 * trace_boot() value-initialises it; trace_teardown() stops recording, and the buffer stays
 * readable until the next boot.
 *   ring         the slots; empty until trace_start().
 *   written      entries recorded since the last trace_start() or trace_clear(): entry i is
 *                in ring[i % ring.size()], so the buffer holds the last min(written, size).
 *   hash_key     %p's hash key, derived from the machine's seed.
 *   regions      host address ranges with a fixed kernel address (the direct map, task
 *                stacks), keyed by host base; looked up, never iterated for output.
 *   unknown_ids  the kernel address %px gave each other host pointer, in first-asked order;
 *                emptied with the buffer. Never iterated.
 */
struct trace_state {
	std::vector<trace_slot> ring;
	std::uint64_t written = 0;
	std::uint64_t hash_key = 0;
	std::map<std::uintptr_t, trace_region> regions;
	std::unordered_map<std::uintptr_t, std::uint64_t> unknown_ids;
};
extern trace_state trace_globals;

} // namespace sim
