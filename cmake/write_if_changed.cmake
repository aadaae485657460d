# Included by the scripts that generate headers at every build (version_commit.cmake,
# cache_code.cmake): writes `content` to `out` only when it differs, so an unchanged header
# recompiles nothing.
function(qantar_write_if_changed out content)
  if(EXISTS ${out})
    file(READ ${out} old)
  else()
    set(old "")
  endif()
  if(NOT old STREQUAL content)
    file(WRITE ${out} "${content}")
  endif()
endfunction()
