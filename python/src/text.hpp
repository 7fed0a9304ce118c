// Text between Python and the library, byte for byte. The library reads and writes bytes (UTF-8 when
// valid); Python text that stands for other bytes holds them as lone surrogates ("surrogateescape", as
// os.fsdecode makes them), so nothing is lost either way and no input raises UnicodeError.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pybind11/pybind11.h>

#include <mastoscope/version.hpp>

namespace mastoscope_python {
namespace py = pybind11;

// A str or bytes argument as the bytes the library reads. A str is its UTF-8 encoding, with lone
// surrogates written as the bytes they escape (or, for those that escape none, as surrogatepass writes
// them: bytes that are not UTF-8, which the library refuses as such). Anything else is a TypeError that
// names `argument`.
class text_arg {
public:
    text_arg(py::handle obj, std::string_view argument);
    std::string_view view() const noexcept { return view_; }

private:
    py::object owner_;  // what view_ points into: the argument, or the bytes its encoding made
    std::string_view view_;
};

bool is_text(py::handle obj) noexcept;  // str or bytes

// Bytes from the library as Python text: UTF-8, other bytes as lone surrogates.
py::str to_str(std::string_view bytes);
// The same, or None for "" (a reason, an error code, a suggestion: "" is "nothing to say").
py::object str_or_none(std::string_view bytes);
py::list str_list(std::vector<std::string> const& items);
py::str version_str(mastoscope::version const& v);
py::object version_or_none(std::optional<mastoscope::version> const& v);

// "str", "int": the type of an argument, for TypeError messages.
std::string type_name(py::handle obj);

}  // namespace mastoscope_python
