// register and authorize under another server: its registration and token-request facts
// (data/servers.yaml), as the library's register_on and authorize_on answer them.
#include <string>

#include <fmt/format.h>

#include <mastoscope/dialect.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;

namespace {

std::string list_text(std::vector<std::string> const& names)
{
    if (names.empty()) return "-";
    std::string out;
    for (auto const& n : names) out += (out.empty() ? "'" : "' '") + printable(n);
    return out + "'";
}

std::optional<std::optional<std::string>> parameter_of(settings const& s, std::optional<std::string_view> text,
                                                       std::string_view argument, answer& bad)
{
    if (!text) return std::optional<std::string>{};
    auto read = read_parameter(s, *text, argument);
    if (auto* b = std::get_if<answer>(&read)) {
        bad = *b;
        return std::nullopt;
    }
    return std::optional<std::string>{std::move(std::get<std::string>(read))};
}

}  // namespace

answer register_other(settings const& s, std::optional<std::string_view> scopes)
{
    answer bad;
    auto const parameter = parameter_of(s, scopes, "SCOPES", bad);
    if (!parameter) return bad;
    auto const result = ms::register_on(s.server, *parameter);
    auto const server = ms::display_name(s.server.name);
    answer a;
    a.code = result ? yes : no;
    auto const message = ms::message(result);
    a.object = json_text({{"accepted", result.ok},
                          {"stored", json(result.stored)},
                          {"status", result.status},
                          {"error", message.empty() ? json(nullptr) : json(message)}});
    if (result) {
        a.line =
            fmt::format("{} ({}): ", paint(s, tone::good, "accepted"), result.status) +
            (!result.scopes_read ? fmt::format("{} does not read the scopes parameter; an app holds no scopes", server)
             : !*parameter       ? fmt::format("no scopes parameter, so the app gets {}", list_text(result.stored))
             : (*parameter)->empty()
                 ? fmt::format("an empty scopes parameter, so the app gets {}", list_text(result.stored))
             : result.stored.empty() ? std::string("the app has no scopes")
                                     : fmt::format("the app's names are {}", list_text(result.stored)));
        return a;
    }
    a.line = fmt::format("{} ({}): {}", paint(s, tone::bad, "refused"), result.status, message);
    a.text.push_back(a.line);
    if (!result.refused.empty())
        a.text.push_back(fmt::format("  because {} refuses {} ({})", server, list_text(result.refused),
                                     ms::detail::dialect_of(s.server.name).refuses_duplicates
                                         ? "names it does not define, or written twice"
                                         : "names it does not define"));
    return a;
}

answer authorize_other(settings const& s, std::string_view registered, std::string_view requested)
{
    answer bad;
    auto const reg = parameter_of(s, registered, "REGISTERED", bad);
    if (!reg) return bad;
    auto const app = ms::register_on(s.server, *reg);
    auto const server = ms::to_string(s.server);
    if (!app)
        return bad_input_answer(fmt::format("REGISTERED: {} would not register '{}' ({}: {}), so no such app exists",
                                            server, printable(registered), app.status, ms::message(app)));
    auto const req = parameter_of(s, requested, "REQUESTED", bad);
    if (!req) return bad;
    auto const result = ms::authorize_on(s.server, app.stored, *req, s.grant);
    auto const reason = ms::message(result, s.server, *req);
    answer a;
    a.code = result ? yes : no;
    a.object = json_text({{"accepted", result.ok},
                          {"not_covered", json(result.not_covered)},
                          {"scopes", json(result.scopes)},
                          {"status", result.status},
                          {"error", result.oauth_error.empty() ? json(nullptr) : json(result.oauth_error)},
                          {"message", reason.empty() ? json(nullptr) : json(reason)}});
    auto const& dialect = ms::detail::dialect_of(s.server.name);
    auto const rule = s.grant == ms::mastodon::grant_type::authorization_code ? dialect.token_request
                                                                              : dialect.client_credentials.rule;
    if (result) {
        a.line = fmt::format("{}: the token gets {}", paint(s, tone::good, "accepted"), list_text(result.scopes));
        if (rule == ms::detail::dialects::token_rule::unchecked)
            a.line += fmt::format(" ({} does not read the requested scope here)", ms::display_name(s.server.name));
        return a;
    }
    a.line = fmt::format("{} ({}{}): {}", paint(s, tone::bad, "refused"), result.status,
                         result.oauth_error.empty() ? "" : fmt::format(", {}", result.oauth_error), reason);
    a.text.push_back(a.line);
    a.text.push_back(
        rule == ms::detail::dialects::token_rule::vocabulary
            ? fmt::format("  {} defines no scope {}", ms::display_name(s.server.name), list_text(result.not_covered))
            : fmt::format("  the app's names {} do not allow {}", list_text(app.stored),
                          list_text(result.not_covered)));
    return a;
}

}  // namespace scopecheck
