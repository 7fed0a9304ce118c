// What the C API's functions share: sets across the boundary, options read into a server, texts
// copied into the caller's fixed fields, and the guard that keeps every exception on this side.
#pragma once

#include <mastoscope/mastoscope.h>

#include <cstddef>
#include <exception>
#include <new>
#include <optional>
#include <string_view>

#include <mastoscope/parse.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/server.hpp>

namespace mastoscope::c_api {

static_assert(scope_count <= MS_SCOPE_WORDS * 64, "ms_scopes must hold every scope of the data");
static_assert(scope_set::words_type{}.size() <= MS_SCOPE_WORDS);

// The scopes of `in` that are scopes of the data; bits past them are dropped.
inline scope_set to_set(ms_scopes const& in) noexcept
{
    scope_set::words_type words{};
    for (std::size_t w = 0; w < words.size(); ++w) words[w] = in.words[w];
    return scope_set::from_words(words) & scope_set::all();
}

// True when `in` holds a bit that is no scope of the data.
inline bool has_stray_bits(ms_scopes const& in) noexcept
{
    scope_set::words_type words{};
    for (std::size_t w = 0; w < words.size(); ++w) words[w] = in.words[w];
    if (!(scope_set::from_words(words) - scope_set::all()).empty()) return true;
    for (std::size_t w = words.size(); w < MS_SCOPE_WORDS; ++w)
        if (in.words[w] != 0) return true;
    return false;
}

inline void from_set(scope_set const& in, ms_scopes& out) noexcept
{
    out = ms_scopes{};
    for (std::size_t w = 0; w < in.words().size(); ++w) out.words[w] = in.words()[w];
}

// A text the caller gave as pointer and length: nullopt for NULL with a length (an argument error).
inline std::optional<std::string_view> text_of(char const* text, std::size_t length) noexcept
{
    if (text == nullptr) return length == 0 ? std::optional<std::string_view>{std::string_view{}} : std::nullopt;
    return std::string_view{text, length};
}

// Copies `text` into a field of `capacity` bytes, NUL-terminated; text that does not fit is cut at a
// UTF-8 character boundary and ends in "...".
void copy_text(std::string_view text, char* field, std::size_t capacity) noexcept;

// An error that says nothing: no status, no column, empty texts (without writing all of its bytes,
// which ms_parse would otherwise pay for on every call).
inline void clear(ms_error& error) noexcept
{
    error.status = MS_OK;
    error.column = 0;
    error.token[0] = error.suggestion[0] = error.message[0] = '\0';
}

// What ms_options says: the server and the parse options (the server's release for Mastodon), or
// the status of what is wrong with it.
struct resolved {
    int status = MS_OK;
    server on;
    parse_options options;
};
resolved resolve(ms_options const* options) noexcept;

// Writes why a call failed into `error` (may be NULL) and returns `status`.
int fail(int status, std::string_view message, ms_error* error) noexcept;
int fail(int status, std::string_view message, ms_answer* out) noexcept;

// Runs `body`, turning an allocation failure into MS_NO_MEMORY and any other exception into
// MS_INTERNAL, so that none crosses into C.
template <class Out, class Body>
int guarded(Out* out, Body&& body) noexcept
{
    try {
        return body();
    } catch (std::bad_alloc const&) {
        return fail(MS_NO_MEMORY, "out of memory", out);
    } catch (std::exception const& e) {
        return fail(MS_INTERNAL, e.what(), out);
    } catch (...) {
        return fail(MS_INTERNAL, "an exception of no known type", out);
    }
}

}  // namespace mastoscope::c_api
