// SPDX-License-Identifier: GPL-2.0-only
// kernel/params.c of v5.4: the stock parameter types, arrays and strings, parse_args() for a
// module's load, and the show side of /sys/module/<module>/parameters.
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <map>

#include "kernel_compat/params.h"
#include "linux/errno.h"
#include "linux/mm.h"
#include "linux/printk.h"
#include "linux/slab.h"

namespace {

// scnprintf(buffer, PAGE_SIZE, ...): what was written, never more than the page holds.
__printf(2, 3) int show(char *buffer, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buffer, PAGE_SIZE, fmt, ap);
	va_end(ap);
	return n < static_cast<int>(PAGE_SIZE) ? n : static_cast<int>(PAGE_SIZE) - 1;
}

template <typename T>
T &value(const kernel_param *kp)
{
	return *static_cast<T *>(kp->arg);
}

// kmalloc_parameter(): a charp's copy, after the list head the kernel keeps it on (so it
// takes the kmalloc size class it takes there).
struct kmalloced_param_header {
	void *next, *prev;
};
std::map<char *, void *> kmalloced_params; // the copy -> its allocation

char *kmalloc_parameter(std::size_t size)
{
	void *p = kmalloc(sizeof(kmalloced_param_header) + size, GFP_KERNEL);
	if (!p)
		return nullptr;
	char *val = static_cast<char *>(p) + sizeof(kmalloced_param_header);
	kmalloced_params[val] = p;
	return val;
}

void maybe_kfree_parameter(char *val)
{
	if (auto it = kmalloced_params.find(val); it != kmalloced_params.end()) {
		kfree(it->second);
		kmalloced_params.erase(it);
	}
}

int dash2underscore(char c) { return c == '-' ? '_' : c; }

bool parameq(const char *a, const char *b)
{
	for (std::size_t i = 0;; i++) {
		if (dash2underscore(a[i]) != dash2underscore(b[i]))
			return false;
		if (!a[i])
			return true;
	}
}

