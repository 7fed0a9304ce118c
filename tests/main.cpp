// The one Boost.Test main; each <header>_test.cpp adds a suite named after its header.
#define BOOST_TEST_MODULE mastoscope
#include <boost/test/unit_test.hpp>
