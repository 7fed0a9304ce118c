// Text forms of versions and scope sets (kept out of the core headers, which stay free of <string>).
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <string>

#include <mastoscope/scope_set.hpp>
#include <mastoscope/version.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

// "4.3.0", "4.4.0-rc.2".
std::string to_string(version const& v);

// "read write:media", in id order; the empty set is "".
std::string to_string(scope_set const& set);

MASTOSCOPE_END_NAMESPACE
