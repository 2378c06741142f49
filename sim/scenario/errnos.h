// SPDX-License-Identifier: GPL-2.0-only
// The errno names a scenario may write (`expect insmod m failed with -ENOMEM`) and the results
// it reports, with the values linux/errno.h gives them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::scenario {

// ENOMEM, EBUSY, ...: the positive value, and the name of one.
std::optional<std::uint32_t> errno_value(std::string_view name);
std::string errno_name(int err);

} // namespace sim::scenario
