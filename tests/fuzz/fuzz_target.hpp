// What every fuzz target shares: the libFuzzer entry point's signature and how a broken invariant ends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);

namespace fuzz {

inline std::string_view as_text(std::uint8_t const* data, std::size_t size)
{
    return {reinterpret_cast<char const*>(data), size};
}

// Aborts, so that libFuzzer saves the input as a crash, when `failure` names a broken invariant.
inline void require(std::string const& failure, std::string_view input)
{
    if (failure.empty()) return;
    std::fprintf(stderr, "invariant broken: %s\ninput (%zu bytes):", failure.c_str(), input.size());
    for (unsigned char c : input) std::fprintf(stderr, " %02x", c);
    std::fprintf(stderr, "\n");
    std::abort();
}

}  // namespace fuzz
