// Diagnostic and ScopeError.
#include <string>

#include <mastoscope/parse.hpp>

#include "bindings.hpp"
#include "diagnostics.hpp"
#include "records.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;

namespace {

struct diagnostic_record {
    py::object kind, level, column, token, suggestion, message;
};

// Made once at import and kept for the life of the interpreter (no static destructor runs after it).
PyObject* scope_error_type = nullptr;

std::string located(std::string_view argument, ms::diagnostic const& d)
{
    std::string out = argument.empty() ? "" : std::string(argument) + ": ";
    return out + "column " + std::to_string(d.column()) + ": " + std::string(d.message());
}

}  // namespace

py::object diagnostic_of(ms::diagnostic const& d)
{
    return py::cast(diagnostic_record{py::str(std::string(ms::to_string(d.kind()))),
                                      py::str(d.is_error() ? "error" : "warning"), py::int_(d.column()),
                                      to_str(d.token()), str_or_none(d.suggestion()), to_str(d.message())});
}

py::list diagnostics_of(std::span<ms::diagnostic const> all)
{
    py::list out(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) out[i] = diagnostic_of(all[i]);
    return out;
}

void raise_scope_error(ms::parse_result const& result, std::string_view argument)
{
    auto const all = result.diagnostics();
    auto const* first = &all.front();
    for (auto const& d : all)
        if (d.is_error()) {
            first = &d;
            break;
        }
    py::object error = py::reinterpret_borrow<py::object>(scope_error_type)(to_str(located(argument, *first)));
    error.attr("kind") = py::str(std::string(ms::to_string(first->kind())));
    error.attr("column") = py::int_(first->column());
    error.attr("token") = to_str(first->token());
    error.attr("suggestion") = str_or_none(first->suggestion());
    error.attr("message") = to_str(first->message());
    error.attr("diagnostics") = diagnostics_of(all);
    PyErr_SetObject(scope_error_type, error.ptr());
    throw py::error_already_set();
}

void raise_not_a_scope(std::string_view text, std::string_view argument)
{
    auto const result = ms::parse(text);
    if (!result) raise_scope_error(result, argument);
    throw py::value_error(std::string(argument) + ": " + py::repr(to_str(text)).cast<std::string>() +
                          " is not one scope name");
}

void bind_diagnostics(py::module_& m)
{
    auto cls = bind_record<diagnostic_record>(
        m, "Diagnostic",
        "One finding of the parser: an error, or a warning that leaves the text valid.\n\n"
        "Columns count bytes of the text's UTF-8 form, from 1; within ASCII text they are characters.",
        {{"kind", &diagnostic_record::kind,
          "What was found: 'empty', 'bad_character', 'bad_escape', 'unknown_scope', 'not_yet_added', "
          "'removed', 'too_long' (errors), 'deprecated', 'duplicate' (warnings)."},
         {"level", &diagnostic_record::level, "'error' or 'warning'."},
         {"column", &diagnostic_record::column, "The 1-based byte column of the finding."},
         {"token", &diagnostic_record::token,
          "The offending token as read (decoded in query mode); '' where there is none (empty, too_long)."},
         {"suggestion", &diagnostic_record::suggestion,
          "What to write instead (scope names separated by spaces), or None."},
         {"message", &diagnostic_record::message,
          "One sentence for people, e.g. \"unknown scope 'raed'; did you mean 'read'?\"."}});
    cls.def("__str__", [](diagnostic_record const& d) { return py::str("column {}: {}").format(d.column, d.message); });

    scope_error_type = PyErr_NewExceptionWithDoc(
        "mastoscope.ScopeError",
        "A scope string that does not parse (a ValueError).\n\n"
        "Its attributes describe the first error: kind (as Diagnostic.kind), column (1-based, in bytes), "
        "token, suggestion (str or None) and message; diagnostics lists every finding (errors and warnings) "
        "as Diagnostic objects.",
        PyExc_ValueError, nullptr);
    if (!scope_error_type) throw py::error_already_set();
    m.add_object("ScopeError", py::handle(scope_error_type));
}

}  // namespace mastoscope_python
