// info and list: what the data says about a scope, and which scopes a version has.
#include <algorithm>

#include <fmt/format.h>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/server.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;

namespace {

std::string version_text(std::optional<ms::version> const& v) { return v ? ms::to_string(*v) : "-"; }

std::string status_at(ms::scope sc, ms::version const& at)
{
    if (auto const gone = ms::removed_in(sc); gone && *gone <= at)
        return fmt::format("removed in {}", ms::to_string(*gone));
    if (ms::deprecated_at(sc, at)) return fmt::format("deprecated since {}", ms::to_string(*ms::deprecated_in(sc)));
    return "";
}

// Why a SCOPE argument is not one scope name: the parser's error if it has one, else a plain message.
answer not_a_scope(settings const& s, std::string_view text)
{
    auto const parsed = ms::parse(text, s.parse);
    for (auto const& d : parsed.diagnostics())
        if (d.is_error() && d.kind() != ms::diagnostic_kind::removed) return error_answer(text, "SCOPE", d);
    return bad_input_answer(fmt::format("SCOPE must be one scope name, not '{}'", printable(text)));
}

// The names another server defines at a release (the data records no deprecation or removal there).
answer list_other(settings const& s, ms::server const& on, bool deprecated_or_removed)
{
    auto const chosen = deprecated_or_removed ? ms::scope_set{} : ms::vocabulary(on);
    answer a;
    a.object = json_text({{"scopes", names_json(chosen)}});
    a.line = chosen.empty() ? "" : ms::to_string(chosen);
    for (auto sc : chosen) a.text.emplace_back(ms::name(sc));
    if (chosen.empty()) a.text.push_back(paint(s, tone::dim, "(no scopes)"));
    return a;
}

// What a scope is on another server: whether its release defines it, what it grants there and what
// grants it there, and which Mastodon scopes it stands for.
answer info_other(settings const& s, ms::scope sc)
{
    auto const defined = ms::vocabulary(s.server);
    auto implies = ms::grants_on(s.server.name, sc) & defined;
    implies.erase(sc);
    auto by = ms::granted_by(sc, s.server);
    by.erase(sc);
    ms::scope_set stands;
    for (auto m : ms::mastodon_scopes())
        if (ms::stands_for(s.server.name, m) == sc) stands.insert(m);
    auto const where = ms::to_string(s.server);
    answer a;
    a.object = json_text({{"name", ms::name(sc)},
                          {"server", where},
                          {"defined", defined.contains(sc)},
                          {"implies", names_json(implies)},
                          {"implied_by", names_json(by)},
                          {"stands_for", names_json(stands)},
                          {"description", ms::description(sc)}});
    a.line = fmt::format("{} on {}: {}", paint(s, tone::bold, ms::name(sc)), where,
                         defined.contains(sc) ? "defined" : paint(s, tone::warn, "not defined"));
    a.text = {a.line, fmt::format("  implies     {}", names(implies)), fmt::format("  implied by  {}", names(by))};
    if (!stands.empty()) a.text.push_back(fmt::format("  stands for  {} (Mastodon)", names(stands)));
    a.text.push_back(fmt::format("  Mastodon    {}", ms::description(sc)));
    return a;
}

}  // namespace

answer info(settings const& s, std::string_view scope_name)
{
    if (s.server.name != ms::software::mastodon) {  // any name the data knows
        auto const found = ms::lookup(scope_name);
        if (!found) return not_a_scope(s, scope_name);
        return info_other(s, *found);
    }
    auto const found = ms::lookup(scope_name);
    if (!found || !ms::added_in(*found)) return not_a_scope(s, scope_name);  // no name of Mastodon's
    auto const sc = *found;
    auto implies = ms::closure(sc), by = ms::implied_by(sc);
    implies.erase(sc);
    by.erase(sc);
    answer a;
    a.object = json_text({{"name", ms::name(sc)},
                          {"parents", names_json(ms::parents(sc))},
                          {"children", names_json(ms::children(sc))},
                          {"implies", names_json(implies)},
                          {"implied_by", names_json(by)},
                          {"added", version_json(ms::added_in(sc))},
                          {"deprecated", version_json(ms::deprecated_in(sc))},
                          {"removed", version_json(ms::removed_in(sc))},
                          {"description", ms::description(sc)}});
    auto const status = status_at(sc, s.parse.server_version);
    a.line = fmt::format("{}: {} (added {}{}{})", paint(s, tone::bold, ms::name(sc)), ms::description(sc),
                         version_text(ms::added_in(sc)), status.empty() ? "" : "; ", status);
    std::string deprecated = version_text(ms::deprecated_in(sc));
    if (!ms::deprecation_note(sc).empty()) deprecated += fmt::format(" ({})", ms::deprecation_note(sc));
    std::string refs;
    for (auto r : ms::refs(sc)) refs += fmt::format("{}#{}", refs.empty() ? "" : " ", r);
    a.text = {fmt::format("{}: {}", paint(s, tone::bold, ms::name(sc)), ms::description(sc)),
              fmt::format("  parents     {}", names(ms::parents(sc))),
              fmt::format("  children    {}", names(ms::children(sc))),
              fmt::format("  implies     {}", names(implies)),
              fmt::format("  implied by  {}", names(by)),
              fmt::format("  added       {}", version_text(ms::added_in(sc))),
              fmt::format("  deprecated  {}", deprecated),
              fmt::format("  removed     {}", version_text(ms::removed_in(sc))),
              fmt::format("  refs        {}", refs.empty() ? "-" : refs)};
    if (!ms::replacement(sc).empty()) a.text.push_back(fmt::format("  instead     {}", names(ms::replacement(sc))));
    return a;
}

answer list(settings const& s, ms::version const& at, bool deprecated_only, bool removed)
{
    if (s.server.name != ms::software::mastodon)
        return list_other(s, ms::server{s.server.name, at}, deprecated_only || removed);
    ms::scope_set chosen;
    for (auto sc : ms::scope_set::all()) {
        auto const gone = ms::removed_in(sc);
        bool keep = removed ? (gone && *gone <= at) : ms::available_at(sc, at);
        if (deprecated_only) keep = keep && ms::deprecated_at(sc, at);
        if (keep) chosen.insert(sc);
    }
    answer a;
    a.object = json_text({{"scopes", names_json(chosen)}});
    a.line = chosen.empty() ? "" : ms::to_string(chosen);
    std::size_t width = 0, added_width = 0;
    for (auto sc : chosen) {
        width = std::max(width, ms::name(sc).size());
        added_width = std::max(added_width, version_text(ms::added_in(sc)).size());
    }
    for (auto sc : chosen) {
        auto const status = status_at(sc, at);
        a.text.push_back(fmt::format("{:<{}}  {:<{}} {}{}", ms::name(sc), width, version_text(ms::added_in(sc)),
                                     added_width, status.empty() ? "" : paint(s, tone::warn, status + ": "),
                                     ms::description(sc)));
    }
    if (chosen.empty()) a.text.push_back(paint(s, tone::dim, "(no scopes)"));
    return a;
}

}  // namespace scopecheck
