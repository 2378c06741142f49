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
#include "linux/list.h"
#include "linux/stat.h"
#include "linux/export.h"
#include "linux/moduleparam.h"
#include "linux/percpu.h"
/* The kernel's module.h reaches these through kobject.h: a module that includes only
 * module.h still has wait queues, workqueues, timers and jiffies. */
#include "linux/wait.h"
#include "linux/workqueue.h"

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

/* Not yet implemented in v5.4 either: it records nothing. */
#define MODULE_SUPPORTED_DEVICE(name)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)

#endif /* _LINUX_MODULE_H */
