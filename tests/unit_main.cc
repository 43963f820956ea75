// The one Boost.Test main for every unit suite.
#define BOOST_TEST_MODULE morgue unit tests
#include <boost/test/unit_test.hpp>
