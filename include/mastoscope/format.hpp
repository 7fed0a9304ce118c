// fmt formatters for scope, scope_set (space-separated, id order), version and diagnostic.
#pragma once

#include <string_view>

#include <fmt/format.h>

#include <mastoscope/parse.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/text.hpp>
#include <mastoscope/version.hpp>

template <>
struct fmt::formatter<mastoscope::scope> : fmt::formatter<std::string_view> {
    auto format(mastoscope::scope s, fmt::format_context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(mastoscope::name(s), ctx);
    }
};

// "read write:media"; the empty set formats as "".
template <>
struct fmt::formatter<mastoscope::scope_set> : fmt::formatter<std::string_view> {
    auto format(mastoscope::scope_set const& set, fmt::format_context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(mastoscope::to_string(set), ctx);
    }
};

template <>
struct fmt::formatter<mastoscope::version> : fmt::formatter<std::string_view> {
    auto format(mastoscope::version const& v, fmt::format_context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(mastoscope::to_string(v), ctx);
    }
};

// "column 6: unknown scope 'raed'; did you mean 'read'?"
template <>
struct fmt::formatter<mastoscope::diagnostic> : fmt::formatter<std::string_view> {
    auto format(mastoscope::diagnostic const& d, fmt::format_context& ctx) const
    {
        return fmt::format_to(ctx.out(), "column {}: {}", d.column(), d.message());
    }
};
