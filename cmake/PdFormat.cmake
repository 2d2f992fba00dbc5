# `format` rewrites every C++ file with the project's .clang-format; `format-check` fails on any difference.
find_program(CLANG_FORMAT_PROGRAM NAMES clang-format-14 clang-format)
if(NOT CLANG_FORMAT_PROGRAM)
    message(STATUS "clang-format not found: the format targets are unavailable")
    return()
endif()

set(_pd_format_dirs app models sync reports ui server tests bench)
set(_pd_format_globs)
foreach(dir IN LISTS _pd_format_dirs)
    list(APPEND _pd_format_globs "${PROJECT_SOURCE_DIR}/${dir}/*.cpp" "${PROJECT_SOURCE_DIR}/${dir}/*.h")
endforeach()

add_custom_target(format
    COMMAND ${CMAKE_COMMAND} -DCLANG_FORMAT=${CLANG_FORMAT_PROGRAM} -DMODE=fix
            -DROOT=${PROJECT_SOURCE_DIR} "-DDIRS=${_pd_format_dirs}" -P ${PROJECT_SOURCE_DIR}/cmake/PdRunFormat.cmake
    COMMENT "clang-format: rewriting sources" VERBATIM)
add_custom_target(format-check
    COMMAND ${CMAKE_COMMAND} -DCLANG_FORMAT=${CLANG_FORMAT_PROGRAM} -DMODE=check
            -DROOT=${PROJECT_SOURCE_DIR} "-DDIRS=${_pd_format_dirs}" -P ${PROJECT_SOURCE_DIR}/cmake/PdRunFormat.cmake
    COMMENT "clang-format: checking sources" VERBATIM)
