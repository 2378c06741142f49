/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#include "uapi/asm-generic/fcntl.h"

#endif /* _UAPI_LINUX_FCNTL_H */
