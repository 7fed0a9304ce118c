// The parse invariants of invariants.hpp, each written from the rule it states rather than from the parser.
#include "invariants.hpp"

#include <cstdint>
#include <optional>
#include <vector>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/lint.hpp>
#include <mastoscope/text.hpp>

#include "../support.hpp"
#include "parser/scope_reader.hpp"  // the diagnosing policy on its own (src/parser)

namespace invariants {
namespace {

namespace ms = mastoscope;

std::vector<std::string_view> split(std::string_view text, std::string_view separators)
{
    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        if (separators.find(text[i]) != std::string_view::npos) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && separators.find(text[j]) == std::string_view::npos) ++j;
        tokens.push_back(text.substr(i, j - i));
        i = j;
    }
    return tokens;
}

// The scopes named by `tokens` that exist at version v.
ms::scope_set named(std::vector<std::string_view> const& tokens, ms::version const& v)
{
    ms::scope_set set;
    for (auto t : tokens)
        if (auto s = ms::lookup(t); s && ms::available_at(*s, v)) set.insert(*s);
    return set;
}

// Mastodon's rule for a scope string, as Mastodon's Doorkeeper reads it: nullopt when it is refused.
std::optional<ms::scope_set> mastodon_accepts(std::string_view text, ms::parse_options const& o)
{
    if (text.size() > o.max_length) return std::nullopt;
    for (unsigned char c : text)
        if (c != ' ' && (c < 0x21 || c > 0x7e)) return std::nullopt;
    auto const tokens = split(text, " ");
    if (tokens.empty()) return std::nullopt;
    for (auto t : tokens) {
        auto const s = ms::lookup(t);
        if (!s || !ms::available_at(*s, o.server_version)) return std::nullopt;
    }
    return named(tokens, o.server_version);
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A form value decoded: '+' is a space, %XX a byte; nullopt for a '%' without two hex digits.
std::optional<std::string> form_decode(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] != '%') {
            out += text[i];
        } else if (i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

bool has_kind(ms::parse_result const& r, ms::diagnostic_kind kind)
{
    for (auto const& d : r.diagnostics())
        if (d.kind() == kind) return true;
    return false;
}

std::vector<ms::diagnostic_kind> kinds(ms::parse_result const& r)
{
    std::vector<ms::diagnostic_kind> out;
    for (auto const& d : r.diagnostics()) out.push_back(d.kind());
    return out;
}

bool same(std::string_view text, ms::parse_options const& o, ms::parse_result const& a, ms::parse_result const& b)
{
    if (bool(a) != bool(b) || a.scopes() != b.scopes() || a.diagnostics().size() != b.diagnostics().size())
        return false;
    for (std::size_t i = 0; i < a.diagnostics().size(); ++i)
        if (!(a.diagnostics()[i] == b.diagnostics()[i])) return false;
    for (auto s : a.scopes())
        if (ms::column_of(text, s, o) != ms::column_of(text, s, o)) return false;
    return true;
}

std::string check_shape(std::string_view text, ms::parse_result const& r, ms::parse_options const& o)
{
    std::size_t last = 0;
    for (auto const& d : r.diagnostics()) {
        if (d.column() < 1 || d.column() > text.size() + 1) return "a diagnostic's column is outside the text";
        if (d.column() < last) return "diagnostics are not in column order";
        if (d.message().empty()) return "a diagnostic has no message";
        last = d.column();
    }
    if (text.size() > o.max_length && (r || !has_kind(r, ms::diagnostic_kind::too_long)))
        return "text over max_length is not refused as too_long";
    for (auto s : r.scopes())
        if (!ms::available_at(s, o.server_version)) return "a kept scope is not available at the server version";
    return "";
}

std::string check_round_trip(ms::parse_result const& r, ms::version const& v)
{
    if (r.scopes().empty()) return "";
    auto const again = ms::parse(ms::to_string(r.scopes()), {.server_version = v});
    if (!again || again.scopes() != r.scopes()) return "formatting the scopes and parsing them again changes the set";
    if (ms::closure(r.scopes()) != test::reference_closure(r.scopes()))
        return "closure() differs from the walk over documented parent edges";
    return "";
}

std::string check_strict(std::string_view text, ms::parse_result const& r, ms::parse_options const& o)
{
    auto const expected = mastodon_accepts(text, o);
    if (bool(r) != expected.has_value())
        return r ? "strict accepts what Mastodon refuses" : "strict refuses what Mastodon accepts";
    if (!r)
        return r.scopes().is_subset_of(named(split(text, " "), o.server_version))
                   ? ""
                   : "an invalid strict parse keeps a scope not written as a token";
    if (r.scopes() != *expected) return "strict scopes are not exactly the tokens written";
    for (auto s : r.scopes()) {
        auto const col = ms::column_of(text, s, o);
        auto const n = ms::name(s);
        if (col == 0 || text.substr(col - 1, n.size()) != n || (col > 1 && text[col - 2] != ' ') ||
            (col - 1 + n.size() < text.size() && text[col - 1 + n.size()] != ' '))
            return "column_of does not point at the token";
    }
    return "";
}

std::string check_query(std::string_view text, ms::parse_result const& r, ms::parse_options const& o)
{
    if (text.size() > o.max_length) return "";
    auto const decoded = form_decode(text);
    // One error per token: a token with a bad byte before its bad escape reports the byte.
    if (!decoded)
        return !r && (has_kind(r, ms::diagnostic_kind::bad_escape) || has_kind(r, ms::diagnostic_kind::bad_character))
                   ? ""
                   : "a bad %-escape is not refused";
    auto strict_options = o;
    strict_options.mode = ms::parse_mode::strict;
    auto const s = ms::parse(*decoded, strict_options);
    if (bool(r) != bool(s) || r.scopes() != s.scopes()) return "query differs from strict on the decoded text";
    if (kinds(r) != kinds(s)) return "query's diagnostic kinds differ from strict's on the decoded text";
    return check_strict(*decoded, s, strict_options);
}

}  // namespace

std::string check_parse(std::string_view text, ms::parse_options const& o)
{
    auto const r = ms::parse(text, o);
    if (auto e = check_shape(text, r, o); !e.empty()) return e;
    if (auto e = check_round_trip(r, o.server_version); !e.empty()) return e;
    switch (o.mode) {
    case ms::parse_mode::strict: return check_strict(text, r, o);
    case ms::parse_mode::query: return check_query(text, r, o);
    case ms::parse_mode::lenient:
        return r.scopes().is_subset_of(named(split(text, " \t\n\r\v\f,"), o.server_version))
                   ? ""
                   : "lenient keeps a scope not written as a token";
    }
    return "unknown mode";
}

std::string check_deterministic(std::string_view text, ms::parse_options const& o)
{
    return same(text, o, ms::parse(text, o), ms::parse(text, o)) ? "" : "two parses of the same text differ";
}

std::string check_policies_agree(std::string_view text, ms::parse_options const& o)
{
    if (!same(text, o, ms::parse(text, o), ms::parser::diagnose(text, o).result))
        return "the checking policy and the diagnosing policy disagree";
    ms::parse_options const defaults{};
    return same(text, defaults, ms::parse(text), ms::parser::diagnose(text, defaults).result)
               ? ""
               : "parse(text), with the default options, and the diagnosing policy disagree";
}

}  // namespace invariants
