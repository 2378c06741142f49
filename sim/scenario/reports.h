// SPDX-License-Identifier: GPL-2.0-only
// Which of the kernel's reports a scenario expected (docs/scenarios.md, "When a run fails").
//
// Every report site notes its report in sim::kernel_reports() before printing it; a report's
// text is its log records, from its first up to the next report's first. An `expect dmesg
// contains` that finds its text in those records accounts for that report and no other.
#pragma once

#include "sim/trace/report.h"

#include <string>
#include <vector>

namespace sim::scenario {

class report_claims {
public:
	// `expect dmesg contains TEXT`: every report with TEXT in one of its records is expected.
	void claim(const std::string &text);

	// The reports no claim matched, and every task ended by a C++ exception (a simulator bug
	// no scenario can expect). Read after the teardown, so that its reports count too.
	std::vector<kernel_report> unexpected() const;

private:
	std::vector<bool> expected_; // by index into kernel_reports()
};

} // namespace sim::scenario
