// Registering an app (POST /api/v1/apps) and authorizing a token (GET /oauth/authorize, POST /oauth/token):
// Mastodon's answers (mastodon.hpp) or another server's (dialect.hpp), as scopecheck register and
// authorize give them.
#include <optional>
#include <string>

#include <mastoscope/dialect.hpp>
#include <mastoscope/mastodon.hpp>
#include <mastoscope/scope.hpp>
#include <mastoscope/server.hpp>
#include <mastoscope/text.hpp>

#include "arguments.hpp"
#include "bindings.hpp"
#include "diagnostics.hpp"
#include "records.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;
namespace md = mastoscope::mastodon;

namespace {

struct registration_record {
    py::object ok, status, reason, stored, refused;
};
struct app_registration_record {
    py::object ok, status, reason, length, scopes_read, stored, refused;
};
struct authorization_record {
    py::object ok, status, reason, oauth_error, scopes, not_registered, covered_by_hierarchy, refused;
};
struct token_authorization_record {
    py::object ok, status, oauth_error, reason, scopes, not_covered;
};

// A parameter as the framework decoded it, or None for a request without it.
struct parameter {
    std::optional<text_arg> text;
    parameter(py::handle obj, std::string_view argument)
    {
        if (!obj.is_none()) text.emplace(obj, argument);
    }
    std::optional<std::string_view> value() const
    {
        return text ? std::optional<std::string_view>{text->view()} : std::nullopt;
    }
};

py::object mastodon_registration(md::registration const& r)
{
    return py::cast(registration_record{py::bool_(r.ok), py::int_(r.status), str_or_none(r.reason),
                                        str_list(r.stored.names), diagnostics_of(r.refused)});
}

py::object other_registration(ms::app_registration const& r)
{
    return py::cast(app_registration_record{py::bool_(r.ok), py::int_(r.status), str_or_none(ms::message(r)),
                                            py::int_(r.length), py::bool_(r.scopes_read), str_list(r.stored),
                                            str_list(r.refused)});
}

py::object register_app(py::object scopes, py::object server)
{
    auto const on = server_arg(server);
    parameter const text{scopes, "scopes"};
    if (on.name == ms::software::mastodon) return mastodon_registration(md::register_app(text.value(), on.release));
    return other_registration(ms::register_on(on, text.value()));
}

// Why no app holds `registered`: the server would not register it.
[[noreturn]] void no_such_app(ms::server const& on, std::optional<std::string_view> registered, int status,
                              std::string const& reason)
{
    auto const what = registered ? py::repr(to_str(*registered)).cast<std::string>() : std::string("None");
    throw py::value_error("registered: " + std::string(ms::display_name(on.name)) + " " + ms::to_string(on.release) +
                          " would not register " + what + " (" + std::to_string(status) + ": " + reason +
                          "), so no such app exists");
}

py::object authorize_mastodon(ms::server const& on, parameter const& registered, parameter const& requested,
                              md::grant_type grant)
{
    auto const app = md::register_app(registered.value(), on.release);
    if (!app) no_such_app(on, registered.value(), app.status, std::string(app.reason));
    auto const r = md::authorize(app.stored, requested.value(), grant, on.release);
    return py::cast(authorization_record{py::bool_(r.ok), py::int_(r.status), str_or_none(r.reason),
                                         str_or_none(r.oauth_error), str_list(r.scopes.names),
                                         str_list(r.not_registered), py::cast(r.covered_by_hierarchy),
                                         diagnostics_of(r.refused)});
}

py::object authorize_other(ms::server const& on, parameter const& registered, parameter const& requested,
                           md::grant_type grant)
{
    auto const app = ms::register_on(on, registered.value());
    if (!app) no_such_app(on, registered.value(), app.status, ms::message(app));
    auto const r = ms::authorize_on(on, app.stored, requested.value(), grant);
    return py::cast(token_authorization_record{py::bool_(r.ok), py::int_(r.status), str_or_none(r.oauth_error),
                                               str_or_none(ms::message(r, on, requested.value())), str_list(r.scopes),
                                               str_list(r.not_covered)});
}

py::object authorize(py::object registered, py::object requested, py::object grant, py::object server)
{
    auto const on = server_arg(server);
    auto const how = grant_arg(grant);
    parameter const app{registered, "registered"}, asked{requested, "requested"};
    return on.name == ms::software::mastodon ? authorize_mastodon(on, app, asked, how)
                                             : authorize_other(on, app, asked, how);
}

}  // namespace

