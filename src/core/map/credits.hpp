#pragma once
// Credits that the map data's licences require wherever the map is shown (app and exports).
// Source: assets/geo/README.md ("Attribution to show in the app and in exports").
namespace qantar::core {

inline constexpr const char* kMapDataAttribution =
    "Map data: Natural Earth. Kazakhstan regions: geokz \xC2\xA9 Alexander Rodionov, CC BY 4.0 (from OCHA/HDX COD-AB).";

}  // namespace qantar::core
