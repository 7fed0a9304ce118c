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

two_sets read_two(settings const& s, std::string_view a, std::string_view a_name, std::string_view b,
                  std::string_view b_name)
{
    auto ra = read_scopes(s, a, a_name);
    if (auto* bad = std::get_if<answer>(&ra)) return {{}, {}, std::move(*bad)};
    auto rb = read_scopes(s, b, b_name);
    if (auto* bad = std::get_if<answer>(&rb)) return {{}, {}, std::move(*bad)};
    return {std::get<ms::scope_set>(ra), std::get<ms::scope_set>(rb), std::nullopt};
}

std::string chain_text(ms::scope_chain const& chain)
{
    std::string text;
    for (auto s : chain) text += fmt::format("{}{}", text.empty() ? "" : " → ", ms::name(s));
    return text;
}

json verdict_object(ms::scope_set const& missing)
{
    return {{"granted", missing.empty()}, {"missing", names_json(missing)}};
}

answer verdict(settings const& s, ms::scope_set const& granted, ms::scope_set const& required,
               ms::scope_set const& missing)
{
    answer a;
    a.code = missing.empty() ? yes : no;
    a.object = json_text(verdict_object(missing));
    a.line = missing.empty()
                 ? fmt::format("{}: '{}' grants '{}'", paint(s, tone::good, "yes"), names(granted), names(required))
                 : fmt::format("{}: '{}' does not grant {}", paint(s, tone::bad, "no"), names(granted), names(missing));
    return a;
}

// explain for another server: its rules grant in one step (a prefix, a listed expansion), so a chain is
// the held scope and the one it grants; there is no route table, so no divergences.
answer explain_on(settings const& s, ms::scope_set const& held, ms::scope_set const& required)
{
    auto const granted = ms::closure(held, s.server);
    auto a = verdict(s, held, required, required - granted);
    a.text.push_back(a.line);
    json because = json::object(), grantors = json::object();
    std::size_t width = 0;
    for (auto r : required) width = std::max(width, ms::name(r).size());
    for (auto r : required) {
        auto const key = std::string(ms::name(r));
        if (!granted.contains(r)) {
            auto const by = ms::granted_by(r, s.server);
            grantors[key] = names_json(by);
            a.text.push_back(fmt::format("  {:<{}}  {}: granted by {}", key, width, paint(s, tone::bad, "missing"),
                                         by.empty() ? std::string("no scope there") : names(by, " or ")));
            continue;
        }
        json chain = json::array();
        if (held.contains(r)) {
            chain.push_back(key);
        } else if (!ms::enforces_scopes(s.server)) {
            a.text.push_back(fmt::format("  {:<{}}  {} checked no scopes: every token could call everything", key,
                                         width, ms::to_string(s.server)));
        } else {
            for (auto h : held)
                if (ms::grants_on(s.server.name, h).contains(r)) {
                    chain = {ms::name(h), key};
                    break;
                }
        }
        if (!chain.empty())
            a.text.push_back(
                fmt::format("  {:<{}}  {}", key, width,
                            chain.size() == 1 ? key : fmt::format("{} → {}", chain[0].get<std::string>(), key)));
        because[key] = chain;
    }
    auto object = verdict_object(required - granted);
    object["because"] = because;
    object["granted_by"] = grantors;
    object["divergences"] = json::array();
    a.object = json_text(object);
    return a;
}

}  // namespace

answer grants(settings const& s, std::string_view granted, std::string_view required)
{
    auto const sets = read_two(s, granted, "GRANTED", required, "REQUIRED");
    if (sets.error) return *sets.error;
    // Mastodon's documented hierarchy, or the hierarchy of the --server at its release
    auto const closure =
        s.server.name == ms::software::mastodon ? ms::closure(sets.first) : ms::closure(sets.first, s.server);
    return verdict(s, sets.first, sets.second, sets.second - closure);
}

