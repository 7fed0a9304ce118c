// mastoscope: Mastodon's OAuth scopes, their hierarchy, history and set algebra. The umbrella header.
#pragma once

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/lint.hpp>
#include <mastoscope/literals.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/scope.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/version.hpp>
