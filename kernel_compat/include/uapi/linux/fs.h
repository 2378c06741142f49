/* SPDX-License-Identifier: GPL-2.0-only */
/* The file-system ioctls and seek whences user space shares with the kernel
 * (include/uapi/linux/fs.h), the part modules use. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#include "uapi/linux/ioctl.h"
#include "uapi/linux/types.h"

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define SEEK_MAX SEEK_HOLE

#define BLKROSET _IO(0x12, 93)
#define BLKROGET _IO(0x12, 94)
#define BLKGETSIZE _IO(0x12, 96)
#define BLKFLSBUF _IO(0x12, 97)
#define BLKSSZGET _IO(0x12, 104)
#define BLKGETSIZE64 _IOR(0x12, 114, size_t)
#define FIBMAP _IO(0x00, 1)
#define FIGETBSZ _IO(0x00, 2)

#endif /* _UAPI_LINUX_FS_H */
