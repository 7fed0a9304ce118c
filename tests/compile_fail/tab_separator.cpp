// Mastodon rejects a tab, CR or LF anywhere in a scope string.
// expect-error: tab_cr_or_lf_in_scope_string_literal
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
auto const s = "read\twrite"_scopes;
