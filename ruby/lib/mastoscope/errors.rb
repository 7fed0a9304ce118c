# frozen_string_literal: true

module Mastoscope
  # The shared library could not be found, or it is not one this binding fits.
  class LoadError < ::LoadError; end

  # A call the library refused: a server name it does not know, a request no route matches, an app
  # the server would never have registered. `kind` is the library's name for the status
  # ("bad_server", "no_route", ...) and `reason` its sentence.
  class Error < StandardError
    attr_reader :kind, :reason

    def initialize(kind, reason = nil)
      @kind = kind
      @reason = reason
      super(reason ? "#{kind}: #{reason}" : kind)
    end
  end

  # A scope string that is not valid where it is read: the first error of the parse. An
  # ArgumentError, because the scope string is the caller's argument. `column` is the 1-based byte
  # column; `token` and `suggestion` are nil where the library has none.
  class ScopeError < ArgumentError
    attr_reader :kind, :column, :token, :suggestion

    def initialize(message = nil, kind: nil, column: nil, token: nil, suggestion: nil)
      @kind = kind
      @column = column
      @token = token
      @suggestion = suggestion
      super(message)
    end
  end
end
