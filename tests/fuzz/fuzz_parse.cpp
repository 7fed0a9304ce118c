// Fuzzes parse() in one mode (FUZZ_PARSE_MODE: strict, query or lenient) and checks the invariants,
// and the same text as every other server reads it (dialect.hpp).
// Input: one byte choosing the server version ('0' the newest release, then the data's boundaries;
// with the high bit set, max_length is 64), then the scope string.
#include <vector>

#include <mastoscope/parse.hpp>

#include "../invariants/invariants.hpp"
#include "../support.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    static std::vector<mastoscope::version> const versions = test::boundary_versions();
    if (size == 0) return 0;
    mastoscope::parse_options options;
    options.mode = mastoscope::parse_mode::FUZZ_PARSE_MODE;
    options.server_version = versions[static_cast<std::uint8_t>((data[0] & 0x7f) - '0') % versions.size()];
    if (data[0] & 0x80) options.max_length = 64;
    auto const text = fuzz::as_text(data + 1, size - 1);
    fuzz::require(invariants::check_parse(text, options), fuzz::as_text(data, size));
    fuzz::require(invariants::check_policies_agree(text, options), fuzz::as_text(data, size));
    fuzz::require(invariants::check_dialect(text, options), fuzz::as_text(data, size));
    return 0;
}
