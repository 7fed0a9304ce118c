// Mastodon's names are case-sensitive: Read is not read.
// expect-error: "Read"
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
auto const s = "Read"_scope;
