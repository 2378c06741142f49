// SPDX-License-Identifier: GPL-2.0-only
#include "sim/trace/printk.h"
#include "sim/trace/vsprintf.h"

#include "linux/printk.h"
#include "linux/sched/clock.h"

#include <cstdarg>
#include <cstdio>
#include <fmt/format.h>

namespace sim {

int console_loglevel = 4; // like the kernel's default quiet console: KERN_ERR and worse

printk_state printk_globals;

namespace {
constexpr int default_message_loglevel = 4; // KERN_WARNING, as CONFIG_MESSAGE_LOGLEVEL_DEFAULT

// Splits a KERN_SOH prefix off the message: returns the level, or -1 for KERN_CONT.
int take_level(const char *&msg)
{
	int level = default_message_loglevel;
	while (msg[0] == '\001' && msg[1]) {
		if (msg[1] == 'c')
			level = -1;
		else if (msg[1] >= '0' && msg[1] <= '7')
			level = msg[1] - '0';
		msg += 2;
	}
	return level;
}

void echo(const log_record &r, const std::string &piece)
{
	if (r.level < console_loglevel)
		std::fputs(piece.c_str(), stderr);
}
} // namespace

std::string dmesg(bool clear)
{
	std::string out;
	for (const auto &r : printk_globals.records) {
		std::string_view text = r.text;
		if (!text.empty() && text.back() == '\n')
			text.remove_suffix(1);
		// As msg_print_text(): every line of a record gets the prefix.
		std::string prefix = fmt::format("[{:5}.{:06}] ", r.ts_ns / 1000000000, r.ts_ns % 1000000000 / 1000);
		for (std::size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1))
			out.append(prefix).append(text.substr(0, nl + 1));
		out.append(prefix).append(text) += '\n';
	}
	if (clear)
		printk_globals.records.clear();
	return out;
}

void printk_boot() { printk_globals = {}; }

void printk_teardown()
{
	if (!printk_globals.records.empty() && !printk_globals.records.back().text.ends_with('\n'))
		printk_globals.records.back().text += '\n';
}

const std::vector<log_record> &log_records() { return printk_globals.records; }

void log_clear() { printk_globals.records.clear(); }

std::uint64_t log_next_seq() { return printk_globals.next_seq; }

} // namespace sim

extern "C" int printk(const char *fmt, ...)
{
	char text[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = sim::vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	// As vprintk_emit, the level is read from the formatted text: a report may pass its
	// KERN_* level as a %s argument.
	const char *buf = text;
	int level = sim::take_level(buf);

	// A continuation joins the previous record if that one is still open (no newline yet).
	sim::printk_state &log = sim::printk_globals;
	bool cont = !log.records.empty() && !log.records.back().text.empty() && log.records.back().text.back() != '\n';
	if (level == -1 && cont) {
		log.records.back().text += buf;
		sim::echo(log.records.back(), buf);
	} else {
		log.records.push_back({level == -1 ? sim::default_message_loglevel : level, local_clock(), buf, log.next_seq++});
		sim::echo(log.records.back(), buf);
	}
	return n;
}
