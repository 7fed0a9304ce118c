/* mastoscope's C API (C99): Mastodon's OAuth scopes for C and for every language that calls C (Ruby,
 * Go, Python, Rust). No C++ types cross it and no exception escapes it. Every function is safe on
 * any input: NULL pointers, lengths that do not match, text that is not UTF-8, ids out of range.
 * Nothing is for the caller to free: texts are written into the caller's structs and buffers, or are
 * the library's own, which live as long as the program.
 *
 * Conventions:
 *   - A text is a pointer and a length in bytes; it may hold any bytes, NUL included. A NULL pointer
 *     with length 0 is the empty text; a NULL pointer with another length is an argument error.
 *   - Functions that answer yes or no return 1 or 0, and 0 for anything they cannot answer (a NULL
 *     set): never a yes the server would not give.
 *   - Functions that can fail return an ms_status: MS_OK (0), or why not.
 *   - A scope id is the scope's index in the library's data. Ids are only meaningful to the library
 *     that gave them: keep names, not ids, across processes and library versions.
 *   - ms_scopes has room for MS_SCOPE_WORDS * 64 ids whatever the data holds, so its layout is the
 *     same for every build of this ABI; bits past ms_scope_count() are never set by the library and
 *     are ignored on input (a required scope there is never granted).
 */
#ifndef MASTOSCOPE_H
#define MASTOSCOPE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI of this header: ms_abi_version() of a library that fits it. A program should check that
 * they are equal before its first call. */
#define MS_ABI_VERSION 1
#define MS_SCOPE_WORDS 4

/* ---- statuses ------------------------------------------------------------------------------------ */

typedef enum ms_status {
    MS_OK = 0,
    /* the text is no valid scope string (ms_parse): the first error's kind */
    MS_EMPTY = 1,           /* blank input (lenient: no known scope left) */
    MS_BAD_CHARACTER = 2,   /* a tab, CR, LF, other control byte or non-ASCII byte */
    MS_BAD_ESCAPE = 3,      /* query mode: '%' not followed by two hex digits */
    MS_UNKNOWN_SCOPE = 4,   /* no such scope */
    MS_NOT_YET_ADDED = 5,   /* the server's release predates the scope */
    MS_REMOVED = 6,         /* the server's release no longer has the scope */
    MS_TOO_LONG = 7,        /* longer than max_length; not read */
    /* the call itself is wrong */
    MS_BAD_ARGUMENT = 100,  /* a NULL pointer where one is needed, or a mode or grant out of range */
    MS_BAD_SERVER = 101,    /* ms_options.server is not NAME[@VERSION] of a known server */
    MS_NO_ROUTE_TABLE = 102, /* endpoint and plan: the data has routes for Mastodon only */
    MS_NO_ROUTE = 103,      /* endpoint and plan: no route of Mastodon matches the request */
    MS_NO_MEMORY = 104,     /* the library could not allocate */
    MS_INTERNAL = 105       /* the library failed in a way it does not expect (please report it) */
} ms_status;

/* "unknown_scope", "bad_argument", ... (the names of scopecheck's JSON); "" for a value out of range. */
const char* ms_status_name(int status);

/* ---- library ------------------------------------------------------------------------------------- */

unsigned ms_abi_version(void);
const char* ms_library_version(void); /* "0.1.0" */
const char* ms_data_revision(void);   /* the digest of the scope data the library was built from */

/* ---- names and sets ------------------------------------------------------------------------------ */

typedef struct ms_scopes {
    uint64_t words[MS_SCOPE_WORDS];
} ms_scopes;

int ms_scope_count(void);                     /* ids are 0 .. ms_scope_count() - 1 */
int ms_lookup(const char* name, size_t length); /* the id of exactly this name (case-sensitive), or -1 */
const char* ms_name(int id);                  /* "read:mutes"; NULL out of range */
const char* ms_description(int id);           /* one line; NULL out of range */

void ms_clear(ms_scopes* set);
int ms_add(ms_scopes* set, int id);           /* 1 added or already there, 0 for an id out of range */
int ms_has(const ms_scopes* set, int id);     /* 1 or 0 */
int ms_count(const ms_scopes* set);
int ms_equal(const ms_scopes* a, const ms_scopes* b);
int ms_subset(const ms_scopes* part, const ms_scopes* whole);  /* every scope of part is in whole */
/* out = a | b, a & b, a - b (out may be a or b). */
void ms_union(const ms_scopes* a, const ms_scopes* b, ms_scopes* out);
void ms_intersection(const ms_scopes* a, const ms_scopes* b, ms_scopes* out);
void ms_difference(const ms_scopes* a, const ms_scopes* b, ms_scopes* out);

/* The names of the set in id order, separated by single spaces: as snprintf, writes at most
 * capacity - 1 bytes and a NUL, and returns the length of the whole text. */
size_t ms_format(const ms_scopes* set, char* buffer, size_t capacity);

/* ---- the hierarchy (Mastodon's, newest release) ------------------------------------------------- */

/* Everything the set grants at Mastodon's newest release: the scopes and every scope they grant
 * ("read" grants "read:statuses", the deprecated "follow" grants "read:mutes"); a scope removed before
 * that release (read:reports) is granted by nothing. */
void ms_closure(const ms_scopes* in, ms_scopes* out);
/* Does a token with `granted` hold every scope of `required`? 1 or 0. */
int ms_grants(const ms_scopes* granted, const ms_scopes* required);
/* The smallest set with the same closure. */
void ms_normalize(const ms_scopes* in, ms_scopes* out);

