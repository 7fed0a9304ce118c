# frozen_string_literal: true

module Mastoscope
  # What the loaded library says about itself and its data, read once at load: names are the
  # library's, and ids only mean something to the library that gave them.
  module Library
    STATUS_NAMES = ((0..Native::MS_TOO_LONG).to_a + (100..105).to_a)
                   .to_h { |status| [status, -Native.ms_status_name(status)] }.freeze
    SCOPE_NAMES = Array.new(Native.ms_scope_count) { |id| -Native.ms_name(id).force_encoding(Encoding::UTF_8) }.freeze

    module_function

    def status_name(status)
      STATUS_NAMES.fetch(status) { -Native.ms_status_name(status) }
    end

    # A parse status (ms_parse's error kinds, MS_EMPTY to MS_TOO_LONG) rather than a failed call.
    def parse_status?(status)
      status.positive? && status <= Native::MS_TOO_LONG
    end

    # A NUL-terminated text of the library: UTF-8 when it is, else the bytes as they are (a token
    # can be any bytes the caller sent).
    def string(bytes)
      text = bytes.force_encoding(Encoding::UTF_8)
      text.valid_encoding? ? text : text.force_encoding(Encoding::BINARY)
    end

    def field(struct, name)
      text = string(struct[name].to_ptr.get_string(0))
      text.empty? ? nil : text
    end

    # The offending name of a parse error, NULs included. The field is NUL-terminated, but the
    # struct was zeroed before the call and the library writes only the token and one NUL, so the
    # token is the field up to its last non-NUL byte; NULs that end it are taken from the text,
    # where the token covers the error's column. (A query-mode token is decoded text and cannot
    # be found there; it keeps what the field shows.)
    def token(error, text)
      bytes = error[:token].to_ptr.get_bytes(0, Native::TEXT_CAPACITY).sub(/\0+\z/n, "")
      column = error[:column]
      raw = text.b
      start = column.zero? ? nil : raw.rindex(bytes, column - 1)
      if start && column - 1 <= start + bytes.bytesize
        stop = start + bytes.bytesize
        stop += 1 while stop < raw.bytesize && raw.getbyte(stop).zero? && stop - start < Native::TEXT_CAPACITY - 1
        bytes = raw.byteslice(start, stop - start)
      end
      bytes.empty? ? nil : string(bytes)
    end

    # The id of exactly this name, or nil.
    def id_of(name)
      return nil unless name.is_a?(String)

      id = Native.ms_lookup(name, name.bytesize)
      id.negative? ? nil : id
    end

    def longest_format
      @longest_format ||= SCOPE_NAMES.sum(&:bytesize) + SCOPE_NAMES.size
    end
  end

  # A server the data describes: `name` is what `server:` takes ("gotosocial", or with
  # "@VERSION"), `newest_release` the release answers are for when no version is given.
  Server = Struct.new(:name, :display_name, :newest_release, keyword_init: true)

  # The Mastodon releases that added, deprecated and removed a scope; nil for never (or before
  # the data starts).
  History = Struct.new(:added, :deprecated, :removed, keyword_init: true)

  class << self
    # The version of the loaded library ("0.1.0").
    def library_version
      @library_version ||= -Native.ms_library_version
    end

    # The digest of the scope data the loaded library was built from.
    def data_revision
      @data_revision ||= -Native.ms_data_revision
    end

    # Every scope name of the data, in id order (the order of Scopes#to_a).
    def scope_names
      Library::SCOPE_NAMES
    end

    def servers
      @servers ||= Array.new(Native.ms_server_count) do |index|
        # As snprintf: the length first, then the text into room for it.
        length = Native.ms_server_newest_release(index, nil, 0)
        buffer = FFI::MemoryPointer.new(length + 1)
        Native.ms_server_newest_release(index, buffer, buffer.size)
        Server.new(name: -Native.ms_server_name(index), display_name: -Native.ms_server_display_name(index),
                   newest_release: -buffer.get_string(0, length)).freeze
      end.freeze
    end

    def history(name)
      id = scope_id!(name)
      history = Native::History.new
      status = Native.ms_scope_history(id, history)
      raise Error.new(Library.status_name(status), "no history for #{name.inspect}") unless status == Native::MS_OK

      History.new(added: Library.field(history, :added), deprecated: Library.field(history, :deprecated),
                  removed: Library.field(history, :removed)).freeze
    end

    # The data's one-line description of a scope.
    def description(name)
      Library.string(Native.ms_description(scope_id!(name)))
    end

    # The scopes a server defines at its release.
    def vocabulary(server = nil)
      buffers = Buffers.current
      options = Arguments.options(server: server)
      status = Native.ms_server_scopes(options, buffers.first)
      unless status == Native::MS_OK
        raise Error.new(Library.status_name(status), "#{server.inspect} is not NAME[@VERSION] of a known server")
      end

      Scopes.from_words(buffers.first)
    end

    private

    # The id of one scope name; an unknown name is a ScopeError, with the library's suggestion
    # when a strict parse of it has one.
    def scope_id!(name)
      text = Arguments.text(name, "a scope name")
      Library.id_of(text) || begin
        error = Scopes.parse(text).error
        raise error if error

        raise ScopeError.new("#{text.inspect} is not one scope name", kind: "unknown_scope", column: 1, token: text)
      end
    end
  end
end
