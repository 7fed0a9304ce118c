// The C API: parsing, statuses, Mastodon's history of each scope, and the servers.
#include <mastoscope/mastoscope.h>

#include <string_view>

#include <mastoscope/dialect.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/text.hpp>

#include "bridge.hpp"

namespace ms = mastoscope;
namespace c_api = mastoscope::c_api;

namespace {

// The statuses 1 to 7 are the error kinds of a parse, in diagnostic_kind's order.
constexpr int status_of(ms::diagnostic_kind kind) noexcept { return static_cast<int>(kind) + 1; }
static_assert(status_of(ms::diagnostic_kind::empty) == MS_EMPTY);
static_assert(status_of(ms::diagnostic_kind::bad_character) == MS_BAD_CHARACTER);
static_assert(status_of(ms::diagnostic_kind::bad_escape) == MS_BAD_ESCAPE);
static_assert(status_of(ms::diagnostic_kind::unknown_scope) == MS_UNKNOWN_SCOPE);
static_assert(status_of(ms::diagnostic_kind::not_yet_added) == MS_NOT_YET_ADDED);
static_assert(status_of(ms::diagnostic_kind::removed) == MS_REMOVED);
static_assert(status_of(ms::diagnostic_kind::too_long) == MS_TOO_LONG);

// The statuses of a call that is wrong, from MS_BAD_ARGUMENT on.
constexpr char const* call_statuses[] = {"bad_argument", "bad_server", "no_route_table",
                                         "no_route",     "no_memory",  "internal"};
static_assert(std::size(call_statuses) == MS_INTERNAL - MS_BAD_ARGUMENT + 1);

std::string_view why(int status) noexcept
{
    switch (status) {
    case MS_BAD_ARGUMENT: return "a NULL pointer with a length, or a mode out of range";
    case MS_BAD_SERVER: return "options.server is not NAME[@VERSION] of a server the data describes";
    default: return "";
    }
}

void write_version(std::optional<ms::version> const& v, char* field, std::size_t capacity)
{
    c_api::copy_text(v ? ms::to_string(*v) : std::string{}, field, capacity);
}

// What ms_parse answers for a result: its scopes, and its first error.
int report(ms::parse_result const& result, ms_scopes* out, ms_error* error)
{
    if (out) c_api::from_set(result.scopes(), *out);
    if (result) return MS_OK;
    for (auto const& d : result.diagnostics()) {
        if (!d.is_error()) continue;
        if (error) {
            error->status = status_of(d.kind());
            error->column = d.column();
            c_api::copy_text(d.token(), error->token, sizeof error->token);
            c_api::copy_text(d.suggestion(), error->suggestion, sizeof error->suggestion);
            c_api::copy_text(d.message(), error->message, sizeof error->message);
        }
        return status_of(d.kind());
    }
    return MS_INTERNAL;  // an invalid result holds an error: not reached
}

std::optional<ms::software> software_of(int index) noexcept
{
    if (index < 0 || static_cast<std::size_t>(index) >= ms::software_count) return std::nullopt;
    return static_cast<ms::software>(index);
}

}  // namespace

extern "C" {

const char* ms_status_name(int status)
{
    if (status == MS_OK) return "ok";
    if (status >= MS_EMPTY && status <= MS_TOO_LONG)
        return ms::to_string(static_cast<ms::diagnostic_kind>(status - 1)).data();
    if (status >= MS_BAD_ARGUMENT && status <= MS_INTERNAL) return call_statuses[status - MS_BAD_ARGUMENT];
    return "";
}

int ms_parse(const char* text, size_t length, const ms_options* options, ms_scopes* out, ms_error* error)
{
    if (out) *out = ms_scopes{};
    if (error) c_api::clear(*error);
    auto const input = c_api::text_of(text, length);
    if (!input) return c_api::fail(MS_BAD_ARGUMENT, why(MS_BAD_ARGUMENT), error);
    // No options is what a server of the newest release asks on every request: the overload whose
    // masks are found at compile time, with nothing to resolve.
    if (options == nullptr) return c_api::guarded(error, [&] { return report(ms::parse(*input), out, error); });
    auto const r = c_api::resolve(options);
    if (r.status != MS_OK) return c_api::fail(r.status, why(r.status), error);
    return c_api::guarded(error, [&] {
        return report(
            r.on.name == ms::software::mastodon ? ms::parse(*input, r.options) : ms::parse(*input, r.on, r.options),
            out, error);
    });
}

int ms_scope_history(int id, ms_history* out)
{
    if (out) *out = ms_history{};
    if (!out || id < 0 || static_cast<std::size_t>(id) >= ms::scope_count) return MS_BAD_ARGUMENT;
    auto const s = static_cast<ms::scope>(id);
    return c_api::guarded(static_cast<ms_error*>(nullptr), [&] {
        write_version(ms::added_in(s), out->added, sizeof out->added);
        write_version(ms::deprecated_in(s), out->deprecated, sizeof out->deprecated);
        write_version(ms::removed_in(s), out->removed, sizeof out->removed);
        return static_cast<int>(MS_OK);
    });
}

int ms_server_count(void) { return static_cast<int>(ms::software_count); }

const char* ms_server_name(int index)
{
    auto const s = software_of(index);
    return s ? ms::to_string(*s).data() : nullptr;
}

const char* ms_server_display_name(int index)
{
    auto const s = software_of(index);
    return s ? ms::display_name(*s).data() : nullptr;
}

size_t ms_server_newest_release(int index, char* buffer, size_t capacity)
{
    auto const s = software_of(index);
    if (!s) {
        if (buffer && capacity) buffer[0] = '\0';
        return 0;
    }
    try {
        auto const whole = ms::to_string(ms::newest_release_of(*s));
        auto const kept = std::string_view{whole}.substr(0, capacity ? capacity - 1 : 0);
        c_api::copy_text(kept, buffer, capacity);  // it fits: cut as snprintf cuts, with no "..."
        return whole.size();
    } catch (...) {  // no memory for the text
        if (buffer && capacity) buffer[0] = '\0';
        return 0;
    }
}

int ms_server_scopes(const ms_options* options, ms_scopes* out)
{
    if (out) *out = ms_scopes{};
    auto const r = c_api::resolve(options);
    if (r.status != MS_OK) return r.status;
    if (!out) return MS_BAD_ARGUMENT;
    c_api::from_set(ms::vocabulary(r.on), *out);
    return MS_OK;
}

}  // extern "C"
