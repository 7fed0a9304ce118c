// Result classes: a C++ struct of Python values bound as an immutable class with read-only attributes,
// a repr that shows every field, equality by value and __match_args__, as a frozen dataclass has.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>

namespace mastoscope_python {
namespace py = pybind11;

template <class Record>
struct field {
    char const* name;
    py::object Record::*member;
    char const* doc;
};

// Every class of the module says it is mastoscope's: the package re-exports it, and reprs, pickles
// and documentation name it so.
template <class Class>
void public_name(Class& cls)
{
    cls.attr("__module__") = "mastoscope";
}

// The module makes these; Python code reads them (no constructor: a result is what the library answered).
template <class Record>
py::class_<Record> bind_record(py::module_& m, char const* name, char const* doc, std::vector<field<Record>> fields)
{
    py::class_<Record> cls(m, name, doc);
    public_name(cls);
    py::list names;
    for (auto const& f : fields) {
        cls.def_property_readonly(
            f.name, [member = f.member](Record const& r) { return r.*member; }, f.doc);
        names.append(f.name);
    }
    cls.attr("__match_args__") = py::tuple(names);
    cls.def("__repr__", [name, fields](Record const& r) {
        std::string out = std::string(name) + "(";
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out += (i == 0 ? "" : ", ") + std::string(fields[i].name) + "=";
            out += py::repr(r.*fields[i].member).template cast<std::string>();
        }
        return out + ")";
    });
    cls.def(
        "__eq__",
        [fields](Record const& a, py::handle other) -> py::object {
            if (!py::isinstance<Record>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            auto const& b = other.cast<Record const&>();
            for (auto const& f : fields)
                if (!(a.*f.member).equal(b.*f.member)) return py::bool_(false);
            return py::bool_(true);
        },
        py::is_operator());
    cls.attr("__hash__") = py::none();  // its lists and dicts are not hashable
    return cls;
}

// For results that convert to bool as the C++ ones do (ok, valid, granted).
template <class Record>
void truth_from(py::class_<Record>& cls, py::object Record::*member)
{
    cls.def("__bool__", [member](Record const& r) { return (r.*member).template cast<bool>(); });
}

}  // namespace mastoscope_python
