// The docs-versus-code audit: where the documented hierarchy grants a route that Mastodon refuses.
#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>

#include "route_table.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace mastodon {

std::vector<divergence> audit(version const& server)
{
    std::vector<divergence> found;
    for (scope s : scopes_at(server)) {
        for (auto const& r : detail::routes) {
            if (!exists_at(r, server)) continue;
            // Only routes that check scopes; the hierarchy says yes, the literal check says no.
            auto const accepts = at(r, server).accepts;
            if (!accepts.empty() && !accepts.contains(s) && closure(s).intersects(accepts))
                found.push_back({.granted = s, .where = r});
        }
    }
    return found;
}

std::vector<divergence> divergences(scope granted, scope required, version const& server)
{
    std::vector<divergence> found;
    if (granted == required || !closure(granted).contains(required) || !available_at(granted, server)) return found;
    for (auto const& r : detail::routes) {
        if (!exists_at(r, server)) continue;
        auto const accepts = at(r, server).accepts;
        if (accepts.contains(required) && !accepts.contains(granted)) found.push_back({.granted = granted, .where = r});
    }
    return found;
}

}  // namespace mastodon
MASTOSCOPE_END_NAMESPACE
