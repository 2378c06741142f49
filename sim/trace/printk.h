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

// The log as `dmesg` prints it: "[    6.048823] text" per line. `clear` empties it (dmesg -c).
std::string dmesg(bool clear = false);
const std::vector<log_record> &log_records();
void log_clear();
std::uint64_t log_next_seq(); // the seq the next record will get

} // namespace sim
