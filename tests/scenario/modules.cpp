// SPDX-License-Identifier: GPL-2.0-only
// Kernel modules in scenarios: insmod, rmmod, dmesg, and the destroy statements a module's
// unload path uses. The modules are written into a temporary folder by the tests.
#include "helpers.h"

#include "sim/trace/printk.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using scenario_test::error_of;
using scenario_test::failures;
using scenario_test::run_error_of;
using scenario_test::run_text;

namespace {

namespace fs = std::filesystem;

// The folder the test modules live in, written once per test binary and removed at its exit.
struct temp_dir {
	fs::path path;
	~temp_dir() { fs::remove_all(path); }
};

const fs::path &module_dir()
{
	static const temp_dir dir{[] {
		fs::path d = fs::temp_directory_path() / ("slabsim-scenario-modules-" + std::to_string(getpid()));
		fs::create_directories(d);
		auto write = [&](const char *name, const char *text) { std::ofstream(d / name) << text; };
		write("hello.c", "#include <linux/module.h>\n#include <linux/sched.h>\nMODULE_LICENSE(\"GPL\");\n"
				 "static int __init hello_init(void) { pr_info(\"hello: init in %s\\n\", current->comm); "
				 "return 0; }\n"
				 "static void __exit hello_exit(void) { pr_info(\"hello: exit in %s\\n\", current->comm); }\n"
				 "module_init(hello_init);\nmodule_exit(hello_exit);\n");
		write("nomem.c", "#include <linux/module.h>\nMODULE_LICENSE(\"GPL\");\n"
				 "static int __init nomem_init(void) { return -ENOMEM; }\n"
				 "static void __exit nomem_exit(void) { pr_info(\"nomem: exit ran\\n\"); }\n"
				 "module_init(nomem_init);\nmodule_exit(nomem_exit);\n");
		write("slow.c", "#include <linux/module.h>\n#include <linux/delay.h>\nMODULE_LICENSE(\"GPL\");\n"
				"static int __init slow_init(void) { msleep(100); return 0; }\n"
				"static void __exit slow_exit(void) { }\n"
				"module_init(slow_init);\nmodule_exit(slow_exit);\n");
		write("broken.c", "#include <linux/module.h>\nMODULE_LICENSE(\"GPL\");\n"
				  "static int __init broken_init(void) { return vmalloc(8) ? 0 : -ENOMEM; }\n"
				  "module_init(broken_init);\n");
		return d;
	}()};
	return dir.path;
}

std::string mod(const char *name) { return (module_dir() / name).string(); }

struct quiet_console {
	quiet_console() { sim::console_loglevel = 0; }
};

} // namespace

TEST_CASE_METHOD(quiet_console, "insmod of a file that does not exist is refused before the run")
{
	CHECK(error_of("insmod /nonexistent/mymod.c\n") ==
	      "t.scn:1:8: error: no such file: '/nonexistent/mymod.c' (a module's path is relative to the "
	      "scenario's folder)");
}

TEST_CASE_METHOD(quiet_console, "a module's path is relative to the scenario's folder")
{
	auto p = sim::scenario::compile((module_dir() / "t.scn").string(), "insmod hello.c\n");
	REQUIRE(p.builds.size() == 1);
	CHECK(p.builds[0].name == "hello");
	CHECK(error_of("insmod hello.c\n") == "t.scn:1:8: error: no such file: 'hello.c' (a module's path is "
					     "relative to the scenario's folder)");
}

TEST_CASE_METHOD(quiet_console, "insmod of something that is not a module's sources, directory or built .ko.so is refused")
{
	std::ofstream(module_dir() / "notes.txt") << "x";
	CHECK(error_of("insmod " + mod("notes.txt") + "\n") ==
	      "t.scn:1:8: error: a module is built from .c files, a directory with a Kbuild or Makefile or "
	      "DIR/NAME.ko, or loaded from one built .ko.so, got '" +
		      mod("notes.txt") + "'");
}

TEST_CASE_METHOD(quiet_console, "a module that does not compile is a scenario error naming it")
{
	CHECK(error_of("insmod " + mod("broken.c") + "\n") ==
	      "t.scn:1:8: error: module 'broken' did not build (the compiler's messages are above)");
}

