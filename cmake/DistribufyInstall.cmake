# `cmake --install`: libdistribufy.a, the grammar library, the public headers
# (with their .def files and the generated Config.h), the tools (installed
# by tools/), and a CMake package so that other projects can write
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
