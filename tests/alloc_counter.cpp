// Replaces the global operator new/delete of the test binary to count allocations; kept in its own
// translation unit so the compiler never pairs these with inlined calls elsewhere.
#include "alloc_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::size_t> allocations{0};
}

std::size_t test::allocation_count() noexcept { return allocations.load(); }

void* operator new(std::size_t size)
{
    ++allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc{};
}
void* operator new(std::size_t size, std::nothrow_t const&) noexcept  // std::stable_sort's buffer uses this
{
    ++allocations;
    return std::malloc(size ? size : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
