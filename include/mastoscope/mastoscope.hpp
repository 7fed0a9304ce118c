// mastoscope: Mastodon's OAuth scopes, their hierarchy, history and set algebra. The umbrella header:
// the constexpr core, cheap to include (no <string>, <vector> or <iterator>). The heavier parts are
// separate: parse.hpp and lint.hpp (run-time strings), text.hpp and format.hpp (text forms, fmt),
// mastodon.hpp (Mastodon's real checks).
#pragma once

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/literals.hpp>
#include <mastoscope/scope.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/version.hpp>
