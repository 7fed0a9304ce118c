# frozen_string_literal: true

module Mastoscope
  # The binding's version, which is the C library's it is released with (meson.build's project
  # version); Mastoscope.library_version says which library was actually loaded.
  VERSION = "0.1.0"

  # The C ABI this binding is written against: MS_ABI_VERSION of mastoscope.h.
  ABI_VERSION = 1
end
