// SPDX-License-Identifier: GPL-2.0-only
// Reading an external module's Kbuild/Makefile as kbuild's first pass does (kernel_compat/kbuild.h).
#include "kernel_compat/kbuild.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A module directory of its own: the makefile's text and empty sources.
struct module_dir {
	fs::path dir = fs::temp_directory_path() / ("slabsim-kbuild-" + std::to_string(getpid()));
	module_dir(const std::string &makefile, std::initializer_list<const char *> sources,
		   const char *name = "Makefile")
	{
		fs::create_directories(dir);
		std::ofstream(dir / name) << makefile;
		for (const char *s : sources)
			std::ofstream(dir / s) << "int x;\n";
	}
	~module_dir() { fs::remove_all(dir); }
};

std::string error_of(const fs::path &dir)
{
	try {
		sim::read_kbuild(dir);
	} catch (const sim::make::error &e) {
		return e.what();
	}
	return "";
}

} // namespace

TEST_CASE("kbuild names a module after its .ko with '-' made '_'")
{
	CHECK(sim::kbuild_modname("hello-5") == "hello_5");
	CHECK(sim::kbuild_modname("scull") == "scull");
}

TEST_CASE("obj-m with <mod>-objs makes one module of several sources")
{
	module_dir d("obj-m += start-stop.o\nstart-stop-objs := start.o stop.o\n", {"start.c", "stop.c"});
	auto mods = sim::read_kbuild(d.dir);
	REQUIRE(mods.size() == 1);
	CHECK(mods[0].name == "start_stop");
	CHECK(mods[0].ko == "start-stop.ko");
	REQUIRE(mods[0].objects.size() == 2);
	CHECK(mods[0].objects[1].source == d.dir / "stop.c");
}

TEST_CASE("the KERNELRELEASE branch is the one kbuild reads and the rest is ignored")
{
	module_dir d("ifneq ($(KERNELRELEASE),)\nobj-m := a.o\nelse\nobj-m := wrong.o\n"
		     "default:\n\t$(MAKE) -C $(KDIR) M=$(PWD) modules\nendif\n",
		     {"a.c"});
	auto mods = sim::read_kbuild(d.dir);
	REQUIRE(mods.size() == 1);
	CHECK(mods[0].name == "a");
}

TEST_CASE("a Kbuild file is read before the Makefile")
{
	module_dir d("obj-m := from_makefile.o\n", {"from_kbuild.c"});
	std::ofstream(d.dir / "Kbuild") << "obj-m := from_kbuild.o\n";
	CHECK(sim::read_kbuild(d.dir).at(0).name == "from_kbuild");
}

TEST_CASE("ccflags-y, EXTRA_CFLAGS and CFLAGS_file.o reach their objects, CFLAGS_REMOVE_ takes one away")
{
	module_dir d("obj-m := m.o\nm-y := a.o b.o\nccflags-y := -I$(src)/inc -DA\nEXTRA_CFLAGS += -DOLD\n"
		     "CFLAGS_b.o := -DONLY_B\nCFLAGS_REMOVE_b.o := -DA\n",
		     {"a.c", "b.c"});
	auto m = sim::read_kbuild(d.dir).at(0);
	using V = std::vector<std::string>;
	CHECK(m.objects[0].flags == V{"-I" + (fs::absolute(d.dir) / "inc").string(), "-DA", "-DOLD"});
	CHECK(m.objects[1].flags == V{"-I" + (fs::absolute(d.dir) / "inc").string(), "-DOLD", "-DONLY_B"});
}

TEST_CASE("a relative -I names a directory of the kernel tree, where make runs")
{
	module_dir d("obj-m := m.o\nccflags-y := -Iinclude/linux\n", {"m.c"});
	auto flags = sim::read_kbuild(d.dir).at(0).objects[0].flags;
	CHECK(flags == std::vector<std::string>{"-I" + (sim::kbuild_kernel_dir() / "include/linux").string()});
}

TEST_CASE("make's assignments: := expands now, = when used, += appends, ?= only if unset")
{
	module_dir d("X := $(Y)\nY = late\nZ = $(Y)\nZ += more\nY ?= ignored\nW ?= set\n"
		     "obj-m := $(if $(X),bad.o,$(subst late,ok,$(Y)).o) $(W:set=w).o $(patsubst %,%.o,$(words $(Z)))\n",
		     {"ok.c", "w.c", "2.c"});
	auto mods = sim::read_kbuild(d.dir);
	REQUIRE(mods.size() == 3);
	CHECK(mods[0].name == "ok");
	CHECK(mods[1].name == "w");
	CHECK(mods[2].name == "2");
}

TEST_CASE("a makefile kbuild cannot read is an error naming its file and line")
{
	module_dir missing_endif("obj-m := a.o\nifeq ($(A),)\nx := 1\n", {"a.c"});
	CHECK(error_of(missing_endif.dir) == (missing_endif.dir / "Makefile").string() + ":2: error: missing 'endif'");
}

TEST_CASE("an unterminated reference, a stray endif and a line that is no assignment are errors")
{
	module_dir d("obj-m := a.o\n", {"a.c"});
	auto with = [&](const std::string &text) {
		std::ofstream(d.dir / "Makefile") << text;
		return error_of(d.dir).substr((d.dir / "Makefile").string().size());
	};
	CHECK(with("obj-m := $(a.o\n") == ":1: error: unterminated variable reference");
	CHECK(with("obj-m := a.o\nendif\n") == ":2: error: extraneous 'endif'");
	CHECK(with("obj-m := a.o\n\nnonsense here\n") == ":3: error: missing separator");
	CHECK(with("$(error stop here)\n") == ":1: error: stop here");
}

TEST_CASE("a directory of several modules names them and DIR/NAME.ko picks one")
{
	module_dir d("obj-m += one.o two.o\n", {"one.c", "two.c"});
	CHECK(sim::kbuild_select(d.dir / "two.ko").name == "two");
	try {
		sim::kbuild_select(d.dir);
		FAIL("a directory of two modules was accepted");
	} catch (const sim::make::error &e) {
		CHECK(std::string(e.what()).find("obj-m names 2 modules (one.ko, two.ko)") != std::string::npos);
	}
}

TEST_CASE("a module whose source is missing is make's 'no rule to make target'")
{
	module_dir d("obj-m += m.o\nm-objs := here.o gone.o\n", {"here.c"});
	try {
		sim::kbuild_select(d.dir / "m.ko");
		FAIL("a module without its sources was accepted");
	} catch (const sim::make::error &e) {
		CHECK(std::string(e.what()).find("no rule to make target 'gone.o', needed by 'm.ko'") != std::string::npos);
	}
}
