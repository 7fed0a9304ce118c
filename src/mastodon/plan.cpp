// The least-privilege planner: the scope set that serves every wanted route and unlocks the fewest
// routes of the table. Exact: branch and bound over hitting sets, pruned by the best cost so far.
#include <algorithm>
#include <bitset>

#include <mastoscope/history.hpp>

#include "route_table.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace mastodon {
namespace {

using route_bits = std::bitset<detail::routes.size()>;

using unlock_table = std::array<route_bits, scope_count>;

// For each scope, the routes of the table at `server` whose scope check it passes.
unlock_table unlocks_by_scope(version const& server)
{
    unlock_table bits{};
    for (std::size_t i = 0; i < detail::routes.size(); ++i)
        if (exists_at(detail::routes[i], server))
            for (scope s : at(detail::routes[i], server).accepts) bits[index(s)].set(i);
    return bits;
}

// Lexicographic cost: routes unlocked, then scope count, then the ids themselves (lowest first).
struct cost {
    std::size_t unlocks;
    std::size_t size;
    scope_set scopes;
    bool operator<(cost const& o) const
    {
        if (unlocks != o.unlocks) return unlocks < o.unlocks;
        if (size != o.size) return size < o.size;
        return std::lexicographical_compare(scopes.begin(), scopes.end(), o.scopes.begin(), o.scopes.end());
    }
};

class search {
public:
    search(std::vector<scope_set> needs, unlock_table const& unlocks) : needs_{std::move(needs)}, unlocks_{unlocks} {}

    cost run()
    {
        visit({}, {});
        return *best_;
    }

private:
    void visit(scope_set const& chosen, route_bits const& unlocked)
    {
        // The unserved need with the fewest candidates; none left means `chosen` serves every route.
        scope_set const* next = nullptr;
        for (auto const& need : needs_)
            if (!need.intersects(chosen) && (!next || need.size() < next->size())) next = &need;
        if (!next) {
            cost const here{unlocked.count(), chosen.size(), chosen};
            if (!best_ || here < *best_) best_ = here;
            return;
        }
        for (scope s : *next) {
            auto const more = unlocked | unlocks_[index(s)];
            // Adding scopes never lowers either count, so a branch already worse than the best is done.
            if (best_ &&
                (more.count() > best_->unlocks || (more.count() == best_->unlocks && chosen.size() + 1 > best_->size)))
                continue;
            auto with = chosen;
            with.insert(s);
            visit(with, more);
        }
    }

    std::vector<scope_set> needs_;
    unlock_table const& unlocks_;
    std::optional<cost> best_;
};

}  // namespace

std::size_t unlocked_routes(scope_set const& token, version const& server) noexcept
{
    auto const unlocks = unlocks_by_scope(server);
    route_bits bits;
    for (scope s : token) bits |= unlocks[index(s)];
    return bits.count();
}

plan_result plan(std::span<route const* const> wanted, version const& server)
{
    plan_result result{.ok = true, .reason = "", .scopes = {}, .unlocks = 0, .routes = {}};
    std::vector<scope_set> needs;
    for (route const* wanted_route : wanted) {
        auto const then = at(*wanted_route, server);
        // Not there, or it needs a browser session, not a token, or nobody may call it.
        bool const possible = exists_at(*wanted_route, server) && then.token != token_mode::user_session &&
                              then.token != token_mode::forbidden;
        if (possible && !then.accepts.empty()) needs.push_back(then.accepts);
        if (!possible) {
            result.ok = false;
            result.reason = "a wanted route cannot be called with a token at this version";
        }
        result.routes.push_back({.wanted = *wanted_route, .possible = possible, .served_by = std::nullopt});
    }
    if (!result.ok) return result;
    auto const unlocks = unlocks_by_scope(server);
    if (!needs.empty()) result.scopes = search{std::move(needs), unlocks}.run().scopes;
    result.unlocks = unlocked_routes(result.scopes, server);
    for (auto& r : result.routes) {
        auto const serving = at(r.wanted, server).accepts & result.scopes;
        if (!serving.empty()) r.served_by = *serving.begin();
    }
    return result;
}

}  // namespace mastodon
MASTOSCOPE_END_NAMESPACE
