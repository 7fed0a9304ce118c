// The two baselines every benchmark runs beside mastoscope. Both are built at start-up from the
// library's own tables (no second scope list), then work without it:
//  - naive: what people write by hand: split on spaces into std::unordered_set<std::string>, check the
//    scope or, recursively, its parents in a hand-built parent map;
//  - floor: the fastest honest hand-written version: a perfect-hash token lookup into a uint64_t,
//    closure by OR-ing per-bit masks, check = one AND.
#pragma once

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <mastoscope/mastoscope.hpp>
#include <mastoscope/parse.hpp>

namespace bench {

// The benchmarks model a Mastodon server: the baselines know Mastodon's scopes, whose ids come first.
static_assert(mastoscope::detail::table::mastodon_count <= 64, "the floor keeps a token in one uint64_t");

struct naive {
    using token = std::unordered_set<std::string>;
    std::unordered_map<std::string, std::vector<std::string>> parents;

    naive()
    {
        for (auto s : mastoscope::mastodon_scopes())
            for (auto p : mastoscope::parents(s))
                parents[std::string(mastoscope::name(s))].emplace_back(mastoscope::name(p));
    }
    static token parse(std::string_view text)
    {
        token t;
        for (std::size_t pos = 0; pos < text.size();) {
            auto const end = std::min(text.find(' ', pos), text.size());
            if (end > pos) t.emplace(text.substr(pos, end - pos));
            pos = end + 1;
        }
        return t;
    }
    bool grants(token const& t, std::string const& required) const
    {
        if (t.count(required)) return true;
        auto const it = parents.find(required);
        if (it == parents.end()) return false;
        for (auto const& p : it->second)
            if (grants(t, p)) return true;
        return false;
    }
    // The closure as people write it: every scope some held scope grants.
    token close(token const& t) const
    {
        token out;
        for (auto s : mastoscope::mastodon_scopes())
            if (grants(t, std::string(mastoscope::name(s)))) out.emplace(mastoscope::name(s));
        return out;
    }
};

class floor {
public:
    floor()
    {
        for (auto s : mastoscope::mastodon_scopes()) {
            names_[index(s)] = mastoscope::name(s);
            closure_[index(s)] = mastoscope::closure(s).words()[0];
            implied_by_[index(s)] = mastoscope::implied_by(s).words()[0];
        }
        // Find a seed that sends every name to its own slot. The slot is the hash's top bits: FNV's
        // low bits depend only on the seed's low bits, so they would leave too few seeds to try.
        for (seed_ = 1; seed_ < 1'000'000; ++seed_) {
            slots_.fill(-1);
            bool clash = false;
            for (std::size_t i = 0; i < mastoscope::detail::table::mastodon_count && !clash; ++i) {
                auto& slot = slots_[slot_of(hash(names_[i]))];
                clash = slot >= 0;
                slot = static_cast<std::int8_t>(i);
            }
            if (!clash) return;
        }
        throw std::runtime_error("no perfect-hash seed found for the floor baseline");
    }
    static std::size_t slot_of(std::uint32_t h) { return h >> 24; }
    std::uint32_t hash(std::string_view s) const
    {
        std::uint32_t h = seed_;
        for (unsigned char c : s) h = (h ^ c) * mastoscope::detail::table::hash_prime;
        return h;
    }
    // Tokens separated by spaces; an unknown token yields all bits set (never a valid token).
    std::uint64_t parse(std::string_view text) const
    {
        std::uint64_t bits = 0;
        char const* p = text.data();
        char const* const end = p + text.size();
        while (p < end) {
            if (*p == ' ') {
                ++p;
                continue;
            }
            char const* const start = p;
            std::uint32_t h = seed_;
            while (p < end && *p != ' ')
                h = (h ^ static_cast<unsigned char>(*p++)) * mastoscope::detail::table::hash_prime;
            auto const slot = slots_[slot_of(h)];
            std::string_view const token{start, static_cast<std::size_t>(p - start)};
            if (slot < 0 || names_[static_cast<std::size_t>(slot)] != token) return ~std::uint64_t{0};
            bits |= std::uint64_t{1} << slot;
        }
        return bits;
    }
    std::uint64_t close(std::uint64_t bits) const
    {
        std::uint64_t out = 0;
        for (; bits; bits &= bits - 1) out |= closure_[static_cast<std::size_t>(__builtin_ctzll(bits))];
        return out;
    }
    std::uint64_t mask(mastoscope::scope s) const { return std::uint64_t{1} << index(s); }
    std::uint64_t granted_by(mastoscope::scope s) const { return implied_by_[index(s)]; }

private:
    std::array<std::string_view, mastoscope::detail::table::mastodon_count> names_{};
    std::array<std::uint64_t, mastoscope::detail::table::mastodon_count> closure_{}, implied_by_{};
    std::array<std::int8_t, 256> slots_{};
    std::uint32_t seed_ = 1;
};

// The fixed workload: scope strings as servers store them on tokens.
inline constexpr std::array<std::string_view, 6> stored_tokens = {
    "read",    "read write follow push", "read:statuses write:statuses write:media", "admin:read admin:write",
    "profile", "read write push"};

}  // namespace bench
