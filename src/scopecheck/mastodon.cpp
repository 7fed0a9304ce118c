// endpoint, plan, audit and register: Mastodon's real checks, from the route table.
#include <algorithm>
#include <iterator>
#include <variant>

#include <fmt/format.h>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/mastodon.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;
namespace md = mastoscope::mastodon;

namespace {

std::string route_text(md::route const& r) { return fmt::format("{} {}", r.method, r.path); }

std::string accepts_text(md::route const& r)
{
    if (r.token == md::token_mode::any_token) return "any valid token";
    return r.accepts.empty() ? "no scope check" : names(r.accepts) + "  (any one, held literally)";
}

// Why a route is not there at `server`, or "" if it is.
std::string absent_at(md::route const& r, ms::version const& server)
{
    if (md::exists_at(r, server)) return "";
    return r.removed && *r.removed <= server
               ? fmt::format("no such route at {} (removed in {})", ms::to_string(server), ms::to_string(*r.removed))
               : fmt::format("no such route at {} (added in {})", ms::to_string(server), ms::to_string(r.added));
}

// The route a request reaches at the server version, or the bad-input answer saying why there is none.
std::variant<md::route const*, answer> find_route(settings const& s, std::string_view method, std::string_view path)
{
    static constexpr std::string_view methods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
    if (std::find(std::begin(methods), std::end(methods), method) == std::end(methods))
        return bad_input_answer(
            fmt::format("'{}' is not an HTTP method of Mastodon's API (GET, HEAD, POST, PUT, PATCH, "
                        "DELETE; methods are upper case)",
                        printable(method)));
    auto const* r = md::match(method, path, s.parse.server_version);
    if (!r) return bad_input_answer(fmt::format("no Mastodon route for {} {}", method, printable(path)));
    if (auto const why = absent_at(*r, s.parse.server_version); !why.empty())
        return bad_input_answer(fmt::format("{} {}: {}", r->method, r->path, why));
    return r;
}

std::string why_impossible(md::route const& r, ms::version const& server)
{
    if (auto const why = absent_at(r, server); !why.empty()) return why;
    auto const then = md::at(r, server);
    if (then.token == md::token_mode::user_session) return "no token can call it: it needs a signed-in browser session";
    if (then.token == md::token_mode::forbidden) return "no token can call it: Mastodon answers 403 to every request";
    return fmt::format("no token can call it at {}: none of {} exists there", ms::to_string(server), names(r.accepts));
}

}  // namespace

answer endpoint(settings const& s, std::string_view method, std::string_view path,
                std::optional<std::string_view> token)
{
    auto found = find_route(s, method, path);
    if (auto* bad = std::get_if<answer>(&found)) return *bad;
    auto const then = md::at(*std::get<md::route const*>(found), s.parse.server_version);  // its check at that version
    auto const* r = &then;
    std::optional<ms::scope_set> scopes;
    if (token) {
        auto parsed = read_scopes(s, *token, "TOKEN");
        if (auto* bad = std::get_if<answer>(&parsed)) return *bad;
        scopes = std::get<ms::scope_set>(parsed);
    }
    auto const verdict = md::allows(*r, scopes);
    answer a;
    a.code = !token || verdict.ok ? yes : no;
    a.object = json_text({{"method", r->method},
                          {"route", r->path},
                          {"accepts", names_json(r->accepts)},
                          {"token", md::to_string(r->token)},
                          {"allowed", token ? json(verdict.ok) : json(nullptr)},
                          {"status", token ? json(verdict.status) : json(nullptr)},
                          {"reason", token ? json(verdict.reason) : json(nullptr)}});
    a.line = fmt::format("{} ({}): accepts {}", route_text(*r), md::to_string(r->token), accepts_text(*r));
    a.text = {fmt::format("{}  ({}; {})", paint(s, tone::bold, route_text(*r)), md::to_string(r->token), r->controller),
              fmt::format("  accepts  {}", accepts_text(*r))};
    if (!r->notes.empty()) a.text.push_back(fmt::format("  note     {}", r->notes));
    if (!token) return a;
    auto const outcome =
        fmt::format("{} ({}): {}", verdict.ok ? paint(s, tone::good, "allowed") : paint(s, tone::bad, "refused"),
                    verdict.status, verdict.reason);
    a.line += "; " + outcome;
    a.text.push_back(outcome);
    if (!verdict.ok && !r->accepts.empty()) {
        std::vector<md::route const*> const one{r};
        auto const least = md::plan(one, s.parse.server_version);
        if (least.ok) a.text.push_back(fmt::format("  least privilege: {}", names(least.scopes)));
        for (auto held : *scopes) {
            auto const via = ms::closure(held) & r->accepts;
            if (!via.empty())
                a.text.push_back(
                    fmt::format("  the documented hierarchy says '{}' grants {}, but Mastodon compares literally",
                                ms::name(held), names(via)));
        }
    }
    return a;
}

