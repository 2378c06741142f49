// SPDX-License-Identifier: GPL-2.0-only
// print: the simulated /proc files, the kernel log, one task's line, one pool's or cache's
// numbers read through its observation table.
#include "sim/scenario/interp.h"

#include "kernel_compat/sysfs.h"
#include "sim/mempool/mempool.h"
#include "sim/mempool/observe.h"
#include "sim/mm/proc.h"
#include "sim/sched/sched.h"
#include "sim/slab/observe.h"
#include "sim/slab/slabinfo.h"
#include "sim/trace/printk.h"

#include <fmt/format.h>

namespace sim::scenario {

namespace {

// " field value field value ...": `obj` read through its table.
template <class Field, class T> std::string fields_of(table<Field> t, const T &obj)
{
	std::string out;
	for (const Field &f : t)
		out += fmt::format(" {} {}", f.name, f.read(obj));
	return out;
}

} // namespace

void interp::print(const op &o)
{
	// A destroyed pool or cache stops the run whether or not the output is shown.
	if ((static_cast<view>(o.sub) == view::pool && !live_pool(o.a, o.loc)) ||
	    (static_cast<view>(o.sub) == view::cache && !live_cache(o.a, o.loc)))
		return;
	if (!o_.out) {
		if (static_cast<view>(o.sub) == view::dmesg && o.b)
			log_clear(); // dmesg -c clears even when nothing is shown
		return;
	}
	std::ostream &out = *o_.out;
	switch (static_cast<view>(o.sub)) {
	case view::slabinfo:
		out << sim::slabinfo();
		break;
	case view::buddyinfo:
		out << proc_buddyinfo();
		break;
	case view::meminfo:
		out << proc_meminfo();
		break;
	case view::zoneinfo:
		out << proc_zoneinfo();
		break;
	case view::mempools:
		out << mempoolinfo();
		break;
	case view::dmesg:
		out << sim::dmesg(o.b);
		break;
	case view::task:
		out << task_line(o.a) << '\n';
		break;
	case view::pool:
		out << p_.pools[o.a].name << ':' << fields_of(mempool_columns(), *pools_[o.a].pool) << '\n';
		break;
	case view::sysfs: {
		std::string text;
		const std::string &path = p_.strings[o.a];
		int err = sysfs_read(path, text);
		out << (err ? cat_error(path, err) + "\n" : text);
		break;
	}
	case view::cache: {
		slabinfo_row r = read_slabinfo_row(caches_[o.a]);
		out << p_.caches[o.a].name << ':' << fields_of(slabinfo_columns(), r)
		    << fields_of(slabinfo_stat_columns(), r) << '\n';
		break;
	}
	}
}

task_struct *interp::task_of(std::uint32_t actor) const
{
	auto it = tasks_.find(actor);
	return it == tasks_.end() ? nullptr : it->second;
}

std::string interp::task_line(std::uint32_t actor) const
{
	const task_struct *t = task_of(actor);
	if (!t)
		return fmt::format("{}: not started", p_.actors[actor].name);
	std::string wait = describe_wait(t);
	return fmt::format("{} pid {} cpu {} state {}{}{}", t->comm, t->pid, t->cpu, task_state_char(t),
			   wait.empty() ? "" : ": ", wait);
}

} // namespace sim::scenario
