# Importing other formats through GDAL/OGR (ACLED CSV, GeoJSON with time properties, KML/KMZ,
# any OGR source including PostGIS). GDAL and the ~120 libraries it needs are loaded only when
# something is imported: the readers are built into a module, libqantar-gdal.so, beside the
# program, and qantar_core only holds the functions that load it on first use
# (core/import/gdal_module.hpp).
find_package(GDAL CONFIG REQUIRED)
# libpq reads PG: connection strings when they are masked for display (core/import/pg_conninfo.cpp);
# GDAL's PostgreSQL driver already needs it at run time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

# The readers, as a static library: linked into the module, and directly into the fuzzer and the
# tests of internals. Position-independent, as is qantar_core (src/CMakeLists.txt), for the module.
add_library(qantar_gdal_impl STATIC
  core/import/acled.cpp
  core/import/boundaries.cpp
  core/import/event_collector.cpp
  core/import/features.cpp
  core/import/import.cpp
  core/import/kml_times.cpp
  core/import/ogr_source.cpp
  core/import/ogr_writer.cpp
  core/import/pg_conninfo.cpp
  core/import/time_values.cpp
)
set_target_properties(qantar_gdal_impl PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_link_libraries(qantar_gdal_impl PUBLIC qantar_core PRIVATE GDAL::GDAL PkgConfig::LIBPQ qantar_warnings)

# The module. Only its entry point is exported (gdal_module.map); everything else it holds, its
# copies of core included, stays inside it.
add_library(qantar_gdal MODULE core/import/gdal_module.cpp)
target_link_libraries(qantar_gdal PRIVATE qantar_gdal_impl qantar_warnings)
set_target_properties(qantar_gdal PROPERTIES
  OUTPUT_NAME qantar-gdal
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON
  LINK_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/core/import/gdal_module.map)
target_link_options(qantar_gdal PRIVATE -Wl,--version-script=${CMAKE_CURRENT_SOURCE_DIR}/core/import/gdal_module.map)
# Every symbol resolved at link time, so that a missing library fails the build, not the first
# import. Not with sanitizers: clang leaves their runtime to the program.
if(NOT QANTAR_SANITIZE)
  target_link_options(qantar_gdal PRIVATE -Wl,-z,defs)
endif()

# The loader, in qantar_core: it looks for the module beside the running program, then relative to
# it where `cmake --install` puts it (<exe>/../<libdir>/qantar/, core/import/gdal_loader.cpp).
target_sources(qantar_core PRIVATE core/import/gdal_loader.cpp core/import/credentials.cpp)
# Writing events out (core/export/data_export.hpp): decided in core, written by the module.
target_sources(qantar_core PRIVATE core/export/data_export.cpp)
include(GNUInstallDirs)
target_compile_definitions(qantar_core PRIVATE
  QANTAR_GDAL_MODULE_FILE_NAME="$<TARGET_FILE_NAME:qantar_gdal>"
  QANTAR_INSTALL_LIBDIR="${CMAKE_INSTALL_LIBDIR}"
  QANTAR_LIBRARY_ARCHITECTURE="${CMAKE_LIBRARY_ARCHITECTURE}")
# The test programs (build/tests/) find the module as an installed program would, through
# build/lib/qantar/ linked to it.
add_custom_command(TARGET qantar_gdal POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/lib/qantar
  COMMAND ${CMAKE_COMMAND} -E create_symlink ../../$<TARGET_FILE_NAME:qantar_gdal>
          ${CMAKE_BINARY_DIR}/lib/qantar/$<TARGET_FILE_NAME:qantar_gdal>
  VERBATIM)
target_link_libraries(qantar_core PRIVATE ${CMAKE_DL_LIBS})
