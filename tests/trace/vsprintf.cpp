// SPDX-License-Identifier: GPL-2.0-only
// The kernel's printf rules (lib/vsprintf.c, v5.4). The vectors marked "test_printf.c" are
// the kernel's own expectations from lib/test_printf.c, which checks each at three buffer
// sizes as check() does here.
#include "linux/gfp.h"
#include "linux/page-flags.h"
#include "linux/printk.h"
#include "sim/trace/printk.h"
#include "sim/trace/vsprintf.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <fmt/format.h>
#include <string>
#include <vector>

extern "C" [[gnu::noinline]] int vsprintf_test_symbol(int x) { return x + 1; }

namespace {

// sim::snprintf into a large buffer, a buffer one byte short and an empty one: the output,
// the would-be length and the NUL must agree each time, as test_printf.c's do_test checks.
template <typename... Args> std::string check(const char *fmt, Args... args)
{
	char buf[256];
	int n = sim::snprintf(buf, sizeof(buf), fmt, args...);
	std::string out(buf, static_cast<std::size_t>(n));
	if (n > 0) {
		char small[256];
		std::memset(small, '$', sizeof(small));
		CHECK(sim::snprintf(small, static_cast<std::size_t>(n), fmt, args...) == n);
		CHECK(std::string(small, n - 1) == out.substr(0, n - 1));
		CHECK(small[n - 1] == '\0');
		CHECK(small[n] == '$');
	}
	char none = '$';
	CHECK(sim::snprintf(&none, 0, fmt, args...) == n);
	CHECK(none == '$');
	return out;
}

} // namespace

TEST_CASE("vsprintf: plain text, %% and %c (test_printf.c test_basic)")
{
	CHECK(check("%s", "") == "");
	CHECK(check("100%%") == "100%");
	CHECK(check("xxx%cyyy", '%') == "xxx%yyy");
	CHECK(check("xxx%cyyy", '\0') == std::string("xxx\0yyy", 7));
}

TEST_CASE("vsprintf: number() flags, widths and precisions (test_printf.c test_number)")
{
	CHECK(check("%#-12x", 0x1234abcd) == "0x1234abcd  ");
	CHECK(check("%#12x", 0x1234abcd) == "  0x1234abcd");
	CHECK(check("%d|%03d|%3d|%+d|% d|%+d|% d", 0, 1, 12, 123, 1234, -123, -1234) == "0|001| 12|+123| 1234|-123|-1234");
	CHECK(check("%hhu|%hhu|%hhu|%hhu|%hhu", 0, 1, 257, 128, -1) == "0|1|1|128|255");
	CHECK(check("%hhd|%hhd|%hhd|%hhd|%hhd", 0, 1, 257, 128, -1) == "0|1|1|-128|-1");
	CHECK(check("%ho%ho%#ho", 1037, 5282, -11627) == "2015122420151225");
	CHECK(check("%.2d|%.1d|%.0d|%.*d|%1.0d", 0, 0, 0, 0, 0, 0) == "00|0|0|0|0");
	char val = -16;
	CHECK(check("%#02x|%#02x|%#02x", val, val & 0xff, static_cast<unsigned char>(val)) == "0xfffffff0|0xf0|0xf0");
}

TEST_CASE("vsprintf: where the kernel differs from glibc in number()")
{
	CHECK(check("%08.3d", 5) == "00000005"); // ZEROPAD is not cancelled by a precision
	CHECK(check("%#x", 0) == "0x0");          // the prefix is printed for 0
	CHECK(check("%#o", 0) == "0");
	CHECK(check("%lu %ld %llx %zu %zd", 1UL << 40, -5L, 0xdeadbeefcafeULL, static_cast<size_t>(7), static_cast<ssize_t>(-7)) ==
	      "1099511627776 -5 deadbeefcafe 7 -7");
	CHECK(check("%X", 0xabcU) == "ABC");
}

TEST_CASE("vsprintf: strings, precisions and a negative * precision (test_printf.c test_string)")
{
	CHECK(check("%s%.0s", "", "123") == "");
	CHECK(check("%s|%.3s|%.*s", "ABCD", "abcdef", 3, "123456") == "ABCD|abc|123");
	CHECK(check("%-3s|%3s|%-*s|%*s|%*s", "1", "2", 3, "3", 3, "4", -3, "5") == "1  |  2|3  |  4|5  ");
	CHECK(check("%-10.4s", "123456") == "1234      ");
	CHECK(check("%10.4s", "123456") == "      1234");
	CHECK(check("%4.*s", -5, "123456") == "    ");
	CHECK(check("%.s", "123456") == "123456");
	CHECK(check("%.s|%.0s|%.*s", "a", "b", 0, "c") == "a||");
	CHECK(check("%-3.s|%-3.0s|%-3.*s", "a", "b", 0, "c") == "a  |   |   ");
}

