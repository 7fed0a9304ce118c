// The hierarchy and the set algebra: closure, grants, covers, literal_subset, normalize, explain.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <optional>

#include <mastoscope/scope_set.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

// Documented relations of one scope, across all versions.
constexpr scope_set parents(scope s) noexcept { return scope_set::from_words(detail::table::parents[index(s)]); }
constexpr scope_set children(scope s) noexcept { return scope_set::from_words(detail::table::children[index(s)]); }
// What `s` grants, itself included.
constexpr scope_set closure(scope s) noexcept { return scope_set::from_words(detail::table::closure[index(s)]); }
// The scopes whose closure holds `s`, itself included.
constexpr scope_set implied_by(scope s) noexcept { return scope_set::from_words(detail::table::implied_by[index(s)]); }

namespace detail {
// The words that hold the hierarchy: a scope past them grants, and is granted by, only itself.
inline constexpr std::size_t hierarchy_words = table::hierarchy_word_count;
constexpr bool in_hierarchy_words(scope s) noexcept { return index(s) < hierarchy_words * 64; }
// One past the highest id with a parent or a child: every scope of a path through the hierarchy is
// below it, so explain's work arrays and a chain hold hierarchy_span + 1 scopes, not one per scope.
inline constexpr std::size_t hierarchy_span = [] {
    std::size_t span = 0;
    for (std::size_t i = 0; i < scope_count; ++i)
        for (std::size_t w = 0; w < hierarchy_words; ++w)
            if (auto const parents = table::parents[i][w]; parents != 0) {
                auto const highest_parent = w * 64 + 63 - static_cast<std::size_t>(std::countl_zero(parents));
                auto const top = i > highest_parent ? i : highest_parent;  // no <algorithm>: it costs compile time
                if (top + 1 > span) span = top + 1;
            }
    return span;
}();
// A generated table's rows for the scopes of the hierarchy's words, cut to those words (with
// `without_self`, each row less the scope's own bit): where the hierarchy fits one word, a row is one
// word, which the loops over a set's bits below index without a shift.
constexpr auto hierarchy_rows(std::array<table::words, scope_count> const& rows, bool without_self)
{
    std::array<std::array<std::uint64_t, hierarchy_words>,
               (hierarchy_words * 64 < scope_count ? hierarchy_words * 64 : scope_count)>
        cut{};
    for (std::size_t i = 0; i < cut.size(); ++i)
        for (std::size_t w = 0; w < hierarchy_words; ++w)
            cut[i][w] = rows[i][w] & ~(without_self && w == i / 64 ? std::uint64_t{1} << (i % 64) : 0);
    return cut;
}
inline constexpr auto closure_rows = hierarchy_rows(table::closure, false);
// For each scope of the hierarchy's words, the other scopes that grant it.
inline constexpr auto granted_by_others = hierarchy_rows(table::implied_by, true);
}  // namespace detail

