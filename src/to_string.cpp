// Text forms of versions and scope sets, and version's out-of-line error.
#include <stdexcept>

#include <mastoscope/text.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

void detail::invalid_version() { throw std::invalid_argument("invalid version pre-release or build metadata"); }

std::string to_string(version const& v)
{
    auto text = std::to_string(v.major()) + '.' + std::to_string(v.minor()) + '.' + std::to_string(v.patch());
    if (v.is_pre_release()) (text += '-') += v.pre_release();
    if (!v.build_metadata().empty()) (text += '+') += v.build_metadata();
    return text;
}

std::string to_string(scope_set const& set)
{
    std::string text;
    for (scope s : set) {
        if (!text.empty()) text += ' ';
        text += name(s);
    }
    return text;
}

MASTOSCOPE_END_NAMESPACE
