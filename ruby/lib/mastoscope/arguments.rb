# frozen_string_literal: true

module Mastoscope
  # Checks what callers pass before it reaches C: a wrong type is a TypeError and a wrong value an
  # ArgumentError here, never a pointer the library would have to guess about.
  module Arguments
    MODES = { strict: 0, query: 1, lenient: 2 }.freeze
    GRANTS = { authorization_code: 0, client_credentials: 1 }.freeze

    # Built ms_options, by [mode, server, max_length]: a server's text then lives as long as the
    # struct that points at it, and a request with the same options allocates no native memory.
    # Bounded, so that callers who pass ever new server strings do not grow it without end.
    OPTIONS_CACHE_LIMIT = 64
    @options_cache = {}

    module_function

    # A text argument as the String whose bytes go to C (any encoding, NULs included).
    def text(value, what)
      return value if value.is_a?(String)

      if value.respond_to?(:to_str)
        converted = value.to_str
        return converted if converted.is_a?(String)
      end
      raise TypeError, "#{what} must be a String, not #{value.nil? ? 'nil' : value.class}"
    end

    # As text, where nil stands for a parameter the request does not have.
    def optional_text(value, what)
      value.nil? ? nil : text(value, what)
    end

    # An ms_options for the call, or nil for the library's defaults (strict, Mastodon's newest
    # release, 64 KiB), which needs no struct at all.
    def options(mode: :strict, server: nil, max_length: nil)
      return nil if mode == :strict && server.nil? && max_length.nil?

      key = [mode_of(mode), server_of(server), max_length_of(max_length)]
      @options_cache[key] || build_options(key)
    end

    def mode_of(mode)
      choice(mode, MODES, "mode")
    end

    def grant_of(grant)
      choice(grant, GRANTS, "grant")
    end

    # One of a C enum's values by its name, a Symbol or a String.
    def choice(value, table, what)
      name = value.is_a?(String) ? value.to_sym : value
      names = table.keys.join(", ")
      raise TypeError, "#{what} must be a Symbol (#{names}), not #{value.class}" unless name.is_a?(Symbol)

      table.fetch(name) { raise ArgumentError, "unknown #{what} #{value.inspect}; the #{what}s are #{names}" }
    end

    def server_of(server)
      return nil if server.nil?

      text = server.is_a?(Symbol) ? server.to_s : server
      unless text.is_a?(String)
        raise TypeError, "server must be a String such as \"mastodon@4.3.0\", not #{server.class}"
      end
      # C reads the server up to its NUL: "mastodon\0junk" would quietly become "mastodon".
      raise ArgumentError, "server must not contain a NUL byte: #{server.inspect}" if text.include?("\0")

      -text
    end

    def max_length_of(max_length)
      return nil if max_length.nil?
      raise TypeError, "max_length must be an Integer, not #{max_length.class}" unless max_length.is_a?(Integer)
      raise ArgumentError, "max_length must be positive, not #{max_length}" unless max_length.positive?

      max_length
    end

    def build_options(key)
      mode, server, max_length = key
      options = Native::Options.new
      options[:mode] = mode
      if server
        text = FFI::MemoryPointer.from_string(server)
        options[:server] = text
        options.instance_variable_set(:@server_text, text) # keeps the bytes alive with the struct
      end
      options[:max_length] = max_length || 0
      @options_cache[key.freeze] = options if @options_cache.size < OPTIONS_CACHE_LIMIT
      options
    end
  end
end
