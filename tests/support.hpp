// Test helpers: every scope as a list, seeded random sets, and a reference closure computed from
// parent edges alone (independent of the generated closure table).
#pragma once

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
// ancestor of c. Uses only parents(), never the closure or implied_by tables.
inline mastoscope::scope_set reference_closure(mastoscope::scope_set const& written)
{
    mastoscope::scope_set granted;
    for (auto c : every_scope()) {
        std::vector<mastoscope::scope> todo{c};
        mastoscope::scope_set seen;
        while (!todo.empty()) {
            auto s = todo.back();
            todo.pop_back();
            if (seen.contains(s)) continue;
            seen.insert(s);
            if (written.contains(s)) granted.insert(c);
            for (auto p : mastoscope::parents(s)) todo.push_back(p);
        }
    }
    return granted;
}

}  // namespace test
