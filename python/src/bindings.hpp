// The parts of the extension module, each binding one part of the library (module.cpp calls them in order).
#pragma once

#include <pybind11/pybind11.h>

#include <mastoscope/scope_set.hpp>

namespace mastoscope_python {
namespace py = pybind11;

using scopes_class = py::class_<mastoscope::scope_set>;

void bind_diagnostics(py::module_& m);                 // Diagnostic, ScopeError (diagnostics.cpp)
scopes_class bind_scopes(py::module_& m);              // Scopes, ParseResult (scopes.cpp)
void bind_algebra(py::module_& m, scopes_class& cls);  // grants, explain, closure, normalize (algebra.cpp)
void bind_facts(py::module_& m);                       // info, vocabulary, versions, servers (facts.cpp)
void bind_routes(py::module_& m);                      // endpoint, plan (routes.cpp)
void bind_apps(py::module_& m);                        // register, authorize (apps.cpp)
void bind_identify(py::module_& m);                    // identify (identify.cpp)

}  // namespace mastoscope_python
