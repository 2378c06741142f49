// SPDX-License-Identifier: GPL-2.0-only
// insmod and rmmod: each starts a task named like the tool, as a shell would, and records how
// its system call ended.
#include "sim/scenario/interp.h"

#include "kernel_compat/insmod.h"
#include "sim/scenario/errnos.h"

#include <fmt/format.h>

namespace sim::scenario {

void interp::insmod(const op &o)
{
	tool_result &t = modules_[o.a].insmod;
	t.state = tool_result::running;
	spawn_insmod(p_.builds[o.b], [this, &o, &t](int err) { finished(o, t, err); }, p_.build_args[o.b]);
}

void interp::rmmod(const op &o)
{
	tool_result &t = modules_[o.a].rmmod;
	t.state = tool_result::running;
	spawn_rmmod(p_.modules[o.a].name, [this, &o, &t](int err) { finished(o, t, err); });
}

// Called in the insmod or rmmod task when the system call returns. The tool's error line is
// what a shell would show; a failure no `expect` looks at fails like an expectation.
void interp::finished(const op &o, tool_result &t, int err)
{
	t = {tool_result::finished, err};
	if (!err)
		return;
	const module_def &m = p_.modules[o.a];
	bool insmod = o.code == opcode::insmod;
	// insmod names the file it was given (hello-5.ko), rmmod the module (hello_5).
	std::string line = insmod ? insmod_error(p_.builds[o.b], err) : rmmod_error(m.name, err);
	if (o_.out)
		*o_.out << line << '\n';
	if (insmod ? m.insmod_checked : m.rmmod_checked)
		return;
	out_->expectations.push_back({o.loc, p_.strings[o.c], false,
				      insmod ? "the module to load" : "the module to unload",
				      fmt::format("{} ({})", errno_name(err), line)});
}

} // namespace sim::scenario
