// Reading and writing a server value, NAME[@VERSION], with each server's own version format.
#include <algorithm>
#include <string>

#include <mastoscope/parse.hpp>
#include <mastoscope/server.hpp>
#include <mastoscope/text.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

std::optional<version> parse_release(software s, std::string_view text)
{
    using detail::dialects::version_rule;
    auto const cut = std::min(text.find_first_of("-+ "), text.size());  // where the numbers end
    switch (detail::dialect_of(s).version_format) {
    case version_rule::semver: return parse_version(text);
    case version_rule::semver_space_build: {
        if (cut == text.size() || text[cut] != ' ') return parse_version(text);
        return parse_version(std::string(text.substr(0, cut)) + '+' + std::string(text.substr(cut + 1)));
    }
    case version_rule::git_describe: {
        if (cut == text.size() || text[cut] == ' ') return parse_version(text);  // (a space: no version)
        std::string joined(text.substr(0, cut));
        joined += '+';
        for (char c : text.substr(cut + 1)) joined += c == '+' ? '.' : c;  // "+build_name.env" joins as well
        return parse_version(joined);
    }
    case version_rule::two_numbers: {
        auto const numbers = text.substr(0, cut);
        if (std::count(numbers.begin(), numbers.end(), '.') != 1) return parse_version(text);
        return parse_version(std::string(numbers) + ".0" + std::string(text.substr(cut)));
    }
    }
    return std::nullopt;
}

std::optional<server> parse_server(std::string_view text)
{
    auto const at = text.find('@');
    auto const name = software_from(text.substr(0, at));
    if (!name) return std::nullopt;
    if (at == std::string_view::npos) return server{*name};
    auto const release = parse_release(*name, text.substr(at + 1));
    if (!release) return std::nullopt;
    return server{*name, *release};
}

std::string to_string(server const& s) { return std::string(to_string(s.name)) + '@' + to_string(s.release); }

MASTOSCOPE_END_NAMESPACE
