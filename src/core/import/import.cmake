# Importing other formats through GDAL/OGR (ACLED CSV, GeoJSON with time properties, KML/KMZ,
# any OGR source including PostGIS): sources are added to qantar_core here.
