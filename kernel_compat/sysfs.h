// SPDX-License-Identifier: GPL-2.0-only
// The part of /sys that modules make: /sys/module/<module>/{initstate,taint} and
// /sys/module/<module>/parameters/<name> for each parameter with a non-zero perm.
#pragma once

#include <string>

namespace sim {

// Reads a file under /sys/module as `cat` would, as root: its text in `out` and 0, or
// -ENOENT (no such file), -EISDIR (a directory).
int sysfs_read(const std::string &path, std::string &out);

// What `cat PATH` says when sysfs_read() failed with `err`: "cat: PATH: No such file or directory".
std::string cat_error(const std::string &path, int err);

} // namespace sim
