// SPDX-License-Identifier: GPL-2.0-only
// lib/vsprintf.c's pointer(): %p hashed, %px, the symbol, address, hex, MAC, %pV, page and
// GFP flag (%pGp, %pGg), bitmap (%*pb, %*pbl), UUID (%pU) and IPv4 (%pI4, %pi4) extensions,
// each as v5.4 prints it.
#include "sim/trace/vsprintf_core.h"

#include "linux/bitops.h"
#include "linux/err.h"
#include "linux/printk.h"
#include "sim/mm/mmflags.h"
#include "sim/trace/kallsyms.h"
#include "sim/trace/trace.h"
#include "sim/trace/vsprintf.h"

#include <algorithm>
#include <cstdarg>
#include <fmt/format.h>

namespace sim::vsprintf_core {
namespace {

// %p: the keyed hash the trace file uses too (sim/trace/trace.cpp), so a pointer prints the
// same in both; NULL and ERR_PTR values print as they are.
void ptr_to_id(out_buf &o, const void *ptr, const printf_spec &spec)
{
	pointer_string(o, IS_ERR_OR_NULL(ptr) ? reinterpret_cast<std::uintptr_t>(ptr) : sim::ptr_to_id(ptr), spec);
}

void symbol_string(out_buf &o, const void *ptr, const printf_spec &spec, const char *fmt)
{
	std::string sym = fmt[0] == 'B'			  ? sprint_backtrace(ptr)
			  : fmt[0] == 's' || fmt[0] == 'f' ? sprint_symbol_no_offset(ptr)
							   : sprint_symbol(ptr);
	if (sym.empty()) // as the kernel prints an address kallsyms cannot name; ours, so it is the same every run
		sym = fmt::format("{:#x}", kernel_address(ptr));
	string_nocheck(o, sym, spec);
}

// %pa[p] and %pad: the argument points at the value.
void address_val(out_buf &o, const void *ptr, const printf_spec &spec)
{
	if (check_pointer(o, ptr, spec))
		return;
	std::uint64_t v;
	std::memcpy(&v, ptr, sizeof(v)); // phys_addr_t and dma_addr_t are both 64 bits here
	printf_spec s;
	s.flags = SPECIAL | SMALL | ZEROPAD;
	s.base = 16;
	s.field_width = 2 + 2 * sizeof(v);
	number(o, v, s);
}

void hex_byte(out_buf &o, unsigned char b)
{
	o.put("0123456789abcdef"[b >> 4]);
	o.put("0123456789abcdef"[b & 15]);
}

// %*ph[CDN]: the width is the byte count (1 by default, at most 64).
void hex_string(out_buf &o, const void *ptr, const printf_spec &spec, const char *fmt)
{
	if (spec.field_width == 0 || check_pointer(o, ptr, spec))
		return;
	char sep = fmt[1] == 'C' ? ':' : fmt[1] == 'D' ? '-' : fmt[1] == 'N' ? '\0' : ' ';
	int len = spec.field_width > 0 ? std::min(spec.field_width, 64) : 1;
	const auto *bytes = static_cast<const unsigned char *>(ptr);
	for (int i = 0; i < len; i++) {
		hex_byte(o, bytes[i]);
		if (sep && i != len - 1)
			o.put(sep);
	}
}

// %pM[FR] and %pm[R]: a MAC address.
void mac_address_string(out_buf &o, const void *ptr, const printf_spec &spec, const char *fmt)
{
	if (check_pointer(o, ptr, spec))
		return;
	char sep = fmt[1] == 'F' ? '-' : ':';
	bool reversed = fmt[1] == 'R';
	const auto *addr = static_cast<const unsigned char *>(ptr);
	char text[18];
	out_buf mac(text, sizeof(text));
	for (int i = 0; i < 6; i++) {
		hex_byte(mac, addr[reversed ? 5 - i : i]);
		if (fmt[0] == 'M' && i != 5)
			mac.put(sep);
	}
	mac.finish();
	string_nocheck(o, text, spec);
}

void va_format(out_buf &o, const void *ptr, const printf_spec &spec)
{
	if (check_pointer(o, ptr, spec))
		return;
	const auto *vaf = static_cast<const struct va_format *>(ptr);
	va_list va;
	va_copy(va, *vaf->va);
	o.advance(static_cast<std::size_t>(sim::vsnprintf(o.tail(), o.room(), vaf->fmt, va)));
	va_end(va);
}

// error_string(): a short message in place of what could not be printed.
void error_string(out_buf &o, std::string_view msg, printf_spec spec)
{
	if (spec.precision == -1)
		spec.precision = 2 * sizeof(void *);
	string_nocheck(o, msg, spec);
}

// %pGp (page->flags, the zone and node bits dropped), %pGg (a gfp_t), by the names of
// include/trace/events/mmflags.h. The simulator has no VMAs: %pGv is the unknown case.
void flags_string(out_buf &o, const void *ptr, const printf_spec &spec, const char *fmt)
{
	if (check_pointer(o, ptr, spec))
		return;
	switch (fmt[1]) {
	case 'p':
		return o.put(page_flag_names(*static_cast<const unsigned long *>(ptr)));
	case 'g':
		return o.put(gfp_flag_names(*static_cast<const gfp_t *>(ptr)));
	default:
		return error_string(o, "(%pG?)", spec);
	}
}

// %*pb: the field width is the number of bits; 32-bit hex chunks, most significant first,
// the first as wide as its bits need.
void bitmap_string(out_buf &o, const unsigned long *bitmap, const printf_spec &spec)
{
	constexpr int chunk = 32;
	int nr_bits = std::max(spec.field_width, 0);
	if (check_pointer(o, bitmap, spec))
		return;
	int chunksz = nr_bits % chunk ? nr_bits % chunk : chunk;
	for (int i = (nr_bits + chunk - 1) / chunk * chunk - chunk; i >= 0; i -= chunk) {
		std::uint32_t val = 0;
		for (int b = 0; b < chunksz; b++)
			val |= static_cast<std::uint32_t>(test_bit(i + b, bitmap)) << b;
		if (i + chunk < (nr_bits + chunk - 1) / chunk * chunk)
			o.put(',');
		number(o, val, {.flags = SMALL | ZEROPAD, .field_width = (chunksz + 3) / 4, .base = 16});
		chunksz = chunk;
	}
}

// %*pbl: the set bits as a list of ranges, "0-3,5,7-9".
void bitmap_list_string(out_buf &o, const unsigned long *bitmap, const printf_spec &spec)
{
	int nr_bits = std::max(spec.field_width, 0);
	if (check_pointer(o, bitmap, spec))
		return;
	auto size = static_cast<unsigned long>(nr_bits);
	bool first = true;
	for (unsigned long bot = find_first_bit(bitmap, size); bot < size;) {
		unsigned long top = find_next_zero_bit(bitmap, size, bot) - 1; // the run's last set bit
		if (!first)
			o.put(',');
		first = false;
		number(o, bot, {});
		if (top > bot) {
			o.put('-');
			number(o, top, {});
		}
		bot = find_next_bit(bitmap, size, top + 1);
	}
}

// %pU[bBlL]: 16 bytes as a UUID, big-endian (b, the default) or as a little-endian GUID (l),
// upper case with B and L.
void uuid_string(out_buf &o, const void *ptr, const printf_spec &spec, const char *fmt)
{
	static constexpr int be[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
	static constexpr int guid[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
	if (check_pointer(o, ptr, spec))
		return;
	const int *index = fmt[1] == 'l' || fmt[1] == 'L' ? guid : be;
	const char *digits = fmt[1] == 'B' || fmt[1] == 'L' ? "0123456789ABCDEF" : "0123456789abcdef";
	const auto *bytes = static_cast<const unsigned char *>(ptr);
	std::string out;
	for (int i = 0; i < 16; i++) {
		out += digits[bytes[index[i]] >> 4];
		out += digits[bytes[index[i]] & 0xf];
		if (i == 3 || i == 5 || i == 7 || i == 9)
			out += '-';
	}
	string_nocheck(o, out, spec);
}

// %pI4 and %pi4: an IPv4 address in network order, dotted; %pi4 with three digits each.
void ip4_string(out_buf &o, const void *ptr, const printf_spec &spec, const char *fmt)
{
	if (check_pointer(o, ptr, spec))
		return;
	const auto *addr = static_cast<const unsigned char *>(ptr);
	std::string out;
	for (int i = 0; i < 4; i++)
		out += (i ? "." : "") + (fmt[0] == 'i' ? fmt::format("{:03}", addr[i]) : fmt::format("{}", addr[i]));
	string_nocheck(o, out, spec);
}

} // namespace

void pointer(out_buf &o, const char *fmt, const void *ptr, const printf_spec &spec)
{
	switch (*fmt) {
	case 'S': case 's': case 'F': case 'f': case 'B':
		return symbol_string(o, ptr, spec, fmt);
	case 'x': // as the simulator maps it: simulated memory at its kernel address (docs/tracing.md)
		return pointer_string(o, kernel_view(reinterpret_cast<std::uintptr_t>(ptr)), spec);
	case 'a':
		return address_val(o, ptr, spec);
	case 'h':
		return hex_string(o, ptr, spec, fmt);
	case 'M': case 'm':
		return mac_address_string(o, ptr, spec, fmt);
	case 'V':
		return va_format(o, ptr, spec);
	case 'G':
		return flags_string(o, ptr, spec, fmt);
	case 'U':
		return uuid_string(o, ptr, spec, fmt);
	case 'I': case 'i':
		if (fmt[1] == '4')
			return ip4_string(o, ptr, spec, fmt);
		return ptr_to_id(o, ptr, spec); // IPv6 and socket addresses: not yet
	case 'b':
		return fmt[1] == 'l' ? bitmap_list_string(o, static_cast<const unsigned long *>(ptr), spec)
				     : bitmap_string(o, static_cast<const unsigned long *>(ptr), spec);
	default: // %pK with kptr_restrict 0, and every extension not listed above
		return ptr_to_id(o, ptr, spec);
	}
}

} // namespace sim::vsprintf_core
