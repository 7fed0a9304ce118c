// Text between Python and the library, byte for byte.
#include "text.hpp"

#include <mastoscope/text.hpp>

namespace mastoscope_python {

text_arg::text_arg(py::handle obj, std::string_view argument) : owner_{py::reinterpret_borrow<py::object>(obj)}
{
    if (PyUnicode_Check(obj.ptr())) {
        // Valid text: the UTF-8 form that CPython keeps with the string (no copy for ASCII).
        Py_ssize_t size = 0;
        if (char const* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size)) {
            view_ = {data, static_cast<std::size_t>(size)};
            return;
        }
        PyErr_Clear();  // lone surrogates
        PyObject* bytes = PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogateescape");
        if (!bytes) {
            PyErr_Clear();  // a surrogate that escapes no byte (outside U+DC80..U+DCFF)
            bytes = PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass");
        }
        if (!bytes) throw py::error_already_set();
        owner_ = py::reinterpret_steal<py::object>(bytes);
        view_ = {PyBytes_AS_STRING(bytes), static_cast<std::size_t>(PyBytes_GET_SIZE(bytes))};
        return;
    }
    if (PyBytes_Check(obj.ptr())) {
        view_ = {PyBytes_AS_STRING(obj.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(obj.ptr()))};
        return;
    }
    throw py::type_error(std::string(argument) + " must be str or bytes, not " + type_name(obj));
}

bool is_text(py::handle obj) noexcept { return PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()); }

py::str to_str(std::string_view bytes)
{
    PyObject* text = PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "surrogateescape");
    if (!text) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(text);
}

py::object str_or_none(std::string_view bytes) { return bytes.empty() ? py::object(py::none()) : to_str(bytes); }

py::list str_list(std::vector<std::string> const& items)
{
    py::list out(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) out[i] = to_str(items[i]);
    return out;
}

py::str version_str(mastoscope::version const& v) { return to_str(mastoscope::to_string(v)); }

py::object version_or_none(std::optional<mastoscope::version> const& v)
{
    return v ? py::object(version_str(*v)) : py::object(py::none());
}

std::string type_name(py::handle obj) { return py::str(py::type::handle_of(obj).attr("__name__")); }

}  // namespace mastoscope_python
