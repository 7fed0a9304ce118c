// Test helpers: every scope as a list, seeded random sets, and a reference closure computed from
// parent edges alone (independent of the generated closure table).
#pragma once

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <random>
#include <vector>

#include <mastoscope/mastoscope.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/text.hpp>

// Printing for Boost.Test's failure messages.
namespace mastoscope {
inline std::ostream& operator<<(std::ostream& out, scope s) { return out << name(s); }
inline std::ostream& operator<<(std::ostream& out, scope_set const& s) { return out << '{' << to_string(s) << '}'; }
inline std::ostream& operator<<(std::ostream& out, version const& v) { return out << to_string(v); }
}  // namespace mastoscope

namespace test {

inline std::vector<mastoscope::scope> every_scope()
{
    std::vector<mastoscope::scope> all;
    for (std::size_t i = 0; i < mastoscope::scope_count; ++i) all.push_back(static_cast<mastoscope::scope>(i));
    return all;
}

// The scopes some Mastodon release had (the ids before the names only other servers define).
inline std::vector<mastoscope::scope> every_mastodon_scope()
{
    std::vector<mastoscope::scope> all;
    for (std::size_t i = 0; i < mastoscope::detail::table::mastodon_count; ++i)
        all.push_back(static_cast<mastoscope::scope>(i));
    return all;
}

// A deterministic stream of random sets; density varies so that small and large sets both occur.
class random_sets {
public:
    explicit random_sets(std::uint32_t seed) : rng_{seed} {}
    mastoscope::scope_set next()
    {
        std::uniform_int_distribution<int> density{0, 100}, roll{0, 99};
        int const d = density(rng_) < 50 ? 6 : density(rng_);
        mastoscope::scope_set set;
        for (auto s : every_scope())
            if (roll(rng_) < d) set.insert(s);
        return set;
    }

private:
    std::mt19937 rng_;
};

// Reflexive-transitive closure by walking parent edges backwards: s grants c when s is c or an
// ancestor of c. Uses only parents(), never the closure or implied_by tables; each scope's walk is
// done once, and a set grants the union of what its scopes grant.
inline mastoscope::scope_set reference_closure(mastoscope::scope_set const& written)
{
    static auto const grants_of = [] {
        std::vector<mastoscope::scope_set> each(mastoscope::scope_count);
        for (auto c : every_scope()) {
            std::vector<mastoscope::scope> todo{c};
            mastoscope::scope_set seen;
            while (!todo.empty()) {
                auto s = todo.back();
                todo.pop_back();
                if (seen.contains(s)) continue;
                seen.insert(s);
                each[mastoscope::index(s)].insert(c);
                for (auto p : mastoscope::parents(s)) todo.push_back(p);
            }
        }
        return each;
    }();
    mastoscope::scope_set granted;
    for (auto s : written) granted |= grants_of[mastoscope::index(s)];
    return granted;
}

// The newest release first, then every version at which some scope was added, deprecated or removed,
// and the pre-release just before each (4.3.0-rc.1 lacks what 4.3.0 adds): where answers change.
inline std::vector<mastoscope::version> boundary_versions()
{
    using mastoscope::version;
    std::vector<version> all{mastoscope::newest_release};
    auto const add = [&](version const& v) {
        for (auto const& each : {v, version{v.major(), v.minor(), v.patch(), "rc.1"}})
            if (std::find(all.begin(), all.end(), each) == all.end()) all.push_back(each);
    };
    for (auto s : every_mastodon_scope()) {
        add(*mastoscope::added_in(s));
        if (auto v = mastoscope::deprecated_in(s)) add(*v);
        if (auto v = mastoscope::removed_in(s)) add(*v);
    }
    return all;
}

}  // namespace test
