// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/sysfs.h"

#include "kernel_compat/module.h"
#include "linux/errno.h"
#include "sim/trace/taint.h"

#include <algorithm>
#include <cstring>
#include <sstream>
#include <vector>

namespace sim {

namespace {

std::vector<std::string> components(const std::string &path)
{
	std::vector<std::string> parts;
	std::istringstream in(path);
	for (std::string p; std::getline(in, p, '/');)
		if (!p.empty())
			parts.push_back(p);
	return parts;
}

// module_sysfs_initstate()'s words.
const char *initstate(module_state s)
{
	return s == module_state::live ? "live" : s == module_state::coming ? "coming" : "going";
}

} // namespace

int sysfs_read(const std::string &path, std::string &out)
{
	auto p = components(path);
	if (p.size() < 2 || p[0] != "sys" || p[1] != "module")
		return -ENOENT;
	if (p.size() == 2)
		return -EISDIR;
	const module *mod = find_module(p[2]);
	if (!mod)
		return -ENOENT;
	bool has_params = std::any_of(mod->params.begin(), mod->params.end(), [](const auto &kp) { return kp.perm; });
	if (p.size() == 3 || (p.size() == 4 && p[3] == "parameters" && has_params))
		return -EISDIR;
	if (p.size() == 4 && p[3] == "initstate") {
		out = std::string(initstate(mod->state)) + "\n";
		return 0;
	}
	if (p.size() == 4 && p[3] == "taint") {
		out = module_taint_letters(mod->taints) + "\n";
		return 0;
	}
	if (p.size() == 5 && p[3] == "parameters")
		if (auto text = param_sysfs_show(mod->params, p[4])) {
			out = *text;
			return 0;
		}
	return -ENOENT;
}

std::string cat_error(const std::string &path, int err) { return "cat: " + path + ": " + std::strerror(-err); }

} // namespace sim
