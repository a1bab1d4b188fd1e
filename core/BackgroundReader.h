#pragma once
// Reads for a program that keeps a registry open (the app's list count, status-bar counts and
// dashboard figures), off the thread that shows them, on ONE connection of their own.
//
// Fifty desks share one PostgreSQL server, so a window may hold at most two connections: the
// registry's own (reads and writes of the UI thread, and the change feed's LISTEN) and this one.
// A connection per job would also log in and check the schema every time. So the reader owns one
// worker thread, opens one read-only registry there on the first job (a SQLite file gets the same:
// one read-only connection instead of a new one per job) and runs the jobs one after another.
// When a job meets a lost server connection the registry is opened again and the job, a read,
// is run once more. The connection closes with the reader (with the registry that owns it).
//
// Results come back as a QFuture (watch it with a QFutureWatcher in the UI thread). A newer job of
// the same requester replaces its queued, not yet started job, whose future is then cancelled
// without a result: only the newest request matters, and a backlog would only delay it.

#include "Clock.h"
#include "Result.h"

#include <QFuture>
#include <QMutex>
#include <QPromise>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace bs {

class Registry;

class BackgroundReader {
public:
    // Reads the registry at `path` (a file or a server address, as Registry::openForReading takes
    // it) as `actor`, with `clock` deciding "today"; `clock` must outlive the reader.
    BackgroundReader(QString path, const Clock& clock, QString actor);
    // Drops the queued jobs (their futures are cancelled), waits for the running one and closes
    // the connection.
    ~BackgroundReader();
    BackgroundReader(const BackgroundReader&) = delete;
    BackgroundReader& operator=(const BackgroundReader&) = delete;

    // Runs `work` on the reader's registry in the worker thread; `unavailable` gives the result
    // when the registry cannot be opened. `requester` (usually the caller's `this`; nullptr: none)
    // names whose queued job this one replaces.
    template <typename T>
    QFuture<T> run(const void* requester, std::function<T(Registry&)> work, std::function<T(const Error&)> unavailable);

    // How many times a connection was opened so far (tests: one for many jobs, one more after a loss).
    int connectionsOpened() const { return m_opened.load(); }

private:
    struct Job {
        const void* requester = nullptr;
        std::function<void(Registry&)> work;         // computes the result and keeps it
        std::function<void(const Error&)> fail;      // keeps the result for an unopened registry
        std::function<void()> deliver;               // hands the kept result to the future
    };
    void enqueue(Job job);
    void loop();
    void perform(Job& job);

    const QString m_path;
    const Clock& m_clock;
    const QString m_actor;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Job> m_queue;  // guarded by m_mutex
    bool m_stopping = false;  // guarded by m_mutex
    std::atomic<int> m_opened{0};
    std::unique_ptr<Registry> m_registry;  // the worker thread's only
    bool m_lost = false;                   // the worker thread's only: a statement met a lost connection
    std::unique_ptr<QThread> m_thread;
};

template <typename T>
QFuture<T> BackgroundReader::run(const void* requester, std::function<T(Registry&)> work,
                                 std::function<T(const Error&)> unavailable)
{
    struct State {
        QPromise<T> promise;
        std::optional<T> result;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    QFuture<T> future = state->promise.future();
    Job job;
    job.requester = requester;
    job.work = [state, work = std::move(work)](Registry& registry) { state->result = work(registry); };
    job.fail = [state, unavailable = std::move(unavailable)](const Error& error) { state->result = unavailable(error); };
    job.deliver = [state]() {
        if (state->result)
            state->promise.addResult(std::move(*state->result));
        state->promise.finish();
    };
    enqueue(std::move(job));
    return future;
}

}  // namespace bs
