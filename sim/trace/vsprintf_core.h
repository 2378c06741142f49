// SPDX-License-Identifier: GPL-2.0-only
// What the files of printk's formatter share (lib/vsprintf.c's static helpers): the output
// buffer, a conversion's spec, and the number, string and pointer printers that vsprintf.cpp
// defines and %p's extensions (vsprintf_pointer.cpp) build on. Not an API: see vsprintf.h.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sim::vsprintf_core {

constexpr unsigned ZEROPAD = 1, SIGN = 2, PLUS = 4, SPACE = 8, LEFT = 16, SMALL = 32, SPECIAL = 64;

struct printf_spec {
	unsigned flags = 0;
	int field_width = -1;
	int precision = -1;
	unsigned base = 10;
};

// The output buffer: counts every byte, stores those that fit before the NUL.
class out_buf {
public:
	out_buf(char *buf, std::size_t size) : buf_(buf), size_(size) {}
	void put(char c)
	{
		if (len_ + 1 < size_)
			buf_[len_] = c;
		len_++;
	}
	void put(std::string_view s)
	{
		for (char c : s)
			put(c);
	}
	void pad(int n, char c = ' ')
	{
		while (n-- > 0)
			put(c);
	}
	// Room for a nested vsnprintf (%pV), which then reports how much it wrote.
	char *tail() { return len_ < size_ ? buf_ + len_ : nullptr; }
	std::size_t room() const { return len_ < size_ ? size_ - len_ : 0; }
	void advance(std::size_t n) { len_ += n; }
	void finish()
	{
		if (size_)
			buf_[std::min(len_, size_ - 1)] = '\0';
	}
	std::size_t len() const { return len_; }

private:
	char *buf_;
	std::size_t size_;
	std::size_t len_ = 0;
};

// ---- vsprintf.cpp ----
void number(out_buf &o, unsigned long long num, printf_spec s);
void string_nocheck(out_buf &o, std::string_view s, const printf_spec &spec);
bool check_pointer(out_buf &o, const void *ptr, printf_spec spec);
void string(out_buf &o, const char *s, const printf_spec &spec);
void pointer_string(out_buf &o, std::uint64_t value, printf_spec spec);

// ---- vsprintf_pointer.cpp ----
// %p and its extensions; fmt is just past the 'p'.
void pointer(out_buf &o, const char *fmt, const void *ptr, const printf_spec &spec);

} // namespace sim::vsprintf_core