TEST_CASE("vsprintf: %s of NULL or a bad pointer prints an error string")
{
	CHECK(check("%s", static_cast<const char *>(nullptr)) == "(null)");
	CHECK(check("%10s", static_cast<const char *>(nullptr)) == "    (null)");
	CHECK(check("%s", reinterpret_cast<const char *>(0xab)) == "(efault)");
}

TEST_CASE("vsprintf: %p is hashed to 8 hex digits after 8 zeros (test_printf.c plain)")
{
	const void *ptr = reinterpret_cast<const void *>(0xffff0123456789abUL);
	std::string hashed = check("%p", ptr);
	REQUIRE(hashed.size() == 16);
	CHECK(hashed.starts_with("00000000"));
	CHECK(hashed != "ffff0123456789ab");
	CHECK(check("%p", ptr) == hashed); // the same pointer, the same id
	CHECK(check("%p", static_cast<const void *>(nullptr)) == "0000000000000000");
}

TEST_CASE("vsprintf: %px prints the value (test_printf.c null_pointer, invalid_pointer)")
{
	CHECK(check("%px", static_cast<const void *>(nullptr)) == "0000000000000000");
	CHECK(check("%px", reinterpret_cast<const void *>(0xab)) == "00000000000000ab");
	CHECK(check("%px", reinterpret_cast<const void *>(0xffff0123456789abUL)) == "ffff0123456789ab");
	CHECK(check("%20px", reinterpret_cast<const void *>(0xab)) == "                  ab"); // a width: no zero pad
}

TEST_CASE("vsprintf: the letters after %p are swallowed, unknown ones print the hash")
{
	const void *ptr = reinterpret_cast<const void *>(0x1000);
	CHECK(check("%pZzz|", ptr) == check("%p|", ptr));
	CHECK(check("%pe", reinterpret_cast<const void *>(-14L)) == "fffffffffffffff2"); // no %pe in v5.4
}

TEST_CASE("vsprintf: %pS, %ps and %pB name code through kallsyms")
{
	auto fn = reinterpret_cast<const void *>(&vsprintf_test_symbol);
	CHECK(check("%pS", fn).starts_with("vsprintf_test_symbol+0x0/0x"));
	CHECK(check("%ps", fn) == "vsprintf_test_symbol");
	CHECK(check("%pF|%pf", fn, fn).starts_with("vsprintf_test_symbol+0x0/0x"));
	CHECK(check("%pB", static_cast<const char *>(fn) + 1).starts_with("vsprintf_test_symbol+0x1/0x"));
	CHECK(check("%pS", static_cast<const void *>(nullptr)) == "0x0");
}

TEST_CASE("vsprintf: %pS of an address kallsyms cannot name prints the simulator's address for it, not the host's")
{
	std::vector<char> unloaded(64); // as the code of a module after rmmod: no symbol names it
	const void *p = unloaded.data() + 8;
	std::string s = check("%pS", p);
	CHECK(s.starts_with("0xffffffffc"));
	CHECK(s == check("%pS", p));
	CHECK(s != fmt::format("{:#x}", reinterpret_cast<std::uintptr_t>(p)));
}

TEST_CASE("vsprintf: %pa and %pad print the value they point at")
{
	unsigned long long phys = 0xfee00000;
	CHECK(check("%pa", &phys) == "0x00000000fee00000");
	CHECK(check("%pad", &phys) == "0x00000000fee00000");
	CHECK(check("%pa", static_cast<const void *>(nullptr)) == "(null)");
}

TEST_CASE("vsprintf: %ph dumps bytes (test_printf.c hex_string)")
{
	const unsigned char buf[3] = {0xc0, 0xff, 0xee};
	CHECK(check("%3ph|%3phC|%3phD|%3phN", buf, buf, buf, buf) == "c0 ff ee|c0:ff:ee|c0-ff-ee|c0ffee");
	CHECK(check("%*ph|%*phC|%*phD|%*phN", 3, buf, 3, buf, 3, buf, 3, buf) == "c0 ff ee|c0:ff:ee|c0-ff-ee|c0ffee");
	CHECK(check("%ph", buf) == "c0");
}

TEST_CASE("vsprintf: %pM and %pm print MAC addresses (test_printf.c mac)")
{
	const unsigned char addr[6] = {0x2d, 0x48, 0xd6, 0xfc, 0x7a, 0x05};
	CHECK(check("%pM", addr) == "2d:48:d6:fc:7a:05");
	CHECK(check("%pMR", addr) == "05:7a:fc:d6:48:2d");
	CHECK(check("%pMF", addr) == "2d-48-d6-fc-7a-05");
	CHECK(check("%pm", addr) == "2d48d6fc7a05");
	CHECK(check("%pmR", addr) == "057afcd6482d");
}

namespace {
std::string via_va_format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct va_format vaf = {fmt, &ap};
	std::string out = check("[%pV]", &vaf);
	va_end(ap);
	return out;
}
} // namespace

TEST_CASE("vsprintf: %pV formats a nested format and its arguments")
{
	CHECK(via_va_format("%d-%s", 42, "x") == "[42-x]");
}

