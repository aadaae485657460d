# `cmake --install build [--prefix P]`: the program, its GDAL module, the assets, the desktop entry
# and icons, the manual page and the documents, laid out so that the installed program finds
# everything relative to its own location (no build or source path is baked into it):
#   P/bin/qantar
#   P/lib[/<multiarch>]/qantar/libqantar-gdal.so   (found as <exe>/../lib.../qantar/, gdal_loader.cpp)
#   P/share/qantar/assets/{geo,events,stories}      (found as <exe>/../share/qantar/assets, assets.cpp)
#   P/share/qantar/cache/{map,glyphs}.cache          (the map's cache, found beside the assets)
#   P/share/applications/qantar.desktop, P/share/icons/hicolor/*/apps/qantar.{png,svg}
#   P/share/man/man1/qantar.1
#   P/share/doc/qantar/ (README, assets README, data provenance, licences)
include(GNUInstallDirs)

install(TARGETS qantar RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT qantar)
install(TARGETS qantar_gdal LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/qantar COMPONENT qantar)

# What the program reads: the base map, the bundled events and the bundled stories.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/geo ${PROJECT_SOURCE_DIR}/assets/events
                  ${PROJECT_SOURCE_DIR}/assets/stories
        DESTINATION ${CMAKE_INSTALL_DATADIR}/qantar/assets COMPONENT qantar
        PATTERN "*.md" EXCLUDE)

# The map's cache files, made by the build (src/CMakeLists.txt, target qantar_map_cache), found as
# <assets>/../cache/ (core/map/map_cache.hpp); without them the program makes its own on first use.
install(FILES ${CMAKE_BINARY_DIR}/cache/map.cache ${CMAKE_BINARY_DIR}/cache/glyphs.cache
        DESTINATION ${CMAKE_INSTALL_DATADIR}/qantar/cache COMPONENT qantar OPTIONAL)

# Documents: the README, where the data comes from and under which terms.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT qantar)
install(FILES ${PROJECT_SOURCE_DIR}/assets/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}
        RENAME README.assets.md COMPONENT qantar)
install(FILES ${PROJECT_SOURCE_DIR}/assets/geo/PROVENANCE.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT qantar)
file(GLOB QANTAR_LICENSE_FILES ${PROJECT_SOURCE_DIR}/LICENSE* ${PROJECT_SOURCE_DIR}/COPYING*)
if(QANTAR_LICENSE_FILES)
  install(FILES ${QANTAR_LICENSE_FILES} DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT qantar)
endif()

# Desktop entry, icons and manual page (packaging/).
set(QANTAR_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
if(EXISTS ${QANTAR_PACKAGING_DIR}/qantar.desktop)
  install(FILES ${QANTAR_PACKAGING_DIR}/qantar.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
          COMPONENT qantar)
endif()
foreach(size 16 22 24 32 48 64 128 256)
  if(EXISTS ${QANTAR_PACKAGING_DIR}/icons/qantar-${size}.png)
    install(FILES ${QANTAR_PACKAGING_DIR}/icons/qantar-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME qantar.png
            COMPONENT qantar)
  endif()
endforeach()
if(EXISTS ${QANTAR_PACKAGING_DIR}/icons/qantar.svg)
  install(FILES ${QANTAR_PACKAGING_DIR}/icons/qantar.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT qantar)
endif()
if(EXISTS ${QANTAR_PACKAGING_DIR}/qantar.1)
  install(FILES ${QANTAR_PACKAGING_DIR}/qantar.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT qantar)
endif()
