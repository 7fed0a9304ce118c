import mastoscope

print(mastoscope.grants("follow", "read:mutes"))
token = mastoscope.Scopes("read write:media push")
print("read:statuses" in token.closure(), token.normalize())
try:
    mastoscope.Scopes("read raed")
except mastoscope.ScopeError as e:
    print(f"{e.kind} at column {e.column}: {e.message}")
print(mastoscope.authorize("read", "read write").oauth_error)
