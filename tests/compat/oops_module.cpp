// SPDX-License-Identifier: GPL-2.0-only
// A module that oopses in its init: the report names its frames, the insmod task dies
// without returning to the loader, and the machine goes on.
#include "kernel_compat/insmod.h"
#include "kernel_compat/module.h"
#include "linux/kernel.h"
#include "support/machine.h"

namespace {
const std::filesystem::path test_modules = SLABSIM_TEST_MODULES;
} // namespace

TEST_CASE("a NULL dereference in module_init is an oops naming the module's frames")
{
	test_machine tm;
	auto built = sim::build_module({test_modules / "null_deref.c"});
	REQUIRE(built.ok);
	bool returned = false;
	sim::spawn_insmod(built, [&](int) { returned = true; });
	run_expecting(sim::run_status::idle);
	CHECK_FALSE(returned); // the task that ran init never got back to the loader
	std::string log = sim::dmesg();
	CHECK(log.find("null_deref: filling the pool\n") != std::string::npos);
	CHECK(log.find("BUG: kernel NULL pointer dereference, address: 0000000000000000\n") != std::string::npos);
	CHECK(log.find("Comm: insmod ") != std::string::npos);
	std::size_t rip = log.find("RIP: 0010:fill_pool+0x");
	REQUIRE(rip != std::string::npos);
	CHECK(log.substr(rip, log.find('\n', rip) - rip).ends_with(" [null_deref]"));
	CHECK(log.find("Call Trace:\n") != std::string::npos);
	CHECK(log.find(" null_deref_init+0x") != std::string::npos);
	CHECK(log.find("Modules linked in: null_deref(") != std::string::npos);
	CHECK(log.find("null_deref: not reached") == std::string::npos);
	CHECK(test_taint(TAINT_DIE));
	REQUIRE_FALSE(sim::kernel_reports().empty());
	CHECK(sim::kernel_reports()[0].kind == sim::report_kind::oops);
}
