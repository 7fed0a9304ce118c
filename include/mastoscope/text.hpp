// Text forms of versions and scope sets (kept out of the core headers, which stay free of <string>).
#pragma once

#include <string>

#include <mastoscope/scope_set.hpp>
#include <mastoscope/version.hpp>

namespace mastoscope {

// "4.3.0", "4.4.0-rc.2".
std::string to_string(version const& v);

// "read write:media", in id order; the empty set is "".
std::string to_string(scope_set const& set);

}  // namespace mastoscope
