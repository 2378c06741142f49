/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Section annotations mean nothing in user space: init code is not discarded after
 * module_init(), so these are empty. They are the modules' alone: libstdc++ uses __init as
 * an identifier, so the simulator's C++ never sees them, whatever it includes first.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include "linux/compiler.h"

#ifndef __cplusplus
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst
#define __devinit
#define __devexit
#endif

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#endif /* _LINUX_INIT_H */
