// What the data says: each scope's facts (info), the names a server defines at a release (vocabulary),
// the servers and Mastodon's newest release.
#include <string>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/scope.hpp>
#include <mastoscope/server.hpp>

#include "arguments.hpp"
#include "bindings.hpp"
#include "diagnostics.hpp"
#include "records.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;

namespace {

struct info_record {
    py::object name, description, parents, children, implies, implied_by, added, deprecated, removed, deprecation_note,
        refs;
};

py::object info(py::object name)
{
    text_arg const text{name, "name"};
    auto const found = ms::lookup(text.view());
    if (!found) raise_not_a_scope(text.view(), "name");
    auto const s = *found;
    auto implies = ms::closure(s), by = ms::implied_by(s);
    implies.erase(s);
    by.erase(s);
    py::list refs;
    for (auto r : ms::refs(s)) refs.append(py::int_(r));
    return py::cast(info_record{to_str(ms::name(s)), to_str(ms::description(s)), py::cast(ms::parents(s)),
                                py::cast(ms::children(s)), py::cast(implies), py::cast(by),
                                version_or_none(ms::added_in(s)), version_or_none(ms::deprecated_in(s)),
                                version_or_none(ms::removed_in(s)), str_or_none(ms::deprecation_note(s)), refs});
}

}  // namespace

void bind_facts(py::module_& m)
{
    bind_record<info_record>(
        m, "ScopeInfo", "What the data says about one scope, across all of Mastodon's versions (scopecheck info).",
        {{"name", &info_record::name, "The scope's name exactly as Mastodon spells it."},
         {"description", &info_record::description, "One line."},
         {"parents", &info_record::parents, "The scopes that grant it directly (documented hierarchy)."},
         {"children", &info_record::children, "The scopes it grants directly."},
         {"implies", &info_record::implies, "Everything it grants, itself left out."},
         {"implied_by", &info_record::implied_by, "Everything that grants it, itself left out."},
         {"added", &info_record::added,
          "The Mastodon release that added it (str), or None for a name only other servers define."},
         {"deprecated", &info_record::deprecated, "The release that deprecated it, or None."},
         {"removed", &info_record::removed, "The release that removed it, or None."},
         {"deprecation_note", &info_record::deprecation_note, "Why it is deprecated and what to use instead, or None."},
         {"refs", &info_record::refs, "The Mastodon pull requests and issues that shaped it (list of int)."}});
    m.def("info", &info, py::arg("name"),
          "The facts of one scope name (exactly as written; any name the data knows): a ScopeInfo. A text that is "
          "no scope name raises ScopeError (with a suggestion where there is one).");
    m.def(
        "vocabulary", [](py::object server) { return ms::vocabulary(server_arg(server)); },
        py::arg("server") = py::none(),
        "The scopes a server defines at a release, as Scopes: NAME[@VERSION], or None for Mastodon's newest "
        "release (for Mastodon, the scopes that release accepts).");
    m.def(
        "parse_server", [](py::object server) { return to_str(ms::to_string(server_arg(server))); }, py::arg("server"),
        "NAME[@VERSION] as the module reads it, written in full: 'gotosocial' -> 'gotosocial@' and the newest "
        "release the data describes. ValueError says what is wrong with a text that is not one.");

    py::list names;
    for (std::size_t i = 0; i < ms::software_count; ++i)
        names.append(to_str(ms::to_string(static_cast<ms::software>(i))));
    m.attr("servers") = py::tuple(names);
    m.attr("newest_release") = version_str(ms::newest_release);
    m.attr("default_scope") = to_str(ms::name(ms::default_scope));
}

}  // namespace mastoscope_python
