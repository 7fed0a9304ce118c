// The invariants of another server's reading of a scope string, and of its registration and token
// checks, for every server the data describes.
#include <algorithm>

#include <fmt/format.h>

#include <mastoscope/dialect.hpp>

#include "invariants.hpp"

namespace ms = mastoscope;

namespace invariants {

std::string check_dialect(std::string_view text, ms::parse_options const& options)
{
    for (std::size_t i = 1; i < ms::software_count; ++i) {
        ms::server const on{static_cast<ms::software>(i)};
        auto const name = ms::to_string(on.name);
        auto const r = ms::parse(text, on, options);
        auto const d = r.diagnostics();
        bool const errors = std::any_of(d.begin(), d.end(), [](auto const& x) { return x.is_error(); });
        if (static_cast<bool>(r) == errors) return fmt::format("{}: valid and errors disagree", name);
        if (!r.scopes().is_subset_of(ms::vocabulary(on)))
            return fmt::format("{}: kept a name it does not define", name);
        if (!std::is_sorted(d.begin(), d.end(), [](auto const& a, auto const& b) { return a.column() < b.column(); }))
            return fmt::format("{}: diagnostics out of column order", name);
        for (auto const& x : d)
            if (x.column() < 1 || x.column() > std::max(text.size(), options.max_length) + 1)
                return fmt::format("{}: a column outside the text", name);
        if (ms::parse(text, on, options).scopes() != r.scopes()) return fmt::format("{}: not deterministic", name);
        auto const linted = ms::lint(text, on, options);
        if (static_cast<bool>(linted) == std::any_of(d.begin(), d.end(), [](auto const& x) {
                return x.is_error() && x.kind() != ms::diagnostic_kind::not_yet_added;
            }))
            return fmt::format("{}: lint and parse disagree on errors", name);
        auto const registered = ms::register_on(on, text);
        auto const& dialect = ms::detail::dialect_of(on.name);
        if (registered.ok ? registered.status != 200 : registered.status != dialect.registration_refusal.status)
            return fmt::format("{}: a registration status that is not the server's", name);
        if (!registered.ok && !registered.stored.empty()) return fmt::format("{}: a refused app with names", name);
        for (auto grant : ms::mastodon::grant_types) {
            auto const token = ms::authorize_on(on, registered.stored, text, grant);
            if (token.ok != token.not_covered.empty() || token.ok != (token.status == 200))
                return fmt::format("{}: a token answer that does not hold together", name);
            if (!token.ok && !token.scopes.empty()) return fmt::format("{}: a refused token with names", name);
        }
    }
    return {};
}

}  // namespace invariants
