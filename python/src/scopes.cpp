// Scopes (a scope_set) and ParseResult: parsing scope strings, and the set operators.
#include <string>

#include <mastoscope/dialect.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/scope.hpp>
#include <mastoscope/text.hpp>

#include "arguments.hpp"
#include "bindings.hpp"
#include "diagnostics.hpp"
#include "records.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;

namespace {

struct parse_record {
    py::object valid, scopes, diagnostics;
};

py::object parse_result_of(ms::parse_result const& result)
{
    return py::cast(parse_record{py::bool_(static_cast<bool>(result)), py::cast(result.scopes()),
                                 diagnostics_of(result.diagnostics())});
}

ms::scope_set from_argument(py::object scopes)
{
    if (scopes.is_none()) return {};
    if (is_text(scopes)) {
        text_arg const text{scopes, "scopes"};
        auto const result = ms::parse(text.view());
        if (!result) raise_scope_error(result, "");
        return result.scopes();
    }
    return scopes_arg(scopes, "scopes");
}

py::list names_of(ms::scope_set const& set)
{
    py::list out;
    for (auto s : set) out.append(py::str(ms::name(s).data(), ms::name(s).size()));
    return out;
}

// The words as one number: equal sets hash alike, and Python folds it to its hash width.
py::int_ hash_key(ms::scope_set const& set)
{
    py::int_ key(0);
    for (auto w : set.words()) key = py::int_((key << py::int_(64)) | py::int_(w));
    return key;
}

}  // namespace

scopes_class bind_scopes(py::module_& m)
{
    auto record = bind_record<parse_record>(
        m, "ParseResult",
        "What Scopes.parse answers. True (as a bool) when the text is valid: no error among the diagnostics.",
        {{"valid", &parse_record::valid, "True when no diagnostic is an error."},
         {"scopes", &parse_record::scopes,
          "The scopes written that are valid at the server's release (the literal set, not its closure)."},
         {"diagnostics", &parse_record::diagnostics, "Errors and warnings, ordered by column (Diagnostic objects)."}});
    truth_from(record, &parse_record::valid);

    scopes_class cls(m, "Scopes",
                     "An immutable set of OAuth scopes, iterated in the order of the data (data/scopes.yaml).\n\n"
                     "On its own it means what was written: the literal set that Mastodon's registration and "
                     "authorization compare. What it grants under the hierarchy is closure().");
    public_name(cls);
    cls.def(py::init(&from_argument), py::arg("scopes") = py::none(),
            "Scopes() is the empty set; Scopes('read write:media') parses the text as Mastodon's newest release "
            "does (strict) and raises ScopeError if it is not valid; Scopes(iterable) takes scope names, each "
            "exactly a name the data knows (removed ones and those only other servers define included); "
            "Scopes(other_scopes) copies.");
    cls.def_static(
        "parse",
        [](py::object text, py::object mode, py::object server, py::object max_length) {
            text_arg const arg{text, "text"};
            ms::parse_options options;
            options.mode = mode_arg(mode);
            options.max_length = max_length_arg(max_length);
            auto const on = server_arg(server);
            if (on.name == ms::software::mastodon && on.release == ms::newest_release &&
                options.mode == ms::parse_mode::strict && options.max_length == ms::parse_options{}.max_length)
                return parse_result_of(ms::parse(arg.view()));  // the default options' compile-time masks
            if (on.name == ms::software::mastodon) options.server_version = on.release;
            return parse_result_of(ms::parse(arg.view(), on, options));
        },
        py::arg("text"), py::kw_only(), py::arg("mode") = "strict", py::arg("server") = py::none(),
        py::arg("max_length") = py::none(),
        "Parses a scope string (str or bytes) and says what is wrong, where, and what to write instead; "
        "never raises for any text.\n\n"
        "mode: 'strict' (as Mastodon reads it), 'query' (a raw URL query or form value: '+' is a space, "
        "%XX is decoded, then strict) or 'lenient' (commas and any ASCII whitespace separate; unknown "
        "tokens are warnings).\n"
        "server: NAME[@VERSION] such as 'mastodon@4.2.0' or 'gotosocial' (its newest release), or None "
        "for Mastodon's newest release; another server splits the text and checks its names as it does.\n"
        "max_length: longer input is refused unread (too_long); None for the library's default (64 KiB).\n"
        "Returns a ParseResult.");
    cls.def_static(
        "all", [] { return ms::scope_set::all(); },
        "Every scope the data knows: every scope of every Mastodon release, removed ones included, and the "
        "names only other servers define.");

    cls.def("__len__", &ms::scope_set::size);
    cls.def("__iter__", [](ms::scope_set const& s) { return py::iter(names_of(s)); });
    cls.def("__contains__", [](ms::scope_set const& s, py::object name) {
        if (!is_text(name)) return false;
        text_arg const text{name, "name"};
        auto const found = ms::lookup(text.view());
        return found && s.contains(*found);
    });
    cls.def("__str__", [](ms::scope_set const& s) { return ms::to_string(s); });
    cls.def("__repr__", [](ms::scope_set const& s) {
        return s.empty() ? std::string("Scopes()")
                         : "Scopes(" + py::repr(py::str(ms::to_string(s))).cast<std::string>() + ")";
    });
    cls.def(
        "__eq__", [](ms::scope_set const& a, ms::scope_set const& b) { return a == b; }, py::is_operator());
    cls.def(
        "__ne__", [](ms::scope_set const& a, ms::scope_set const& b) { return a != b; }, py::is_operator());
    cls.def("__hash__", [](ms::scope_set const& s) { return py::hash(hash_key(s)); });
    cls.def(
        "__or__", [](ms::scope_set const& a, ms::scope_set const& b) { return a | b; }, py::is_operator());
    cls.def(
        "__and__", [](ms::scope_set const& a, ms::scope_set const& b) { return a & b; }, py::is_operator());
    cls.def(
        "__sub__", [](ms::scope_set const& a, ms::scope_set const& b) { return a - b; }, py::is_operator());
    cls.def(
        "__xor__", [](ms::scope_set const& a, ms::scope_set const& b) { return (a - b) | (b - a); }, py::is_operator());
    // Set inclusion as written (Mastodon's literal rule), not what the sets grant: see grants().
    cls.def(
        "__le__", [](ms::scope_set const& a, ms::scope_set const& b) { return a.is_subset_of(b); }, py::is_operator());
    cls.def(
        "__lt__", [](ms::scope_set const& a, ms::scope_set const& b) { return a.is_subset_of(b) && a != b; },
        py::is_operator());
    cls.def(
        "__ge__", [](ms::scope_set const& a, ms::scope_set const& b) { return b.is_subset_of(a); }, py::is_operator());
    cls.def(
        "__gt__", [](ms::scope_set const& a, ms::scope_set const& b) { return b.is_subset_of(a) && a != b; },
        py::is_operator());
    cls.def(py::pickle([](ms::scope_set const& s) { return py::make_tuple(names_of(s)); },
                       [](py::tuple state) { return scopes_arg(state[0], "state"); }));
    return cls;
}

}  // namespace mastoscope_python
