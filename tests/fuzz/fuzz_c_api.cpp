// Fuzzes the C API's entry points with what a careless or hostile caller passes them.
// Input: one byte choosing the mode (its low two bits, 3 being out of range) and the server (the
// next bits, one past the last being a name no server has), then text whose first newline, if any,
// splits it in two: a scope string and a second one (the requested scopes, or a path).
// Checks: nothing crashes or reads past what it was given (the sanitizers watch), every status is a
// known one, the C answer agrees with the C++ one, and a valid set formats back to itself.
#include <mastoscope/mastoscope.h>

#include <string>
#include <vector>

#include <mastoscope/dialect.hpp>
#include <mastoscope/text.hpp>

#include "fuzz_target.hpp"

namespace ms = mastoscope;

namespace {

std::string format(ms_scopes const& set)
{
    std::string text(ms_format(&set, nullptr, 0), '\0');
    ms_format(&set, text.data(), text.size() + 1);
    return text;
}

bool known_status(int status)
{
    return (status >= MS_OK && status <= MS_TOO_LONG) || (status >= MS_BAD_ARGUMENT && status <= MS_INTERNAL);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    if (size == 0) return 0;
    auto const input = fuzz::as_text(data, size);
    int const mode = data[0] & 3;
    auto const server_index = static_cast<std::size_t>(data[0] >> 2) % (ms::software_count + 1);
    std::string const server = server_index < ms::software_count
                                   ? std::string(ms::to_string(static_cast<ms::software>(server_index)))
                                   : "nope";
    ms_options const options{mode, server.c_str(), 0};
    auto const text = input.substr(1);
    auto const newline = text.find('\n');
    auto const first = text.substr(0, newline);
    auto const second = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);

    ms_scopes out;
    ms_error error;
    auto const status = ms_parse(first.data(), first.size(), &options, &out, &error);
    fuzz::require(known_status(status) ? "" : "unknown status " + std::to_string(status), input);
    fuzz::require(status == error.status ? "" : "status and error.status differ", input);
    if (mode < 3 && server_index < ms::software_count) {
        ms::parse_options cpp;
        cpp.mode = ms::parse_modes[static_cast<std::size_t>(mode)];
        auto const expected = ms::parse(first, ms::server{static_cast<ms::software>(server_index)}, cpp);
        fuzz::require((status == MS_OK) == static_cast<bool>(expected) ? "" : "validity differs from parse()", input);
        fuzz::require(format(out) == ms::to_string(expected.scopes()) ? "" : "scopes differ from parse()", input);
        if (status == MS_OK) {  // the set, formatted, reads back as itself in strict mode
            ms_options const strict{MS_MODE_STRICT, server.c_str(), 0};
            auto const again = format(out);
            ms_scopes back;
            if (!again.empty()) {
                auto const reread = ms_parse(again.data(), again.size(), &strict, &back, nullptr);
                fuzz::require(reread == MS_OK && ms_equal(&back, &out) ? "" : "the formatted set does not read back",
                              input);
            }
        }
    } else {
        fuzz::require(status == MS_BAD_ARGUMENT || status == MS_BAD_SERVER ? "" : "bad options were accepted", input);
    }

    ms_lookup(first.data(), first.size());
    ms_answer answer;
    for (int grant = -1; grant <= 2; ++grant) {
        auto const s = ms_authorize(first.data(), first.size(), second.data(), second.size(), grant, &options, &answer);
        fuzz::require(known_status(s) ? "" : "ms_authorize: unknown status", input);
        fuzz::require(answer.ok == 0 || s == MS_OK ? "" : "ms_authorize: ok with a failed call", input);
    }
    fuzz::require(known_status(ms_register(first.data(), first.size(), &options, &answer)) ? "" : "ms_register", input);
    auto const e = ms_endpoint(first.data(), first.size(), second.data(), second.size(), &out, &options, &answer);
    fuzz::require(known_status(e) ? "" : "ms_endpoint: unknown status", input);
    std::string const request{text};
    char const* requests[] = {request.c_str()};
    fuzz::require(known_status(ms_plan(requests, 1, &options, &answer)) ? "" : "ms_plan: unknown status", input);
    return 0;
}
