// The algebra: grants, explain, closure and normalize, under Mastodon's documented hierarchy or
// another server's rule at its release, as scopecheck's grants, explain, expand and normalize answer.
#include <algorithm>
#include <string>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/mastodon.hpp>
#include <mastoscope/server.hpp>

#include "arguments.hpp"
#include "bindings.hpp"
#include "records.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;
namespace md = mastoscope::mastodon;

namespace {

struct explanation_record {
    py::object granted, missing, because, granted_by, divergences;
};
struct divergence_record {
    py::object scope, method, path;
};

py::str name_str(ms::scope s) { return py::str(ms::name(s).data(), ms::name(s).size()); }

// None: the documented hierarchy, across all versions. A server: what the set grants there at its release.
ms::scope_set closure_of(ms::scope_set const& held, py::object server)
{
    if (server.is_none()) return ms::closure(held);
    auto const on = server_arg(server);
    return on.name == ms::software::mastodon ? ms::closure_at(held, on.release) : ms::closure(held, on);
}

// The server the text arguments are read for: Mastodon's newest release when server is None.
ms::server reading_server(py::object server) { return server.is_none() ? ms::server{} : server_arg(server); }

bool grants(py::object granted, py::object required, py::object server)
{
    auto const on = reading_server(server);
    auto const held = scopes_arg(granted, "granted", on);
    auto const wanted = scopes_arg(required, "required", on);
    if (server.is_none()) return ms::grants(held, wanted);
    return wanted.is_subset_of(closure_of(held, server));
}

// For each required scope: the chain from a held scope down to it, or what would grant it; and, on
// Mastodon, the routes where Mastodon refuses a grant that a chain uses.
py::object explain(py::object granted, py::object required, py::object server)
{
    auto const on = reading_server(server);
    auto const held = scopes_arg(granted, "granted", on);
    auto const wanted = scopes_arg(required, "required", on);
    auto const closure = closure_of(held, server);
    py::dict because, granted_by;
    py::list crossed;
    for (auto r : wanted) {
        py::list chain;
        if (on.name == ms::software::mastodon) {
            auto const path = closure.contains(r) ? ms::explain(held, r) : std::nullopt;
            if (path) {
                for (auto c : *path) chain.append(name_str(c));
                because[name_str(r)] = chain;
                for (auto const& d : md::divergences(path->front(), r, on.release))
                    crossed.append(
                        py::cast(divergence_record{name_str(d.granted), to_str(d.where.method), to_str(d.where.path)}));
            } else {
                granted_by[name_str(r)] = py::cast(ms::implied_by(r) & ms::scopes_at(on.release));
            }
            continue;
        }
        // Another server grants in one step (a prefix, a listed expansion): the held scope and the one
        // it grants; before it enforced scopes, every scope, through no chain.
        if (!closure.contains(r)) {
            granted_by[name_str(r)] = py::cast(ms::granted_by(r, on));
            continue;
        }
        if (held.contains(r)) {
            chain.append(name_str(r));
        } else if (ms::enforces_scopes(on)) {
            for (auto h : held)
                if (ms::grants_on(on.name, h).contains(r)) {
                    chain.append(name_str(h));
                    chain.append(name_str(r));
                    break;
                }
        }
        because[name_str(r)] = chain;
    }
    auto const missing = wanted - closure;
    return py::cast(explanation_record{py::bool_(missing.empty()), py::cast(missing), because, granted_by, crossed});
}

constexpr char const* set_server_doc =
    "server: None for Mastodon's documented hierarchy across all its versions, or NAME[@VERSION] for the "
    "server's rule at that release.";
constexpr char const* server_doc =
    "server: None for Mastodon's documented hierarchy across all its versions (text read as its newest "
    "release reads it), or NAME[@VERSION] for what a server grants at that release under its rule.";

}  // namespace

void bind_algebra(py::module_& m, scopes_class& cls)
{
    bind_record<divergence_record>(
        m, "Divergence",
        "A route where the documented hierarchy grants a scope and Mastodon refuses it: the route accepts a "
        "scope that `scope` grants, but not `scope` itself.",
        {{"scope", &divergence_record::scope, "The scope the hierarchy says grants the route."},
         {"method", &divergence_record::method, "The route's HTTP method."},
         {"path", &divergence_record::path, "The route's path, such as '/api/v1/accounts/:id/follow'."}});
    auto explanation = bind_record<explanation_record>(
        m, "Explanation",
        "Why a set grants each required scope, or what would. True (as a bool) when every one is granted.",
        {{"granted", &explanation_record::granted, "True when the set grants every required scope."},
         {"missing", &explanation_record::missing, "The required scopes it does not grant (Scopes)."},
         {"because", &explanation_record::because,
          "Each granted required scope -> its chain (list of names) from a held scope down to it; an empty "
          "chain where the server checked no scopes at that release."},
         {"granted_by", &explanation_record::granted_by,
          "Each missing scope -> the Scopes that would grant it at the server's release."},
         {"divergences", &explanation_record::divergences,
          "Divergence objects: routes where Mastodon refuses a grant that a chain uses (always [] for other "
          "servers, for which the data has no routes)."}});
    truth_from(explanation, &explanation_record::granted);

    auto const grants_doc = std::string(
                                "Does `granted` grant every scope of `required`, through the hierarchy?\n\n"
                                "Both are Scopes, scope strings or iterables of scope names; `required` may be a "
                                "single name. Strings that do not parse raise ScopeError.\n") +
                            server_doc;
    m.def("grants", &grants, py::arg("granted"), py::arg("required"), py::kw_only(), py::arg("server") = py::none(),
          grants_doc.c_str());
    auto const explain_doc = std::string(
                                 "As grants(), with the reasons: an Explanation (chains, what would grant each "
                                 "missing scope, and the routes where Mastodon does not follow the hierarchy).\n\n") +
                             server_doc;
    m.def("explain", &explain, py::arg("granted"), py::arg("required"), py::kw_only(), py::arg("server") = py::none(),
          explain_doc.c_str());

    cls.def(
        "grants",
        [](py::object self, py::object required, py::object server) { return grants(self, required, server); },
        py::arg("required"), py::kw_only(), py::arg("server") = py::none(),
        "Does the set grant every scope of `required`? As mastoscope.grants(self, required, server=server).");
    cls.def(
        "explain",
        [](py::object self, py::object required, py::object server) { return explain(self, required, server); },
        py::arg("required"), py::kw_only(), py::arg("server") = py::none(),
        "Why the set grants each scope of `required`, or what would: mastoscope.explain(self, required, "
        "server=server).");
    auto const closure_doc = std::string("What the set grants, itself included (Scopes).\n\n") + set_server_doc +
                             " At a Mastodon release, the part of the closure that the release has (as scopecheck "
                             "expand answers).";
    cls.def(
        "closure", [](ms::scope_set const& s, py::object server) { return closure_of(s, server); }, py::kw_only(),
        py::arg("server") = py::none(), closure_doc.c_str());
    auto const normalize_doc = std::string(
                                   "The smallest subset of the set that grants the same (Mastodon: the written "
                                   "scopes that no other written scope grants).\n\n") +
                               set_server_doc;
    cls.def(
        "normalize",
        [](ms::scope_set const& s, py::object server) {
            return server.is_none() ? ms::normalize(s) : ms::normalize(s, server_arg(server));
        },
        py::kw_only(), py::arg("server") = py::none(), normalize_doc.c_str());
}

}  // namespace mastoscope_python
