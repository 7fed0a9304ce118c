// A misspelt scope name must not compile, and the message must name it.
// expect-error: "raed"
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
auto const s = "raed"_scope;
