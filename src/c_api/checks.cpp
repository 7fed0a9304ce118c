// The C API: the servers' real checks (register, authorize) and Mastodon's routes (endpoint, plan).
#include <mastoscope/mastoscope.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include <mastoscope/dialect.hpp>
#include <mastoscope/mastodon.hpp>
#include <mastoscope/text.hpp>

#include "bridge.hpp"

namespace ms = mastoscope;
namespace md = mastoscope::mastodon;
namespace c_api = mastoscope::c_api;

namespace {

// A parameter as the caller gave it: absent for NULL (whatever the length).
std::optional<std::string_view> parameter_of(char const* text, std::size_t length) noexcept
{
    if (text == nullptr) return std::nullopt;
    return std::string_view{text, length};
}

// The names of a scope list that are scopes of the data, and how many are not.
void write_names(std::vector<std::string> const& names, ms_answer& out) noexcept
{
    ms::scope_set known;
    for (auto const& n : names) {
        if (auto const s = ms::lookup(n))
            known.insert(*s);
        else
            ++out.unknown;
    }
    c_api::from_set(known, out.scopes);
}

void write_verdict(bool ok, int status, std::string_view oauth_error, std::string_view reason, ms_answer& out) noexcept
{
    out.ok = ok ? 1 : 0;
    out.status = status;
    c_api::copy_text(oauth_error, out.oauth_error, sizeof out.oauth_error);
    c_api::copy_text(reason, out.reason, sizeof out.reason);
}

// The route a request reaches at the release, or nullptr when none of that release matches it.
md::route const* route_at(std::string_view method, std::string_view path, ms::version const& release) noexcept
{
    auto const* r = md::match(method, path, release);
    return r && md::exists_at(*r, release) ? r : nullptr;
}

int no_route(std::string_view method, std::string_view path, ms::version const& release, ms_answer* out)
{
    return c_api::fail(MS_NO_ROUTE,
                       fmt::format("no route of Mastodon {} matches {} {}", ms::to_string(release), method, path), out);
}

}  // namespace

extern "C" {

int ms_register(const char* scopes, size_t length, const ms_options* options, ms_answer* out)
{
    if (out) *out = ms_answer{};
    auto const r = c_api::resolve(options);
    if (r.status != MS_OK) return c_api::fail(r.status, "options are not valid", out);
    if (!out) return MS_BAD_ARGUMENT;
    auto const parameter = parameter_of(scopes, length);
    return c_api::guarded(out, [&] {
        if (r.on.name == ms::software::mastodon) {
            auto const result = md::register_app(parameter, r.on.release);
            write_verdict(result.ok, result.status, "", result.reason, *out);
            write_names(result.stored.names, *out);
        } else {
            auto const result = ms::register_on(r.on, parameter);
            write_verdict(result.ok, result.status, "", ms::message(result), *out);
            write_names(result.stored, *out);
        }
        return static_cast<int>(MS_OK);
    });
}

int ms_authorize(const char* registered, size_t registered_length, const char* requested, size_t requested_length,
                 int grant, const ms_options* options, ms_answer* out)
{
    if (out) *out = ms_answer{};
    auto const r = c_api::resolve(options);
    if (r.status != MS_OK) return c_api::fail(r.status, "options are not valid", out);
    if (!out || grant < 0 || static_cast<std::size_t>(grant) >= md::grant_types.size())
        return c_api::fail(MS_BAD_ARGUMENT, "grant is not an ms_grant", out);
    auto const app_scopes = parameter_of(registered, registered_length);
    auto const parameter = parameter_of(requested, requested_length);
    auto const how = md::grant_types[static_cast<std::size_t>(grant)];
    return c_api::guarded(out, [&] {
        if (r.on.name == ms::software::mastodon) {
            auto const app = md::register_app(app_scopes, r.on.release);
            if (!app)
                return c_api::fail(
                    MS_BAD_ARGUMENT,
                    fmt::format("no such app: Mastodon would not register its scopes ({}: {})", app.status, app.reason),
                    out);
            auto const result = md::authorize(app.stored, parameter, how, r.on.release);
            write_verdict(result.ok, result.status, result.oauth_error, result.reason, *out);
            write_names(result.scopes.names, *out);
        } else {
            auto const app = ms::register_on(r.on, app_scopes);
            if (!app)
                return c_api::fail(MS_BAD_ARGUMENT,
                                   fmt::format("no such app: {} would not register its scopes ({}: {})",
                                               ms::display_name(r.on.name), app.status, ms::message(app)),
                                   out);
            auto const result = ms::authorize_on(r.on, app.stored, parameter, how);
            write_verdict(result.ok, result.status, result.oauth_error, ms::message(result, r.on, parameter), *out);
            write_names(result.scopes, *out);
        }
        return static_cast<int>(MS_OK);
    });
}

int ms_endpoint(const char* method, size_t method_length, const char* path, size_t path_length, const ms_scopes* token,
                const ms_options* options, ms_answer* out)
{
    if (out) *out = ms_answer{};
    auto const r = c_api::resolve(options);
    if (r.status != MS_OK) return c_api::fail(r.status, "options are not valid", out);
    auto const verb = c_api::text_of(method, method_length);
    auto const where = c_api::text_of(path, path_length);
    if (!out || !verb || !where) return c_api::fail(MS_BAD_ARGUMENT, "a NULL pointer with a length", out);
    if (r.on.name != ms::software::mastodon)
        return c_api::fail(MS_NO_ROUTE_TABLE, "the data has a route table for Mastodon only", out);
    return c_api::guarded(out, [&] {
        auto const* found = route_at(*verb, *where, r.on.release);
        if (!found) return no_route(*verb, *where, r.on.release, out);
        auto const then = md::at(*found, r.on.release);
        auto const verdict =
            md::allows(then, token ? std::optional<ms::scope_set>{c_api::to_set(*token)} : std::nullopt);
        write_verdict(verdict.ok, verdict.status, "", verdict.reason, *out);
        c_api::from_set(then.accepts, out->scopes);
        return static_cast<int>(MS_OK);
    });
}

int ms_plan(const char* const* requests, size_t count, const ms_options* options, ms_answer* out)
{
    if (out) *out = ms_answer{};
    auto const r = c_api::resolve(options);
    if (r.status != MS_OK) return c_api::fail(r.status, "options are not valid", out);
    if (!out || (requests == nullptr && count != 0))
        return c_api::fail(MS_BAD_ARGUMENT, "a NULL pointer with a count", out);
    if (r.on.name != ms::software::mastodon)
        return c_api::fail(MS_NO_ROUTE_TABLE, "the data has a route table for Mastodon only", out);
    return c_api::guarded(out, [&] {
        std::vector<md::route const*> wanted;
        for (std::size_t i = 0; i < count; ++i) {
            if (requests[i] == nullptr) return c_api::fail(MS_BAD_ARGUMENT, "a NULL request", out);
            std::string_view const request{requests[i]};
            auto const space = request.find(' ');
            auto const verb = request.substr(0, space);
            auto const where = space == std::string_view::npos ? std::string_view{} : request.substr(space + 1);
            auto const* found = route_at(verb, where, r.on.release);
            if (!found) return no_route(verb, where, r.on.release, out);
            wanted.push_back(found);
        }
        auto const result = md::plan(wanted, r.on.release);
        write_verdict(result.ok, 0, "", result.reason, *out);
        c_api::from_set(result.scopes, out->scopes);
        return static_cast<int>(MS_OK);
    });
}

}  // extern "C"
