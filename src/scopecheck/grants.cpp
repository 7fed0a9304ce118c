// grants, explain and authorize: what a set grants, why, and Mastodon's literal registration rule.
#include <algorithm>

#include <fmt/format.h>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;

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
    json because = json::object(), grantors = json::object();
    std::size_t width = 0;
    for (auto r : sets.second) width = std::max(width, ms::name(r).size());
    for (auto r : sets.second) {
        if (auto const chain = ms::explain(sets.first, r)) {
            json names_in_chain = json::array();
            for (auto c : *chain) names_in_chain.push_back(ms::name(c));
            because[std::string(ms::name(r))] = names_in_chain;
            a.text.push_back(fmt::format("  {:<{}}  {}", ms::name(r), width, chain_text(*chain)));
        } else {
            auto const by = ms::implied_by(r) & ms::scopes_at(s.parse.server_version);
            grantors[std::string(ms::name(r))] = names_json(by);
            a.text.push_back(fmt::format("  {:<{}}  {}: granted by {}", ms::name(r), width, paint(s, tone::bad, "missing"),
                                         names(by, " or ")));
        }
    }
    a.object["because"] = because;
    a.object["granted_by"] = grantors;  // an extension: for each missing scope, what would grant it
    return a;
}

answer authorize(settings const& s, std::string_view registered, std::string_view requested)
{
    auto const sets = read_two(s, registered, "REGISTERED", requested, "REQUESTED");
    if (sets.error) return *sets.error;
    auto const not_registered = sets.second - sets.first;
    auto const covered = not_registered & ms::closure(sets.first);
    answer a;
    a.code = not_registered.empty() ? yes : no;
    a.object = {{"accepted", not_registered.empty()},
                {"not_registered", names_json(not_registered)},
                {"covered_by_hierarchy", names_json(covered)}};
    if (not_registered.empty()) {
        a.line = fmt::format("{}: every requested scope is registered", paint(s, tone::good, "accepted"));
        return a;
    }
    a.line = fmt::format("{}: not registered: {} (Mastodon answers invalid_scope)", paint(s, tone::bad, "refused"),
                         names(not_registered));
    a.text.push_back(a.line);
    if (!covered.empty()) {
        a.text.push_back(fmt::format("  '{}' would cover {} under the documented hierarchy, but Mastodon compares",
                                     names(sets.first), names(covered)));
        a.text.push_back("  requested scopes with registered ones literally, so it still refuses (issue #22140).");
    }
    a.text.push_back(fmt::format("  To request them, register '{}'.", names(sets.first | not_registered)));
    return a;
}

}  // namespace scopecheck
