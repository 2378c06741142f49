// SPDX-License-Identifier: GPL-2.0-only
// String to integer conversions (lib/kstrtox.c of v5.4): the whole string is the number
// (one trailing newline allowed), base 0 reads 0x.. as hex and 0.. as octal, a value that
// does not fit is -ERANGE, anything else malformed -EINVAL.
#include "linux/errno.h"
#include "linux/kernel.h"

#include <cctype>
#include <limits>

namespace {

// Skips a "0x" prefix for base 16 and picks the base for base 0.
const char *fixup_radix(const char *s, unsigned *base)
{
	bool hex_prefix = s[0] == '0' && std::tolower(static_cast<unsigned char>(s[1])) == 'x';
	if (*base == 0)
		*base = s[0] != '0' ? 10 : hex_prefix && std::isxdigit(static_cast<unsigned char>(s[2])) ? 16 : 8;
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
	return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

int parse_ull(const char *s, unsigned base, unsigned long long *res)
{
	s = fixup_radix(s, &base);
	unsigned long long v = 0;
	bool overflow = false;
	const char *start = s;
	for (int d; (d = digit_value(*s)) < static_cast<int>(base); s++) {
		if (v > (std::numeric_limits<unsigned long long>::max() - d) / base)
			overflow = true;
		v = v * base + d;
	}
	if (overflow)
		return -ERANGE;
	if (s == start)
		return -EINVAL;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

// The narrower conversions: parsed wide, then the value must fit the type.
template <typename T, typename Wide>
int narrow(int (*parse)(const char *, unsigned, Wide *), const char *s, unsigned base, T *res)
{
	Wide v = 0;
	if (int err = parse(s, base, &v))
		return err;
	if (v != static_cast<Wide>(static_cast<T>(v)))
		return -ERANGE;
	*res = static_cast<T>(v);
	return 0;
}

} // namespace

extern "C" {

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	return parse_ull(s[0] == '+' ? s + 1 : s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v = 0;
	if (s[0] == '-') {
		if (int err = parse_ull(s + 1, base, &v))
			return err;
		if (static_cast<long long>(0 - v) > 0)
			return -ERANGE;
		*res = static_cast<long long>(0 - v);
		return 0;
	}
	if (int err = kstrtoull(s, base, &v))
		return err;
	if (static_cast<long long>(v) < 0)
		return -ERANGE;
	*res = static_cast<long long>(v);
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res) { return narrow(kstrtoull, s, base, res); }
int kstrtol(const char *s, unsigned int base, long *res) { return narrow(kstrtoll, s, base, res); }
int kstrtouint(const char *s, unsigned int base, unsigned int *res) { return narrow(kstrtoull, s, base, res); }
int kstrtoint(const char *s, unsigned int base, int *res) { return narrow(kstrtoll, s, base, res); }
int kstrtou16(const char *s, unsigned int base, u16 *res) { return narrow(kstrtoull, s, base, res); }
int kstrtos16(const char *s, unsigned int base, s16 *res) { return narrow(kstrtoll, s, base, res); }
int kstrtou8(const char *s, unsigned int base, u8 *res) { return narrow(kstrtoull, s, base, res); }
int kstrtos8(const char *s, unsigned int base, s8 *res) { return narrow(kstrtoll, s, base, res); }

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

} // extern "C"
