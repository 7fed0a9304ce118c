// The arguments the module's functions share: a server, a parse mode, a grant type and a set of scopes.
#pragma once

#include <string_view>

#include <pybind11/pybind11.h>

#include <mastoscope/mastodon.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/server.hpp>

namespace mastoscope_python {
namespace py = pybind11;

// NAME[@VERSION] as parse_server reads it, or None: Mastodon at its newest release. ValueError says
// which part is wrong.
mastoscope::server server_arg(py::handle obj);
// "strict", "query" or "lenient".
mastoscope::parse_mode mode_arg(py::handle obj);
// "authorization_code" or "client_credentials".
mastoscope::mastodon::grant_type grant_arg(py::handle obj);
// None, or a length in bytes (parse_options::max_length).
std::size_t max_length_arg(py::handle obj);

// A set of scopes given as Scopes, as a scope string, or as an iterable of scope names (each exactly a
// name the data knows, any server's, removed ones included). A string is read as scopecheck reads one
// for `on`: strictly, at the Mastodon release `on` runs, or for another server as Mastodon's newest
// release reads it with the names only other servers define allowed too. A string that does not parse
// raises ScopeError naming `argument`.
mastoscope::scope_set scopes_arg(py::handle obj, std::string_view argument,
                                 mastoscope::server const& on = mastoscope::server{});

}  // namespace mastoscope_python
