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
    plan_result result{true, {}, 0, {}, {}};
    std::vector<scope_set> needs;
    for (route const* wanted_route : wanted) {
        auto const then = at(*wanted_route, server);
        auto const* r = &then;
        if (!exists_at(*wanted_route, server) || r->token == token_mode::user_session ||
            r->token == token_mode::forbidden) {
            result.impossible.push_back(wanted_route);  // not there, or needs a browser session, not a token
        } else if (!r->accepts.empty()) {
            auto const candidates = r->accepts;
            if (candidates.empty())
                result.impossible.push_back(wanted_route);
            else
                needs.push_back(candidates);
        }
    }
    if (!result.impossible.empty()) {
        result.possible = false;
        return result;
    }
    auto const unlocks = unlocks_by_scope(server);
    if (!needs.empty()) result.scopes = search{std::move(needs), unlocks}.run().scopes;
    result.unlocks = unlocked_routes(result.scopes, server);
    for (route const* r : wanted) {
        auto const serving = at(*r, server).accepts & result.scopes;
        result.satisfied_by.push_back(serving.empty() ? std::nullopt : std::optional<scope>{*serving.begin()});
    }
    return result;
}

}  // namespace mastodon
MASTOSCOPE_END_NAMESPACE
