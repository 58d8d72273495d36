# ctest's `install` test: install the build into a scratch prefix, configure
# and build test/install against it with find_package(Distribufy), run the
# program and check what it prints. Run with cmake -P and
#   -DBUILD_DIR=... -DPROJECT_DIR=... -DWORK_DIR=... -DGENERATOR=...
foreach(var BUILD_DIR PROJECT_DIR WORK_DIR GENERATOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "RunInstallTest.cmake needs -D${var}=...")
  endif()
endforeach()

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run("install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(f lib/libdistribufy.a include/distribufy/Config.h include/distribufy/IR/NodeKinds.def
          bin/distribufyc bin/distribufy bin/dist-opt
          share/distribufy/runtime/bin/distribufy-run.js
          share/distribufy/runtime/node_modules/@msgpack/msgpack/package.json)
  if(NOT EXISTS "${prefix}/${f}")
    # Debian-style multiarch libdirs are fine too.
    file(GLOB alt "${prefix}/lib/*/libdistribufy.a")
    if(NOT (f STREQUAL "lib/libdistribufy.a" AND alt))
      message(FATAL_ERROR "not installed: ${f}")
    endif()
  endif()
endforeach()
run("configure" ${CMAKE_COMMAND} -S "${PROJECT_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}")
run("build" ${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("consumer" "${WORK_DIR}/build/consumer")
if(NOT last_output MATCHES "^Distribufy [0-9]+\\.[0-9]+\\.[0-9]+\nlet answer = 6 \\* 7;\n$")
  message(FATAL_ERROR "unexpected consumer output:\n${last_output}")
endif()
message(STATUS "consumer printed:\n${last_output}")
if(EXISTS "${prefix}/share/distribufy/runtime/test")
  message(FATAL_ERROR "the runtime's tests were installed")
endif()

# The installed distribufyc finds the installed runtime (not the source
# tree's) and runs a program with it.
file(WRITE "${WORK_DIR}/prog.js"
  "function main(params) { return { sum: params.a + 1 }; }\nmodule.exports = main;\n")
run("run --dry-run" "${CMAKE_COMMAND}" -E env --unset=DISTRIBUFY_RUNTIME_DIR
    "${prefix}/bin/distribufyc" run "${WORK_DIR}/prog.js" --store "${WORK_DIR}/store" --dry-run)
if(NOT last_output MATCHES "/share/distribufy/runtime/bin/distribufy-run.js ")
  message(FATAL_ERROR "the installed distribufyc does not use the installed runtime:\n${last_output}")
endif()
run("run" "${CMAKE_COMMAND}" -E env --unset=DISTRIBUFY_RUNTIME_DIR
    "${prefix}/bin/distribufyc" run "${WORK_DIR}/prog.js" -p a 41 --result
    --store "${WORK_DIR}/store")
if(NOT last_output MATCHES "{\"sum\":42}")
  message(FATAL_ERROR "unexpected output of the installed distribufyc run:\n${last_output}")
endif()
