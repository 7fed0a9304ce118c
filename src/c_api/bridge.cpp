// The C API's shared pieces: reading ms_options, copying texts into fixed fields, reporting failures.
#include "bridge.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace mastoscope::c_api {

void copy_text(std::string_view text, char* field, std::size_t capacity) noexcept
{
    if (field == nullptr || capacity == 0) return;
    if (text.size() < capacity) {
        std::memcpy(field, text.data(), text.size());
        field[text.size()] = '\0';
        return;
    }
    constexpr std::string_view ellipsis = "...";
    if (capacity <= ellipsis.size()) {
        field[0] = '\0';
        return;
    }
    // Keep what fits before "...", stepping back over UTF-8 continuation bytes so that no character
    // is cut in two.
    auto keep = capacity - 1 - ellipsis.size();
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
    std::memcpy(field, text.data(), keep);
    std::memcpy(field + keep, ellipsis.data(), ellipsis.size());
    field[keep + ellipsis.size()] = '\0';
}

resolved resolve(ms_options const* options) noexcept
{
    resolved r;
    r.options.server_version = r.on.release;
    if (options == nullptr) return r;
    if (options->mode < 0 || static_cast<std::size_t>(options->mode) >= parse_modes.size()) {
        r.status = MS_BAD_ARGUMENT;
        return r;
    }
    r.options.mode = parse_modes[static_cast<std::size_t>(options->mode)];
    if (options->max_length != 0) r.options.max_length = options->max_length;
    if (options->server != nullptr) {
        // NAME@VERSION is short: read no further than a bound, so that a missing NUL is not run past far.
        constexpr std::size_t longest = 256;
        auto const length = strnlen(options->server, longest + 1);
        auto const parsed = length <= longest ? parse_server({options->server, length}) : std::nullopt;
        if (!parsed) {
            r.status = MS_BAD_SERVER;
            return r;
        }
        r.on = *parsed;
        if (r.on.name == software::mastodon) r.options.server_version = r.on.release;
    }
    return r;
}

int fail(int status, std::string_view message, ms_error* error) noexcept
{
    if (error == nullptr) return status;
    clear(*error);
    error->status = status;
    copy_text(message, error->message, sizeof error->message);
    return status;
}

int fail(int status, std::string_view message, ms_answer* out) noexcept
{
    if (out == nullptr) return status;
    *out = ms_answer{};
    copy_text(message, out->reason, sizeof out->reason);
    return status;
}

}  // namespace mastoscope::c_api