// next_arg() of lib/cmdline.c: one "param[=val]" off the front of `args`, quotes allowed.
char *next_arg(char *args, char **param, char **val)
{
	unsigned i, equals = 0;
	bool in_quote = false, quoted = false;
	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}
	for (i = 0; args[i]; i++) {
		if (std::isspace(static_cast<unsigned char>(args[i])) && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	*param = args;
	*val = nullptr;
	if (equals) {
		args[equals] = '\0';
		*val = args + equals + 1;
		if (**val == '"') { // the quotes are not part of the value
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';
	char *next = args + i;
	if (*next)
		*next++ = '\0';
	while (std::isspace(static_cast<unsigned char>(*next)))
		next++;
	return next;
}

int parse_one(char *param, char *val, const std::string &modname, std::span<kernel_param> params)
{
	for (auto &p : params) {
		if (!parameq(param, p.name))
			continue;
		if (!val && !(p.ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			return -EINVAL;
		if (p.flags & KERNEL_PARAM_FL_UNSAFE) {
			printk(KERN_NOTICE "Setting dangerous option %s - tainting kernel\n", p.name);
			add_taint(TAINT_USER, LOCKDEP_STILL_OK);
		}
		return p.ops->set(val, &p);
	}
	// unknown_module_param_cb(): a module ignores what it does not know.
	if (std::strcmp(param, "async_probe") != 0 && std::strcmp(param, "dyndbg") != 0)
		printk(KERN_WARNING "%s: unknown parameter '%s' ignored\n", modname.c_str(), param);
	return 0;
}

int param_array(const char *name, const char *val, unsigned min, unsigned max, void *elem, int elemsize,
		int (*set)(const char *, const struct kernel_param *), s8 level, unsigned *num)
{
	kernel_param kp{};
	kp.name = name;
	kp.arg = elem;
	kp.level = level;
	*num = 0;
	char save;
	do { // a comma-separated list, parsed in place
		if (*num == max) {
			printk(KERN_ERR "%s: can only take %i arguments\n", name, max);
			return -EINVAL;
		}
		std::size_t len = std::strcspn(val, ",");
		save = val[len];
		const_cast<char *>(val)[len] = '\0';
		if (int ret = set(val, &kp))
			return ret;
		kp.arg = static_cast<char *>(kp.arg) + elemsize;
		val += len + 1;
		(*num)++;
	} while (save == ',');
	if (*num < min) {
		printk(KERN_ERR "%s: needs at least %i arguments\n", name, min);
		return -EINVAL;
	}
	return 0;
}

int param_array_set(const char *val, const struct kernel_param *kp)
{
	const kparam_array *arr = kp->arr;
	unsigned temp_num;
	return param_array(kp->name, val, 1, arr->max, arr->elem, arr->elemsize, arr->ops->set, kp->level,
			   arr->num ? arr->num : &temp_num);
}

int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const kparam_array *arr = kp->arr;
	kernel_param p = *kp;
	int off = 0;
	for (unsigned i = 0; i < (arr->num ? *arr->num : arr->max); i++) {
		if (i)
			buffer[off - 1] = ','; // the element's '\n' becomes the separator
		p.arg = static_cast<char *>(arr->elem) + arr->elemsize * i;
		int ret = arr->ops->get(buffer + off, &p);
		if (ret < 0)
			return ret;
		off += ret;
	}
	buffer[off] = '\0';
	return off;
}

void param_array_free(void *arg)
{
	auto *arr = static_cast<const kparam_array *>(arg);
	if (arr->ops->free)
		for (unsigned i = 0; i < (arr->num ? *arr->num : arr->max); i++)
			arr->ops->free(static_cast<char *>(arr->elem) + arr->elemsize * i);
}

} // namespace

extern "C" {

int param_set_byte(const char *val, const struct kernel_param *kp) { return kstrtou8(val, 0, &value<u8>(kp)); }
int param_get_byte(char *buffer, const struct kernel_param *kp) { return show(buffer, "%hhu\n", value<u8>(kp)); }
int param_set_short(const char *val, const struct kernel_param *kp) { return kstrtos16(val, 0, &value<s16>(kp)); }
int param_get_short(char *buffer, const struct kernel_param *kp) { return show(buffer, "%hi\n", value<s16>(kp)); }
int param_set_ushort(const char *val, const struct kernel_param *kp) { return kstrtou16(val, 0, &value<u16>(kp)); }
int param_get_ushort(char *buffer, const struct kernel_param *kp) { return show(buffer, "%hu\n", value<u16>(kp)); }
int param_set_int(const char *val, const struct kernel_param *kp) { return kstrtoint(val, 0, &value<int>(kp)); }
int param_get_int(char *buffer, const struct kernel_param *kp) { return show(buffer, "%i\n", value<int>(kp)); }
int param_set_uint(const char *val, const struct kernel_param *kp) { return kstrtouint(val, 0, &value<unsigned>(kp)); }
int param_get_uint(char *buffer, const struct kernel_param *kp) { return show(buffer, "%u\n", value<unsigned>(kp)); }
int param_set_long(const char *val, const struct kernel_param *kp) { return kstrtol(val, 0, &value<long>(kp)); }
int param_get_long(char *buffer, const struct kernel_param *kp) { return show(buffer, "%li\n", value<long>(kp)); }
int param_set_ulong(const char *val, const struct kernel_param *kp) { return kstrtoul(val, 0, &value<unsigned long>(kp)); }
int param_get_ulong(char *buffer, const struct kernel_param *kp) { return show(buffer, "%lu\n", value<unsigned long>(kp)); }
int param_set_ullong(const char *val, const struct kernel_param *kp)
{
	return kstrtoull(val, 0, &value<unsigned long long>(kp));
}
int param_get_ullong(char *buffer, const struct kernel_param *kp)
{
	return show(buffer, "%llu\n", value<unsigned long long>(kp));
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	if (std::strlen(val) > 1024) {
		printk(KERN_ERR "%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}
	maybe_kfree_parameter(value<char *>(kp));
	char *copy = kmalloc_parameter(std::strlen(val) + 1);
	if (!copy)
		return -ENOMEM;
	value<char *>(kp) = std::strcpy(copy, val);
	return 0;
}
int param_get_charp(char *buffer, const struct kernel_param *kp) { return show(buffer, "%s\n", value<char *>(kp)); }
void param_free_charp(void *arg) { maybe_kfree_parameter(*static_cast<char **>(arg)); }

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return kstrtobool(val ? val : "1", &value<bool>(kp)); // no "=value" means set
}
int param_get_bool(char *buffer, const struct kernel_param *kp) { return show(buffer, "%c\n", value<bool>(kp) ? 'Y' : 'N'); }

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int ret = kstrtobool(val ? val : "1", &v);
	if (ret == 0)
		value<bool>(kp) = !v;
	return ret;
}
int param_get_invbool(char *buffer, const struct kernel_param *kp) { return show(buffer, "%c\n", value<bool>(kp) ? 'N' : 'Y'); }

int param_set_bint(const char *val, const struct kernel_param *kp)
{
	bool v;
	int ret = kstrtobool(val ? val : "1", &v);
	if (ret == 0)
		value<int>(kp) = v;
	return ret;
}

int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const kparam_string *kps = kp->str;
	if (std::strlen(val) + 1 > kps->maxlen) {
		printk(KERN_ERR "%s: string doesn't fit in %u chars.\n", kp->name, kps->maxlen - 1);
		return -ENOSPC;
	}
	std::strcpy(kps->string, val);
	return 0;
}
int param_get_string(char *buffer, const struct kernel_param *kp) { return show(buffer, "%s\n", kp->str->string); }

const struct kernel_param_ops param_ops_byte = {0, param_set_byte, param_get_byte, nullptr};
const struct kernel_param_ops param_ops_short = {0, param_set_short, param_get_short, nullptr};
const struct kernel_param_ops param_ops_ushort = {0, param_set_ushort, param_get_ushort, nullptr};
const struct kernel_param_ops param_ops_int = {0, param_set_int, param_get_int, nullptr};
const struct kernel_param_ops param_ops_uint = {0, param_set_uint, param_get_uint, nullptr};
const struct kernel_param_ops param_ops_long = {0, param_set_long, param_get_long, nullptr};
const struct kernel_param_ops param_ops_ulong = {0, param_set_ulong, param_get_ulong, nullptr};
const struct kernel_param_ops param_ops_ullong = {0, param_set_ullong, param_get_ullong, nullptr};
const struct kernel_param_ops param_ops_charp = {0, param_set_charp, param_get_charp, param_free_charp};
const struct kernel_param_ops param_ops_bool = {KERNEL_PARAM_OPS_FL_NOARG, param_set_bool, param_get_bool, nullptr};
const struct kernel_param_ops param_ops_invbool = {0, param_set_invbool, param_get_invbool, nullptr};
const struct kernel_param_ops param_ops_bint = {KERNEL_PARAM_OPS_FL_NOARG, param_set_bint, param_get_int, nullptr};
const struct kernel_param_ops param_ops_string = {0, param_set_copystring, param_get_string, nullptr};
const struct kernel_param_ops param_array_ops = {0, param_array_set, param_array_get, param_array_free};

} // extern "C"

namespace sim {

int parse_module_args(const std::string &modname, std::string buffer, std::span<kernel_param> params)
{
	char *args = buffer.data();
	int err = 0;
	while (std::isspace(static_cast<unsigned char>(*args)))
		args++;
	while (*args) {
		char *param, *val;
		args = next_arg(args, &param, &val);
		if (!val && std::strcmp(param, "--") == 0) {
			if (!err)
				printk(KERN_WARNING "%s: parameters '%s' after `--' ignored\n", modname.c_str(), args);
			break;
		}
		int ret = parse_one(param, val, modname, params);
		if (ret == 0)
			continue;
		if (ret == -ENOSPC)
			printk(KERN_ERR "%s: `%s' too large for parameter `%s'\n", modname.c_str(), val ? val : "", param);
		else
			printk(KERN_ERR "%s: `%s' invalid for parameter `%s'\n", modname.c_str(), val ? val : "", param);
		err = ret;
	}
	return err;
}

void destroy_params(std::span<kernel_param> params)
{
	for (auto &p : params)
		if (p.ops->free)
			p.ops->free(p.arg);
}

std::optional<std::string> param_sysfs_show(std::span<kernel_param> params, const std::string &name)
{
	for (auto &p : params) {
		if (name != p.name || !p.perm)
			continue;
		if (!p.ops->get)
			return std::nullopt;
		std::string page(PAGE_SIZE, '\0');
		int n = p.ops->get(page.data(), &p);
		page.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
		return page;
	}
	return std::nullopt;
}

} // namespace sim
