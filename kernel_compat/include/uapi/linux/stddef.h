/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _UAPI_LINUX_STDDEF_H
#define _UAPI_LINUX_STDDEF_H

#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif

#endif /* _UAPI_LINUX_STDDEF_H */
