// Text forms of versions and scope sets.
#include <mastoscope/scope_set.hpp>
#include <mastoscope/version.hpp>

namespace mastoscope {

std::string to_string(version const& v)
{
    auto text = std::to_string(v.major()) + '.' + std::to_string(v.minor()) + '.' + std::to_string(v.patch());
    if (v.is_pre_release()) (text += '-') += v.pre_release();
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

}  // namespace mastoscope