/* ---- parsing ------------------------------------------------------------------------------------- */

typedef enum ms_mode {
    MS_MODE_STRICT = 0,  /* exactly what Mastodon accepts: names separated by runs of spaces */
    MS_MODE_QUERY = 1,   /* a raw URL query or form value: '+' is a space, %XX is decoded, then strict */
    MS_MODE_LENIENT = 2  /* commas and ASCII whitespace also separate; unknown names are warnings */
} ms_mode;

typedef struct ms_options {
    int mode;           /* an ms_mode */
    const char* server; /* NUL-terminated NAME[@VERSION] ("mastodon@4.2.0", "gotosocial"); NULL: Mastodon's
                           newest release */
    size_t max_length;  /* longer text is refused unread (MS_TOO_LONG); 0: the library's default (64 KiB) */
} ms_options;

#define MS_TEXT_CAPACITY 256

/* The first error of a parse, or why a call failed. Texts longer than their field are cut, at a
 * character boundary, and end in "..."; each is NUL-terminated. */
typedef struct ms_error {
    int status;                          /* an ms_status; MS_OK when there is none */
    size_t column;                       /* 1-based byte column in the text; 0 where none applies */
    char token[MS_TEXT_CAPACITY];        /* the offending name as read ("" where there is none) */
    char suggestion[MS_TEXT_CAPACITY];   /* what to write instead, or "" */
    char message[2 * MS_TEXT_CAPACITY];  /* one sentence: "unknown scope 'raed'; did you mean 'read'?" */
} ms_error;

/* Parses a scope string as the server of `options` reads it (NULL options: strict, Mastodon's newest
 * release). Returns MS_OK when it is valid, else the first error's status, also written to `error`
 * (which may be NULL). `out` (may be NULL) gets the scopes written that are valid there, also when
 * the text as a whole is not. Warnings (deprecated, duplicate) do not make a text invalid. */
int ms_parse(const char* text, size_t length, const ms_options* options, ms_scopes* out, ms_error* error);

/* ---- versions and servers ------------------------------------------------------------------------ */

/* The releases that added, deprecated and removed a scope in Mastodon, as "4.3.0", or "" (never, or
 * before the data starts). */
typedef struct ms_history {
    char added[64];
    char deprecated[64];
    char removed[64];
} ms_history;
int ms_scope_history(int id, ms_history* out); /* MS_OK, or MS_BAD_ARGUMENT for an id out of range */

int ms_server_count(void);                     /* the servers the data describes; 0 is Mastodon */
const char* ms_server_name(int index);         /* "mastodon", "gotosocial", ...; NULL out of range */
const char* ms_server_display_name(int index); /* "Mastodon", "GoToSocial", ...; NULL out of range */
/* The newest release of the server the data describes, written as ms_format writes (0 out of range). */
size_t ms_server_newest_release(int index, char* buffer, size_t capacity);
/* The scopes the server of `options` defines at its release (its vocabulary). */
int ms_server_scopes(const ms_options* options, ms_scopes* out);

/* ---- the server's real checks -------------------------------------------------------------------- */

typedef enum ms_grant { MS_GRANT_AUTHORIZATION_CODE = 0, MS_GRANT_CLIENT_CREDENTIALS = 1 } ms_grant;

/* What the server answers a request. `ok` is 1 when it lets the request through; `status` is the HTTP
 * status it answers (0 for a plan, which is no request); `reason` says why not, for people ("" when ok); `oauth_error` is the OAuth error
 * code where the server names one ("invalid_scope"), else "". `scopes` is what the answer holds:
 * register, the app's scopes; authorize, the token's; endpoint, the scopes the route accepts (any one
 * of them, held literally, passes); plan, the least-privilege set. `unknown` counts names the server
 * keeps that are no scope of the data (they are not in `scopes`). */
typedef struct ms_answer {
    int ok;
    int status;
    char oauth_error[32];
    char reason[2 * MS_TEXT_CAPACITY];
    ms_scopes scopes;
    int unknown;
} ms_answer;

/* POST /api/v1/apps with the `scopes` parameter as the server's framework decoded it (NULL: no
 * parameter). Returns MS_OK when `out` holds the server's answer. */
int ms_register(const char* scopes, size_t length, const ms_options* options, ms_answer* out);

/* GET /oauth/authorize (MS_GRANT_AUTHORIZATION_CODE) or POST /oauth/token (MS_GRANT_CLIENT_CREDENTIALS)
 * for an app that registered `registered` (the text it sent to ms_register), with the `scope` parameter
 * `requested` (NULL: none). Returns MS_OK when `out` holds the server's answer. */
int ms_authorize(const char* registered, size_t registered_length, const char* requested, size_t requested_length,
                 int grant, const ms_options* options, ms_answer* out);

/* A request to Mastodon's API: METHOD and path ("GET", "/api/v1/accounts/1/statuses?limit=5") with a
 * token holding `token` as written (NULL: no token). MS_NO_ROUTE if no route matches. */
int ms_endpoint(const char* method, size_t method_length, const char* path, size_t path_length, const ms_scopes* token,
                const ms_options* options, ms_answer* out);

/* The least-privilege scopes for one token that calls every request of `requests` ("METHOD /path",
 * NUL-terminated, `count` of them). `out->ok` is 0 when some request cannot be served at the release;
 * MS_NO_ROUTE (with the request in `out->reason`) when one matches no route. */
int ms_plan(const char* const* requests, size_t count, const ms_options* options, ms_answer* out);

#ifdef __cplusplus
}
#endif

#endif /* MASTOSCOPE_H */
