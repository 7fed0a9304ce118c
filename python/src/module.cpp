// The extension module mastoscope._mastoscope, which the package mastoscope re-exports.
#include <pybind11/pybind11.h>

#include "bindings.hpp"

PYBIND11_MODULE(_mastoscope, m)
{
    namespace mp = mastoscope_python;
    m.doc() = "Mastodon's OAuth scopes, exactly: the C++ library mastoscope, bound with pybind11.";
    m.attr("__version__") = MASTOSCOPE_PROJECT_VERSION;
    mp::bind_diagnostics(m);  // first: every part raises ScopeError and returns Diagnostic objects
    auto scopes = mp::bind_scopes(m);
    mp::bind_algebra(m, scopes);
    mp::bind_facts(m);
    mp::bind_routes(m);
    mp::bind_apps(m);
    mp::bind_identify(m);
}