answer explain(settings const& s, std::string_view granted, std::string_view required)
{
    auto const sets = read_two(s, granted, "GRANTED", required, "REQUIRED");
    if (sets.error) return *sets.error;
    if (s.server.name != ms::software::mastodon) return explain_on(s, sets.first, sets.second);
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
                crossed.push_back(
                    {{"scope", ms::name(d.granted)}, {"method", d.where.method}, {"route", d.where.path}});
                a.text.push_back(fmt::format("  {:<{}}    {} but Mastodon refuses '{}' on {} {} (it accepts {})", "",
                                             width, paint(s, tone::warn, "note:"), ms::name(d.granted), d.where.method,
                                             d.where.path, names(d.where.accepts)));
            }
        } else {
            auto const by = ms::implied_by(r) & ms::scopes_at(s.parse.server_version);
            grantors[std::string(ms::name(r))] = names_json(by);
            a.text.push_back(fmt::format("  {:<{}}  {}: granted by {}", ms::name(r), width,
                                         paint(s, tone::bad, "missing"), names(by, " or ")));
        }
    }
    auto object = verdict_object(missing);
    object["because"] = because;
    object["granted_by"] = grantors;  // an extension: for each missing scope, what would grant it
    object["divergences"] = crossed;  // an extension: routes where Mastodon refuses a grant used above
    a.object = json_text(object);
    return a;
}

answer authorize(settings const& s, std::string_view registered, std::string_view requested)
{
    if (s.server.name != ms::software::mastodon) return authorize_other(s, registered, requested);
    // REGISTERED is what the app sent to POST /api/v1/apps: read it as Mastodon stored it.
    auto reg_text = read_parameter(s, registered, "REGISTERED");
    if (auto* bad = std::get_if<answer>(&reg_text)) return *bad;
    auto const app = md::register_app(std::get<std::string>(reg_text), s.parse.server_version);
    if (!app)
        return bad_input_answer(
            fmt::format("REGISTERED: Mastodon {} would not register '{}' ({}: {}), so no such app exists",
                        ms::to_string(s.parse.server_version), printable(registered), app.status, app.reason));
    auto req_text = read_parameter(s, requested, "REQUESTED");
    if (auto* bad = std::get_if<answer>(&req_text)) return *bad;
    auto const& parameter = std::get<std::string>(req_text);
    auto const result = md::authorize(app.stored, parameter, s.grant, s.parse.server_version);
    bool const absent = md::ruby_blank(parameter);
    answer a;
    a.code = result ? yes : no;
    json not_registered = json::array();
    for (auto const& n : result.not_registered) not_registered.push_back(n);
    a.object = json_text({{"accepted", result.ok},
                          {"not_registered", not_registered},
                          {"covered_by_hierarchy", names_json(result.covered_by_hierarchy)},
                          {"scopes", names_json(result.scopes)},
                          {"status", result.status},
                          {"error", result.oauth_error.empty() ? json(nullptr) : json(result.oauth_error)}});
    auto const asked =
        absent ? fmt::format(" (no scope requested: the default '{}')", ms::name(ms::default_scope)) : std::string{};
    auto const app_text = app.stored.empty() ? std::string("-") : app.stored.text();
    if (result) {
        a.line = fmt::format("{}: the token gets '{}'{}", paint(s, tone::good, "accepted"),
                             result.scopes.empty() ? std::string("-") : printable(result.scopes.text()), asked);
        return a;
    }
    std::string listed;
    for (auto const& n : result.not_registered) listed += (listed.empty() ? "" : " ") + printable(n);
    a.line = fmt::format("{} ({}): {}{}", paint(s, tone::bad, "refused"), result.oauth_error,
                         listed.empty() ? std::string(result.reason) : "not registered: " + listed, asked);
    a.text.push_back(a.line);
    if (absent && !listed.empty()) a.text.push_back(fmt::format("  {}", result.reason));
    if (!result.covered_by_hierarchy.empty()) {
        a.text.push_back(fmt::format("  '{}' would cover {} under the documented hierarchy, but Mastodon compares",
                                     printable(app_text), names(result.covered_by_hierarchy)));
        a.text.push_back("  requested scopes with registered ones literally, so it still refuses (issue #22140).");
    }
    // What to change: register the missing names the server has; explain the ones it does not.
    for (auto const& d : result.refused) a.text.push_back(fmt::format("  because {}", d.message()));
    ms::scope_set wanted;
    for (auto const& n : result.not_registered)
        if (auto const found = ms::lookup(n); found && ms::available_at(*found, s.parse.server_version))
            wanted.insert(*found);
    if (!wanted.empty() && !app.stored.empty())
        a.text.push_back(fmt::format("  To request them, register '{}'.", names(app.stored.as_set | wanted)));
    return a;
}

}  // namespace scopecheck
