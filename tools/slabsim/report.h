// SPDX-License-Identifier: GPL-2.0-only
// How results leave slabsim: the one-line summary, KTAP for CI, the JSON summary.
#pragma once

#include "sim/observation.h"
#include "sim/scenario/diag.h"
#include "sim/scenario/runner.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cli {

// "FILE: PASS 12/12 expectations (340 statements, 5.004000 s virtual)"
std::string summary_line(const sim::scenario::outcome &r);
// An outcome standing for a scenario that could not run: one failed entry carrying the error.
sim::scenario::outcome error_outcome(const sim::scenario::scenario_error &e);
// KTAP version 1: one test per scenario, one subtest per expectation.
std::string ktap(const std::vector<sim::scenario::outcome> &rs);
std::string json_summary(const std::vector<sim::scenario::outcome> &rs);
// The machine as its tables read it: one object per pool, cache, zone and task, named by the
// tables' field names, so a new counter appears here without an edit.
nlohmann::ordered_json observation_json(const sim::observation &o);

} // namespace cli