TEST_CASE_METHOD(quiet_console, "rmmod of a module no insmod above loads is refused")
{
	CHECK(error_of("rmmod hello\n") == "t.scn:1:7: error: no insmod above loads a module named 'hello'");
	CHECK(error_of("expect insmod hello succeeded\n") ==
	      "t.scn:1:15: error: no insmod above loads a module named 'hello'");
}

TEST_CASE_METHOD(quiet_console, "expect rmmod needs an rmmod above")
{
	CHECK(error_of("insmod " + mod("hello.c") + "\nrun\nexpect rmmod hello succeeded\n") ==
	      "t.scn:3:14: error: no rmmod above unloads 'hello'");
}

TEST_CASE_METHOD(quiet_console, "insmod and rmmod are what a user does, not what a task does")
{
	CHECK(error_of("task t on cpu 0\n  insmod hello.c\nend\n") ==
	      "t.scn:2:3: error: 'insmod' is something a user does, not kernel code: write it at the top "
	      "level or in an 'at' or 'when' block, not in a task");
	CHECK(error_of("interrupt on cpu 0 at 1ms\n  rmmod hello\nend\n") ==
	      "t.scn:2:3: error: 'rmmod' is something a user does, not kernel code: write it at the top "
	      "level or in an 'at' or 'when' block, not in an interrupt");
}

TEST_CASE_METHOD(quiet_console, "an error code is a name from linux/errno.h with its minus sign")
{
	std::string load = "insmod " + mod("nomem.c") + "\nrun\n";
	CHECK(error_of(load + "expect insmod nomem failed with -ENOMEMORY\n") ==
	      "t.scn:3:34: error: unknown error code '-ENOMEMORY': expected a name from linux/errno.h such as "
	      "-ENOMEM");
	CHECK(error_of(load + "expect insmod nomem failed with ENOMEM\n") ==
	      "t.scn:3:33: error: expected an error code such as -ENOMEM, got 'ENOMEM'");
	CHECK(error_of(load + "expect insmod nomem crashed\n") ==
	      "t.scn:3:21: error: expected 'succeeded' or 'failed', got 'crashed'");
}

TEST_CASE_METHOD(quiet_console, "dmesg takes only -c")
{
	CHECK(error_of("dmesg -x\n") == "t.scn:1:8: error: expected '-c', got 'x'");
}

TEST_CASE_METHOD(quiet_console, "insmod runs module_init in a task named insmod at the next run")
{
	auto r = run_text("insmod " + mod("hello.c") + "\nrun\nexpect insmod hello succeeded\nexpect dmesg contains \"hello: init in insmod\"\n"
			  "rmmod hello\nrun\nexpect rmmod hello succeeded\n"
			  "expect dmesg contains \"hello: exit in rmmod\"\n");
	CHECK(failures(r) == "");
	CHECK(r.expectations.size() == 4);
}

TEST_CASE_METHOD(quiet_console, "an insmod that has not finished is still running")
{
	auto r = run_text("insmod " + mod("slow.c") + "\nrun for 10ms\nexpect insmod slow succeeded\nrun\n"
			  "expect insmod slow succeeded\n");
	CHECK(failures(r) == "t.scn:3:1: expectation failed: expect insmod slow succeeded: expected succeeded, "
			     "actual still running: module_init has not returned\n");
}

TEST_CASE_METHOD(quiet_console, "insmod in an 'at' block loads the module at that time")
{
	auto r = run_text("at 5ms\n  insmod " + mod("hello.c") + "\nend\nrun until 1ms\n"
			  "expect insmod hello succeeded\nrun\nexpect insmod hello succeeded\n");
	CHECK(failures(r) == "t.scn:5:1: expectation failed: expect insmod hello succeeded: expected succeeded, "
			     "actual not run yet\n");
}

