// Counts heap allocations in the test binary (alloc_counter.cpp replaces the global operator new).
#pragma once

#include <cstddef>

namespace test {
std::size_t allocation_count() noexcept;
}
