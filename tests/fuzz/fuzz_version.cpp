// Fuzzes parse_version(): the text before the first newline, and the text after it, are each checked
// against SemVer, and when both parse, their order is; each is also read as a server value and in
// every server's own version format (parse_server, parse_release).
#include "../invariants/invariants.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const input = fuzz::as_text(data, size);
    auto const newline = input.find('\n');
    auto const a = input.substr(0, newline);
    fuzz::require(invariants::check_version(a), input);
    fuzz::require(invariants::check_server(a), input);
    if (newline == std::string_view::npos) return 0;
    auto const b = input.substr(newline + 1);
    fuzz::require(invariants::check_version(b), input);
    fuzz::require(invariants::check_server(b), input);
    fuzz::require(invariants::check_version_order(a, b), input);
    return 0;
}
