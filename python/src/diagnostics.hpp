// Diagnostic (one finding of the parser) and ScopeError, raised for a scope string that does not parse.
#pragma once

#include <span>
#include <string_view>

#include <pybind11/pybind11.h>

#include <mastoscope/parse.hpp>

namespace mastoscope_python {
namespace py = pybind11;

py::object diagnostic_of(mastoscope::diagnostic const& d);
py::list diagnostics_of(std::span<mastoscope::diagnostic const> all);

// Raises ScopeError for the first error of `result`, which must have one; its message starts with
// `argument` (the parameter that held the text) unless that is empty.
[[noreturn]] void raise_scope_error(mastoscope::parse_result const& result, std::string_view argument);
// For a text that should be exactly one scope name and is not: ScopeError for the parser's first error
// on it, or ValueError if it parses (it is several names).
[[noreturn]] void raise_not_a_scope(std::string_view text, std::string_view argument);

}  // namespace mastoscope_python
