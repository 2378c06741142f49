// SPDX-License-Identifier: GPL-2.0-only
// slabsim proc NAME: a /proc view of a freshly booted machine, or of a scenario's at its end.
#include "commands.h"

#include "sim/machine.h"
#include "sim/mempool/mempool.h"
#include "sim/mm/proc.h"
#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/slab/slabinfo.h"

#include <fmt/format.h>
#include <map>

namespace cli {

void add_proc(CLI::App &app)
{
	static std::string name, after;
	static machine_options machine;
	auto *proc = app.add_subcommand("proc", "print a simulated /proc file of a freshly booted machine");
	proc->add_option("name", name, "slabinfo, buddyinfo, meminfo, zoneinfo or mempools")
		->required()
		->check(CLI::IsMember({"slabinfo", "buddyinfo", "meminfo", "zoneinfo", "mempools"}));
	add_machine_options(proc, machine);
	proc->add_option("--after", after, "show the machine of this scenario as it ends instead")
		->check(CLI::ExistingFile);
	proc->callback([] {
		if (!after.empty()) {
			try {
				sim::scenario::run_options o;
				o.time_limit_ns = machine.time_limit_ns;
				sim::scenario::outcome r = sim::scenario::run(sim::scenario::compile_file(after), o);
				const std::map<std::string, const std::string *> views = {
					{"slabinfo", &r.slabinfo}, {"buddyinfo", &r.buddyinfo}, {"meminfo", &r.meminfo},
					{"zoneinfo", &r.zoneinfo}, {"mempools", &r.mempools}};
				fmt::print("{}", *views.at(name));
			} catch (const sim::scenario::scenario_error &e) {
				fmt::print(stderr, "{}\n", e.what());
				status = usage_error;
			}
			return;
		}
		sim::machine m(machine.config());
		const std::map<std::string, std::string (*)()> views = {
			{"slabinfo", sim::slabinfo}, {"buddyinfo", sim::proc_buddyinfo}, {"meminfo", sim::proc_meminfo},
			{"zoneinfo", sim::proc_zoneinfo}, {"mempools", sim::mempoolinfo}};
		fmt::print("{}", views.at(name)());
	});
}

} // namespace cli
