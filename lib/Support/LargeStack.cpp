//===- LargeStack.cpp -----------------------------------------------------===//
#include "distribufy/Support/LargeStack.h"

#include <pthread.h>

namespace distribufy {

namespace {
struct Work {
  const std::function<void()> *fn;
};
void *trampoline(void *arg) {
  (*static_cast<Work *>(arg)->fn)();
  return nullptr;
}
} // namespace

void runWithLargeStack(const std::function<void()> &work, size_t stackBytes) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) {
    work();
    return;
  }
  pthread_t thread;
  Work w{&work};
  bool started = pthread_attr_setstacksize(&attr, stackBytes) == 0 &&
                 pthread_create(&thread, &attr, trampoline, &w) == 0;
  pthread_attr_destroy(&attr);
  if (!started) {
    work();
    return;
  }
  pthread_join(thread, nullptr);
}

} // namespace distribufy
