# `cmake --install`: libdistribufy.a, the grammar library, the public headers
# (with their .def files and the generated Config.h), the tools (installed
# by tools/), the runtime package with its npm dependencies (for
# `distribufyc run`), and a CMake package so that other projects can write
#   find_package(Distribufy) ... target_link_libraries(app Distribufy::Distribufy)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(DISTRIBUFY_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/Distribufy")

install(TARGETS Distribufy distribufy_ts_javascript
  EXPORT DistribufyTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/distribufy
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.def")
install(FILES ${PROJECT_BINARY_DIR}/include/distribufy/Config.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/distribufy)

install(EXPORT DistribufyTargets
  NAMESPACE Distribufy::
  DESTINATION ${DISTRIBUFY_CMAKE_DIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/DistribufyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/DistribufyConfig.cmake
  INSTALL_DESTINATION ${DISTRIBUFY_CMAKE_DIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/DistribufyConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/DistribufyConfig.cmake
  ${PROJECT_BINARY_DIR}/DistribufyConfigVersion.cmake
  DESTINATION ${DISTRIBUFY_CMAKE_DIR})

# The runtime package, where an installed `distribufyc run` looks for it
# (<prefix>/share/distribufy/runtime), with its node_modules: its only
# dependencies are runtime ones (@msgpack/msgpack), so the installed tree
# works without network access or a later `npm ci`. Its tests stay behind.
if(NOT EXISTS "${PROJECT_SOURCE_DIR}/runtime/node_modules/@msgpack/msgpack")
  message(WARNING "runtime/node_modules is missing (run scripts/setup.sh or "
                  "`npm ci --prefix runtime`): an installed `distribufyc run` would not work")
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/distribufy/runtime
  USE_SOURCE_PERMISSIONS
  REGEX "/runtime/test$" EXCLUDE)
