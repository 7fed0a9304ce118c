# frozen_string_literal: true

begin
  require "ffi"
rescue ::LoadError => e
  raise Mastoscope::LoadError,
        "mastoscope needs the ffi gem: install ruby-ffi (apt-get install ruby-ffi) or run " \
        "`gem install ffi` (#{e.message})"
end

module Mastoscope
  # The C API of mastoscope.h, as FFI declarations, and nothing more: everything Ruby-shaped is
  # built on it in the other files.
  #
  # Texts go in as Ruby Strings passed straight to `const char*` parameters with their bytesize,
  # so nothing is copied and embedded NULs reach the library. A set (ms_scopes) that only goes in
  # is a frozen 32-byte String of its words; the library never writes through those pointers.
  module Native
    extend FFI::Library

    # ms_scopes: MS_SCOPE_WORDS (4) little uint64 words, the same for every build of this ABI.
    SCOPE_WORDS = 4
    SCOPES_SIZE = SCOPE_WORDS * 8
    TEXT_CAPACITY = 256

    library = ENV.fetch("MASTOSCOPE_LIBRARY", "")
    # The installed library through the linker's search path: the development name first, then
    # the runtime names, which are all a system without the -dev package has.
    candidates = library.empty? ? ["mastoscope", "libmastoscope.so.0", "libmastoscope.0.dylib"] : [library]
    begin
      ffi_lib candidates
    rescue ::LoadError => e
      raise Mastoscope::LoadError,
            "cannot load the mastoscope library (tried #{candidates.join(', ')}); install it or set " \
            "MASTOSCOPE_LIBRARY to the path of libmastoscope.so: #{e.message}"
    end

    # Checked before anything else is attached: a library of another ABI may lack the symbols, or
    # have them with other layouts.
    attach_function :ms_abi_version, [], :uint
    abi = ms_abi_version
    unless abi == ABI_VERSION
      raise Mastoscope::LoadError,
            "#{ffi_libraries.map(&:name).join(', ')} has mastoscope ABI #{abi}; this binding needs ABI #{ABI_VERSION}"
    end

    class Options < FFI::Struct
      layout :mode, :int,
             :server, :pointer,
             :max_length, :size_t
    end

    class Error < FFI::Struct
      layout :status, :int,
             :column, :size_t,
             :token, [:char, TEXT_CAPACITY],
             :suggestion, [:char, TEXT_CAPACITY],
             :message, [:char, 2 * TEXT_CAPACITY]
    end

    class Answer < FFI::Struct
      layout :ok, :int,
             :status, :int,
             :oauth_error, [:char, 32],
             :reason, [:char, 2 * TEXT_CAPACITY],
             :scopes, [:uint64, SCOPE_WORDS],
             :unknown, :int
    end

    class History < FFI::Struct
      layout :added, [:char, 64],
             :deprecated, [:char, 64],
             :removed, [:char, 64]
    end

    MS_OK = 0
    MS_TOO_LONG = 7 # the last of the parse statuses, which start at 1

    attach_function :ms_status_name, [:int], :string
    attach_function :ms_library_version, [], :string
    attach_function :ms_data_revision, [], :string

    attach_function :ms_scope_count, [], :int
    attach_function :ms_lookup, [:pointer, :size_t], :int
    attach_function :ms_name, [:int], :string
    attach_function :ms_description, [:int], :string

    attach_function :ms_clear, [:pointer], :void
    attach_function :ms_add, [:pointer, :int], :int
    attach_function :ms_has, [:pointer, :int], :int
    attach_function :ms_count, [:pointer], :int
    attach_function :ms_subset, [:pointer, :pointer], :int
    attach_function :ms_union, [:pointer, :pointer, :pointer], :void
    attach_function :ms_intersection, [:pointer, :pointer, :pointer], :void
    attach_function :ms_difference, [:pointer, :pointer, :pointer], :void
    attach_function :ms_format, [:pointer, :pointer, :size_t], :size_t

    attach_function :ms_closure, [:pointer, :pointer], :void
    attach_function :ms_grants, [:pointer, :pointer], :int
    attach_function :ms_normalize, [:pointer, :pointer], :void

    attach_function :ms_parse, [:pointer, :size_t, :pointer, :pointer, :pointer], :int

    attach_function :ms_scope_history, [:int, :pointer], :int
    attach_function :ms_server_count, [], :int
    attach_function :ms_server_name, [:int], :string
    attach_function :ms_server_display_name, [:int], :string
    attach_function :ms_server_newest_release, [:int, :pointer, :size_t], :size_t
    attach_function :ms_server_scopes, [:pointer, :pointer], :int

    attach_function :ms_register, [:pointer, :size_t, :pointer, :pointer], :int
    attach_function :ms_authorize, [:pointer, :size_t, :pointer, :size_t, :int, :pointer, :pointer], :int
    attach_function :ms_endpoint, [:pointer, :size_t, :pointer, :size_t, :pointer, :pointer, :pointer], :int
    attach_function :ms_plan, [:pointer, :size_t, :pointer, :pointer], :int
  end
end
