// SPDX-License-Identifier: GPL-2.0-only
// The kernel log (the printk ring buffer) as the simulator keeps it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sim {

struct log_record {
	int level;            // 0 (KERN_EMERG) .. 7 (KERN_DEBUG)
	std::uint64_t ts_ns;  // virtual time of the message
	std::string text;     // without the level prefix; continuation lines appended
	std::uint64_t seq;    // its number since boot; dmesg -c does not reset it
};

// Messages at a level below this (more urgent) are echoed to stderr, like console_loglevel.
// 0 silences the console; the log buffer keeps everything regardless.
extern int console_loglevel;

/*
 * The log of the booted machine: printk_boot() value-initialises it; after teardown it stays
 * readable until the next boot.
 *   records   the messages since boot or the last `dmesg -c`, oldest first; the last one
 *             takes KERN_CONT pieces while its text does not end in a newline.
 *   next_seq  the seq the next record gets (records since boot, `dmesg -c` or not).
 */
struct printk_state {
	std::vector<log_record> records;
	std::uint64_t next_seq = 0;
};
extern printk_state printk_globals;

// Boot (the first subsystem sim/machine.cpp boots, as setup_log_buf() is early in
// start_kernel()) starts an empty log; teardown ends a record left open for KERN_CONT, so
// what is printed after the machine is gone starts a record of its own.
void printk_boot();
void printk_teardown();

// The log as `dmesg` prints it: "[    6.048823] text" per line. `clear` empties it (dmesg -c).
std::string dmesg(bool clear = false);
const std::vector<log_record> &log_records();
void log_clear();
std::uint64_t log_next_seq(); // the seq the next record will get

} // namespace sim
