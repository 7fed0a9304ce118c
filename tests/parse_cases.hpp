// The parser's case table: input, mode, server version, verdict, scopes kept, and each diagnostic
// with its column and suggestion. Expected values come from Mastodon's behaviour (how Doorkeeper reads
// scope strings); scope names are what a person would write.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mastoscope/algebra.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/text.hpp>

namespace test {

using namespace std::string_view_literals;
using mastoscope::diagnostic_kind;
using mastoscope::parse_mode;

struct expected_diagnostic {
    diagnostic_kind kind;
    std::size_t column;
    std::string_view suggestion = {};
};

struct parse_case {
    std::string_view text;
    parse_mode mode;
    std::string_view server;  // "" = the newest release in the data
    bool valid;
    std::string_view scopes;  // the written scopes kept, in id order
    std::vector<expected_diagnostic> diagnostics;
};

constexpr auto S = parse_mode::strict;
constexpr auto Q = parse_mode::query;
constexpr auto L = parse_mode::lenient;
constexpr auto empty = diagnostic_kind::empty;
constexpr auto bad_character = diagnostic_kind::bad_character;
constexpr auto bad_escape = diagnostic_kind::bad_escape;
constexpr auto unknown = diagnostic_kind::unknown_scope;
constexpr auto not_yet_added = diagnostic_kind::not_yet_added;
constexpr auto removed = diagnostic_kind::removed;
constexpr auto deprecated = diagnostic_kind::deprecated;
constexpr auto duplicate = diagnostic_kind::duplicate;

// What the parser suggests instead of `follow`, from the data: its children, less what the rest of the
// string already grants (beside `read`, the read scopes).
inline std::string const follow_children = mastoscope::to_string(mastoscope::children(mastoscope::scope::follow));
inline std::string const follow_children_beside_read = mastoscope::to_string(
    mastoscope::children(mastoscope::scope::follow) - mastoscope::closure(mastoscope::scope::read));

inline std::vector<parse_case> const& parse_cases()
{
    static std::vector<parse_case> const cases{
        // strict: what Mastodon accepts
        {"read", S, "", true, "read", {}},
        {"read write", S, "", true, "read write", {}},
        {"read  write", S, "", true, "read write", {}},
        {"  read write  ", S, "", true, "read write", {}},
        {"write read", S, "", true, "read write", {}},
        {"read:accounts read", S, "", true, "read read:accounts", {}},
        {"write:statuses write:media", S, "", true, "write:media write:statuses", {}},
        {"profile", S, "", true, "profile", {}},
        {"push", S, "", true, "push", {}},
        {"admin:read", S, "", true, "admin:read", {}},
        {"admin:write:ip_blocks", S, "", true, "admin:write:ip_blocks", {}},
        {"read:collections write:collections", S, "", true, "read:collections write:collections", {}},
        {"read read", S, "", true, "read", {{duplicate, 6}}},
        {"write:media write:media", S, "", true, "write:media", {{duplicate, 13}}},
        {"follow", S, "", true, "follow", {{deprecated, 1, follow_children}}},
        {"read follow", S, "", true, "read follow", {{deprecated, 6, follow_children_beside_read}}},
        {"read write follow push", S, "", true, "read write follow push", {{deprecated, 12}}},
        {"follow follow", S, "", true, "follow", {{deprecated, 1, follow_children}, {duplicate, 8}}},
        // strict: blank
        {"", S, "", false, "", {{empty, 1}}},
        {" ", S, "", false, "", {{empty, 1}}},
        {"     ", S, "", false, "", {{empty, 1}}},
        // strict: unknown scopes and their suggestions
        {"raed", S, "", false, "", {{unknown, 1, "read"}}},
        {"Read", S, "", false, "", {{unknown, 1, "read"}}},
        {"READ", S, "", false, "", {{unknown, 1, "read"}}},
        {"Write:Media", S, "", false, "", {{unknown, 1, "write:media"}}},
        {"read,write", S, "", false, "", {{unknown, 1, "read write"}}},
        {"read;write", S, "", false, "", {{unknown, 1, "read write"}}},
        {"read+write", S, "", false, "", {{unknown, 1, "read write"}}},
        {"read,write,push", S, "", false, "", {{unknown, 1, "read write push"}}},
        {"raed,Write;read:me", S, "", false, "", {{unknown, 1, "read write profile"}}},  // each part fixed
        {"read,nothing", S, "", false, "", {{unknown, 1}}},                              // a part with no fix
        {"read:statuse", S, "", false, "", {{unknown, 1, "read:statuses"}}},
        {"read:statuses:x", S, "", false, "", {{unknown, 1, "read:statuses"}}},
        {"read:", S, "", false, "", {{unknown, 1, "read"}}},
        {":read", S, "", false, "", {{unknown, 1, "read"}}},
        {"read::statuses", S, "", false, "", {{unknown, 1, "read:statuses"}}},
        {"read:collection", S, "", false, "", {{unknown, 1, "read:collections"}}},
        {"write:collection", S, "", false, "", {{unknown, 1, "write:collections"}}},
        {"read:me", S, "", false, "", {{unknown, 1, "profile"}}},
        {"admin", S, "", false, "", {{unknown, 1, "admin:read admin:write"}}},
        {"admin:read:ipblocks", S, "", false, "", {{unknown, 1, "admin:read:ip_blocks"}}},
        {"read:foo", S, "", false, "", {{unknown, 1}}},
        {"read:conversations", S, "", false, "", {{unknown, 1}}},
        {"*", S, "", false, "", {{unknown, 1}}},
        {"read:*", S, "", false, "", {{unknown, 1, "read"}}},
        {"\"read\"", S, "", false, "", {{unknown, 1, "read"}}},
        {"readwrite", S, "", false, "", {{unknown, 1}}},
        {"a", S, "", false, "", {{unknown, 1}}},
        {"read write raed", S, "", false, "read write", {{unknown, 12, "read"}}},
        {"raed wirte", S, "", false, "", {{unknown, 1, "read"}, {unknown, 6, "write"}}},
        {"folow", S, "", false, "", {{unknown, 1, "follow"}}},
        {"pusj", S, "", false, "", {{unknown, 1, "push"}}},
        // strict: bad characters, at their column
        {"read\twrite", S, "", false, "", {{bad_character, 5, "read write"}}},
        {"read\rwrite", S, "", false, "", {{bad_character, 5, "read write"}}},
        {"read\nwrite", S, "", false, "", {{bad_character, 5, "read write"}}},
        {"read\n", S, "", false, "", {{bad_character, 5, "read"}}},
        {"\tread", S, "", false, "", {{bad_character, 1, "read"}}},
        {"read\v write", S, "", false, "write", {{bad_character, 5, "read"}}},
        {"read\fwrite", S, "", false, "", {{bad_character, 5, "read write"}}},
        {"read \x01", S, "", false, "read", {{bad_character, 6}}},
        {"read\x7f", S, "", false, "", {{bad_character, 5, "read"}}},
        {"\0"sv, S, "", false, "", {{bad_character, 1}}},
        {"read\0"sv, S, "", false, "", {{bad_character, 5, "read"}}},
        {"r\xc3\xa9\141d", S, "", false, "", {{bad_character, 2, "read"}}},
        {"read\xc2\xa0write", S, "", false, "", {{bad_character, 5}}},
        {"push r\xd0\xb5\141d", S, "", false, "push", {{bad_character, 7, "read"}}},  // Cyrillic e
        // strict: versions
        {"crypto", S, "", false, "", {{removed, 1}}},
        {"read:reports", S, "", false, "", {{removed, 1}}},
        {"read crypto", S, "", false, "read", {{removed, 6}}},
        {"profile", S, "4.2.0", false, "", {{not_yet_added, 1}}},
        {"profile", S, "4.3.0", true, "profile", {}},
        {"profile", S, "4.3.0-rc.1", true, "profile", {}},
        {"profile", S, "4.3.0-beta.1", true, "profile", {}},
        {"profile", S, "4.3.0-alpha.5", false, "", {{not_yet_added, 1}}},
        {"profile", S, "4.3.0+glitch", true, "profile", {}},
        {"crypto profile", S, "4.3.0-beta.2", true, "profile crypto", {}},
        {"crypto", S, "4.3.0-rc.1", false, "", {{removed, 1}}},
        {"read profile", S, "4.2.0", false, "read", {{not_yet_added, 6}}},
        {"crypto", S, "4.2.0", true, "crypto", {}},
        {"crypto", S, "3.2.0", true, "crypto", {}},
        {"crypto", S, "3.1.0", false, "", {{not_yet_added, 1}}},
        {"read:reports", S, "2.6.0", false, "", {{removed, 1}}},
        {"read:reports", S, "2.9.0", false, "", {{removed, 1}}},
        {"read:reports", S, "2.5.0", true, "read:reports", {}},
        {"read:reports", S, "2.4.2", false, "", {{not_yet_added, 1}}},
        {"follow", S, "3.4.0", true, "follow", {}},
        {"follow", S, "3.5.0", true, "follow", {{deprecated, 1, follow_children}}},
        {"read:collections", S, "4.5.0", false, "", {{not_yet_added, 1}}},
        {"read:collections write:collections", S, "4.6.0", true, "read:collections write:collections", {}},
        {"admin:read:ip_blocks", S, "4.0.2", false, "", {{not_yet_added, 1}}},
        {"admin:read:ip_blocks", S, "4.1.0", true, "admin:read:ip_blocks", {}},
        {"push", S, "2.3.0", false, "", {{not_yet_added, 1}}},
        {"read:bookmarks", S, "3.0.0", false, "", {{not_yet_added, 1}}},
        {"write:conversations", S, "2.5.2", false, "", {{not_yet_added, 1}}},
        // query: a raw URL query or form value
        {"read+write", Q, "", true, "read write", {}},
        {"read+write+push", Q, "", true, "read write push", {}},
        {"read%20write", Q, "", true, "read write", {}},
        {"read%20%20write", Q, "", true, "read write", {}},
        {"read++write", Q, "", true, "read write", {}},
        {"+read+", Q, "", true, "read", {}},
        {"read write", Q, "", true, "read write", {}},
        {"r%65ad", Q, "", true, "read", {}},
        {"%72%65%61%64", Q, "", true, "read", {}},
        {"read%3Astatuses", Q, "", true, "read:statuses", {}},
        {"read%3astatuses", Q, "", true, "read:statuses", {}},
        {"read%2Bwrite", Q, "", false, "", {{unknown, 1, "read write"}}},
        {"read%2bwrite", Q, "", false, "", {{unknown, 1, "read write"}}},
        {"read%2Cwrite", Q, "", false, "", {{unknown, 1, "read write"}}},
        {"read+raed", Q, "", false, "read", {{unknown, 6, "read"}}},
        {"follow+read", Q, "", true, "read follow", {{deprecated, 1, follow_children_beside_read}}},
        {"read%zz", Q, "", false, "", {{bad_escape, 5, "%25"}}},
        {"%", Q, "", false, "", {{bad_escape, 1, "%25"}}},
        {"read%2", Q, "", false, "", {{bad_escape, 5, "%25"}}},
        {"%2x", Q, "", false, "", {{bad_escape, 1, "%25"}}},
        {"read+%g0", Q, "", false, "read", {{bad_escape, 6, "%25"}}},
        {"read%0Awrite", Q, "", false, "", {{bad_character, 5, "read write"}}},
        {"read%09", Q, "", false, "", {{bad_character, 5, "read"}}},
        {"read%00", Q, "", false, "", {{bad_character, 5, "read"}}},
        {"r%C3%A9ad", Q, "", false, "", {{bad_character, 2, "read"}}},
        {"+++", Q, "", false, "", {{empty, 1}}},
        {"", Q, "", false, "", {{empty, 1}}},
        {"%20", Q, "", false, "", {{empty, 1}}},
        {"crypto", Q, "", false, "", {{removed, 1}}},
        {"profile", Q, "4.2.0", false, "", {{not_yet_added, 1}}},
        // lenient: commas and any ASCII whitespace separate; unknown tokens are warnings
        {"read,write", L, "", true, "read write", {}},
        {"read, write", L, "", true, "read write", {}},
        {"read\twrite", L, "", true, "read write", {}},
        {"read\r\nwrite\n", L, "", true, "read write", {}},
        {"read\vwrite\f", L, "", true, "read write", {}},
        {"read,raed", L, "", true, "read", {{unknown, 6, "read"}}},
        {"Read,write", L, "", true, "write", {{unknown, 1, "read"}}},
        {"read,read", L, "", true, "read", {{duplicate, 6}}},
        {"read,follow", L, "", true, "read follow", {{deprecated, 6, follow_children_beside_read}}},
        {"read,r\xc3\xa9\141d", L, "", true, "read", {{bad_character, 7, "read"}}},
        {"raed", L, "", false, "", {{unknown, 1, "read"}, {empty, 1}}},
        {"Read,Write", L, "", false, "", {{unknown, 1, "read"}, {empty, 1}, {unknown, 6, "write"}}},
        {"read;write", L, "", false, "", {{unknown, 1, "read write"}, {empty, 1}}},
        {"", L, "", false, "", {{empty, 1}}},
        {",,, ,\t", L, "", false, "", {{empty, 1}}},
        {"read,crypto", L, "", false, "read", {{removed, 6}}},
        {"profile,read", L, "4.2.0", false, "read", {{not_yet_added, 1}}},
    };
    return cases;
}

}  // namespace test
