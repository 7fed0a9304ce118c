// One unknown token in a scope string must not compile; the message names the reason.
// expect-error: unknown_scope_name_in_literal
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
auto const s = "read raed write"_scopes;
