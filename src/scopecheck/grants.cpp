// grants, explain and authorize: what a set grants, why, and Mastodon's literal registration rule.
#include <algorithm>

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

// Parses two scope-string arguments; on failure `error` holds the answer for the first bad one.
struct two_sets {
    ms::scope_set first, second;
    std::optional<answer> error;
};

two_sets read_two(settings const& s, std::string_view a, std::string_view a_name, std::string_view b, std::string_view b_name)
{
    auto ra = read_scopes(s, a, a_name);
    if (auto* bad = std::get_if<answer>(&ra)) return {{}, {}, std::move(*bad)};
    auto rb = read_scopes(s, b, b_name);
    if (auto* bad = std::get_if<answer>(&rb)) return {{}, {}, std::move(*bad)};
    return {std::get<ms::parse_result>(ra).scopes(), std::get<ms::parse_result>(rb).scopes(), std::nullopt};
}

std::string chain_text(ms::scope_chain const& chain)
{
    std::string text;
    for (auto s : chain) text += fmt::format("{}{}", text.empty() ? "" : " → ", ms::name(s));
    return text;
}

answer verdict(settings const& s, ms::scope_set const& granted, ms::scope_set const& required, ms::scope_set const& missing)
{
    answer a;
    a.code = missing.empty() ? yes : no;
    a.object = {{"granted", missing.empty()}, {"missing", names_json(missing)}};
    a.line = missing.empty()
                 ? fmt::format("{}: '{}' grants '{}'", paint(s, tone::good, "yes"), names(granted), names(required))
                 : fmt::format("{}: '{}' does not grant {}", paint(s, tone::bad, "no"), names(granted), names(missing));
    return a;
}

}  // namespace

answer grants(settings const& s, std::string_view granted, std::string_view required)
{
    auto const sets = read_two(s, granted, "GRANTED", required, "REQUIRED");
    if (sets.error) return *sets.error;
    return verdict(s, sets.first, sets.second, sets.second - ms::closure(sets.first));
}

answer explain(settings const& s, std::string_view granted, std::string_view required)
{
    auto const sets = read_two(s, granted, "GRANTED", required, "REQUIRED");
    if (sets.error) return *sets.error;
    auto const missing = sets.second - ms::closure(sets.first);
    auto a = verdict(s, sets.first, sets.second, missing);
    a.text.push_back(a.line);
    json because = json::object(), grantors = json::object(), crossed = json::array();
    std::size_t width = 0;
    for (auto r : sets.second) width = std::max(width, ms::name(r).size());
    for (auto r : sets.second) {
        if (auto const chain = ms::explain(sets.first, r)) {
            json names_in_chain = json::array();
            for (auto c : *chain) names_in_chain.push_back(ms::name(c));
            because[std::string(ms::name(r))] = names_in_chain;
            a.text.push_back(fmt::format("  {:<{}}  {}", ms::name(r), width, chain_text(*chain)));
            // Routes where Mastodon does not follow this grant: they accept the child, not the parent.
            for (auto const& d : md::divergences(chain->front(), r, s.parse.server_version)) {
                crossed.push_back({{"scope", ms::name(d.granted)}, {"method", d.where->method}, {"route", d.where->path}});
                a.text.push_back(fmt::format("  {:<{}}    {} but Mastodon refuses '{}' on {} {} (it accepts {})", "", width,
                                             paint(s, tone::warn, "note:"), ms::name(d.granted), d.where->method,
                                             d.where->path, names(d.where->accepts)));
            }
        } else {
            auto const by = ms::implied_by(r) & ms::scopes_at(s.parse.server_version);
            grantors[std::string(ms::name(r))] = names_json(by);
            a.text.push_back(fmt::format("  {:<{}}  {}: granted by {}", ms::name(r), width, paint(s, tone::bad, "missing"),
                                         names(by, " or ")));
        }
    }
    a.object["because"] = because;
    a.object["granted_by"] = grantors;  // an extension: for each missing scope, what would grant it
    a.object["divergences"] = crossed;  // an extension: routes where Mastodon refuses a grant used above
    return a;
}

answer authorize(settings const& s, std::string_view registered, std::string_view requested)
{
    auto const blank = [](std::string_view t) { return t.find_first_not_of(' ') == std::string_view::npos; };
    ms::scope_set app;  // blank: an app registered with no scopes
    if (!blank(registered)) {
        auto parsed = read_scopes(s, registered, "REGISTERED");
        if (auto* bad = std::get_if<answer>(&parsed)) return *bad;
        app = std::get<ms::parse_result>(parsed).scopes();
    }
    std::optional<std::string_view> scope_parameter;  // blank: the parameter was absent
    if (!blank(requested)) {
        auto parsed = read_scopes(s, requested, "REQUESTED");
        if (auto* bad = std::get_if<answer>(&parsed)) return *bad;
        scope_parameter = requested;
    }
    auto const result = md::authorize(app, scope_parameter, s.grant, s.parse.server_version);
    answer a;
    a.code = result.accepted ? yes : no;
    a.object = {{"accepted", result.accepted},
                {"not_registered", names_json(result.not_registered)},
                {"covered_by_hierarchy", names_json(result.covered_by_hierarchy)},
                {"scopes", names_json(result.scopes)},
                {"error", result.error.empty() ? json(nullptr) : json(result.error)}};
    auto const asked = scope_parameter ? std::string{} : fmt::format(" (no scope requested: the default '{}')",
                                                                     ms::name(ms::default_scope));
    if (result.accepted) {
        a.line = fmt::format("{}: the token gets '{}'{}", paint(s, tone::good, "accepted"), names(result.scopes), asked);
        return a;
    }
    a.line = fmt::format("{} ({}): not registered: {}{}", paint(s, tone::bad, "refused"), result.error,
                         names(result.not_registered), asked);
    a.text.push_back(a.line);
    if (!result.covered_by_hierarchy.empty()) {
        a.text.push_back(fmt::format("  '{}' would cover {} under the documented hierarchy, but Mastodon compares",
                                     names(app), names(result.covered_by_hierarchy)));
        a.text.push_back("  requested scopes with registered ones literally, so it still refuses (issue #22140).");
    }
    a.text.push_back(fmt::format("  To request them, register '{}'.", names(app | result.not_registered)));
    return a;
}

}  // namespace scopecheck
