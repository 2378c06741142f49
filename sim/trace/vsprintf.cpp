// SPDX-License-Identifier: GPL-2.0-only
// lib/vsprintf.c's rules, written for the simulator: format_decode's flags, width and
// precision (a negative "*" precision is 0, "%.s" is no precision), number() (ZEROPAD
// survives a precision, "%#x" of 0 is "0x0", zero with precision 0 is "0"), string()'s
// "(null)"/"(efault)". %n and unknown conversions stop the output with the kernel's
// WARN_ONCE. pointer()'s extensions are in vsprintf_pointer.cpp.
#include "sim/trace/vsprintf.h"
#include "sim/trace/vsprintf_core.h"

#include "linux/bug.h"
#include "linux/err.h"
#include "linux/mm.h"
#include "linux/printk.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sim {
namespace vsprintf_core {


void number(out_buf &o, unsigned long long num, printf_spec s)
{
	const char locase = (s.flags & SMALL) ? 0x20 : 0;
	const bool need_pfx = (s.flags & SPECIAL) && s.base != 10;
	const bool is_zero = num == 0;
	if (s.flags & LEFT)
		s.flags &= ~ZEROPAD;
	char sign = 0;
	if (s.flags & SIGN) {
		if (static_cast<long long>(num) < 0) {
			sign = '-';
			num = -num;
		} else if (s.flags & PLUS) {
			sign = '+';
		} else if (s.flags & SPACE) {
			sign = ' ';
		}
		s.field_width -= sign != 0;
	}
	if (need_pfx)
		s.field_width -= s.base == 16 ? 2 : !is_zero;
	char tmp[24];
	int i = 0;
	do {
		tmp[i++] = static_cast<char>("0123456789ABCDEF"[num % s.base] | locase);
		num /= s.base;
	} while (num);
	s.precision = std::max(s.precision, i);
	s.field_width -= s.precision;
	if (!(s.flags & (ZEROPAD | LEFT))) {
		o.pad(s.field_width);
		s.field_width = 0;
	}
	if (sign)
		o.put(sign);
	if (need_pfx) {
		if (s.base == 16 || !is_zero)
			o.put('0');
		if (s.base == 16)
			o.put(static_cast<char>('X' | locase));
	}
	if (!(s.flags & LEFT)) {
		o.pad(s.field_width, (s.flags & ZEROPAD) ? '0' : ' ');
		s.field_width = 0;
	}
	o.pad(s.precision - i, '0');
	while (--i >= 0)
		o.put(tmp[i]);
	o.pad(s.field_width);
}

// At most `precision` characters of s, padded to the width.
void string_nocheck(out_buf &o, std::string_view s, const printf_spec &spec)
{
	if (spec.precision >= 0 && s.size() > static_cast<std::size_t>(spec.precision))
		s = s.substr(0, spec.precision);
	int pad = spec.field_width - static_cast<int>(s.size());
	if (!(spec.flags & LEFT))
		o.pad(pad);
	o.put(s);
	if (spec.flags & LEFT)
		o.pad(pad);
}

// check_pointer(): a NULL, a pointer into the first page or an ERR_PTR prints as an error
// string instead of being read. True if it printed one.
bool check_pointer(out_buf &o, const void *ptr, printf_spec spec)
{
	const char *msg = !ptr ? "(null)"
			  : reinterpret_cast<std::uintptr_t>(ptr) < PAGE_SIZE || IS_ERR_VALUE(ptr) ? "(efault)"
												   : nullptr;
	if (!msg)
		return false;
	if (spec.precision == -1)
		spec.precision = 2 * sizeof(void *);
	string_nocheck(o, msg, spec);
	return true;
}

void string(out_buf &o, const char *s, const printf_spec &spec)
{
	if (!check_pointer(o, s, spec))
		string_nocheck(o, std::string_view(s, spec.precision < 0 ? std::strlen(s) : strnlen(s, spec.precision)),
			       spec);
}

void pointer_string(out_buf &o, std::uint64_t value, printf_spec spec)
{
	spec.base = 16;
	spec.flags |= SMALL;
	if (spec.field_width == -1) {
		spec.field_width = 2 * sizeof(void *);
		spec.flags |= ZEROPAD;
	}
	number(o, value, spec);
}


} // namespace vsprintf_core

