#!/bin/sh
# GDAL is loaded on the first import only (src/core/import/gdal_module.hpp). Checks the ELF files
# as built: none of the programs names libgdal among the libraries it needs (which would map GDAL
# and the ~120 libraries behind it into every run), the module does, and the module exports only
# its entry point, so its copies of core never stand in for the program's.
# Usage: gdal_linkage_test.sh path/to/libqantar-gdal.so path/to/program...
set -eu

MODULE=${1:?usage: gdal_linkage_test.sh path/to/libqantar-gdal.so path/to/program...}
shift
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v readelf >/dev/null || fail "readelf (binutils) is missing"

# The DT_NEEDED entries of an ELF file, one per line.
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'; }

needed "$MODULE" | grep -q '^libgdal\.' || fail "$MODULE does not link libgdal; needs: $(needed "$MODULE" | tr '\n' ' ')"
for program in "$@"; do
    [ -n "$(needed "$program")" ] || fail "no libraries found in $program (not a dynamically linked ELF file?)"
    if needed "$program" | grep -q '^libgdal\.'; then
        fail "$program links libgdal; importing should load it through $MODULE instead"
    fi
done

# Defined symbols in the dynamic symbol table (undefined ones have section index UND).
exported=$(readelf --dyn-syms -W "$MODULE" | awk '$7 != "UND" && ($5 == "GLOBAL" || $5 == "WEAK") { print $8 }')
[ "$exported" = qantar_gdal_entry ] || fail "$MODULE should export only qantar_gdal_entry; it exports: $exported"
echo "OK: $# programs without libgdal; $MODULE links it and exports only qantar_gdal_entry"
