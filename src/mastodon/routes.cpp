// The route table and request matching: static segments beat :params, which beat a *wildcard.
#include <algorithm>
#include <array>

#include <mastoscope/history.hpp>

#include "route_table.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace mastodon {
namespace {

enum class segment_kind { wildcard, param, fixed };  // ascending precedence

segment_kind kind_of(std::string_view segment)
{
    if (!segment.empty() && segment[0] == '*') return segment_kind::wildcard;
    if (!segment.empty() && segment[0] == ':') return segment_kind::param;
    return segment_kind::fixed;
}

// Splits "/a/b/c" into its segments (at most `max`; more make the path unmatched).
constexpr std::size_t max_segments = 32;
struct segments {
    std::array<std::string_view, max_segments> items{};
    std::size_t size = 0;
    bool overflow = false;
};

segments split(std::string_view path)
{
    segments out;
    while (!path.empty()) {
        path.remove_prefix(1);  // the '/'
        auto const end = std::min(path.find('/'), path.size());
        if (end == 0) continue;  // "//": Rails squeezes repeated slashes
        if (out.size == max_segments) {
            out.overflow = true;
            break;
        }
        out.items[out.size++] = path.substr(0, end);
        path.remove_prefix(end);
    }
    return out;
}

// Does the pattern match? On success, `ranks` holds the kind of each pattern segment.
bool matches(segments const& pattern, segments const& request, std::array<segment_kind, max_segments>& ranks)
{
    for (std::size_t i = 0; i < pattern.size; ++i) {
        auto const kind = kind_of(pattern.items[i]);
        ranks[i] = kind;
        if (kind == segment_kind::wildcard) return request.size > i;  // the rest, at least one segment
        if (i >= request.size || request.items[i].empty()) return false;
        if (kind == segment_kind::fixed && pattern.items[i] != request.items[i]) return false;
        // Rails' default :param stops at a dot, and the API routes take no format (.json) suffix.
        if (kind == segment_kind::param && request.items[i].find('.') != std::string_view::npos) return false;
    }
    return pattern.size == request.size;
}

std::string_view normalize_path(std::string_view path)
{
    if (auto const scheme = path.find("://"); scheme != std::string_view::npos && scheme < path.find('/')) {
        auto const start = path.find('/', scheme + 3);  // drop "https://host"
        path = start == std::string_view::npos ? std::string_view{"/"} : path.substr(start);
    }
    path = path.substr(0, std::min(path.find_first_of("?#"), path.size()));
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    return path;
}

}  // namespace

std::string_view to_string(token_mode mode) noexcept
{
    auto const i = static_cast<std::size_t>(mode);
    return i < mastoscope::detail::token_mode_names.size() ? mastoscope::detail::token_mode_names[i] : "unknown";
}

std::span<route const> routes() noexcept { return detail::routes; }
std::string_view routes_revision() noexcept { return detail::revision; }

std::span<route_change const> earlier(route const& r) noexcept
{
    return std::span{detail::route_changes}.subspan(r.first_change, r.last_change - r.first_change);
}

bool exists_at(route const& r, version const& v) noexcept { return r.added <= v && !(r.removed && *r.removed <= v); }

route at(route const& r, version const& v) noexcept
{
    auto out = r;
    for (auto const& change : earlier(r)) {
        if (v < change.until) {  // the first change still ahead of v
            out.accepts = change.accepts;
            out.token = change.token;
            break;
        }
    }
    out.accepts = out.accepts & scopes_at(v < r.added ? r.added : v);
    return out;
}

route const* match(std::string_view method, std::string_view path, version const& v) noexcept
{
    path = normalize_path(path);
    if (path.empty() || path[0] != '/') return nullptr;
    if (method == "HEAD") method = "GET";  // Rails routes HEAD to GET
    auto const request = split(path);
    if (request.overflow) return nullptr;
    // Ranked by existence at v, then by the kinds of the pattern's segments.
    route const* best = nullptr;
    bool best_exists = false;
    std::array<segment_kind, max_segments> best_ranks{}, ranks{};
    for (auto const& r : detail::routes) {
        ranks = {};  // wildcard everywhere: positions past a pattern's end rank lowest
        if (method != r.method) continue;
        auto const pattern = split(r.path);
        if (!matches(pattern, request, ranks)) continue;
        bool const exists = exists_at(r, v);
        if (!best || (exists && !best_exists) ||
            (exists == best_exists &&
             std::lexicographical_compare(best_ranks.begin(), best_ranks.end(), ranks.begin(), ranks.end()))) {
            best = &r;
            best_ranks = ranks;
            best_exists = exists;
        }
    }
    return best;
}

}  // namespace mastodon
MASTOSCOPE_END_NAMESPACE