namespace {
using namespace vsprintf_core;

int skip_atoi(const char *&s)
{
	int i = 0;
	while (std::isdigit(static_cast<unsigned char>(*s)))
		i = i * 10 + *s++ - '0';
	return i;
}

// The flags, width, precision and length qualifier of a conversion; fmt is past the '%'.
char decode_spec(const char *&fmt, printf_spec &s, va_list &ap)
{
	for (;; fmt++) {
		unsigned f = *fmt == '-' ? LEFT : *fmt == '+' ? PLUS : *fmt == ' ' ? SPACE : *fmt == '#' ? SPECIAL
			   : *fmt == '0' ? ZEROPAD : 0;
		if (!f)
			break;
		s.flags |= f;
	}
	if (std::isdigit(static_cast<unsigned char>(*fmt))) {
		s.field_width = skip_atoi(fmt);
	} else if (*fmt == '*') {
		fmt++;
		s.field_width = va_arg(ap, int);
		if (s.field_width < 0) {
			s.field_width = -s.field_width;
			s.flags |= LEFT;
		}
	}
	if (*fmt == '.') {
		fmt++;
		if (std::isdigit(static_cast<unsigned char>(*fmt))) {
			s.precision = skip_atoi(fmt);
		} else if (*fmt == '*') {
			fmt++;
			s.precision = std::max(va_arg(ap, int), 0);
		}
	}
	char q = 0;
	if (std::strchr("hlLzZt", *fmt) && *fmt) {
		q = *fmt++;
		if (q == *fmt && (q == 'h' || q == 'l')) {
			q = q == 'h' ? 'H' : 'L';
			fmt++;
		}
	}
	return q;
}

unsigned long long fetch_number(va_list &ap, char qualifier, bool is_signed)
{
	switch (qualifier) {
	case 'L':
		return va_arg(ap, unsigned long long);
	case 'l':
		return is_signed ? static_cast<unsigned long long>(va_arg(ap, long)) : va_arg(ap, unsigned long);
	case 'z': case 'Z':
		return is_signed ? static_cast<unsigned long long>(va_arg(ap, ssize_t)) : va_arg(ap, std::size_t);
	case 't':
		return static_cast<unsigned long long>(va_arg(ap, std::ptrdiff_t));
	}
	int v = va_arg(ap, int);
	if (qualifier == 'H')
		return is_signed ? static_cast<unsigned long long>(static_cast<signed char>(v)) : static_cast<unsigned char>(v);
	if (qualifier == 'h')
		return is_signed ? static_cast<unsigned long long>(static_cast<short>(v)) : static_cast<unsigned short>(v);
	return is_signed ? static_cast<unsigned long long>(v) : static_cast<unsigned>(v);
}

// One conversion; fmt is at its letter. False when formatting must stop there.
bool convert(out_buf &o, const char *&fmt, printf_spec &s, char qualifier, va_list &ap)
{
	switch (*fmt) {
	case 'c':
		if (!(s.flags & LEFT))
			o.pad(s.field_width - 1);
		o.put(static_cast<char>(va_arg(ap, int)));
		if (s.flags & LEFT)
			o.pad(s.field_width - 1);
		break;
	case 's':
		string(o, va_arg(ap, const char *), s);
		break;
	case 'p':
		pointer(o, ++fmt, va_arg(ap, const void *), s);
		while (std::isalnum(static_cast<unsigned char>(*fmt)))
			fmt++;
		return true;
	case '%':
		o.put('%');
		break;
	case 'o': case 'x': case 'X': case 'd': case 'i': case 'u':
		s.base = *fmt == 'o' ? 8 : (*fmt == 'x' || *fmt == 'X') ? 16 : 10;
		s.flags |= (*fmt == 'x' ? SMALL : 0) | ((*fmt == 'd' || *fmt == 'i') ? SIGN : 0);
		number(o, fetch_number(ap, qualifier, s.flags & SIGN), s);
		break;
	default:
		WARN_ONCE(1, "Please remove unsupported %%%c in format string\n", *fmt);
		return false;
	}
	fmt++;
	return true;
}

} // namespace

int vsnprintf(char *buf, std::size_t size, const char *fmt, va_list args)
{
	if (WARN_ON_ONCE(size > INT_MAX))
		return 0;
	out_buf o(buf, size);
	va_list ap;
	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			o.put(*fmt++);
			continue;
		}
		printf_spec s;
		char qualifier = decode_spec(++fmt, s, ap);
		if (!convert(o, fmt, s, qualifier, ap))
			break;
	}
	va_end(ap);
	o.finish();
	return static_cast<int>(o.len());
}

int snprintf(char *buf, std::size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = sim::vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

} // namespace sim
