// SPDX-License-Identifier: GPL-2.0-only
// The kernel's taint flags (kernel/panic.c): set by reports and module loads, printed in the
// CPU line of every report. They belong to the booted machine (sim::taint_reset at boot).
#include "linux/kernel.h"
#include "sim/trace/taint.h"

#include <cstring>

namespace {
unsigned long tainted_mask = 0;

// taint_flags[]: the letter when set, the "false" character when clear.
struct taint_flag_chars {
	char c_true, c_false;
};
constexpr taint_flag_chars taint_flags[TAINT_FLAGS_COUNT] = {
	{'P', 'G'}, {'F', ' '}, {'S', ' '}, {'R', ' '}, {'M', ' '}, {'B', ' '},
	{'U', ' '}, {'D', ' '}, {'A', ' '}, {'W', ' '}, {'C', ' '}, {'I', ' '},
	{'O', ' '}, {'E', ' '}, {'L', ' '}, {'K', ' '}, {'X', ' '}, {'T', ' '},
};
} // namespace

namespace sim {
void taint_reset() { tainted_mask = 0; }

std::string module_taint_letters(unsigned long flags)
{
	std::string out;
	for (unsigned i = 0; i < TAINT_FLAGS_COUNT; i++)
		if (flags & (1UL << i))
			out += taint_flags[i].c_true;
	return out;
}
} // namespace sim

extern "C" {

void add_taint(unsigned flag, enum lockdep_ok)
{
	if (flag < TAINT_FLAGS_COUNT)
		tainted_mask |= 1UL << flag;
}

int test_taint(unsigned flag) { return flag < TAINT_FLAGS_COUNT && (tainted_mask & (1UL << flag)); }

unsigned long get_taint(void) { return tainted_mask; }

const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	if (!tainted_mask)
		return "Not tainted";
	char *s = buf + std::strlen(std::strcpy(buf, "Tainted: "));
	for (unsigned i = 0; i < TAINT_FLAGS_COUNT; i++)
		*s++ = (tainted_mask & (1UL << i)) ? taint_flags[i].c_true : taint_flags[i].c_false;
	*s = '\0';
	return buf;
}

} // extern "C"