// What a written set grants under the documented hierarchy.
constexpr scope_set closure(scope_set const& written) noexcept
{
    // Bit by bit over the hierarchy's words (one OR of a generated row per written scope): a server
    // runs this on every request, so it avoids the general iterator. Past them, scopes grant themselves.
    auto granted = written.words();
    auto const& words = written.words();
    for (std::size_t w = 0; w < detail::hierarchy_words; ++w)
        for (auto bits = words[w]; bits != 0; bits &= bits - 1) {
            auto const& row = detail::closure_rows[w * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
            for (std::size_t i = 0; i < detail::hierarchy_words; ++i) granted[i] |= row[i];
        }
    return scope_set::from_words(granted);
}

// Does the written set grant `required`? One AND over the words: no closure is built.
constexpr bool grants(scope_set const& written, scope required) noexcept
{
    if (!detail::in_hierarchy_words(required)) return written.contains(required);
    auto const& row = detail::table::implied_by[index(required)];
    for (std::size_t i = 0; i < detail::hierarchy_words; ++i)
        if ((written.words()[i] & row[i]) != 0) return true;
    return false;
}
// Does the written set grant every scope of `required`?
constexpr bool grants(scope_set const& written, scope_set const& required) noexcept
{
    return required.is_subset_of(closure(written));
}
// Does the written set grant at least one scope of `acceptable` (an endpoint's any-of list)?
constexpr bool grants_any(scope_set const& written, scope_set const& acceptable) noexcept
{
    return closure(written).intersects(acceptable);
}

// Mastodon's authorization rule: every requested scope was registered, literally (no hierarchy).
constexpr bool literal_subset(scope_set const& registered, scope_set const& requested) noexcept
{
    return requested.is_subset_of(registered);
}
// The rule people expect and Mastodon does not apply (issue #22140): the registered scopes grant
// every requested one under the hierarchy.
constexpr bool covers(scope_set const& registered, scope_set const& requested) noexcept
{
    return grants(registered, requested);
}

// The smallest set with the same closure: the written scopes that no other written scope grants.
// Unique because the hierarchy has no cycles; a subset of `written`; iterates in id order.
constexpr scope_set normalize(scope_set const& written) noexcept
{
    // Past the hierarchy's words every written scope stays; within them, those no other one grants.
    auto kept = written.words();
    auto const& words = written.words();
    for (std::size_t w = 0; w < detail::hierarchy_words; ++w)
        for (auto bits = words[w]; bits != 0; bits &= bits - 1) {
            auto const& others = detail::granted_by_others[w * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
            std::uint64_t another = 0;
            for (std::size_t k = 0; k < detail::hierarchy_words; ++k) another |= words[k] & others[k];
            if (another != 0) kept[w] &= (bits - 1) | ~bits;  // drop the scope's own (lowest) bit
        }
    return scope_set::from_words(kept);
}

// A path down the hierarchy, from a written scope to the one it grants: {follow, read:mutes}.
class scope_chain {
public:
    constexpr scope_chain() noexcept = default;
    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    constexpr scope operator[](std::size_t i) const noexcept { return items_[i]; }
    constexpr scope front() const noexcept { return items_[0]; }
    constexpr scope back() const noexcept { return items_[size_ - 1]; }
    constexpr scope const* begin() const noexcept { return items_.data(); }
    constexpr scope const* end() const noexcept { return items_.data() + size_; }
    constexpr void push_back(scope s) noexcept { items_[size_++] = s; }
    friend constexpr bool operator==(scope_chain const& a, scope_chain const& b) noexcept
    {
        if (a.size_ != b.size_) return false;
        for (std::size_t i = 0; i < a.size_; ++i)
            if (a.items_[i] != b.items_[i]) return false;
        return true;
    }

private:
    std::array<scope, detail::hierarchy_span + 1> items_{};
    std::size_t size_ = 0;
};

// Why the written set grants `required`: the shortest chain from a written scope down through parents
// to `required` (ties go to the lower id), or nullopt if it is not granted. A written scope is its own
// chain of one.
constexpr std::optional<scope_chain> explain(scope_set const& written, scope required) noexcept
{
    if (!detail::in_hierarchy_words(required)) {  // no parents: written, or not granted
        if (!written.contains(required)) return std::nullopt;
        scope_chain alone;
        alone.push_back(required);
        return alone;
    }
    // Each entry is written before it is read, so neither array is cleared first.
    std::array<scope, detail::hierarchy_span + 1> toward;  // for each visited ancestor, its child on the path
    std::array<scope, detail::hierarchy_span + 1> queue;
    std::size_t head = 0, tail = 0;
    scope_set visited{required};
    queue[tail++] = required;
    while (head < tail) {
        scope const current = queue[head++];
        if (written.contains(current)) {
            scope_chain chain;
            for (scope s = current; s != required; s = toward[index(s)]) chain.push_back(s);
            chain.push_back(required);
            return chain;
        }
        // the parents, bit by bit over the hierarchy's words, in id order
        auto const& row = detail::table::parents[index(current)];
        for (std::size_t w = 0; w < detail::hierarchy_words; ++w)
            for (auto bits = row[w]; bits != 0; bits &= bits - 1) {
                auto const p = static_cast<scope>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
                if (visited.contains(p)) continue;
                visited.insert(p);
                toward[index(p)] = current;
                queue[tail++] = p;
            }
    }
    return std::nullopt;
}

MASTOSCOPE_END_NAMESPACE
