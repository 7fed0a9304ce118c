# frozen_string_literal: true

# Mastodon's OAuth scopes, exactly: the Ruby binding of mastoscope's C API (mastoscope.h).
#
#   require "mastoscope"
#   Mastoscope.grants?("follow", "read:mutes")          # => true
#   Mastoscope::Scopes.new("read write").closure.size
#
# The shared library is MASTOSCOPE_LIBRARY (a path to libmastoscope.so) when set, else the
# installed one.
module Mastoscope
end

require_relative "mastoscope/version"
require_relative "mastoscope/errors"
require_relative "mastoscope/native"
require_relative "mastoscope/library"
require_relative "mastoscope/arguments"
require_relative "mastoscope/buffers"
require_relative "mastoscope/scopes"
require_relative "mastoscope/checks"
