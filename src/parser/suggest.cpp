// Suggestions for unknown tokens, from the generated table's names and mistaken names.
#include "suggest.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/history.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {
namespace {

// Optimal string alignment distance, or `limit + 1` once it is certain to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit)
{
    std::size_t const over = limit + 1;  // every distance past the limit reads as this
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return over;
    // Three rolling rows of the optimal-string-alignment table (adjacent transpositions count once),
    // computed only in the band |i - j| <= limit, the only cells a path within the limit can cross.
    // Every unknown token is compared with every scope name, so this is the parser's costliest step.
    constexpr std::size_t stack_columns = 64;
    std::array<std::size_t, 3 * stack_columns> stack_rows;
    std::vector<std::size_t> heap_rows;
    std::size_t* rows = stack_rows.data();
    if (b.size() + 1 > stack_columns) {
        heap_rows.resize(3 * (b.size() + 1));
        rows = heap_rows.data();
    }
    std::size_t *before = rows, *previous = rows + b.size() + 1, *current = rows + 2 * (b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j < over ? j : over;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t const lo = i > limit ? i - limit : 1, hi = std::min(b.size(), i + limit);
        current[lo - 1] = lo == 1 ? std::min(i, over) : over;
        std::size_t row_min = current[lo - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            std::size_t best = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            best = std::min(best, std::min(previous[j], current[j - 1]) + 1);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = std::min(best, before[j - 2] + 1);
            current[j] = std::min(best, over);
            row_min = std::min(row_min, current[j]);
        }
        if (hi < b.size()) current[hi + 1] = over;
        if (row_min >= over) return over;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

constexpr std::size_t max_spelling_distance = 2;

std::optional<suggestion> mistaken_name(std::string_view token)
{
    std::string text;
    for (auto const& entry : detail::table::mistaken_names)
        if (entry.name == token) (text.empty() ? text : text += ' ') += name(entry.id);
    if (text.empty()) return std::nullopt;
    return suggestion{text, suggestion::reason::mistaken_name};
}

std::optional<suggestion> letter_case(std::string_view token)
{
    std::string lower(token);
    std::transform(lower.begin(), lower.end(), lower.begin(), detail::bytes::ascii_lower);
    if (lower == token || !lookup_mastodon(lower)) return std::nullopt;
    return suggestion{lower, suggestion::reason::letter_case};
}

std::optional<suggestion> spelling(std::string_view token, version const& server_version)
{
    std::optional<scope> best;
    std::size_t best_distance = max_spelling_distance + 1;
    bool best_available = false;
    for (scope s : mastodon_scopes()) {
        auto const d = edit_distance(token, name(s), max_spelling_distance);
        if (d > best_distance) continue;
        bool const available = available_at(s, server_version);
        if (d < best_distance || (available && !best_available)) {
            best = s;
            best_distance = d;
            best_available = available;
        }
    }
    if (!best || best_distance > max_spelling_distance) return std::nullopt;
    return suggestion{std::string(name(*best)), suggestion::reason::spelling};
}

// The fix for a token without separators: a known mistake, letter case, or a near spelling.
std::optional<suggestion> fix_token(std::string_view token, version const& server_version)
{
    if (auto s = mistaken_name(token)) return s;
    if (auto s = letter_case(token)) return s;
    return spelling(token, server_version);
}

// "read,write", "read+write" (%2B), "read;write", "raed,Write": each part is a scope or has a fix.
std::optional<suggestion> separators(std::string_view token, version const& server_version)
{
    std::string text;
    std::size_t pos = 0;
    for (auto part = detail::next_token<detail::bytes::mistaken_separator>(token, pos); !part.empty();
         part = detail::next_token<detail::bytes::mistaken_separator>(token, pos)) {
        std::string fixed(part);
        if (!lookup_mastodon(part)) {
            auto const fix = fix_token(part, server_version);
            if (!fix) return std::nullopt;
            fixed = fix->text;
        }
        (text.empty() ? text : text += ' ') += fixed;
    }
    if (text.empty()) return std::nullopt;
    return suggestion{text, suggestion::reason::separators};
}

}  // namespace

std::optional<suggestion> suggest(std::string_view token, version const& server_version)
{
    if (std::any_of(token.begin(), token.end(), detail::bytes::mistaken_separator))
        if (auto s = separators(token, server_version)) return s;
    return fix_token(token, server_version);
}

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
