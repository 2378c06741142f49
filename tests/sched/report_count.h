// SPDX-License-Identifier: GPL-2.0-only
// Counting what a run reported: kernel reports by kind, and occurrences of a text.
#pragma once

#include "sim/trace/report.h"

#include <string>

inline std::size_t reports_of(sim::report_kind kind)
{
	std::size_t n = 0;
	for (const auto &r : sim::kernel_reports())
		n += r.kind == kind;
	return n;
}

inline std::size_t count_of(const std::string &text, const std::string &what)
{
	std::size_t n = 0;
	for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
		n++;
	return n;
}