answer plan(settings const& s, std::vector<std::string> const& requests)
{
    std::vector<md::route const*> wanted;
    for (auto const& request : requests) {
        auto const space = request.find(' ');
        if (space == std::string::npos)
            return bad_input_answer(
                fmt::format("no Mastodon route for '{}' (write \"METHOD PATH\")", printable(request)));
        auto found = find_route(s, request.substr(0, space), request.substr(space + 1));
        if (auto* bad = std::get_if<answer>(&found)) return *bad;
        wanted.push_back(std::get<md::route const*>(found));
    }
    auto const result = md::plan(wanted, s.parse.server_version);
    answer a;
    a.code = result.ok ? yes : no;
    json routes = json::array();
    std::size_t width = 0;
    for (auto const* r : wanted) width = std::max(width, route_text(*r).size());
    for (auto const& planned : result.routes) {
        auto const& r = planned.wanted;
        std::string const by_name{planned.served_by ? ms::name(*planned.served_by) : std::string_view{}};
        routes.push_back({{"method", r.method},
                          {"route", r.path},
                          {"satisfied_by", by_name.empty() ? json(nullptr) : json(by_name)}});
        a.text.push_back(fmt::format("  {:<{}}  {}", route_text(r), width,
                                     !planned.possible  ? paint(s, tone::bad, why_impossible(r, s.parse.server_version))
                                     : !by_name.empty() ? "← " + by_name
                                     : !result.ok       ? std::string("not planned")
                                     : md::at(r, s.parse.server_version).accepts.empty() ? std::string("needs no scope")
                                                                                         : std::string("-")));
    }
    a.object = json_text({{"scopes", names_json(result.scopes)}, {"unlocks", result.unlocks}, {"routes", routes}});
    a.line = result.ok ? fmt::format("{}: {}  (passes the scope check of {} routes)", paint(s, tone::good, "plan"),
                                     names(result.scopes), result.unlocks)
                       : fmt::format("{}: at {} no token can call every route", paint(s, tone::bad, "no plan"),
                                     ms::to_string(s.parse.server_version));
    a.text.insert(a.text.begin(), a.line);
    return a;
}

answer audit(settings const& s)
{
    auto const found = md::audit(s.parse.server_version);
    answer a;
    json list = json::array();
    for (auto const& d : found) {
        list.push_back({{"scope", ms::name(d.granted)},
                        {"method", d.where.method},
                        {"route", d.where.path},
                        {"hierarchy_says", true},
                        {"mastodon_says", false}});
    }
    a.object = json_text({{"divergences", list}});
    a.line = fmt::format("{} places where the documented hierarchy grants a route that Mastodon refuses", found.size());
    a.text.push_back(a.line);
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (i == 0 || found[i].granted != found[i - 1].granted)
            a.text.push_back(fmt::format("{} is refused on:", paint(s, tone::bold, ms::name(found[i].granted))));
        a.text.push_back(fmt::format("  {:<52} accepts {}", route_text(found[i].where),
                                     names(md::at(found[i].where, s.parse.server_version).accepts)));
    }
    return a;
}

answer register_app(settings const& s, std::optional<std::string_view> scopes)
{
    if (s.server.name != ms::software::mastodon) return register_other(s, scopes);
    std::optional<std::string> parameter;
    if (scopes) {
        auto text = read_parameter(s, *scopes, "SCOPES");
        if (auto* bad = std::get_if<answer>(&text)) return *bad;
        parameter = std::move(std::get<std::string>(text));
    }
    auto const result = md::register_app(parameter, s.parse.server_version);
    answer a;
    a.code = result ? yes : no;
    a.object = json_text({{"accepted", result.ok},
                          {"stored", names_json(result.stored)},
                          {"status", result.status},
                          {"error", result.reason.empty() ? json(nullptr) : json(result.reason)}});
    if (result) {
        a.line = fmt::format("{} ({}): ", paint(s, tone::good, "accepted"), result.status) +
                 (!scopes ? fmt::format("no scopes parameter, so the app gets '{}'", result.stored.text())
                  : result.stored.empty() ? "no scopes at all: the app may later request any scope the server has"
                                          : fmt::format("the app's scopes are '{}'", printable(result.stored.text())));
        a.text.push_back(a.line);
        if (result.stored.has_unknown())
            a.text.push_back(fmt::format(
                "  Mastodon {} stores names it does not know (it checks them from {}); they grant nothing",
                ms::to_string(s.parse.server_version), ms::to_string(*ms::detail::table::registration_checked.start)));
        return a;
    }
    a.line = fmt::format("{} ({}): {}", paint(s, tone::bad, "refused"), result.status, result.reason);
    a.text.push_back(a.line);
    for (auto const& d : result.refused) a.text.push_back(fmt::format("  because {}", d.message()));
    return a;
}

}  // namespace scopecheck
