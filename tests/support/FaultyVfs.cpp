#include "FaultyVfs.h"

#include "VfsShim.h"

#include <atomic>

namespace bs::test::FaultyVfs {

namespace {

std::atomic<Fault> armed{Fault::None};
std::atomic<int> refused{0};

int refusingWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset)
{
    switch (armed.load()) {
    case Fault::DiskFull: ++refused; return SQLITE_FULL;
    case Fault::IoError: ++refused; return SQLITE_IOERR_WRITE;
    case Fault::None: break;
    }
    return VfsShim::inner(f)->pMethods->xWrite(VfsShim::inner(f), buffer, amount, offset);
}

}  // namespace

void install()
{
    VfsShim::Hooks hooks;
    hooks.write = refusingWrite;
    VfsShim::install("faulty", hooks);
}

void arm(Fault fault)
{
    refused = 0;
    armed = fault;
}

int failedWrites()
{
    return refused.load();
}

}  // namespace bs::test::FaultyVfs
