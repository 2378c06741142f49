/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loadable modules. As in the kernel, module_init()/module_exit() make the module's
 * entry points known under the fixed names init_module and cleanup_module (aliases of
 * the module's own functions); the loader finds them with dlsym(). MODULE_* strings go
 * to a ".modinfo" section as "tag=value" records, which the loader reads.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include "linux/compiler.h"
#include "linux/init.h"
#include "linux/kernel.h"
#include "linux/types.h"
#include "linux/errno.h"
#include "linux/printk.h"

#define __MODULE_CAT2(a, b) a##b
#define __MODULE_CAT(a, b) __MODULE_CAT2(a, b)
#define __MODULE_INFO(tag, info)                                                               \
	static const char __MODULE_CAT(__modinfo_, __COUNTER__)[]                              \
		__attribute__((section(".modinfo"), used, aligned(1))) = #tag "=" info

#define MODULE_INFO(tag, info) __MODULE_INFO(tag, info)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_PARM_DESC(_parm, desc) MODULE_INFO(parm, #_parm ":" desc)

#define module_init(initfn)                                                                    \
	static inline initcall_t __maybe_unused __inittest(void) { return initfn; }            \
	int init_module(void) __attribute__((alias(#initfn)))
#define module_exit(exitfn)                                                                    \
	static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; }            \
	void cleanup_module(void) __attribute__((alias(#exitfn)))

/* Every module's symbols are visible to the simulator; exports need no bookkeeping. */
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define THIS_MODULE ((struct module *)0)

/* Parameters take their initial values: the simulator passes none on insmod. */
#define module_param(name, type, perm)
#define module_param_named(name, value, type, perm)
#define module_param_array(name, type, nump, perm)

struct module;

#endif /* _LINUX_MODULE_H */
