# Importing other formats through GDAL/OGR (ACLED CSV, GeoJSON with time properties, KML/KMZ,
# any OGR source including PostGIS): sources are added to qantar_core here.
find_package(GDAL CONFIG REQUIRED)
target_sources(qantar_core PRIVATE
  core/import/acled.cpp
  core/import/boundaries.cpp
  core/import/event_collector.cpp
  core/import/features.cpp
  core/import/import.cpp
  core/import/kml_times.cpp
  core/import/ogr_source.cpp
  core/import/time_values.cpp
)
target_link_libraries(qantar_core PRIVATE GDAL::GDAL)
