# The Debian package: `cmake --build build --target package` writes build/qantar_<version>_amd64.deb.
# It holds what `cmake --install` installs (the program, the GDAL module, the assets, the desktop
# entry, icons, man page and docs); tests, benchmarks and fuzzers have no install rules.
# Depends is worked out by dpkg-shlibdeps (dpkg-dev) from the program and the GDAL module, so it
# names runtime libraries only. OpenGL is added by hand: glad opens libEGL.so.1 and libGL.so.1
# with dlopen, and libglvnd finds Mesa's drivers by its vendor lookup; no ELF dependency shows either.
set(QANTAR_PACKAGE_MAINTAINER "qantar maintainers <maintainers@users.noreply.h-seed-091f711c.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(QANTAR_PACKAGE_HOMEPAGE "" CACHE STRING "Homepage field of the Debian package (left out when empty)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME qantar)
set(CPACK_PACKAGE_VENDOR "qantar")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${QANTAR_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "map and timeline of the January 2022 unrest in Kazakhstan")
set(CPACK_PACKAGE_DESCRIPTION
    "A native desktop map and timeline of the January 2022 unrest in Kazakhstan (\"Qandy Qantar\") for\n"
    "analysts, briefers and report writers: events with their sources on a map of Kazakhstan, played\n"
    "through time, with stories, presentation mode and export to PNG, image sequences and video.\n"
    "Other event data is imported through GDAL (ACLED CSV, GeoJSON, KML, PostGIS).")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # qantar_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${QANTAR_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(QANTAR_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${QANTAR_PACKAGE_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libglvnd's EGL and GL, Mesa's EGL (headless export), its DRI drivers (llvmpipe where there is no
# GPU) and its GLX (the window). The fonts are compiled into the program.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libegl1, libgl1, libegl-mesa0, libgl1-mesa-dri, libglx-mesa0")
# Video export (`--video`, the export dialog's MP4/GIF) runs ffmpeg when it is there.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ffmpeg")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# `make package_source`: the tracked tree, without build directories.
set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")

include(CPack)
