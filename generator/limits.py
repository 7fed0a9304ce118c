# The limits of mastoscope's types: the generator checks the data against them and writes them to
# detail/limits.hpp, where the C++ types take them from.
MAX_PRE_RELEASE = 23  # bytes of a version's pre-release (the version type stores it inline)
MAX_BUILD_METADATA = 39  # bytes of a version's build metadata (likewise)
MAX_SCOPE_STRING = 65536  # bytes of a scope string that parse() reads by default (parse_options::max_length)
