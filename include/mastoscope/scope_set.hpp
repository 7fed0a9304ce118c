// scope_set: a constexpr set of scopes over a fixed array of 64-bit words, with set operators.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include <mastoscope/scope.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

// A set of scopes. On its own it means what was written: the literal set that Mastodon's registration
// and authorization checks compare. What a set grants under the hierarchy is closure(set) (algebra.hpp).
// Iteration is in id order (the order of data/scopes.yaml).
class scope_set {
public:
    using words_type = detail::table::words;

    class iterator {
    public:
        // No iterator_category (it would need <iterator>): std::iterator_traits deduces an input
        // iterator, enough for range-for and for constructing containers.
        using value_type = scope;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = scope;

        constexpr iterator() = default;
        constexpr scope operator*() const noexcept
        {
            return static_cast<scope>(word_ * 64 + static_cast<std::size_t>(std::countr_zero(bits_)));
        }
        constexpr iterator& operator++() noexcept
        {
            bits_ &= bits_ - 1;
            settle();
            return *this;
        }
        constexpr iterator operator++(int) noexcept
        {
            auto old = *this;
            ++*this;
            return old;
        }
        friend constexpr bool operator==(iterator const&, iterator const&) = default;

    private:
        friend class scope_set;
        constexpr iterator(words_type const* words, std::size_t word) noexcept : words_{words}, word_{word}
        {
            if (word_ < words_->size()) {
                bits_ = (*words_)[word_];
                settle();
            }
        }
        // From a word inside the set: move to the next set bit, or to the end (word_ == size, no bits).
        constexpr void settle() noexcept
        {
            while (bits_ == 0 && ++word_ < words_->size()) bits_ = (*words_)[word_];
        }
        words_type const* words_ = nullptr;
        std::size_t word_ = 0;
        std::uint64_t bits_ = 0;
    };

    constexpr scope_set() noexcept = default;
    constexpr scope_set(std::initializer_list<scope> scopes) noexcept
    {
        for (scope s : scopes) insert(s);
    }
    static constexpr scope_set from_words(words_type const& words) noexcept
    {
        scope_set set;
        set.words_ = words;
        return set;
    }
    // Every scope the data knows, removed ones included.
    static constexpr scope_set all() noexcept
    {
        scope_set set;
        for (std::size_t i = 0; i < scope_count; ++i) set.insert(static_cast<scope>(i));
        return set;
    }

    constexpr words_type const& words() const noexcept { return words_; }

    constexpr bool contains(scope s) const noexcept { return (words_[word_of(s)] & bit_of(s)) != 0; }
    constexpr void insert(scope s) noexcept { words_[word_of(s)] |= bit_of(s); }
    constexpr void erase(scope s) noexcept { words_[word_of(s)] &= ~bit_of(s); }
    constexpr void clear() noexcept { words_ = {}; }

    constexpr std::size_t size() const noexcept
    {
        // Without a popcount instruction in the target (x86-64's baseline has none) std::popcount is a
        // call: skip the empty words, as those of the names only other servers define mostly are.
        std::size_t n = 0;
        for (auto w : words_)
            if (w != 0) n += static_cast<std::size_t>(std::popcount(w));
        return n;
    }
    constexpr bool empty() const noexcept
    {
        for (auto w : words_)
            if (w != 0) return false;
        return true;
    }
    // Every element of this set is in `other` (plain set inclusion, no hierarchy).
    constexpr bool is_subset_of(scope_set const& other) const noexcept
    {
        for (std::size_t i = 0; i < words_.size(); ++i)
            if ((words_[i] & ~other.words_[i]) != 0) return false;
        return true;
    }
    constexpr bool intersects(scope_set const& other) const noexcept
    {
        for (std::size_t i = 0; i < words_.size(); ++i)
            if ((words_[i] & other.words_[i]) != 0) return true;
        return false;
    }

    constexpr iterator begin() const noexcept { return iterator{&words_, 0}; }
    constexpr iterator end() const noexcept { return iterator{&words_, words_.size()}; }

    constexpr scope_set& operator|=(scope_set const& o) noexcept
    {
        for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= o.words_[i];
        return *this;
    }
    constexpr scope_set& operator&=(scope_set const& o) noexcept
    {
        for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= o.words_[i];
        return *this;
    }
    constexpr scope_set& operator-=(scope_set const& o) noexcept
    {
        for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~o.words_[i];
        return *this;
    }

    friend constexpr scope_set operator|(scope_set a, scope_set const& b) noexcept { return a |= b; }
    friend constexpr scope_set operator&(scope_set a, scope_set const& b) noexcept { return a &= b; }
    // Difference: the scopes of `a` that are not in `b`.
    friend constexpr scope_set operator-(scope_set a, scope_set const& b) noexcept { return a -= b; }
    friend constexpr bool operator==(scope_set const&, scope_set const&) = default;

private:
    static constexpr std::size_t word_of(scope s) noexcept { return index(s) / 64; }
    static constexpr std::uint64_t bit_of(scope s) noexcept { return std::uint64_t{1} << (index(s) % 64); }

    words_type words_{};
};

MASTOSCOPE_END_NAMESPACE
