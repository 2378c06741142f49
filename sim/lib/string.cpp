// SPDX-License-Identifier: GPL-2.0-only
// The string functions of lib/string.c that the C library lacks, with the kernel's semantics.
#include <cctype>
#include <cstring>

#include "linux/errno.h"
#include "linux/string.h"

extern "C" {

// The length of src; copies as much as fits, always terminated when size > 0.
size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t ret = std::strlen(src);
	if (size) {
		size_t len = ret >= size ? size - 1 : ret;
		std::memcpy(dest, src, len);
		dest[len] = '\0';
	}
	return ret;
}

size_t strlcat(char *dest, const char *src, size_t count)
{
	size_t dsize = std::strlen(dest), len = std::strlen(src), res = dsize + len;
	if (dsize >= count) // the kernel BUG()s here; a caller that overflows gets what it asked
		return res;
	dest += dsize;
	count -= dsize;
	if (len >= count)
		len = count - 1;
	std::memcpy(dest, src, len);
	dest[len] = '\0';
	return res;
}

// The length copied, or -E2BIG when src did not fit (dest is then truncated, terminated).
ssize_t strscpy(char *dest, const char *src, size_t count)
{
	if (count == 0)
		return -E2BIG;
	size_t len = strnlen(src, count);
	if (len == count) {
		std::memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	std::memcpy(dest, src, len + 1);
	return static_cast<ssize_t>(len);
}

char *skip_spaces(const char *s)
{
	while (std::isspace(static_cast<unsigned char>(*s)))
		s++;
	return const_cast<char *>(s);
}

// Trims trailing blanks in place and returns the first non-blank.
char *strim(char *s)
{
	size_t size = std::strlen(s);
	if (!size)
		return s;
	char *end = s + size - 1;
	while (end >= s && std::isspace(static_cast<unsigned char>(*end)))
		end--;
	*(end + 1) = '\0';
	return skip_spaces(s);
}

// Equal, but for one trailing newline on either: how sysfs compares what was written.
bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	return *s1 == '\n' && !s1[1] && !*s2;
}

} // extern "C"
