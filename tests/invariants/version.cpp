// The version invariants of invariants.hpp: SemVer 2.0.0 (items 2, 9 and 11), read independently here.
#include "invariants.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <vector>

#include <mastoscope/parse.hpp>
#include <mastoscope/server.hpp>
#include <mastoscope/text.hpp>

namespace invariants {
namespace {

namespace ms = mastoscope;

bool digit(char c) { return c >= '0' && c <= '9'; }
bool ident_char(char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; }
bool all_digits(std::string_view s)
{
    for (char c : s)
        if (!digit(c)) return false;
    return !s.empty();
}

// A SemVer numeric identifier that fits in 32 bits: digits, no leading zero.
std::optional<std::uint64_t> number(std::string_view s)
{
    if (!all_digits(s) || (s.size() > 1 && s[0] == '0') || s.size() > 10) return std::nullopt;
    std::uint64_t n = 0;
    for (char c : s) n = n * 10 + static_cast<std::uint64_t>(c - '0');
    if (n > 0xffffffffu) return std::nullopt;
    return n;
}

std::vector<std::string_view> fields(std::string_view s, char separator)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto const end = s.find(separator, start);
        out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

struct semver {
    std::uint64_t core[3];
    std::vector<std::string_view> pre;  // empty for a release
};

// Build metadata (SemVer item 10): dot-separated non-empty identifiers, leading zeros allowed.
bool build_metadata(std::string_view s)
{
    if (s.size() > ms::version::max_build_metadata) return false;
    for (auto id : fields(s, '.')) {
        if (id.empty()) return false;
        for (char c : id)
            if (!ident_char(c)) return false;
    }
    return true;
}

std::optional<semver> read(std::string_view text)
{
    if (auto const plus = text.find('+'); plus != std::string_view::npos) {
        if (!build_metadata(text.substr(plus + 1))) return std::nullopt;
        text = text.substr(0, plus);
    }
    auto const dash = text.find('-');
    auto const core = fields(text.substr(0, dash), '.');
    if (core.size() != 3) return std::nullopt;
    semver v{};
    for (int i = 0; i < 3; ++i) {
        auto const n = number(core[i]);
        if (!n) return std::nullopt;
        v.core[i] = *n;
    }
    if (dash == std::string_view::npos) return v;
    auto const pre = text.substr(dash + 1);
    if (pre.size() > ms::version::max_pre_release) return std::nullopt;
    v.pre = fields(pre, '.');
    for (auto id : v.pre) {
        if (id.empty()) return std::nullopt;
        for (char c : id)
            if (!ident_char(c)) return std::nullopt;
        if (all_digits(id) && id.size() > 1 && id[0] == '0') return std::nullopt;
    }
    return v;
}

std::weak_ordering compare_identifier(std::string_view a, std::string_view b)
{
    bool const an = all_digits(a), bn = all_digits(b);
    if (an && bn) return a.size() != b.size() ? a.size() <=> b.size() : a.compare(b) <=> 0;
    if (an != bn) return an ? std::weak_ordering::less : std::weak_ordering::greater;
    return a.compare(b) <=> 0;
}

std::weak_ordering compare(semver const& a, semver const& b)
{
    for (int i = 0; i < 3; ++i)
        if (a.core[i] != b.core[i]) return a.core[i] <=> b.core[i];
    if (a.pre.empty() != b.pre.empty()) return a.pre.empty() ? std::weak_ordering::greater : std::weak_ordering::less;
    for (std::size_t i = 0; i < a.pre.size() && i < b.pre.size(); ++i)
        if (auto c = compare_identifier(a.pre[i], b.pre[i]); c != 0) return c;
    return a.pre.size() <=> b.pre.size();
}

}  // namespace

std::string check_version(std::string_view text)
{
    auto const parsed = ms::parse_version(text);
    auto const expected = read(text);
    if (parsed.has_value() != expected.has_value())
        return parsed ? "parse_version accepts a non-SemVer text" : "parse_version refuses a SemVer text";
    if (!parsed) return "";
    if (parsed->major() != expected->core[0] || parsed->minor() != expected->core[1] ||
        parsed->patch() != expected->core[2])
        return "parse_version reads the wrong numbers";
    if (ms::to_string(*parsed) != text) return "a parsed version does not format back to its text";
    return "";
}

std::string check_server(std::string_view text)
{
    if (auto const s = ms::parse_server(text)) {
        auto const again = ms::parse_server(ms::to_string(*s));
        if (!again || !(*again == *s) || again->release.build_metadata() != s->release.build_metadata())
            return "a parsed server does not read back from its text";
    }
    auto const semver = ms::parse_version(text);
    for (std::size_t i = 0; i < ms::software_count; ++i) {
        auto const sw = static_cast<ms::software>(i);
        auto const release = ms::parse_release(sw, text);
        if (release && ms::parse_version(ms::to_string(*release)) != release)
            return "parse_release makes a version that does not format back";
        // A plain release (no pre-release or build metadata) means the same in every format.
        if (semver && !semver->is_pre_release() && semver->build_metadata().empty() && release != semver)
            return "a server's version format reads a plain release differently";
    }
    return "";
}

std::string check_version_order(std::string_view a, std::string_view b)
{
    auto const va = ms::parse_version(a), vb = ms::parse_version(b);
    if (!va || !vb) return "";
    auto const expected = compare(*read(a), *read(b));
    if ((*va <=> *vb) != expected) return "versions do not compare as SemVer says";
    if ((*vb <=> *va) != (0 <=> expected)) return "version comparison is not antisymmetric";
    auto const precedence = [](std::string_view t) { return t.substr(0, t.find('+')); };
    if ((*va == *vb) != (precedence(a) == precedence(b))) return "equal versions have different texts before '+'";
    if (a.find('+') == std::string_view::npos && !va->build_metadata().empty())
        return "a version without '+' has build metadata";
    return "";
}

}  // namespace invariants