TEST_CASE_METHOD(quiet_console, "a failed module_init fails the load with its error, and module_exit never runs")
{
	auto r = run_text("insmod " + mod("nomem.c") + "\nrun\nexpect insmod nomem failed with -ENOMEM\n"
			  "expect insmod nomem failed\nexpect insmod nomem succeeded\nrmmod nomem\nrun\n"
			  "expect rmmod nomem failed with -ENOENT\n");
	CHECK(failures(r) == "t.scn:5:1: expectation failed: expect insmod nomem succeeded: expected succeeded, "
			     "actual failed with -ENOMEM\n");
	CHECK(sim::dmesg().find("nomem: exit ran") == std::string::npos);
}

TEST_CASE_METHOD(quiet_console, "a failed insmod that no expect checks fails like an expectation")
{
	auto r = run_text("insmod " + mod("nomem.c") + "\nrun\n");
	CHECK(failures(r) == "t.scn:1:1: expectation failed: insmod " + mod("nomem.c") +
				     ": expected the module to load, actual -ENOMEM (insmod: ERROR: could not insert "
				     "module nomem.ko: Cannot allocate memory)\n");
}

TEST_CASE_METHOD(quiet_console, "dmesg -c prints the log and clears it")
{
	std::ostringstream out;
	sim::scenario::run_options o;
	o.out = &out;
	auto r = run_text("insmod " + mod("hello.c") + "\nrun\ndmesg -c\nexpect dmesg contains \"hello: init\"\n"
			  "dmesg\n", o);
	CHECK(out.str().find("hello: init in insmod") != std::string::npos);
	CHECK(failures(r) == "t.scn:4:1: expectation failed: expect dmesg contains \"hello: init\": expected "
			     "\"hello: init\" in the kernel log, actual not there\n");
}

TEST_CASE_METHOD(quiet_console, "kmem_cache_destroy with objects allocated reports them and the cache stays")
{
	auto r = run_text("cache c size 64\ntask t on cpu 0\n  x = kmem_cache_alloc(c, GFP_KERNEL)\n"
			  "  kmem_cache_destroy(c)\nend\nrun\n"
			  "expect dmesg contains \"kmem_cache_destroy c: Slab cache still has objects\"\n"
			  "expect c.active_objs == 1\n");
	CHECK(failures(r) == "");
}

TEST_CASE_METHOD(quiet_console, "a destroyed cache is gone from /proc/slabinfo when it was empty")
{
	CHECK(run_error_of("cache c size 64\nkmem_cache_destroy(c)\nexpect c.num_objs == 0\n") ==
	      "t.scn:3:1: error: cache 'c' was destroyed at 2:1 and is gone from /proc/slabinfo");
}

TEST_CASE_METHOD(quiet_console, "a destroyed cache cannot be allocated from")
{
	CHECK(run_error_of("cache c size 64\nkmem_cache_destroy(c)\ntask t on cpu 0\n"
			"  x = kmem_cache_alloc(c, GFP_KERNEL)\nend\nrun\n") ==
	      "t.scn:4:3: error: cache 'c' was destroyed at 2:1");
}

TEST_CASE_METHOD(quiet_console, "a cache a live pool allocates from cannot be destroyed")
{
	CHECK(run_error_of("cache c size 64\npool p min 2 over cache c\nkmem_cache_destroy(c)\n") ==
	      "t.scn:3:1: error: pool 'p' still allocates from cache 'c': mempool_destroy(p) first");
}

TEST_CASE_METHOD(quiet_console, "mempool_destroy with elements out warns, and the pool is gone")
{
	CHECK(run_error_of("pool p min 2 over kmalloc 64\ntask t on cpu 0\n  x = mempool_alloc(p, GFP_KERNEL)\n"
			"  mempool_destroy(p)\n  mempool_free(x, p)\nend\nrun\n") ==
	      "t.scn:5:3: error: pool 'p' was destroyed at 4:3");
	CHECK(sim::dmesg().find("destroyed with 1 element still allocated") != std::string::npos);
}

