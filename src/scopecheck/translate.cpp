// translate: what to request from another server for what a Mastodon token allows.
#include <fmt/format.h>

#include <mastoscope/server.hpp>
#include <mastoscope/text.hpp>

#include "commands.hpp"
#include "render.hpp"

namespace scopecheck {
namespace ms = mastoscope;

answer translate(settings const& s, std::string_view scopes, ms::server const& to)
{
    // SCOPES are Mastodon's names at its newest release, whatever --server or --server-version say.
    settings mastodon = s;
    mastodon.parse.server_version = ms::newest_release;
    mastodon.server = ms::server{};
    auto parsed = read_scopes(mastodon, scopes, "SCOPES");
    if (auto* bad = std::get_if<answer>(&parsed)) return *bad;
    auto const t = ms::translate(std::get<ms::scope_set>(parsed), to);
    auto const request = ms::to_string(t.request);
    answer a;
    a.code = t.unavailable.empty() ? yes : no;
    a.object = json_text({{"server", ms::to_string(to)},
                          {"request", request},
                          {"scopes", names_json(t.request)},
                          {"wider", names_json(t.wider)},
                          {"unavailable", names_json(t.unavailable)}});
    auto const none = [&](ms::scope_set const& set) { return set.empty() ? paint(s, tone::dim, "-") : names(set); };
    a.line = t.unavailable.empty()
                 ? fmt::format("request '{}'", request)
                 : fmt::format("request '{}'; {} has nothing for {}", request, ms::to_string(to), names(t.unavailable));
    a.text = {fmt::format("{}: request '{}'", ms::to_string(to), paint(s, tone::bold, request)),
              fmt::format("  wider        {}", none(t.wider)),
              fmt::format("  unavailable  {}",
                          t.unavailable.empty() ? none(t.unavailable) : paint(s, tone::bad, names(t.unavailable)))};
    return a;
}

}  // namespace scopecheck
