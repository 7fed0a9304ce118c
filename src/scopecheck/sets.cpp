// expand, normalize and diff: closures and the smallest equivalent sets, at the server version.
#include <fmt/format.h>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/server.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;

namespace {

answer scope_list(ms::scope_set const& set)
{
    answer a;
    a.object = json_text({{"scopes", names_json(set)}});
    a.line = set.empty() ? "" : ms::to_string(set);
    return a;
}

// What a set grants: at the Mastodon version, or on the --server at its release.
ms::scope_set grants_there(settings const& s, ms::scope_set const& written)
{
    if (s.server.name != ms::software::mastodon) return ms::closure(written, s.server);
    return ms::closure_at(written, s.parse.server_version);
}

}  // namespace

answer expand(settings const& s, std::string_view scopes)
{
    auto parsed = read_scopes(s, scopes, "SCOPES");
    if (auto* bad = std::get_if<answer>(&parsed)) return *bad;
    return scope_list(grants_there(s, std::get<ms::scope_set>(parsed)));
}

answer normalize(settings const& s, std::string_view scopes)
{
    auto parsed = read_scopes(s, scopes, "SCOPES");
    if (auto* bad = std::get_if<answer>(&parsed)) return *bad;
    return scope_list(ms::normalize(std::get<ms::scope_set>(parsed), s.server));
}

answer diff(settings const& s, std::string_view a_text, std::string_view b_text)
{
    auto pa = read_scopes(s, a_text, "A");
    if (auto* bad = std::get_if<answer>(&pa)) return *bad;
    auto pb = read_scopes(s, b_text, "B");
    if (auto* bad = std::get_if<answer>(&pb)) return *bad;
    auto const a = grants_there(s, std::get<ms::scope_set>(pa));
    auto const b = grants_there(s, std::get<ms::scope_set>(pb));
    answer out;
    out.code = a == b ? yes : no;
    out.object = json_text({{"only_a", names_json(a - b)}, {"only_b", names_json(b - a)}, {"both", names_json(a & b)}});
    auto const verdict = a == b ? paint(s, tone::good, "same") : paint(s, tone::bad, "different");
    out.line = fmt::format("{}: A only: {}; B only: {}; both: {}", verdict, names(a - b), names(b - a), names(a & b));
    out.text = {verdict, fmt::format("  only in A  {}", names(a - b)), fmt::format("  only in B  {}", names(b - a)),
                fmt::format("  in both    {}", names(a & b))};
    return out;
}

}  // namespace scopecheck
