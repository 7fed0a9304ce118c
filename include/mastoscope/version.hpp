// Mastodon's version numbers: MAJOR.MINOR.PATCH with an optional SemVer pre-release, as a constexpr value.
#pragma once

#include <mastoscope/detail/abi.hpp>
#include <mastoscope/detail/limits.hpp>

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>

MASTOSCOPE_BEGIN_NAMESPACE

namespace detail {
// Throws std::invalid_argument; not constexpr, so a bad version in a constant expression does not
// compile. Defined out of line to keep <stdexcept> out of this header.
[[noreturn]] void invalid_version();
constexpr std::size_t smaller(std::size_t a, std::size_t b) noexcept { return a < b ? a : b; }
}  // namespace detail

// A release such as 4.3.0 or a pre-release such as 4.4.0-rc.2, with the build metadata servers add
// (4.3.0+glitch, 4.2.10+hometown-1.1.1). Ordering follows SemVer: a pre-release sorts before its
// release, numeric identifiers compare as numbers, alphanumeric ones as ASCII, and build metadata is
// kept for display but ignored by == and <=> (4.3.0+glitch is 4.3.0). The texts are stored inline
// so that a version is a literal type usable in constant expressions and in the generated tables.
class version {
public:
    static constexpr std::size_t max_pre_release = detail::limits::max_pre_release;
    static constexpr std::size_t max_build_metadata = detail::limits::max_build_metadata;

    constexpr version() = default;

    // Throws std::invalid_argument (a compile error in a constant expression) if `pre_release` is
    // not dot-separated SemVer identifiers or is longer than max_pre_release.
    // The same for `build_metadata` (dot-separated [0-9A-Za-z-] identifiers, leading zeros allowed,
    // at most max_build_metadata bytes).
    constexpr version(std::uint32_t major, std::uint32_t minor, std::uint32_t patch, std::string_view pre_release = {},
                      std::string_view build_metadata = {})
        : major_{major}, minor_{minor}, patch_{patch}
    {
        if (pre_release.size() > max_pre_release || !valid_pre_release(pre_release)) detail::invalid_version();
        if (build_metadata.size() > max_build_metadata || !valid_identifiers(build_metadata, false))
            detail::invalid_version();
        for (std::size_t i = 0; i < pre_release.size(); ++i) pre_[i] = pre_release[i];
        pre_size_ = static_cast<std::uint8_t>(pre_release.size());
        for (std::size_t i = 0; i < build_metadata.size(); ++i) build_[i] = build_metadata[i];
        build_size_ = static_cast<std::uint8_t>(build_metadata.size());
    }

    constexpr std::uint32_t major() const noexcept { return major_; }
    constexpr std::uint32_t minor() const noexcept { return minor_; }
    constexpr std::uint32_t patch() const noexcept { return patch_; }
    constexpr std::string_view pre_release() const noexcept { return {pre_.data(), pre_size_}; }
    constexpr bool is_pre_release() const noexcept { return pre_size_ != 0; }
    constexpr std::string_view build_metadata() const noexcept { return {build_.data(), build_size_}; }

    friend constexpr bool operator==(version const& a, version const& b) noexcept
    {
        return a.major_ == b.major_ && a.minor_ == b.minor_ && a.patch_ == b.patch_ &&
               a.pre_release() == b.pre_release();
    }

    // Weak: versions that differ only in build metadata are equivalent, not identical.
    friend constexpr std::weak_ordering operator<=>(version const& a, version const& b) noexcept
    {
        if (auto c = a.major_ <=> b.major_; c != 0) return c;
        if (auto c = a.minor_ <=> b.minor_; c != 0) return c;
        if (auto c = a.patch_ <=> b.patch_; c != 0) return c;
        if (a.is_pre_release() != b.is_pre_release())
            return a.is_pre_release() ? std::weak_ordering::less : std::weak_ordering::greater;
        return compare_pre_release(a.pre_release(), b.pre_release());
    }

    // True if `text` is empty or dot-separated identifiers of [0-9A-Za-z-], numeric ones without
    // leading zeros (SemVer 2.0.0, item 9).
    static constexpr bool valid_pre_release(std::string_view text) noexcept { return valid_identifiers(text, true); }
    // The same for build metadata, where leading zeros are allowed (SemVer 2.0.0, item 10).
    static constexpr bool valid_build_metadata(std::string_view text) noexcept
    {
        return valid_identifiers(text, false);
    }

private:
    static constexpr bool valid_identifiers(std::string_view text, bool no_leading_zeros) noexcept
    {
        if (text.empty()) return true;
        std::size_t start = 0;
        while (true) {
            auto const end = detail::smaller(text.find('.', start), text.size());
            auto const ident = text.substr(start, end - start);
            if (ident.empty()) return false;
            for (char c : ident)
                if (!is_ident_char(c)) return false;
            if (no_leading_zeros && is_numeric(ident) && ident.size() > 1 && ident[0] == '0') return false;
            if (end == text.size()) return true;
            start = end + 1;
        }
    }

    static constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
    static constexpr bool is_ident_char(char c) noexcept
    {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }
    static constexpr bool is_numeric(std::string_view s) noexcept
    {
        for (char c : s)
            if (!is_digit(c)) return false;
        return !s.empty();
    }

    static constexpr std::strong_ordering compare_identifier(std::string_view a, std::string_view b) noexcept
    {
        bool const na = is_numeric(a), nb = is_numeric(b);
        if (na != nb) return na ? std::strong_ordering::less : std::strong_ordering::greater;
        if (na && a.size() != b.size()) return a.size() <=> b.size();  // no leading zeros
        return a.compare(b) <=> 0;
    }

    static constexpr std::strong_ordering compare_pre_release(std::string_view a, std::string_view b) noexcept
    {
        while (!a.empty() && !b.empty()) {
            auto const ea = detail::smaller(a.find('.'), a.size()), eb = detail::smaller(b.find('.'), b.size());
            if (auto c = compare_identifier(a.substr(0, ea), b.substr(0, eb)); c != 0) return c;
            a.remove_prefix(detail::smaller(ea + 1, a.size()));
            b.remove_prefix(detail::smaller(eb + 1, b.size()));
        }
        return a.size() <=> b.size();  // the one with more identifiers sorts after
    }

    std::uint32_t major_ = 0;
    std::uint32_t minor_ = 0;
    std::uint32_t patch_ = 0;
    std::array<char, max_pre_release> pre_{};
    std::uint8_t pre_size_ = 0;
    std::array<char, max_build_metadata> build_{};
    std::uint8_t build_size_ = 0;
};

MASTOSCOPE_END_NAMESPACE
