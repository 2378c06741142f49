/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _UAPI_LINUX_IOCTL_H
#define _UAPI_LINUX_IOCTL_H

#include "uapi/asm-generic/ioctl.h"

#endif /* _UAPI_LINUX_IOCTL_H */
