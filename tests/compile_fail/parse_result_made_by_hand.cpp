// Only parse() makes a parse_result: a result built by hand could claim a validity parse() never gave.
// expect-error: private
#include <mastoscope/parse.hpp>
mastoscope::parse_result const forged{mastoscope::scope_set{}};
