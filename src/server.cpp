// Reading and writing a server value: NAME[@VERSION].
#include <mastoscope/parse.hpp>
#include <mastoscope/server.hpp>
#include <mastoscope/text.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

std::optional<server> parse_server(std::string_view text)
{
    auto const at = text.find('@');
    auto const name = software_from(text.substr(0, at));
    if (!name) return std::nullopt;
    if (at == std::string_view::npos) return server{*name};
    auto const release = parse_version(text.substr(at + 1));
    if (!release) return std::nullopt;
    return server{*name, *release};
}

std::string to_string(server const& s) { return std::string(to_string(s.name)) + '@' + to_string(s.release); }

MASTOSCOPE_END_NAMESPACE
