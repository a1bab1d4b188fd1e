#include "BackgroundReader.h"

#include "Registry.h"

#include <QThread>

namespace bs {

BackgroundReader::BackgroundReader(QString path, const Clock& clock, QString actor)
    : m_path(std::move(path)), m_clock(clock), m_actor(std::move(actor))
{
    // No event loop in the worker: jobs come through the queue, results through the futures.
    m_thread.reset(QThread::create([this]() { loop(); }));
    m_thread->setObjectName(QStringLiteral("buurtsignaal-reader"));
    m_thread->start();
}

BackgroundReader::~BackgroundReader()
{
    std::deque<Job> dropped;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        dropped.swap(m_queue);
        m_wake.wakeAll();
    }
    dropped.clear();  // their promises end cancelled, so whoever waits for one is released
    m_thread->wait();
}

void BackgroundReader::enqueue(Job job)
{
    QMutexLocker lock(&m_mutex);
    if (job.requester) {
        std::erase_if(m_queue, [&job](const Job& queued) { return queued.requester == job.requester; });
    }
    m_queue.push_back(std::move(job));
    m_wake.wakeOne();
}

void BackgroundReader::loop()
{
    for (;;) {
        Job job;
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        perform(job);
    }
    // A connection is closed in the thread that opened it.
    m_registry.reset();
}

void BackgroundReader::perform(Job& job)
{
    // A job is a read, so after a lost connection it is asked once more on a new one.
    for (int attempt = 1; attempt <= 2; ++attempt) {
        if (!m_registry) {
            auto opened = Registry::openForReading(m_path, Registry::Create::No, m_clock, m_actor);
            if (!opened.ok()) {
                job.fail(opened.error());
                break;
            }
            m_registry = std::move(opened).value();
            m_registry->db().setConnectionLostHandler([this]() { m_lost = true; });
            ++m_opened;
        }
        m_lost = false;
        job.work(*m_registry);
        if (!m_lost)
            break;
        m_registry.reset();  // opened again for the next attempt or job
    }
    job.deliver();
}

}  // namespace bs
