// Mastodon's route table: which scopes a route accepts and whether a token passes (endpoint), and the
// least-privilege scopes for a token that must call several routes (plan), as scopecheck answers them.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <mastoscope/mastodon.hpp>
#include <mastoscope/server.hpp>
#include <mastoscope/text.hpp>

#include "arguments.hpp"
#include "bindings.hpp"
#include "records.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;
namespace md = mastoscope::mastodon;

namespace {

struct endpoint_record {
    py::object method, path, accepts, token, controller, notes, added, removed, source, allowed, status, reason;
};
struct planned_record {
    py::object method, path, possible, served_by;
};
struct plan_record {
    py::object ok, reason, scopes, unlocks, routes;
};

// The release whose route table answers: the data has one for Mastodon only.
ms::version mastodon_release(py::object server, char const* what)
{
    auto const on = server_arg(server);
    if (on.name != ms::software::mastodon)
        throw py::value_error(std::string(what) + " needs a route table, which the data has for Mastodon only, not " +
                              ms::to_string(on));
    return on.release;
}

std::string route_text(std::string_view method, std::string_view path)
{
    return std::string(method) + " " + py::repr(to_str(path)).cast<std::string>();
}

// The route a request reaches at `v`; ValueError for a method Mastodon's API does not have, no route,
// or a route that `v` does not have, as scopecheck refuses them.
md::route const& find_route(std::string_view method, std::string_view path, ms::version const& v)
{
    static constexpr std::array<std::string_view, 6> methods{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
    if (std::find(methods.begin(), methods.end(), method) == methods.end())
        throw py::value_error(py::repr(to_str(method)).cast<std::string>() +
                              " is not an HTTP method of Mastodon's API (GET, HEAD, POST, PUT, PATCH, DELETE; "
                              "methods are upper case)");
    auto const* r = md::match(method, path, v);
    if (!r) throw py::value_error("no Mastodon route for " + route_text(method, path));
    if (!md::exists_at(*r, v)) {
        auto const removed = r->removed && *r->removed <= v;
        throw py::value_error(std::string(r->method) + " " + std::string(r->path) + ": no such route at " +
                              ms::to_string(v) +
                              (removed ? " (removed in " + ms::to_string(*r->removed) + ")"
                                       : " (added in " + ms::to_string(r->added) + ")"));
    }
    return *r;
}

py::object endpoint(py::object method, py::object path, py::object token, py::object server)
{
    auto const v = mastodon_release(server, "endpoint");
    text_arg const method_text{method, "method"}, path_text{path, "path"};
    auto const then = md::at(find_route(method_text.view(), path_text.view(), v), v);  // its check at v
    endpoint_record out{to_str(then.method),
                        to_str(then.path),
                        py::cast(then.accepts),
                        to_str(md::to_string(then.token)),
                        to_str(then.controller),
                        str_or_none(then.notes),
                        version_str(then.added),
                        version_or_none(then.removed),
                        to_str(then.source),
                        py::none(),
                        py::none(),
                        py::none()};
    if (!token.is_none()) {
        auto const verdict = md::allows(then, scopes_arg(token, "token", ms::server{ms::software::mastodon, v}));
        out.allowed = py::bool_(verdict.ok);
        out.status = py::int_(verdict.status);
        out.reason = to_str(verdict.reason);
    }
    return py::cast(std::move(out));
}

// "GET /api/v1/instance" or ("GET", "/api/v1/instance").
md::route const* request_route(py::handle request, ms::version const& v)
{
    if (is_text(request)) {
        text_arg const text{request, "requests"};
        auto const line = text.view();
        auto const space = line.find(' ');
        if (space == std::string_view::npos)
            throw py::value_error("no Mastodon route for " + py::repr(to_str(line)).cast<std::string>() +
                                  " (write \"METHOD PATH\")");
        return &find_route(line.substr(0, space), line.substr(space + 1), v);
    }
    if (py::isinstance<py::tuple>(request) && py::len(request) == 2) {
        auto const pair = py::reinterpret_borrow<py::tuple>(request);
        text_arg const method{pair[0], "method"}, path{pair[1], "path"};
        return &find_route(method.view(), path.view(), v);
    }
    throw py::type_error("a request must be \"METHOD PATH\" or a (method, path) tuple, not " + type_name(request));
}

py::object plan(py::object requests, py::object server)
{
    auto const v = mastodon_release(server, "plan");
    if (is_text(requests) || !py::isinstance<py::iterable>(requests))
        throw py::type_error("requests must be an iterable of \"METHOD PATH\" strings or (method, path) tuples, not " +
                             type_name(requests));
    std::vector<md::route const*> wanted;
    for (auto request : requests) wanted.push_back(request_route(request, v));
    md::plan_result result = [&] {
        py::gil_scoped_release unlocked;  // branch and bound: it may take a while, and needs no Python
        return md::plan(wanted, v);
    }();
    py::list routes;
    for (auto const& p : result.routes)
        routes.append(py::cast(
            planned_record{to_str(p.wanted.method), to_str(p.wanted.path), py::bool_(p.possible),
                           p.served_by ? py::object(to_str(ms::name(*p.served_by))) : py::object(py::none())}));
    return py::cast(plan_record{py::bool_(result.ok), str_or_none(result.reason), py::cast(result.scopes),
                                py::int_(result.unlocks), routes});
}

constexpr char const* mastodon_only =
    "server: None for Mastodon's newest release, or 'mastodon@VERSION'; the data has routes for Mastodon only, so "
    "another server is a ValueError.";

}  // namespace

void bind_routes(py::module_& m)
{
    bind_record<endpoint_record>(
        m, "Endpoint", "A route of Mastodon's API as the server version had it, and Mastodon's answer for a token.",
        {{"method", &endpoint_record::method, "'GET', 'POST', ..."},
         {"path", &endpoint_record::path, "The route, with its parameters: '/api/v1/accounts/:id/mute'."},
         {"accepts", &endpoint_record::accepts,
          "The scopes it accepted at the server version (Scopes): any one, held literally, passes."},
         {"token", &endpoint_record::token,
          "How it treats the access token: 'none', 'optional', 'required', 'any_token', 'user', 'user_session', "
          "'client_credentials', 'signature' or 'forbidden'."},
         {"controller", &endpoint_record::controller, "Mastodon's controller and action."},
         {"notes", &endpoint_record::notes, "A note on the route, or None."},
         {"added", &endpoint_record::added, "The first release with the route."},
         {"removed", &endpoint_record::removed, "The first release without it, or None."},
         {"source", &endpoint_record::source, "Where its history was read."},
         {"allowed", &endpoint_record::allowed, "Does the token pass Mastodon's check? None when no token was given."},
         {"status", &endpoint_record::status,
          "The HTTP status Mastodon answers the token (200, 302, 401, 403), or None."},
         {"reason", &endpoint_record::reason, "Why, for people, or None when no token was given."}});
    bind_record<planned_record>(
        m, "PlannedRoute", "One wanted route of a Plan.",
        {{"method", &planned_record::method, "The route's method."},
         {"path", &planned_record::path, "The route's path, with its parameters."},
         {"possible", &planned_record::possible, "Can a token call it at the server version?"},
         {"served_by", &planned_record::served_by,
          "The scope of the plan that passes its check, or None when it needs none (or no token can call it)."}});
    auto plan_class = bind_record<plan_record>(
        m, "Plan",
        "The least-privilege scopes for one token that must call every wanted route. True when there is one.",
        {{"ok", &plan_record::ok, "False if no token can call every route at the server version."},
         {"reason", &plan_record::reason, "Why not, or None."},
         {"scopes", &plan_record::scopes,
          "The plan (Scopes): among the sets that serve every route, the one that passes the scope check of the "
          "fewest routes of the table (ties: fewer scopes)."},
         {"unlocks", &plan_record::unlocks, "How many routes of the table the plan passes the scope check of."},
         {"routes", &plan_record::routes, "A PlannedRoute for each wanted route, in the order given."}});
    truth_from(plan_class, &plan_record::ok);

    auto const endpoint_doc =
        std::string(
            "Which scopes the route that METHOD PATH reaches accepts, and with a token (Scopes, a scope "
            "string or names), whether Mastodon lets it through: any one accepted scope, held literally, "
            "with no hierarchy. Paths are matched as Rails matches them. ValueError for a method the API "
            "does not have, no such route, or a route the release does not have.\n\n") +
        mastodon_only;
    m.def("endpoint", &endpoint, py::arg("method"), py::arg("path"), py::arg("token") = py::none(), py::kw_only(),
          py::arg("server") = py::none(), endpoint_doc.c_str());
    auto const plan_doc = std::string(
                              "The least-privilege scopes for a token that must call every route of `requests`, "
                              "an iterable of \"METHOD PATH\" strings or (method, path) tuples: a Plan. Routes "
                              "are refused as endpoint() refuses them.\n\n") +
                          mastodon_only;
    m.def("plan", &plan, py::arg("requests"), py::kw_only(), py::arg("server") = py::none(), plan_doc.c_str());
}

}  // namespace mastoscope_python
