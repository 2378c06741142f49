/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

#include "uapi/linux/fcntl.h"

#endif /* _LINUX_FCNTL_H */
