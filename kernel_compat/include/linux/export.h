/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every module's symbols are visible to the simulator (it resolves them with dlsym), so
 * exports need no bookkeeping; THIS_MODULE is NULL, as in code built into the kernel.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

struct module;

#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define EXPORT_SYMBOL_NS(sym, ns)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)
#define THIS_MODULE ((struct module *)0)

#endif /* _LINUX_EXPORT_H */
