// Literals follow the newest release: crypto was removed in 4.3.0, so it does not compile.
// expect-error: scope_not_available_at_newest_release_in_literal
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
auto const s = "read crypto"_scopes;
