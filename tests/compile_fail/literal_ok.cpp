// The control case: valid literals compile with the same command line as the failing cases.
// expect-success
#include <mastoscope/literals.hpp>
using namespace mastoscope::literals;
static_assert("read:mutes"_scope == mastoscope::scope::read_mutes);
static_assert("  read  write "_scopes.size() == 2);