namespace {
// A module directory as kbuild takes it: a Makefile naming a two-file module with a dash in
// its name, and an int parameter.
fs::path kbuild_dir(const char *name, const char *makefile)
{
	fs::path d = module_dir() / name;
	fs::create_directories(d);
	std::ofstream(d / "Makefile") << makefile;
	std::ofstream(d / "part_a.c") << "#include <linux/module.h>\nMODULE_LICENSE(\"GPL\");\n"
					 "static int level = 1;\nmodule_param(level, int, 0444);\n"
					 "int part_b_twice(int x);\n"
					 "static int __init a_init(void) { pr_info(\"two: level %d\\n\", part_b_twice(level)); "
					 "return 0; }\n"
					 "static void __exit a_exit(void) { }\nmodule_init(a_init);\nmodule_exit(a_exit);\n";
	std::ofstream(d / "part_b.c") << "int part_b_twice(int x) { return 2 * x; }\n";
	return d;
}
} // namespace

TEST_CASE_METHOD(quiet_console, "insmod of a directory builds the module its Makefile names and passes its parameters")
{
	fs::path d = kbuild_dir("kb", "obj-m += two-part.o\ntwo-part-objs := part_a.o part_b.o\n");
	auto r = run_text("insmod " + d.string() + " level=7\nrun\nexpect insmod two_part succeeded\n"
			  "expect dmesg contains \"two: level 14\"\n");
	CHECK(failures(r) == "");
}

TEST_CASE_METHOD(quiet_console, "a malformed module parameter fails the insmod as the kernel does")
{
	fs::path d = kbuild_dir("kb", "obj-m += two-part.o\ntwo-part-objs := part_a.o part_b.o\n");
	auto r = run_text("insmod " + (d / "two-part.ko").string() + " level=abc\nrun\n");
	CHECK(failures(r) == "t.scn:1:1: expectation failed: insmod " + (d / "two-part.ko").string() +
				     " level=abc: expected the module to load, actual -EINVAL (insmod: ERROR: could not "
				     "insert module two-part.ko: Invalid parameters)\n");
	CHECK(sim::dmesg().find("two_part: `abc' invalid for parameter `level'") != std::string::npos);
}

TEST_CASE_METHOD(quiet_console, "a Makefile kbuild cannot read is a scenario error with its own line")
{
	fs::path d = kbuild_dir("kb-bad", "ifeq ($(X),y)\nobj-m += two-part.o\n");
	std::string err = error_of("insmod " + d.string() + "\n");
	CHECK(err.starts_with("t.scn:1:8: error: " + (d / "Makefile").string() + ":"));
}

TEST_CASE_METHOD(quiet_console, "print sysfs shows a loaded module's parameter as cat would")
{
	fs::path d = kbuild_dir("kb", "obj-m += two-part.o\ntwo-part-objs := part_a.o part_b.o\n");
	std::ostringstream out;
	sim::scenario::run_options o;
	o.out = &out;
	auto r = run_text("insmod " + d.string() + " level=7\nrun\nprint sysfs \"/sys/module/two_part/parameters/level\"\n"
			  "print sysfs \"/sys/module/two_part/parameters/nosuch\"\n", o);
	CHECK(failures(r) == "");
	CHECK(out.str().find("7\ncat: /sys/module/two_part/parameters/nosuch: No such file or directory\n") !=
	      std::string::npos);
}

TEST_CASE_METHOD(quiet_console, "expect sysfs compares a /sys/module file with its text, as cat shows it")
{
	fs::path d = kbuild_dir("kb", "obj-m += two-part.o\ntwo-part-objs := part_a.o part_b.o\n");
	auto r = run_text("insmod " + d.string() + " level=7\nrun\n"
			  "expect sysfs \"/sys/module/two_part/parameters/level\" is \"7\"\n"
			  "expect sysfs \"/sys/module/two_part/parameters/level\" is \"8\"\n"
			  "expect sysfs \"/sys/module/two_part/parameters/nosuch\" is \"1\"\n");
	CHECK(failures(r) ==
	      "t.scn:4:1: expectation failed: expect sysfs \"/sys/module/two_part/parameters/level\" is \"8\": "
	      "expected \"8\", actual \"7\"\n"
	      "t.scn:5:1: expectation failed: expect sysfs \"/sys/module/two_part/parameters/nosuch\" is \"1\": "
	      "expected \"1\", actual cat: /sys/module/two_part/parameters/nosuch: No such file or directory\n");
}
