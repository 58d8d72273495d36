//===- Driver.cpp - Input, output and the compile pipeline ----------------===//
#include "distribufy/Driver/Driver.h"

#include "distribufy/Backend/Emitter.h"
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Support/LargeStack.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace distribufy::driver {

std::optional<FileId> readSourceFile(SourceManager &sm, DiagnosticEngine &diags,
                                     const std::string &path) {
  auto fail = [&](const char *why) {
    diags.report(DiagId::err_cannot_read, path, why);
    return std::nullopt;
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return fail(std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return fail(std::strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
  }
  std::string text;
  text.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  // Read until EOF rather than trusting st_size: the file may be changing.
  for (;;) {
    if (done == text.size())
      text.resize(text.size() + 65536);
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      return fail(std::strerror(e));
    }
    if (n == 0)
      break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  text.resize(done);
  return sm.addBuffer(path, std::move(text));
}

bool writeFileAtomically(const std::string &path, std::string_view text, DiagnosticEngine &diags) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = dir + "/." + base + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    diags.report(DiagId::err_cannot_write, path, std::strerror(errno));
    return false;
  }
  auto fail = [&](int e) {
    ::close(fd);
    ::unlink(temp.c_str());
    diags.report(DiagId::err_cannot_write, path, std::strerror(e));
    return false;
  };
  // mkstemp creates the file 0600; an output file is an ordinary file.
  if (::fchmod(fd, 0644) != 0)
    return fail(errno);
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return fail(errno);
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(temp.c_str());
    diags.report(DiagId::err_cannot_write, path, std::strerror(e));
    return false;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(temp.c_str());
    diags.report(DiagId::err_cannot_write, path, std::strerror(e));
    return false;
  }
  return true;
}

CompileResult compile(const SourceManager &sm, FileId file, DiagnosticEngine &diags,
                      const CompileOptions &options) {
  CompileResult result;
  // Reject a bad pipeline before spending time on the input.
  PassManager pm;
  for (const std::string &pipeline : options.pipelines)
    if (!pm.addPipeline(pipeline, diags))
      return result;
  pm.setInstrumentation(options.instrumentation);

  runWithLargeStack([&] {
    std::unique_ptr<ir::Module> module = parseJavaScript(sm, file, diags, options.parse);
    if (!module || diags.hasErrors())
      return;
    module->stressCheckpoints = options.stress;
    bool ok = pm.run(*module, diags);
    if (options.instrumentation.timePasses)
      result.timingReport = pm.timingReport();
    if (!ok || diags.hasErrors())
      return;
    if (const schema::FrameSchema *s = module->frameSchema())
      result.schema = *s;
    switch (options.emit) {
    case EmitKind::IR:
      result.output = dumpIR(*module);
      break;
    case EmitKind::SchemaJson:
      if (!result.schema) {
        result.error = "no frame schema to emit: the pipeline has no 'catch' pass (for example "
                       "--passes=desugar,anf,modularize,closure,catch)";
        return;
      }
      result.output = writeSchemaJson(*result.schema, /*pretty=*/true);
      break;
    case EmitKind::JavaScript: {
      EmitOptions emitOptions;
      if (options.sourceMap) {
        emitOptions.sourceMap = &result.sourceMap;
        emitOptions.sourceMapFile = options.sourceMapFile;
      }
      result.output = emitJavaScript(*module, emitOptions);
      break;
    }
    }
    result.ok = true;
  });
  return result;
}

} // namespace distribufy::driver
