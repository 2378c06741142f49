// SPDX-License-Identifier: GPL-2.0-only
// What `make -C KDIR M=DIR modules` reads from an external module's directory: its Kbuild
// file (else its Makefile), read as kbuild's first pass reads it, with KERNELRELEASE set.
#pragma once

#include "kernel_compat/makefile.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sim {

// One object file of a module: its source and the flags kbuild adds for it.
struct kbuild_object {
	std::filesystem::path source;   // NAME.c (or NAME.S)
	std::vector<std::string> flags; // ccflags-y, EXTRA_CFLAGS, CFLAGS_NAME.o, minus CFLAGS_REMOVE_NAME.o
};

struct kbuild_module {
	std::string name; // as the kernel knows it: the .ko's stem with '-' made '_' (hello_5)
	std::string ko;   // the file kbuild makes (hello-5.ko)
	std::filesystem::path makefile; // the Kbuild or Makefile that names it
	std::vector<kbuild_object> objects;
};

// kbuild's name for a module built as FILE.ko: '-' becomes '_' (scripts/Makefile.lib's name-fix).
std::string kbuild_modname(std::string stem);

// The directory's Kbuild or Makefile, and the modules its obj-m lists, in order: each
// from <mod>-objs, <mod>-y and <mod>-m, or from <mod>.c alone (whether the sources exist is
// kbuild_select()'s to check). Throws make::error ("FILE:LINE: error: ...") for a makefile it
// cannot read.
std::vector<kbuild_module> read_kbuild(const std::filesystem::path &dir);

// The module `make M=DIR` then `insmod FILE` would load: for a directory, its only module (an
// error names them all when it has several; every module's sources must exist, as `make
// modules` builds them all); for DIR/NAME.ko, the module of that name in DIR's obj-m, as `make
// M=DIR NAME.ko` builds it alone. Throws make::error.
kbuild_module kbuild_select(const std::filesystem::path &dir_or_ko);

// The kernel tree modules are built against (KDIR): kernel_compat, whose include/ they see.
std::filesystem::path kbuild_kernel_dir();

} // namespace sim
