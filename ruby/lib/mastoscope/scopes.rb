# frozen_string_literal: true

module Mastoscope
  # A set of scopes of the data, immutable. Made by parsing a scope string as a server reads it,
  # or by the set operations; ordered, enumerated and printed in id order, as the library does.
  #
  #   Mastoscope::Scopes.new("read write:media")          # strict, Mastodon's newest release
  #   Mastoscope::Scopes.new("read+push", mode: :query)
  #   Mastoscope::Scopes.new("read", server: "gotosocial")
  class Scopes
    include Enumerable

    # The library's ms_scopes for this set, as a frozen String of its words: what C reads when
    # the set is an argument (the library never writes through it).
    attr_reader :native_words

    EMPTY_WORDS = ("\0" * Native::SCOPES_SIZE).b.freeze

    class << self
      # Parses without raising for an invalid text: a ParseResult whose scopes are those written
      # that are valid there, also when the text as a whole is not. A call that is itself wrong (an
      # unknown server, a bad mode) still raises.
      def parse(text, mode: :strict, server: nil, max_length: nil)
        text = Arguments.text(text, "scopes")
        options = Arguments.options(mode: mode, server: server, max_length: max_length)
        buffer = Buffers.current.first
        status = Native.ms_parse(text, text.bytesize, options, buffer, nil)
        scopes = from_words(buffer)
        return ParseResult.new(scopes, nil) if status == Native::MS_OK

        error = failure(text, options)
        raise error unless error.is_a?(ScopeError)

        ParseResult.new(scopes, error)
      end

      def empty
        EMPTY
      end

      # A set from the words the library wrote into a buffer, or from a String of them (the
      # binding's own: a String is checked for size and loses bits that are no scope of the data).
      def from_words(words)
        if words.is_a?(String)
          size = words.bytesize
          raise ArgumentError, "ms_scopes is #{Native::SCOPES_SIZE} bytes, not #{size}" if size != Native::SCOPES_SIZE

          buffer = Buffers.current.second
          Native.ms_union(words, EMPTY_WORDS, buffer)
          words = buffer
        end
        allocate.send(:adopt, words.get_bytes(0, Native::SCOPES_SIZE).freeze)
      end

      # The set of these scope names (any release's), by exact name; an unknown name is a
      # ScopeError.
      def from_names(names)
        buffer = Buffers.current.second
        Native.ms_clear(buffer)
        names.each do |name|
          id = Library.id_of(Arguments.text(name, "a scope name"))
          raise ScopeError.new("unknown scope name #{name.inspect}", kind: "unknown_scope", token: name) unless id

          Native.ms_add(buffer, id)
        end
        allocate.send(:adopt, buffer.get_bytes(0, Native::SCOPES_SIZE).freeze)
      end

      # The ms_scopes of a set argument: a Scopes as it is, a scope string parsed strictly at
      # Mastodon's newest release into `buffer`.
      def native_words_of(value, buffer)
        return value.native_words if value.is_a?(Scopes)

        text = value.is_a?(String) ? value : Arguments.text(value, "scopes (a Mastoscope::Scopes or a scope string)")
        status = Native.ms_parse(text, text.bytesize, nil, buffer, nil)
        raise failure(text, nil) unless status == Native::MS_OK

        buffer
      end

      # Why a parse failed, read by parsing again with an ms_error: the failure path pays for the
      # 1 KiB struct, the path that succeeds does not. A ScopeError for an invalid text, an Error
      # for a call the library refused.
      def failure(text, options)
        error = Native::Error.new
        status = Native.ms_parse(text, text.bytesize, options, nil, error)
        message = Library.field(error, :message)
        kind = Library.status_name(status)
        return Error.new(kind, message) unless Library.parse_status?(status)

        ScopeError.new(message, kind: kind, column: error[:column].zero? ? nil : error[:column],
                                token: Library.token(error, text), suggestion: Library.field(error, :suggestion))
      end
    end

    # Parses strictly by default, as Mastodon does; raises ScopeError for an invalid text.
    def initialize(text, mode: :strict, server: nil, max_length: nil)
      text = Arguments.text(text, "scopes")
      options = Arguments.options(mode: mode, server: server, max_length: max_length)
      buffer = Buffers.current.first
      status = Native.ms_parse(text, text.bytesize, options, buffer, nil)
      raise Scopes.failure(text, options) unless status == Native::MS_OK

      adopt(buffer.get_bytes(0, Native::SCOPES_SIZE).freeze)
    end

    # Literal membership of one name (no hierarchy: "read" does not include "read:statuses").
    def include?(name)
      id = Library.id_of(name)
      !id.nil? && Native.ms_has(@native_words, id) == 1
    end
    alias member? include?

    # Does a token with these scopes hold every scope of `required` (a Scopes or a scope string),
    # through Mastodon's hierarchy?
    def grants?(required)
      Native.ms_grants(@native_words, Scopes.native_words_of(required, Buffers.current.first)) == 1
    end

    # Every scope of self is in other (literally).
    def subset?(other)
      Native.ms_subset(@native_words, Scopes.native_words_of(other, Buffers.current.first)) == 1
    end
    alias <= subset?

    def superset?(other)
      Native.ms_subset(Scopes.native_words_of(other, Buffers.current.first), @native_words) == 1
    end
    alias >= superset?

    # Everything the set grants: the scopes and every scope they grant.
    def closure
      transform(:ms_closure)
    end

    # The smallest set with the same closure.
    def normalize
      transform(:ms_normalize)
    end

    def |(other)
      combine(:ms_union, other)
    end
    alias union |
    alias + |

    def &(other)
      combine(:ms_intersection, other)
    end
    alias intersection &

    def -(other)
      combine(:ms_difference, other)
    end
    alias difference -

    def each
      return enum_for(:each) { size } unless block_given?

      names = Library::SCOPE_NAMES
      @native_words.unpack("Q<#{Native::SCOPE_WORDS}").each_with_index do |word, index|
        base = index * 64
        until word.zero?
          yield names[base + (word & -word).bit_length - 1]
          word &= word - 1 # the lowest bit done
        end
      end
      self
    end

    def to_a
      names = []
      each { |name| names << name }
      names
    end

    def size
      Native.ms_count(@native_words)
    end
    alias length size

    def empty?
      @native_words == EMPTY_WORDS
    end

    # The names in id order, separated by single spaces (ms_format): a scope string Mastodon reads
    # back as this set.
    def to_s
      buffer = Buffers.current.text
      length = Native.ms_format(@native_words, buffer, buffer.size)
      if length >= buffer.size # as snprintf: the whole length, whatever fitted
        buffer = FFI::MemoryPointer.new(length + 1)
        Native.ms_format(@native_words, buffer, buffer.size)
      end
      buffer.get_string(0, length).force_encoding(Encoding::UTF_8)
    end

    def ==(other)
      other.is_a?(Scopes) && other.native_words == @native_words
    end
    alias eql? ==

    def hash
      @native_words.hash
    end

    def inspect
      "#<#{self.class} #{empty? ? '(empty)' : to_s}>"
    end

    # Marshalled as names: ids are only meaningful to the library that gave them.
    def marshal_dump
      to_a
    end

    def marshal_load(names)
      adopt(Scopes.from_names(names).native_words)
    end

    private

    def adopt(words)
      @native_words = words
      freeze
    end

    def transform(function)
      buffer = Buffers.current.first
      Native.public_send(function, @native_words, buffer)
      Scopes.from_words(buffer)
    end

    def combine(function, other)
      buffers = Buffers.current
      Native.public_send(function, @native_words, Scopes.native_words_of(other, buffers.first), buffers.second)
      Scopes.from_words(buffers.second)
    end

    EMPTY = from_words(EMPTY_WORDS)
    private_constant :EMPTY
  end

  # What Scopes.parse answers: `scopes` (those of the text valid there) and the first `error`
  # (a ScopeError, not raised), nil when the text is valid.
  class ParseResult
    attr_reader :scopes, :error

    def initialize(scopes, error)
      @scopes = scopes
      @error = error
      freeze
    end

    def valid?
      error.nil?
    end

    def deconstruct_keys(_keys)
      { valid: valid?, scopes: scopes, error: error }
    end

    def inspect
      valid? ? "#<#{self.class} valid #{scopes}>" : "#<#{self.class} invalid (#{error.kind}) #{error.message}>"
    end
  end
end