TEST_CASE("vsprintf: %n stops the output with the kernel's warning")
{
	sim::log_clear();
	int n = 0;
	CHECK(check("abc%n def", &n) == "abc");
	CHECK(sim::dmesg().find("Please remove unsupported %n in format string") != std::string::npos);
	sim::log_clear();
}

TEST_CASE("printk formats with the kernel's rules and reads the level after formatting")
{
	sim::log_clear();
	int console = sim::console_loglevel;
	sim::console_loglevel = 0;
	printk("%sCPU: %px\n", KERN_ERR, static_cast<const void *>(nullptr));
	sim::console_loglevel = console;
	REQUIRE(sim::log_records().size() == 1);
	CHECK(sim::log_records()[0].level == 3);
	CHECK(sim::log_records()[0].text == "CPU: 0000000000000000\n");
	sim::log_clear();
}

TEST_CASE("dmesg prefixes every line of a record that holds several")
{
	sim::log_clear();
	int console = sim::console_loglevel;
	sim::console_loglevel = 0;
	printk(KERN_INFO "first\nsecond\n");
	sim::console_loglevel = console;
	CHECK(sim::dmesg() == "[    0.000000] first\n[    0.000000] second\n");
	sim::log_clear();
}

TEST_CASE("vsprintf: %pGp names page flags without the zone bits, %pGg GFP masks (test_printf.c flags)")
{
	unsigned long flags = 0;
	CHECK(check("%pGp", &flags) == "");
	flags = 1UL << __NR_PAGEFLAGS;
	CHECK(check("%pGp", &flags) == "");
	flags |= 1UL << PG_uptodate | 1UL << PG_dirty | 1UL << PG_lru | 1UL << PG_active | 1UL << PG_swapbacked;
	CHECK(check("%pGp", &flags) == "uptodate|dirty|lru|active|swapbacked");
	gfp_t gfp = GFP_TRANSHUGE;
	CHECK(check("%pGg", &gfp) == "GFP_TRANSHUGE");
	gfp = GFP_ATOMIC | __GFP_DMA;
	CHECK(check("%pGg", &gfp) == "GFP_ATOMIC|GFP_DMA");
	gfp = __GFP_ATOMIC;
	CHECK(check("%pGg", &gfp) == "__GFP_ATOMIC");
	CHECK(check("%pGv", &flags) == "(%pG?)"); // no VMAs in the simulator
	CHECK(check("%pGg", static_cast<const void *>(nullptr)) == "(null)");
}

TEST_CASE("vsprintf: %*pb prints a bitmap in hex chunks, %*pbl as ranges (test_printf.c bitmap)")
{
	unsigned long bits[1] = {0};
	CHECK(check("%20pb|%*pb", bits, 20, bits) == "00000|00000");
	CHECK(check("%20pbl|%*pbl", bits, 20, bits) == "|");
	for (int prime : {2, 3, 5, 7, 11, 13, 17, 19})
		bits[0] |= 1UL << prime;
	CHECK(check("%20pb|%*pb", bits, 20, bits) == "a28ac|a28ac");
	CHECK(check("%20pbl|%*pbl", bits, 20, bits) == "2-3,5,7,11,13,17,19|2-3,5,7,11,13,17,19");
	bits[0] = (1UL << 20) - 1;
	CHECK(check("%20pb|%*pb", bits, 20, bits) == "fffff|fffff");
	CHECK(check("%20pbl|%*pbl", bits, 20, bits) == "0-19|0-19");
	unsigned long wide[2] = {0x1, 0x8000000000000000UL | 0x2};
	CHECK(check("%*pb", 72, wide) == "02,00000000,00000001");
	CHECK(check("%*pbl", 128, wide) == "0,65,127");
}

TEST_CASE("vsprintf: %pU prints a UUID big-endian or as a GUID, lower or upper case (test_printf.c uuid)")
{
	const char uuid[16] = {0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa, 0xb, 0xc, 0xd, 0xe, 0xf};
	CHECK(check("%pUb", uuid) == "00010203-0405-0607-0809-0a0b0c0d0e0f");
	CHECK(check("%pUB", uuid) == "00010203-0405-0607-0809-0A0B0C0D0E0F");
	CHECK(check("%pUl", uuid) == "03020100-0504-0706-0809-0a0b0c0d0e0f");
	CHECK(check("%pUL", uuid) == "03020100-0504-0706-0809-0A0B0C0D0E0F");
	CHECK(check("%pU", uuid) == "00010203-0405-0607-0809-0a0b0c0d0e0f");
}

TEST_CASE("vsprintf: %pI4 prints an IPv4 address dotted, %pi4 with leading zeros (test_printf.c ipv4)")
{
	const unsigned char addr[4] = {127, 0, 0, 1};
	CHECK(check("%pi4|%pI4", addr, addr) == "127.000.000.001|127.0.0.1");
	CHECK(check("%pI4", static_cast<const void *>(nullptr)) == "(null)");
}
