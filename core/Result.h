#pragma once
// The one error convention of the core: every operation that can be refused returns a
// Result<T> (or Status) carrying either its value or an Error with a Dutch message for the user.
// Core never shows dialogs and never logs-and-continues; the caller must look at the result.

#include <QString>

#include <optional>
#include <utility>

namespace bs {

enum class ErrorKind {
    Invalid,   // bad input: a field has a value that is not allowed
    Rule,      // a workflow rule refuses the action
    NotFound,  // the thing named does not exist
    Storage,   // the database refused or failed (read-only, corrupt, newer schema, I/O)
    Busy,      // another program holds the registry longer than we are willing to wait
    Conflict,  // the database refused a second row where only one may be (a unique rule); the
               // service that wrote it turns this into its own message
    Denied,    // the user's role does not allow the action
    ConnectionLost,  // the server went away (SQLSTATE class 08 or a closed connection): nothing was
                     // changed, and the same action may succeed once the connection is back
};

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    QString field;    // code name of the field concerned ("buurt", "observed"), may be empty
    QString message;  // complete Dutch sentence(s) for the user, naming the field and what is allowed
    QString detail;   // technical detail (driver text) for logs; never needed to understand the message

    static Error invalid(const QString& field, const QString& message) { return {ErrorKind::Invalid, field, message, {}}; }
    static Error rule(const QString& message) { return {ErrorKind::Rule, {}, message, {}}; }
    static Error notFound(const QString& field, const QString& message) { return {ErrorKind::NotFound, field, message, {}}; }
    static Error storage(const QString& message, const QString& detail = {}) { return {ErrorKind::Storage, {}, message, detail}; }
    static Error denied(const QString& message) { return {ErrorKind::Denied, {}, message, {}}; }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Error error) : m_error(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    // By value, so `for (x : f().value())` does not iterate a destroyed temporary.
    T value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }

    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;

}  // namespace bs

// Propagates a failed Result/Status out of the calling function. The variable name carries the
// line number so that a BS_TRY inside a lambda passed to another BS_TRY does not shadow it.
#define BS_TRY_CONCAT_(a, b) a##b
#define BS_TRY_NAME_(line) BS_TRY_CONCAT_(bsTryResult_, line)
#define BS_TRY(expr)                                   \
    do {                                               \
        auto&& BS_TRY_NAME_(__LINE__) = (expr);        \
        if (!BS_TRY_NAME_(__LINE__).ok())              \
            return BS_TRY_NAME_(__LINE__).error();     \
    } while (false)
