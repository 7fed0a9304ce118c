// Commas do not separate scopes: "read,write" is one unknown token.
// expect-error: unknown_scope_name_in_literal
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
auto const s = "read,write"_scopes;