void bind_apps(py::module_& m)
{
    auto registration = bind_record<registration_record>(
        m, "Registration", "Mastodon's answer to POST /api/v1/apps. True when the app is registered.",
        {{"ok", &registration_record::ok, "True when Mastodon registers the app."},
         {"status", &registration_record::status, "200, 422, or 400 for a parameter that is not UTF-8."},
         {"reason", &registration_record::reason, "Mastodon's message on 422 or 400, or None."},
         {"stored", &registration_record::stored,
          "The app's scopes as Mastodon stores them (list of names, in the order given, each once): without a "
          "parameter the default scope, for a blank one none at all."},
         {"refused", &registration_record::refused,
          "On 422: why each refused name is no scope at the version (Diagnostic objects; columns within the "
          "name)."}});
    truth_from(registration, &registration_record::ok);
    auto app_registration = bind_record<app_registration_record>(
        m, "AppRegistration", "Another server's answer to POST /api/v1/apps. True when the app is registered.",
        {{"ok", &app_registration_record::ok, "True when the server registers the app."},
         {"status", &app_registration_record::status, "200, or the server's refusal status."},
         {"reason", &app_registration_record::reason, "The server's message when it refuses, or None."},
         {"length", &app_registration_record::length, "The parameter's length in characters (UTF-8 code points)."},
         {"scopes_read", &app_registration_record::scopes_read,
          "False where the server does not read the parameter (Pixelfed)."},
         {"stored", &app_registration_record::stored,
          "The app's names as the server keeps them (list), empty names included."},
         {"refused", &app_registration_record::refused,
          "On a vocabulary refusal: the names it does not define, or repeats (list)."}});
    truth_from(app_registration, &app_registration_record::ok);
    auto authorization = bind_record<authorization_record>(
        m, "Authorization",
        "Mastodon's (Doorkeeper's) answer to a token request for a registered app. True when it gives the token.",
        {{"ok", &authorization_record::ok, "True when Doorkeeper gives the token."},
         {"status", &authorization_record::status, "200, or 400."},
         {"reason", &authorization_record::reason, "Why it refuses, for people, or None."},
         {"oauth_error", &authorization_record::oauth_error, "'invalid_scope', 'invalid_request' or None."},
         {"scopes", &authorization_record::scopes, "What the token gets, in Doorkeeper's order (list of names)."},
         {"not_registered", &authorization_record::not_registered,
          "Requested names the app may not have: scopes in id order, then names the data does not know, as written."},
         {"covered_by_hierarchy", &authorization_record::covered_by_hierarchy,
          "Those of them that the app's scopes would grant under the documented hierarchy (Scopes): Mastodon "
          "still refuses them, since it compares literally."},
         {"refused", &authorization_record::refused,
          "Those of them that are no scope at the version: why, as Diagnostic objects."}});
    truth_from(authorization, &authorization_record::ok);
    auto token_authorization = bind_record<token_authorization_record>(
        m, "TokenAuthorization",
        "Another server's answer to a token request for a registered app. True when it gives the token.",
        {{"ok", &token_authorization_record::ok, "True when the server gives the token."},
         {"status", &token_authorization_record::status,
          "200, or the server's refusal status (a 302 redirect, 400, 401, 403)."},
         {"oauth_error", &token_authorization_record::oauth_error,
          "'invalid_scope' where the server names one, or None."},
         {"reason", &token_authorization_record::reason, "The server's message when it refuses, or None."},
         {"scopes", &token_authorization_record::scopes, "The names the token gets (list)."},
         {"not_covered", &token_authorization_record::not_covered,
          "Requested names the server's rule refuses, as written (list)."}});
    truth_from(token_authorization, &token_authorization_record::ok);

    m.def("register", &register_app, py::arg("scopes") = py::none(), py::kw_only(), py::arg("server") = py::none(),
          "The answer to POST /api/v1/apps with this scopes parameter (str or bytes, as the framework decoded it; "
          "None: no parameter) at the server's release: a Registration from Mastodon, an AppRegistration from "
          "another server.\n\n"
          "server: NAME[@VERSION], or None for Mastodon's newest release.");
    m.def("authorize", &authorize, py::arg("registered"), py::arg("requested"), py::kw_only(),
          py::arg("grant") = "authorization_code", py::arg("server") = py::none(),
          "The answer to a token request with scope parameter `requested` (None or blank: absent) for an app "
          "registered with the scopes parameter `registered` (read as register() stores it; None: registered "
          "without one): an Authorization from Mastodon, a TokenAuthorization from another server. ValueError "
          "if the server would not register `registered`.\n\n"
          "grant: 'authorization_code' (GET /oauth/authorize) or 'client_credentials' (POST /oauth/token).\n"
          "server: NAME[@VERSION], or None for Mastodon's newest release.");
}

}  // namespace mastoscope_python
