// The arguments the module's functions share.
#include "arguments.hpp"

#include <string>

#include <mastoscope/history.hpp>
#include <mastoscope/scope.hpp>

#include "diagnostics.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;

namespace {

std::string server_names()
{
    std::string out;
    for (std::size_t i = 0; i < ms::software_count; ++i)
        out += (i == 0 ? "" : ", ") + std::string(ms::to_string(static_cast<ms::software>(i)));
    return out;
}

std::string quoted(std::string_view text) { return py::repr(to_str(text)).cast<std::string>(); }

// What scopecheck's read_scopes keeps for another server: Mastodon's parse at its newest release, with
// the names the data knows that Mastodon's newest release does not have (removed ones, other servers').
ms::scope_set read_for_other_server(std::string_view text, std::string_view argument)
{
    auto const result = ms::parse(text);
    auto scopes = result.scopes();
    auto const known_name = [](ms::diagnostic const& d) {
        bool const about_the_name = d.kind() == ms::diagnostic_kind::unknown_scope ||
                                    d.kind() == ms::diagnostic_kind::not_yet_added ||
                                    d.kind() == ms::diagnostic_kind::removed;
        return about_the_name && ms::lookup(d.token());
    };
    for (auto const& d : result.diagnostics())
        if (known_name(d)) scopes.insert(*ms::lookup(d.token()));
    for (auto const& d : result.diagnostics()) {
        if (!d.is_error() || known_name(d)) continue;
        if (d.kind() == ms::diagnostic_kind::empty && !scopes.empty()) continue;
        raise_scope_error(result, argument);
    }
    return scopes;
}

ms::scope_set read_text(std::string_view text, std::string_view argument, ms::server const& on)
{
    // One name alone, the common case of a required scope, needs no parse: the answer is the same.
    if (auto const one = ms::lookup(text)) {
        if (on.name != ms::software::mastodon || ms::available_at(*one, on.release)) return ms::scope_set{*one};
    }
    if (on.name != ms::software::mastodon) return read_for_other_server(text, argument);
    auto const result =
        on.release == ms::newest_release
            ? ms::parse(text)
            : ms::parse(text, ms::parse_options{.mode = ms::parse_mode::strict, .server_version = on.release});
    if (!result) raise_scope_error(result, argument);
    return result.scopes();
}

}  // namespace

ms::server server_arg(py::handle obj)
{
    if (obj.is_none()) return ms::server{};
    if (!is_text(obj)) throw py::type_error("server must be NAME[@VERSION] as str, or None, not " + type_name(obj));
    text_arg const arg{obj, "server"};
    auto const text = arg.view();
    if (auto const found = ms::parse_server(text)) return *found;
    auto const at = text.find('@');
    auto const name = text.substr(0, at);
    if (!ms::software_from(name))
        throw py::value_error("server: unknown server " + quoted(name) + " in " + quoted(text) +
                              " (write NAME[@VERSION], NAME one of " + server_names() + ")");
    throw py::value_error("server: " + quoted(text.substr(at + 1)) + " is not a release of " +
                          std::string(ms::display_name(*ms::software_from(name))) +
                          " as it writes its version (write NAME[@VERSION], such as mastodon@4.3.0)");
}

ms::parse_mode mode_arg(py::handle obj)
{
    text_arg const arg{obj, "mode"};
    if (auto const mode = ms::parse_mode_from(arg.view())) return *mode;
    std::string names;
    for (auto m : ms::parse_modes) names += (names.empty() ? "'" : ", '") + std::string(ms::to_string(m)) + "'";
    throw py::value_error("mode must be one of " + names + ", not " + quoted(arg.view()));
}

ms::mastodon::grant_type grant_arg(py::handle obj)
{
    text_arg const arg{obj, "grant"};
    std::string names;
    for (auto g : ms::mastodon::grant_types) {
        if (ms::mastodon::to_string(g) == arg.view()) return g;
        names += (names.empty() ? "'" : ", '") + std::string(ms::mastodon::to_string(g)) + "'";
    }
    throw py::value_error("grant must be one of " + names + ", not " + quoted(arg.view()));
}

std::size_t max_length_arg(py::handle obj)
{
    if (obj.is_none()) return ms::parse_options{}.max_length;
    if (!PyLong_Check(obj.ptr()) || PyBool_Check(obj.ptr()))
        throw py::type_error("max_length must be an int or None, not " + type_name(obj));
    if (py::int_(py::reinterpret_borrow<py::object>(obj)) < py::int_(0))
        throw py::value_error("max_length must not be negative");
    auto const n = PyLong_AsSize_t(obj.ptr());
    if (n == static_cast<std::size_t>(-1) && PyErr_Occurred()) throw py::error_already_set();
    return n;
}

ms::scope_set scopes_arg(py::handle obj, std::string_view argument, ms::server const& on)
{
    if (py::isinstance<ms::scope_set>(obj)) return obj.cast<ms::scope_set const&>();
    if (is_text(obj)) {
        text_arg const arg{obj, argument};
        return read_text(arg.view(), argument, on);
    }
    if (!py::isinstance<py::iterable>(obj))
        throw py::type_error(std::string(argument) + " must be Scopes, str, bytes or an iterable of scope names, not " +
                             type_name(obj));
    ms::scope_set out;
    for (auto item : obj) {
        if (!is_text(item))
            throw py::type_error(std::string(argument) + ": a scope name must be str or bytes, not " + type_name(item));
        text_arg const name{item, argument};
        auto const found = ms::lookup(name.view());
        if (!found) raise_not_a_scope(name.view(), argument);
        out.insert(*found);
    }
    return out;
}

}  // namespace mastoscope_python
