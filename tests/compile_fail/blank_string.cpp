// A blank scope string is rejected, as Mastodon rejects it.
// expect-error: blank_scope_string_in_literal
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
auto const s = "   "_scopes;
